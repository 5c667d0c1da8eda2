"""Every template of the public site in Chromium, in en, fr and rw, with and without JavaScript.

Each page and state (results, no results, errors, a form with errors, a request sent) has no
axe-core violation of WCAG 2.2 AA, asks nothing of another origin and breaks no rule of its
Content-Security-Policy. The form is sent with JavaScript off and on; the language switch lands
on the translation; the search box suggests as one types.
"""

import gzip
import re

import pytest
import requests

from .browser import Watch, violations
from .conftest import LANGUAGES
from .pages import page_paths

VIEWS = [
    "search/",
    "search/?q=journalists",
    "search/?q=zzzzqqqxxx",
    "search/?q=journalists&cycle=abc",
    "recommendations/",
    "recommendations/?response=noted",
    "recommendations/?q=zzzzqqqxxx",
    "recommendations/statistics/",
    "recommendations/1/",
    "request-status/",
    "no-such-page/",
    "publications/rwanda-working-group-report-2011/?q=Rwanda",
]
FORM = "/{language}/legal-assistance/ask-for-legal-help/"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(scope="module")
def context(browser, public_site):
    context = browser.new_context(locale="en-GB")
    yield context
    context.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    yield page
    page.close()


@pytest.fixture
def watch(page, public_site):
    """What the page asks of other origins, and its CSP violations."""
    return Watch(public_site).attach(page)


def check(page, watch, url):
    response = page.goto(url)
    page.wait_for_load_state("load")
    problems = violations(page)
    assert not problems, (url, problems)
    assert not watch.foreign, (url, watch.foreign)
    assert not watch.csp, (url, watch.csp)
    return response


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_and_view_is_accessible_and_self_contained(cms, public_site, page, language, watch):
    paths = sorted(page_paths(cms, language))
    for path in [*paths, *(f"/{language}/{view}" for view in VIEWS)]:
        response = check(page, watch, public_site + path)
        assert response.status < 500, path
        assert page.locator("main h1").count() == 1, path
        scripts = page.eval_on_selector_all("script[src]", "nodes => nodes.map(node => node.src)")
        assert scripts == [f"{public_site}/static/frontend/site.js"], path


def test_the_script_is_small(public_site):
    script = requests.get(f"{public_site}/static/frontend/site.js", timeout=30).content
    assert len(gzip.compress(script)) <= 30 * 1024


def fill_request(page, language="en"):
    page.fill("[name=name]", "Test journalist")
    page.select_option("[name=contact_method]", "phone")
    page.fill("[name=contact]", "+250 788 000 000")
    page.fill("[name=country]", "Rwanda")
    page.select_option("[name=problem_type]", "equipment_seizure")
    page.fill("[name=incident_date]", "2026-01-15")
    page.fill("[name=description]", "My recorder was seized at a press conference.")
    page.check("[name=urgency][value=days]")
    page.select_option("[name=preferred_language]", language)
    page.check("[name=consent]")


def sent_reference(page):
    reference = page.locator("#reference").inner_text()
    secret = page.locator("#secret").inner_text()
    assert re.fullmatch(r"LA-[A-Z0-9]{4}-[A-Z0-9]{4}", reference)
    assert secret
    return reference, secret


