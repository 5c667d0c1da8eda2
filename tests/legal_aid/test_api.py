"""The legal-assistance pages as a front end reads them from /api/v2/pages/."""

import datetime

import pytest

from django.urls import reverse

from home.factories import HomePageFactory
from legal_aid.factories import HotlineContactFactory, LegalInformationPageFactory
from legal_aid.models import LegalInformationRelatedPage, Topic

pytestmark = pytest.mark.django_db

LISTING = reverse("wagtailapi:pages:listing")


def get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return response.json()


def detail(client, page):
    return get(client, reverse("wagtailapi:pages:detail", args=[page.pk]))


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def information_page(legal_aid_index, countries):
    page = LegalInformationPageFactory(
        parent=legal_aid_index,
        title="Arrest and detention",
        summary="Stay calm and ask for a lawyer.",
        topic=Topic.ARREST_AND_DETENTION,
        last_reviewed=datetime.date(2026, 2, 14),
        body=[{"type": "heading", "value": {"text": "In custody", "level": "h2"}}],
        faqs__0__faq__question="Can they take my phone?",
        faqs__0__faq__answer='<p>Only with a <a href="https://example.org/law">court order</a>.</p>',
        faqs__1__faq__question="How long can they hold me?",
        faqs__1__faq__answer="<p>48 hours before a judge sees you.</p>",
    )
    page.countries.set([countries["RWA"], countries["COD"]])
    return publish(page)


def test_index_detail_gives_hotlines_and_the_request_form(client, legal_aid_index, countries):
    HotlineContactFactory(
        page=legal_aid_index,
        label="Lawyers on call",
        phone="+250 788 123 456",
        messaging_number="+250 788 123 457",
        email="lawyers@example.org",
        hours="",
        available_24_7=True,
        country=countries["RWA"],
    )
    HotlineContactFactory(page=legal_aid_index, label="Regional desk", country=None)
    form_page = HomePageFactory(
        parent=legal_aid_index.get_parent(), title="Ask for help", slug="ask-for-help"
    )
    legal_aid_index.request_form_page = form_page
    legal_aid_index.request_form_url = "https://forms.example.org/legal-aid"
    publish(legal_aid_index)

    data = detail(client, legal_aid_index)

    assert data["meta"]["type"] == "legal_aid.LegalAidIndexPage"
    assert data["intro"] == "Free legal help for journalists and other media workers."
    assert data["body"] == []
    first, second = data["hotlines"]
    assert {key: first[key] for key in first if key not in ("id", "meta")} == {
        "label": "Lawyers on call",
        "phone": "+250 788 123 456",
        "messaging_number": "+250 788 123 457",
        "email": "lawyers@example.org",
        "hours": "",
        "available_24_7": True,
        "country": {"code": "RWA", "name": "Rwanda"},
    }
    assert second["label"] == "Regional desk" and second["country"] is None
    assert data["request_form"] == {
        "id": form_page.pk,
        "title": "Ask for help",
        "url": "/en/ask-for-help/",
        "type": "home.HomePage",
    }

    # An unpublished form page gives way to the external address, and then to nothing.
    form_page.unpublish()
    assert detail(client, legal_aid_index)["request_form"] == {
        "id": None,
        "title": None,
        "url": "https://forms.example.org/legal-aid",
        "type": None,
    }
    legal_aid_index.request_form_url = ""
    publish(legal_aid_index)
    assert detail(client, legal_aid_index)["request_form"] is None


def test_information_page_detail(client, information_page, legal_aid_index):
    LegalInformationRelatedPage.objects.create(source=information_page, page=legal_aid_index)

    data = detail(client, information_page)

    assert data["meta"]["type"] == "legal_aid.LegalInformationPage"
    assert data["meta"]["parent"]["id"] == legal_aid_index.pk
    assert data["summary"] == "Stay calm and ask for a lawyer."
    assert data["topic"] == "arrest_and_detention"
    assert data["topic_label"] == "Arrest and detention"
    assert data["last_reviewed"] == "2026-02-14"
    assert data["countries"] == [
        {"code": "COD", "name": "Democratic Republic of the Congo"},
        {"code": "RWA", "name": "Rwanda"},
    ]
    assert data["body"][0]["value"] == {"text": "In custody", "level": "h2"}
    assert [{"question": faq["question"], "answer": faq["answer"]} for faq in data["faqs"]] == [
        {
            "question": "Can they take my phone?",
            "answer": '<p>Only with a <a href="https://example.org/law">court order</a>.</p>',
        },
        {"question": "How long can they hold me?", "answer": "<p>48 hours before a judge sees you.</p>"},
    ]
    assert all(faq["id"] for faq in data["faqs"])
    assert data["related_pages"] == [
        {
            "id": legal_aid_index.pk,
            "title": "Legal assistance",
            "url": "/en/legal-assistance/",
            "type": "legal_aid.LegalAidIndexPage",
        }
    ]


