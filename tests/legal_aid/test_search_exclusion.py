"""A request for legal assistance is never found by the site's search, whatever is searched."""

import pytest

from django.urls import reverse

from search.models import SearchEntry

from .helpers import SECRET_WORDS, submit

pytestmark = pytest.mark.django_db


def test_nothing_of_a_request_is_found_by_the_search(
    client, request_form, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        request_form.save_revision().publish()  # its search entry is written once this commits
        response = submit(client, request_form)
    assert response.status_code == 201, response.content

    for word in SECRET_WORDS:
        found = client.get(reverse("wagtailapi:search:listing"), {"q": word})
        assert found.status_code == 200
        assert found.json()["meta"]["total_count"] == 0, word
        assert not SearchEntry.objects.filter(body__icontains=word).exists()
    # The form page itself is public and found, the way a journalist finds where to ask.
    found = client.get(reverse("wagtailapi:search:listing"), {"q": request_form.title})
    assert request_form.title in [item["title"] for item in found.json()["items"]]