def test_the_form_is_sent_without_javascript(browser, public_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    watch = Watch(public_site).attach(page)
    try:
        page.goto(public_site + FORM.format(language="fr"))
        page.click("button[type=submit] >> nth=-1")
        assert page.locator(".field-error").count() >= 5  # each required field says what it needs
        assert "Rwanda" not in page.content()
        # The box asking for a confirmation email is offered, unticked, in the reader's language.
        box = page.locator("[name=acknowledgement]")
        assert box.count() == 1 and not box.is_checked()
        assert (
            "confirmant que mon message est arrivé"
            in page.locator("label[for=id_acknowledgement]").inner_text()
        )
        fill_request(page, "fr")
        page.fill("[name=description]", "Mon enregistreur a été saisi.")
        box.check()  # with a phone number: nowhere to send it
        page.click("form.relay-form button[type=submit]")
        assert "que par e-mail" in page.locator("#id_acknowledgement_error").inner_text()
        page.uncheck("[name=acknowledgement]")
        page.click("form.relay-form button[type=submit]")
        reference, secret = sent_reference(page)
        page.goto(f"{public_site}/fr/request-status/")
        page.fill("[name=reference]", reference)
        page.fill("[name=secret]", secret)
        page.click("main button[type=submit]")
        assert reference in page.locator("main .notice").inner_text()
        assert not watch.foreign and not watch.csp
    finally:
        context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_form_is_sent_with_javascript_with_a_file_and_its_errors_are_accessible(
    page, public_site, language, watch
):
    check(page, watch, public_site + FORM.format(language=language))
    page.click("form.relay-form button[type=submit]")
    assert page.locator("#form-notice").count() == 1
    assert page.evaluate("document.activeElement.id") == "form-notice"
    problems = violations(page)
    assert not problems, problems
    fill_request(page, language)
    page.set_input_files(
        "[name=attachments]", files=[{"name": "notes.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    page.click("form.relay-form button[type=submit]")
    sent_reference(page)
    assert not violations(page)
    assert not watch.foreign and not watch.csp


def test_a_wrong_secret_is_told_accessibly(page, public_site, watch):
    check(page, watch, f"{public_site}/en/request-status/")
    page.click("main button[type=submit]")
    assert page.locator(".field-error").count() == 2
    assert not violations(page)
    page.fill("[name=reference]", "LA-AAAA-BBBB")
    page.fill("[name=secret]", "not-the-secret")
    page.click("main button[type=submit]")
    assert "No request matches" in page.locator("main [role=alert]").inner_text()
    assert not violations(page)


def test_the_language_switch_lands_on_the_translation(page, public_site, english_only_news):
    page.goto(f"{public_site}/en/news/journalists-trained-in-huye/")
    page.click("nav.languages a[lang=fr]")
    assert page.url == f"{public_site}/fr/news/journalists-trained-in-huye/"
    assert page.get_attribute("html", "lang") == "fr"
    page.click("nav.languages a[lang=rw]")
    assert page.url == f"{public_site}/rw/news/journalists-trained-in-huye/"
    # A page not translated yet: the switch leads to the home page of that language.
    page.goto(public_site + english_only_news)
    page.click("nav.languages a[lang=rw]")
    assert page.url == f"{public_site}/rw/"
    page.goto(f"{public_site}/rw/search/?q=abanyamakuru")
    page.click("nav.languages a[lang=en]")
    assert page.url == f"{public_site}/en/search/?q=abanyamakuru"


def test_the_search_box_suggests_as_one_types(page, public_site, watch):
    page.goto(f"{public_site}/en/")
    page.locator("#site-search").press_sequentially("rwan", delay=30)
    suggestion = page.locator(".suggestions a").first
    suggestion.wait_for()
    assert suggestion.get_attribute("href").startswith("/en/")
    assert not watch.foreign and not watch.csp


def test_a_video_is_loaded_from_its_provider_only_on_request(page, public_site, watch):
    page.route("https://www.youtube-nocookie.com/**", lambda route: route.fulfill(body="<p>player</p>"))
    page.goto(f"{public_site}/en/programmes/training-videos/how-the-upr-works/")
    assert not watch.foreign
    page.click("[data-load-video]")
    page.locator(".video iframe").wait_for()
    assert page.url.endswith("/how-the-upr-works/")  # loaded in place, no page reload
    assert watch.foreign and all("youtube-nocookie.com" in url for url in watch.foreign)


def test_the_skip_link_is_first_and_shows_its_focus(page, public_site):
    page.goto(f"{public_site}/en/about/")
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "({text: document.activeElement.textContent, outline: getComputedStyle(document.activeElement).outlineStyle,"
        " top: document.activeElement.getBoundingClientRect().top})"
    )
    assert focused["text"] == "Skip to main content" and focused["outline"] != "none" and focused["top"] >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
