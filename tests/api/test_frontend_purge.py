"""An editor's publication purges the CDN once: each address of the API it can change, once, when
the request has ended, however many commits and callbacks it took (search entries, references)."""

import pytest

from django.urls import reverse

from publications.factories import NewsIndexPageFactory, NewsPageFactory
from tests.publications.support import news_form
from tests.support import frontend_cache

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def news(home_pages, settings):
    settings.WAGTAILFRONTENDCACHE = {"cdn": {"BACKEND": "tests.support.frontend_cache.RecordingBackend"}}
    index = NewsIndexPageFactory(parent=home_pages["en"])
    page = NewsPageFactory(parent=index, title="Radio journalist released")
    page.save_revision().publish()
    return page


def test_an_editor_publishing_purges_each_address_once(admin_client, news, settings):
    frontend_cache.PURGED.clear()
    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[news.pk]),
        {**news_form(news, summary="Released after 41 days."), "action-publish": "publish"},
    )
    assert response.status_code == 302, response.content[:2000]
    base = settings.WAGTAILAPI_BASE_URL
    purged = frontend_cache.PURGED
    assert f"{base}{reverse('wagtailapi:pages:detail', args=[news.pk])}" in purged
    assert f"{base}{reverse('wagtailapi:pages:listing')}" in purged
    assert f"{base}{reverse('wagtailapi:search:listing')}" in purged
    assert len(purged) == len(set(purged)), sorted(purged)


def test_a_change_outside_a_request_purges_at_once(news):
    frontend_cache.PURGED.clear()
    news.summary = "Back on air."
    news.save_revision().publish()
    assert frontend_cache.PURGED
