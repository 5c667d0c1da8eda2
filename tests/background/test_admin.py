"""Failed tasks are listed in the admin for superusers, with what went wrong; nobody can edit them."""

import pytest
from django_tasks_db.models import DBTaskResult

from django.urls import reverse

from users.factories import UserFactory

from .tasks import always_fails

pytestmark = pytest.mark.django_db


@pytest.fixture
def failed_task(settings):
    settings.TASKS = {
        "default": {**settings.TASKS["default"], "BACKEND": "background.backends.DatabaseBackend"}
    }
    result = always_fails.enqueue("the index is corrupt")
    DBTaskResult.objects.filter(pk=result.id).update(
        status="FAILED",
        exception_class_path="builtins.ValueError",
        traceback="ValueError: the index is corrupt",
    )
    return DBTaskResult.objects.get(pk=result.id)


def test_a_superuser_sees_failed_tasks_and_their_traceback(client, failed_task):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    listing = client.get(reverse("background_tasks:index") + "?status=FAILED")
    assert listing.status_code == 200
    assert "tests.background.tasks.always_fails" in listing.content.decode()
    detail = client.get(reverse("background_tasks:inspect", args=[failed_task.pk]))
    assert "ValueError: the index is corrupt" in detail.content.decode()
    assert client.get(reverse("background_tasks:edit", args=[failed_task.pk])).status_code in (302, 403)


def test_an_editor_does_not_see_them(client, failed_task):
    from django.contrib.auth.models import Permission

    editor = UserFactory(is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get(reverse("background_tasks:index")).status_code in (302, 403)
