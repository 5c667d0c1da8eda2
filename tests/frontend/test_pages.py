"""Every page of the demo on the public site, in English, French and Kinyarwanda, over plain HTTP.

Each answers 200 with its title, a strict Content-Security-Policy and hreflang alternates that
are the page's translations; every link of the site leads somewhere; the language switch goes to
the translation; bad addresses and bad input get their own page, never a 500.
"""

import datetime
import re
from urllib.parse import urlsplit

import pytest
import requests

from .conftest import LANGUAGES
from .pages import internal, page_paths, parse
from .servers import PublicSite

TEMPLATE_TYPES = {
    "home.HomePage",
    "home.StandardPage",
    "programmes.ProgrammeIndexPage",
    "programmes.ProgrammePage",
    "programmes.TrainingVideoIndexPage",
    "programmes.TrainingVideoPage",
    "publications.PublicationIndexPage",
    "publications.PublicationPage",
    "publications.NewsIndexPage",
    "publications.NewsPage",
    "publications.NewsletterPage",
    "publications.EventIndexPage",
    "publications.EventPage",
    "legal_aid.LegalAidIndexPage",
    "legal_aid.LegalInformationPage",
    "legal_aid.LegalAidRequestPage",
}


def get(url, **kwargs):
    return requests.get(url, timeout=30, allow_redirects=False, **kwargs)


def test_the_demo_has_every_page_type_in_english(cms):
    assert set(page_paths(cms, "en").values()) == TEMPLATE_TYPES


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_renders_with_its_translations_as_alternates(cms, public_site, language):
    paths = page_paths(cms, language)
    assert paths
    for path, page_type in paths.items():
        response = get(public_site + path)
        assert response.status_code == 200, (path, page_type, response.status_code)
        html = response.text
        assert f'<html lang="{language}">' in html
        assert re.search(r"<h1>[^<]+</h1>", html), path
        assert "default-src 'self'" in response.headers["Content-Security-Policy"]
        assert "'unsafe-inline'" not in response.headers["Content-Security-Policy"]
        assert "camera=()" in response.headers["Permissions-Policy"]
        assert "<script>" not in html and " style=" not in html
        links = parse(html)
        assert links.alternates[language] == public_site + path
        for other, url in links.alternates.items():
            assert urlsplit(url).path in page_paths(cms, other), (path, other, url)


def test_the_language_switch_goes_to_the_translation_or_says_there_is_none(
    cms, public_site, english_only_news
):
    english = get(f"{public_site}/en/news/journalists-trained-in-huye/").text
    assert 'href="/fr/news/journalists-trained-in-huye/" lang="fr"' in english
    assert 'href="/rw/news/journalists-trained-in-huye/" lang="rw"' in english
    alone = get(public_site + english_only_news).text
    assert "/rw/news/only-in-english/" not in page_paths(cms, "rw")
    assert 'href="/rw/" lang="rw" hreflang="rw">Ikinyarwanda</a> <small>' in alone


def test_every_link_of_the_site_leads_somewhere(cms, public_site):
    seen, broken = set(), []
    to_visit = [public_site + path for language in LANGUAGES for path in page_paths(cms, language)]
    to_visit += [
        f"{public_site}/{language}/{view}/"
        for language in LANGUAGES
        for view in ("search", "recommendations")
    ]
    pages = list(to_visit)
    for url in pages:
        html = get(url).text
        links = parse(html)
        for href in links.links + links.resources:
            target = internal(url, href)
            if target and target not in seen:
                seen.add(target)
                to_visit.append(target)
    for url in to_visit[len(pages) :]:
        # the facets of the recommendations are many: their own test reads them
        status = get(url).status_code if "?" not in url or "recommendations" not in url else 200
        if status >= 400:
            broken.append((url, status))
    assert not broken
    assert len(seen) > 50


def test_a_report_lists_its_pdf_with_size_and_pages_and_is_searched_inside(public_site):
    url = f"{public_site}/en/publications/rwanda-working-group-report-2011/"
    html = get(url).text
    link = re.search(r'href="(/documents/(\d+)/rwanda-2011-working-group-report\.pdf)"', html)
    assert link, "the report's PDF is not linked"
    pdf_path, document_id = link[1], link[2]
    assert "131.7\xa0KB" in html and "20 pages" in html
    found = get(url, params={"q": "Rwanda"}).text
    assert re.search(
        rf'href="/documents/{document_id}/rwanda-2011-working-group-report\.pdf#page=\d+"', found
    )
    missing = get(url, params={"q": "zzzzqqq"}).text
    assert "These words are not in this report." in missing
    pdf = get(f"{public_site}{pdf_path}")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_an_event_is_shown_in_its_own_time_zone_with_its_calendar(public_site):
    html = get(f"{public_site}/en/events/workshop-mid-term-report/").text
    assert "09:00" in html and "Africa/Kigali" in html and "UTC+2" in html
    ics = get(f"{public_site}/en/events/workshop-mid-term-report/calendar.ics")
    assert ics.status_code == 200 and ics.headers["Content-Type"].startswith("text/calendar")
    assert b"BEGIN:VEVENT" in ics.content and b"Workshop on the mid-term report" in ics.content


