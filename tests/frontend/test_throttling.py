"""The public site throttles each client itself (the API trusts its servers): then a 429 page."""

import requests

from .servers import PublicSite


def test_a_client_past_its_rate_gets_a_429_page(cms):
    site = PublicSite(cms, FRONTEND_RATE="5/m").start()
    try:
        statuses = [requests.get(f"{site.url}/en/about/", timeout=30).status_code for _ in range(6)]
        assert statuses == [200] * 5 + [429]
        throttled = requests.get(f"{site.url}/fr/about/", timeout=30)
        assert throttled.status_code == 429 and throttled.headers["Retry-After"]
        assert '<html lang="fr">' in throttled.text and "<h1>" in throttled.text
        assert requests.get(f"{site.url}/static/frontend/site.css", timeout=30).status_code == 200
    finally:
        site.stop()
