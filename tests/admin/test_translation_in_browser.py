"""In Chromium: an editor submits a published news item for translation into French through
wagtail-localize's own screen; the French copy is a draft (not on the site, not in the API) until a
translator publishes it."""

import pytest

from publications.factories import NewsIndexPageFactory, NewsPageFactory
from publications.models import NewsPage

from .support import sign_in_as_the_printed_admin

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_page_submitted_for_translation_stays_a_draft_until_published(
    live_server, page, home_pages, locales
):
    news = NewsIndexPageFactory(parent=home_pages["en"])
    news.save_revision().publish()
    news.copy_for_translation(locales["fr"]).save_revision().publish()
    item = NewsPageFactory(parent=news, title="Journalists trained in Huye")
    item.save_revision().publish()
    base = live_server.url
    sign_in_as_the_printed_admin(page, base)

    page.goto(f"{base}/admin/localize/submit/page/{item.pk}/")
    page.check(f'input[name=locales][value="{locales["fr"].pk}"]')
    page.locator("form input[type=submit]").first.click()
    page.wait_for_load_state("networkidle")

    french = NewsPage.objects.get(translation_key=item.translation_key, locale=locales["fr"])
    assert not french.live and french.has_unpublished_changes
    api = page.request.get(f"{base}/api/v2/pages/?type=publications.NewsPage&locale=fr")
    assert api.ok and api.json()["items"] == []
    assert page.request.get(f"{base}/api/v2/pages/{french.pk}/").status == 404

    # The French news listing in the admin says so.
    page.goto(f"{base}/admin/pages/{french.get_parent().pk}/")
    row = page.locator("tr", has_text="Journalists trained in Huye")
    assert "draft" in row.inner_text().casefold()

    # A translator publishes it: now it is on the site.
    french.title = "Des journalistes formés à Huye"
    french.save_revision().publish()
    api = page.request.get(f"{base}/api/v2/pages/?type=publications.NewsPage&locale=fr")
    assert [item["title"] for item in api.json()["items"]] == ["Des journalistes formés à Huye"]
