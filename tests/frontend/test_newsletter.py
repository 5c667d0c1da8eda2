"""The newsletter form of the public site, relayed to the CMS's API, without JavaScript, in three
languages; and the pages of the mails' links there (GET shows a button, POST acts)."""

import re

import pytest
import requests

from django.core import mail

from newsletter.models import Subscriber, SubscriberStatus

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def form(session, url):
    page = session.get(url, timeout=30)
    assert page.status_code == 200
    return page, CSRF.search(page.text)[1]


@pytest.mark.parametrize(
    ("language", "consent"),
    [("en", "I want to receive"), ("fr", "Je souhaite recevoir"), ("rw", "Ndashaka kwakira")],
)
def test_the_form_shows_the_consent_wording_of_its_language(public_site, language, consent):
    page = requests.get(f"{public_site}/{language}/newsletter/subscribe/", timeout=30)
    assert page.status_code == 200
    assert consent in page.text and f'lang="{language}"' in page.text
    assert 'name="email"' in page.text and "<script" not in page.text.split("<main", 1)[1].split("</main>")[0]


def test_subscribing_and_confirming_through_the_public_site(public_site, settings):
    settings.NEWSLETTER_LINKS_URL = public_site
    session = requests.Session()
    url = f"{public_site}/fr/newsletter/subscribe/"
    _page, token = form(session, url)
    refused = session.post(
        url, {"csrfmiddlewaretoken": token, "email": "lecteur@example.org", "language": "fr"}, timeout=30
    )
    assert refused.status_code == 400
    assert "qu’avec votre consentement" in refused.text
    assert 'value="lecteur@example.org"' in refused.text  # what was typed is kept

    answer = session.post(
        url,
        {"csrfmiddlewaretoken": token, "email": "lecteur@example.org", "language": "fr", "consent": "on"},
        timeout=30,
    )
    assert answer.status_code == 200 and "un message lui a été envoyé" in answer.text

    [message] = [m for m in mail.outbox if m.to == ["lecteur@example.org"]]
    link = re.search(re.escape(public_site) + r"/newsletter/confirm/[^/\s]+/", message.body)[0]
    # (The database is read once the CMS has written everything: SQLite would lock its writes.)
    page, token = form(session, link)
    assert "<button" in page.text
    done = session.post(link, {"csrfmiddlewaretoken": token}, headers={"Accept-Language": "fr"}, timeout=30)
    assert done.status_code == 200 and "Votre abonnement est confirmé" in done.text
    assert Subscriber.objects.get(email="lecteur@example.org").status == SubscriberStatus.CONFIRMED


def test_a_broken_link_gets_a_clear_page(public_site):
    session = requests.Session()
    url = f"{public_site}/newsletter/unsubscribe/not-a-token/"
    answer = session.post(
        url,
        "List-Unsubscribe=One-Click",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        timeout=30,
    )
    assert answer.status_code == 400 and "<h1>" in answer.text


def test_topics_and_a_time_zone_are_chosen_on_the_form(public_site):
    session = requests.Session()
    url = f"{public_site}/fr/newsletter/subscribe/"
    page, token = form(session, url)
    assert '<option value="country:RWA">Rwanda</option>' in page.text
    assert 'value="theme:freedom-of-the-press"' in page.text
    assert '<option value="Africa/Kigali">Africa – Kigali</option>' in page.text

    body = {
        "csrfmiddlewaretoken": token,
        "email": "themes@example.org",
        "language": "fr",
        "topics": ["country:RWA", "theme:freedom-of-the-press"],
        "time_zone": "Africa/Kigali",
        "consent": "on",
    }
    assert session.post(url, body, timeout=30).status_code == 200
    subscriber = Subscriber.objects.get(email="themes@example.org")
    assert subscriber.topics == ["country:RWA", "theme:freedom-of-the-press"]
    assert subscriber.time_zone == "Africa/Kigali"

    # An unknown topic is refused with its name; what was chosen stays chosen.
    refused = session.post(
        url, {**body, "email": "other@example.org", "topics": ["country:RWA", "theme:x"]}, timeout=30
    )
    assert refused.status_code == 400 and "theme:x" in refused.text
    assert '<option value="country:RWA" selected>Rwanda</option>' in refused.text
    assert not Subscriber.objects.filter(email="other@example.org").exists()