def test_a_video_loads_nothing_from_its_provider_before_the_click(public_site):
    url = f"{public_site}/en/programmes/training-videos/how-the-upr-works/"
    html = get(url).text
    assert "<iframe" not in html and 'href="?play=1"' in html
    assert "Transcript" in html
    played = get(url, params={"play": "1"}).text
    assert '<iframe src="https://www.youtube-nocookie.com/embed/' in played


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/en/no-such-page/", 404),
        ("/fr/programmes/no-such-programme/", 404),
        ("/en/recommendations/999999/", 404),
        ("/en/recommendations/?cycle=abc", 400),
        ("/en/recommendations/statistics/?session=abc", 400),
        ("/en/search/?q=journalists&cycle=abc", 400),
        ("/en/events/no-such-event/calendar.ics", 404),
        ("/en/about/calendar.ics", 404),
        ("/en/recommendations/export.csv?cycle=abc", 400),
        ("/preview/", 404),
        ("/preview/?content_type=home.standardpage&token=x", 404),
        ("/en/%00/", 400),
        ("/documents/99999/nothing.pdf", 404),
        ("/media/images/nothing.png", 404),
        ("/en/publications/?year=abcd&cycle=x", 200),
        ("/en/search/?q=zzzzqqqxxx", 200),
        ("/en/search/?page=abc&q=rwanda", 200),
        ("/xx/", 404),
    ],
)
def test_bad_addresses_and_input_get_a_page_of_their_own(public_site, path, status):
    response = requests.get(public_site + path, timeout=30)
    assert response.status_code == status
    if status != 200 and not path.endswith((".ics", ".pdf", ".png")):
        assert "<h1>" in response.text and "<main" in response.text


def test_the_home_page_redirects_to_a_language(public_site):
    response = get(public_site + "/", headers={"Accept-Language": "fr"})
    assert response.status_code == 302 and response.headers["Location"] == "/fr/"


def test_every_address_of_the_sitemap_answers_on_the_public_site(cms, public_site):
    sitemap = requests.get(f"{cms}/sitemap.xml", timeout=30).text
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert len(locations) >= 20
    for location in locations:
        # The sitemap names the CMS's own host until it knows the public site's address.
        response = get(public_site + urlsplit(location).path)
        assert response.status_code == 200, location


def test_the_public_site_serves_the_sitemap_with_its_own_addresses(public_site):
    sitemap = requests.get(f"{public_site}/sitemap.xml", timeout=30)
    assert sitemap.status_code == 200 and sitemap.headers["Content-Type"] == "application/xml"
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap.text)
    assert locations and all(location.startswith(public_site + "/") for location in locations)
    assert f"{public_site}/en/publications/" in locations


def test_an_article_is_light(public_site):
    response = get(f"{public_site}/en/news/journalists-trained-in-huye/")
    css = get(f"{public_site}/static/frontend/site.css")
    assert len(response.content) + len(css.content) < 100_000


def test_a_search_whose_words_are_not_all_in_one_item_says_so(public_site):
    html = get(f"{public_site}/en/search/", params={"q": "journalists zzzzqqq"}).text
    assert "No result has all your words: these have some of them." in html
    assert "0 results" not in html
    strict = get(f"{public_site}/en/search/", params={"q": "journalists"}).text
    assert "all your words" not in strict


def test_a_newsletter_issue_lists_the_coming_upr_deadlines_with_their_sources(cms):
    from upr.models import Session

    session = Session.objects.get(number=52)
    saved = (session.stakeholder_deadline, session.stakeholder_deadline_source)
    session.stakeholder_deadline = datetime.date(2026, 2, 20)  # 19 days after the demo issue's date
    session.stakeholder_deadline_source = "OHCHR, deadlines of the 52nd session"
    session.save()
    # A site of its own that asks the CMS every time (the shared one reuses an answer for 30 s).
    site = PublicSite(cms, FRONTEND_API_FRESH_SECONDS="0").start()
    try:
        response = get(f"{site.url}/en/news/newsletter-12/")
        assert response.status_code == 200
        html = response.text
        assert "Newsletter no. 12" in html and "Coming UPR deadlines" in html
        assert "20 February 2026" in html and "UPR session 52: deadline for stakeholder submissions" in html
        assert "Source: OHCHR, deadlines of the 52nd session" in html
    finally:
        site.stop()
        session.stakeholder_deadline, session.stakeholder_deadline_source = saved
        session.save()
