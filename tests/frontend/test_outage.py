"""The CMS stopped under the public site: pages already seen are still served, others get a 503 page,
and a legal-assistance request is not lost (the journalist is told to retry, with what they typed)."""

import re

import pytest
import requests

from .servers import Proxy, PublicSite


@pytest.fixture(scope="module")
def cut(cms):
    """A public site reaching the CMS through a proxy that the test can cut (answers always revalidated)."""
    port = int(cms.rsplit(":", 1)[1])
    proxy = Proxy(port).start()
    site = PublicSite(proxy.url, FRONTEND_API_FRESH_SECONDS="0").start()
    yield proxy, site.url
    proxy.stop()
    site.stop()


def test_pages_seen_are_served_while_the_cms_is_down_and_others_get_a_503_page(cut):
    proxy, site = cut
    seen = requests.get(f"{site}/en/about/", timeout=30)
    assert seen.status_code == 200 and "X-Served-Stale" not in seen.headers
    proxy.stop()
    try:
        stale = requests.get(f"{site}/en/about/", timeout=30)
        assert stale.status_code == 200
        assert stale.headers["X-Served-Stale"] == "1"
        assert "no-cache" in stale.headers["Cache-Control"]
        assert "a copy saved a little earlier" in stale.text
        unseen = requests.get(f"{site}/en/news/", timeout=30)
        assert unseen.status_code == 503
        assert unseen.headers["Retry-After"]
        assert "<h1>The site is briefly unavailable</h1>" in unseen.text
        french = requests.get(f"{site}/fr/events/", timeout=30)
        assert french.status_code == 503 and 'lang="fr"' in french.text
    finally:
        proxy.start()
    back = requests.get(f"{site}/en/news/", timeout=30)
    assert back.status_code == 200 and "X-Served-Stale" not in back.headers


def test_a_request_sent_while_the_cms_is_down_comes_back_with_what_was_typed(cut):
    proxy, site = cut
    session = requests.Session()
    url = f"{site}/en/legal-assistance/ask-for-legal-help/"
    form = session.get(url, timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    answers = {
        "csrfmiddlewaretoken": token,
        "contact_method": "phone",
        "contact": "+250 788 000 000",
        "country": "Rwanda",
        "problem_type": "equipment_seizure",
        "incident_date": "2026-01-15",
        "description": "Typed while the service was down.",
        "urgency": "days",
        "preferred_language": "en",
        "consent": "on",
    }
    proxy.stop()
    try:
        down = session.post(url, data=answers, headers={"Referer": url}, timeout=30)
    finally:
        proxy.start()
    assert down.status_code == 503
    assert "your request was not sent" in down.text
    assert "Typed while the service was down.</textarea>" in down.text
    assert 'value="+250 788 000 000"' in down.text


def test_a_post_without_its_csrf_token_is_refused_with_a_page(cut):
    _proxy, site = cut
    response = requests.post(
        f"{site}/en/legal-assistance/ask-for-legal-help/", data={"contact": "x"}, timeout=30
    )
    assert response.status_code == 403
    assert "<h1>The form has expired</h1>" in response.text