def test_listing_with_all_fields_and_filters(client, information_page, legal_aid_index):
    LegalInformationPageFactory(parent=legal_aid_index, title="Press cards", topic=Topic.ACCREDITATION)

    data = get(client, LISTING, type="legal_aid.LegalInformationPage", fields="*", order="title")

    assert data["meta"]["total_count"] == 2
    item = data["items"][0]
    assert item["title"] == "Arrest and detention"
    assert [faq["question"] for faq in item["faqs"]] == [
        "Can they take my phone?",
        "How long can they hold me?",
    ]
    assert [country["name"] for country in item["countries"]] == [
        "Democratic Republic of the Congo",
        "Rwanda",
    ]
    assert item["last_reviewed"] == "2026-02-14"
    assert data["items"][1]["faqs"] == [] and data["items"][1]["countries"] == []

    by_topic = get(client, LISTING, type="legal_aid.LegalInformationPage", topic="accreditation")
    assert [item["title"] for item in by_topic["items"]] == ["Press cards"]

    children = get(client, LISTING, child_of=legal_aid_index.pk)
    assert {item["title"] for item in children["items"]} == {"Arrest and detention", "Press cards"}

    index = get(client, LISTING, type="legal_aid.LegalAidIndexPage", fields="hotlines,request_form")
    assert [item["id"] for item in index["items"]] == [legal_aid_index.pk]


def test_an_unpublished_page_never_shows(client, information_page, legal_aid_index):
    draft = LegalInformationPageFactory(parent=legal_aid_index, title="Draft", live=False)
    draft.save_revision()
    LegalInformationRelatedPage.objects.create(source=information_page, page=draft)

    def listed():
        items = get(client, LISTING, type="legal_aid.LegalInformationPage", fields="related_pages")["items"]
        return {item["title"]: item for item in items}

    def detail_status(page):
        # LocaleMiddleware redirects an API 404 to /en/api/…, which is a 404 too.
        return client.get(reverse("wagtailapi:pages:detail", args=[page.pk])).status_code

    assert set(listed()) == {"Arrest and detention"}
    assert listed()["Arrest and detention"]["related_pages"] == []
    assert detail_status(draft) == 404

    # Unpublished after being live: gone from the listing and the detail.
    information_page.unpublish()
    assert listed() == {}
    assert detail_status(information_page) == 404

    # A draft change of a live page stays out of the API until it is published.
    live = publish(LegalInformationPageFactory(parent=legal_aid_index, summary="Published summary."))
    live.summary = "Draft summary."
    live.save_revision()
    assert detail(client, live)["summary"] == "Published summary."

    # The section itself unpublished takes nothing else down, but is gone too.
    legal_aid_index.unpublish()
    assert detail_status(legal_aid_index) == 404
    assert get(client, LISTING, type="legal_aid.LegalAidIndexPage")["items"] == []


def test_an_information_page_is_found_by_the_search_with_its_countries(
    client, legal_aid_index, countries, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page = LegalInformationPageFactory(
            parent=legal_aid_index,
            title="Arrested at a protest",
            summary="Ask for a lawyer before you answer any question.",
            topic=Topic.ARREST_AND_DETENTION,
        )
        page.countries.set([countries["RWA"]])
        publish(page)

    found = get(client, reverse("wagtailapi:search:listing"), q="protest lawyer", country="RWA")
    assert [(item["title"], item["type"]) for item in found["items"]] == [
        ("Arrested at a protest", "legal_information")
    ]

    # A legal topic is the page's own filter, not a theme of the UPR vocabularies.
    by_topic = get(client, LISTING, type="legal_aid.LegalInformationPage", topic="arrest_and_detention")
    assert [item["title"] for item in by_topic["items"]] == ["Arrested at a protest"]
    themed = client.get(LISTING, {"type": "legal_aid.LegalInformationPage", "theme": "media"})
    assert themed.status_code == 400
    assert "theme" in themed.json()["message"]
