"""Sending from the admin: preview, a test to the editor's own address, the sending and its progress."""

import pytest

from django.urls import reverse

from newsletter.factories import SubscriberFactory
from newsletter.models import Edition, EditionStatus
from publications.factories import NewsletterPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(news_index):
    page = NewsletterPageFactory(parent=news_index, title="UPR Trax, May", intro="Five new reports.")
    page.save_revision().publish()
    return page


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser(
        username="editor", email="editor@example.org", password="x"
    )
    client.force_login(user)
    return user


def test_the_preview_shows_the_issue_as_mailed(client, editor, page):
    response = client.get(reverse("newsletter_admin:preview", args=[page.pk]))
    assert response.status_code == 200
    assert b"Five new reports." in response.content


def test_a_test_goes_to_the_editors_own_address_only(client, editor, page, smtp):
    SubscriberFactory(email="reader@example.org")
    response = client.post(reverse("newsletter_admin:send", args=[page.pk]), {"action": "test"})
    assert response.status_code == 302
    [message] = smtp.inbox.parsed
    assert message["To"] == "editor@example.org"
    assert message["Subject"].strip() == "[Test] UPR Trax, May"
    assert not Edition.objects.exists()


def test_sending_from_the_admin_and_its_progress(
    client, editor, page, smtp, django_capture_on_commit_callbacks
):
    SubscriberFactory(email="a@example.org")
    SubscriberFactory(email="b@example.org")
    screen = client.get(reverse("newsletter_admin:send", args=[page.pk]))
    assert "Send to 2 subscribers" in screen.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("newsletter_admin:send", args=[page.pk]), {"action": "send"})
    edition = Edition.objects.get()
    assert response["Location"] == reverse("newsletter_admin:edition", args=[edition.pk])
    assert edition.status == EditionStatus.DONE and edition.created_by == editor
    assert sorted(m["To"] for m in smtp.inbox.parsed) == ["a@example.org", "b@example.org"]
    progress = client.get(response["Location"]).content.decode()
    assert '<td data-count="sent">2</td>' in progress
    assert '<td data-count="pending">0</td>' in progress


def test_editors_without_the_permission_cannot_send(client, django_user_model, page):
    user = django_user_model.objects.create_user(username="writer", password="x", is_staff=True)
    client.force_login(user)
    response = client.post(reverse("newsletter_admin:send", args=[page.pk]), {"action": "send"})
    assert response.status_code in (302, 403)
    assert not Edition.objects.exists()
