"""Every page type of publications: created, translated into French and Kinyarwanda, published, unpublished;
a page submitted for translation is a draft in each language until its translator publishes it (readers never
get the source's text under another language)."""

import pytest

from django.urls import reverse

from locales.translation import translate
from publications.factories import (
    EventPageFactory,
    NewsletterPageFactory,
    NewsPageFactory,
    PublicationPageFactory,
)
from publications.models import NewsPage

pytestmark = pytest.mark.django_db

TYPES = [
    ("publications", PublicationPageFactory, "publications.PublicationPage"),
    ("news", NewsPageFactory, "publications.NewsPage"),
    ("news", NewsletterPageFactory, "publications.NewsletterPage"),
    ("events", EventPageFactory, "publications.EventPage"),
]


def listing(client, page_type, locale):
    response = client.get(reverse("wagtailapi:pages:listing"), {"type": page_type, "locale": locale})
    return {item["id"]: item["title"] for item in response.json()["items"]}


@pytest.mark.parametrize(("section", "factory", "page_type"), TYPES, ids=[t[2] for t in TYPES])
def test_translate_publish_and_unpublish(
    client, sections, locales, django_capture_on_commit_callbacks, section, factory, page_type
):
    page = factory(parent=sections[section], title="Rwanda’s second review")
    page.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        for code, title in (("fr", "Le deuxième examen du Rwanda"), ("rw", "Isuzuma rya kabiri ry’u Rwanda")):
            translate(sections[section], locales[code])
            translate(page, locales[code], {"Rwanda’s second review": title})

    french = page.get_translation(locales["fr"])
    assert listing(client, page_type, "fr") == {french.pk: "Le deuxième examen du Rwanda"}
    assert list(listing(client, page_type, "rw").values()) == ["Isuzuma rya kabiri ry’u Rwanda"]
    assert french.translation_key == page.translation_key
    detail = client.get(reverse("wagtailapi:pages:detail", args=[french.pk])).json()
    assert detail["meta"]["locale"] == "fr"

    french.unpublish()

    assert listing(client, page_type, "fr") == {}
    assert listing(client, page_type, "en") == {page.pk: "Rwanda’s second review"}


def french_news(client):
    response = client.get(
        reverse("wagtailapi:pages:listing"), {"type": "publications.NewsPage", "locale": "fr"}
    )
    assert response.status_code == 200
    return [item["title"] for item in response.json()["items"]]


def test_a_page_submitted_for_translation_stays_a_draft_until_published(
    admin_client, client, sections, locales, django_capture_on_commit_callbacks
):
    page = NewsPageFactory(parent=sections["news"], title="Journalists trained in Huye")
    page.save_revision().publish()

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
            {"locales": [locales["fr"].pk, locales["rw"].pk]},
        )
    assert response.status_code == 302, response.content[:2000]

    for code in ("fr", "rw"):
        translation = NewsPage.objects.get(translation_key=page.translation_key, locale=locales[code])
        assert not translation.live, f"the {code} copy went live with the English text"
        assert translation.has_unpublished_changes
    assert french_news(client) == []
    detail = client.get(reverse("wagtailapi:pages:detail", args=[translation.pk]))
    assert detail.status_code == 404

    french = NewsPage.objects.get(translation_key=page.translation_key, locale=locales["fr"])
    french.title = "Des journalistes formés à Huye"
    with django_capture_on_commit_callbacks(execute=True):
        french.save_revision().publish()
    assert french_news(client) == ["Des journalistes formés à Huye"]
