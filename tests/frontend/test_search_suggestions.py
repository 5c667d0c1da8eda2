"""The public site's search page offers the API's "did you mean" as a link."""

import requests


def get(url, **kwargs):
    return requests.get(url, timeout=30, allow_redirects=False, **kwargs)


def test_a_misspelt_search_offers_the_closest_words_as_a_link(public_site):
    page = get(f"{public_site}/en/search/", params={"q": "jounalists"})
    assert page.status_code == 200
    assert "Did you mean:" in page.text
    assert '<a href="?q=journalists" rel="nofollow">journalists</a>' in page.text
    followed = get(f"{public_site}/en/search/", params={"q": "journalists"})
    assert "Did you mean:" not in followed.text
