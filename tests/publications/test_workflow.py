"""Publishing goes through moderation: editors submit, moderators publish."""

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse

from publications.factories import NewsPageFactory
from tests.publications.support import news_form
from tests.support.site_tree import ensure_moderation_workflow
from users.factories import UserFactory

pytestmark = pytest.mark.django_db


def member_of(group_name):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_an_editor_submits_and_a_moderator_publishes(client, sections):
    assert ensure_moderation_workflow().active
    draft = NewsPageFactory(parent=sections["news"], live=False, title="Workshop in Rubavu")
    draft.save_revision()

    client.force_login(member_of("Editors"))
    publish_attempt = client.post(
        reverse("wagtailadmin_pages:edit", args=[draft.pk]), {**news_form(draft), "action-publish": "publish"}
    )
    draft.refresh_from_db()
    assert not draft.live  # editors cannot publish
    assert publish_attempt.status_code in (302, 403)

    client.post(
        reverse("wagtailadmin_pages:edit", args=[draft.pk]),
        {**news_form(draft, summary="Twenty journalists trained."), "action-submit": "submit"},
    )
    draft.refresh_from_db()
    assert draft.workflow_in_progress
    assert not draft.live

    client.force_login(member_of("Moderators"))
    task_state = draft.current_workflow_task_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[draft.pk, "approve", task_state.pk]),
        {"comment": ""},
    )
    assert response.status_code in (200, 302)
    draft.refresh_from_db()
    assert draft.live
    assert draft.summary == "Twenty journalists trained."
