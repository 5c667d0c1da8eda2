"""The legal-assistance pages: where they go, their life cycle, the admin forms, search."""

import datetime

import pytest

from django.core.exceptions import ValidationError
from django.urls import reverse

from wagtail.models import Locale
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.models import HomePage
from legal_aid.factories import HotlineContactFactory, LegalInformationPageFactory
from legal_aid.models import (
    HotlineContact,
    LegalAidIndexPage,
    LegalAidRequestPage,
    LegalInformationPage,
    Topic,
)


class LegalAidPageRulesTests(WagtailPageTestCase):
    def test_the_index_lives_under_a_home_page_and_holds_information_pages_and_the_form(self):
        self.assertAllowedParentPageTypes(LegalAidIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(LegalAidIndexPage, {LegalInformationPage, LegalAidRequestPage})

    def test_the_request_form_lives_under_the_index_and_has_no_children(self):
        self.assertAllowedParentPageTypes(LegalAidRequestPage, {LegalAidIndexPage})
        self.assertAllowedSubpageTypes(LegalAidRequestPage, set())
        self.assertCanNotCreateAt(HomePage, LegalAidRequestPage)

    def test_information_pages_live_under_the_index_and_have_no_children(self):
        self.assertAllowedParentPageTypes(LegalInformationPage, {LegalAidIndexPage})
        self.assertAllowedSubpageTypes(LegalInformationPage, set())
        self.assertCanNotCreateAt(HomePage, LegalInformationPage)
        self.assertCanNotCreateAt(LegalInformationPage, LegalInformationPage)


def api_status(client, url):
    return client.get(url).status_code


def post_new_page(client, parent, model, data):
    """Create a page through the admin form, the way an editor does, and return it."""
    url = reverse("wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk])
    response = client.post(url, {**data, "action-publish": "action-publish"})
    if response.status_code != 302:
        form = response.context["form"]
        errors = dict(form.errors)
        errors.update({name: formset.errors for name, formset in form.formsets.items() if formset.errors})
        raise AssertionError(f"the admin refused the page: {errors}")
    return model.objects.child_of(parent).get(slug=data["slug"])


@pytest.mark.django_db
def test_one_index_per_home_page(legal_aid_index, home_pages):
    assert not LegalAidIndexPage.can_create_at(home_pages["en"])
    assert LegalAidIndexPage.can_create_at(home_pages["fr"])
    assert LegalInformationPage.can_create_at(legal_aid_index)


@pytest.mark.django_db
def test_create_publish_and_unpublish(client, legal_aid_index):
    page = LegalInformationPageFactory(parent=legal_aid_index, live=False, title="Your rights at a protest")
    page.save_revision()
    detail = reverse("wagtailapi:pages:detail", args=[page.pk])

    assert not LegalInformationPage.objects.live().filter(pk=page.pk).exists()
    assert api_status(client, detail) == 404

    page.get_latest_revision().publish()
    page.refresh_from_db()
    assert page.live and page.first_published_at is not None
    assert page.get_parent().specific == legal_aid_index
    assert page.url == "/en/legal-assistance/your-rights-at-a-protest/"
    assert client.get(detail).json()["title"] == "Your rights at a protest"

    page.unpublish()
    page.refresh_from_db()
    assert not page.live
    assert api_status(client, detail) == 404


@pytest.mark.django_db
def test_editors_create_both_pages_in_the_admin(admin_client, home_pages, countries):
    index = post_new_page(
        admin_client,
        home_pages["en"],
        LegalAidIndexPage,
        nested_form_data(
            {
                "title": "Legal assistance",
                "slug": "legal-assistance",
                "intro": "Free legal help for media workers.",
                "body": streamfield([]),
                "hotlines": inline_formset(
                    [
                        {
                            "label": "Lawyers on call",
                            "phone": "+250 788 123 456",
                            "messaging_number": "",
                            "email": "",
                            "hours": "",
                            "available_24_7": "on",
                            "country": countries["RWA"].pk,
                        },
                        {
                            "label": "Regional desk",
                            "phone": "",
                            "messaging_number": "",
                            "email": "desk@example.org",
                            "hours": "Monday to Friday",
                            "country": "",
                        },
                    ]
                ),
                "request_form_page": "",
                "request_form_url": "https://forms.example.org/legal-aid",
                "comments": inline_formset([]),
            }
        ),
    )
    assert index.live and index.intro == "Free legal help for media workers."
    assert [(hotline.label, hotline.available_24_7, hotline.country) for hotline in index.hotlines.all()] == [
        ("Lawyers on call", True, countries["RWA"]),
        ("Regional desk", False, None),
    ]
    assert {hotline.locale.language_code for hotline in index.hotlines.all()} == {"en"}

    page_data = nested_form_data(
        {
            "title": "Arrest and detention",
            "slug": "arrest-and-detention",
            "summary": "Stay calm, ask for a lawyer, and call our hotline.",
            "topic": Topic.ARREST_AND_DETENTION,
            "last_reviewed": "2026-03-01",
            "body": streamfield([]),
            "faqs": streamfield(
                [
                    (
                        "faq",
                        {
                            "question": "Can I call a lawyer?",
                            "answer": rich_text("<p>Yes, from the first hour of police custody.</p>"),
                        },
                    )
                ]
            ),
            "related_pages": inline_formset([{"page": index.pk}]),
            "comments": inline_formset([]),
        }
    )
    page_data["countries"] = [countries["RWA"].pk, countries["COD"].pk]
    page = post_new_page(admin_client, index, LegalInformationPage, page_data)
    assert page.live and page.topic == "arrest_and_detention"
    assert page.last_reviewed == datetime.date(2026, 3, 1)
    assert set(page.countries.all()) == {countries["RWA"], countries["COD"]}
    assert page.faqs[0].value["question"] == "Can I call a lawyer?"
    assert "first hour of police custody" in page.faqs[0].value["answer"].source
    assert [related.page.specific for related in page.related_pages.all()] == [index]

    for edited in (index, page):
        response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[edited.pk]))
        assert response.status_code == 200


@pytest.mark.django_db
def test_the_admin_requires_a_summary_a_topic_and_a_review_date(admin_client, legal_aid_index):
    with pytest.raises(AssertionError) as refused:
        post_new_page(
            admin_client,
            legal_aid_index,
            LegalInformationPage,
            nested_form_data(
                {
                    "title": "Untitled",
                    "slug": "untitled",
                    "summary": "",
                    "topic": "",
                    "last_reviewed": "",
                    "body": streamfield([]),
                    "faqs": streamfield([]),
                    "related_pages": inline_formset([]),
                    "comments": inline_formset([]),
                }
            ),
        )
    for field in ("summary", "topic", "last_reviewed"):
        assert f"'{field}'" in str(refused.value)


@pytest.mark.django_db
def test_countries_are_chosen_among_the_source_rows(admin_client, home_pages, legal_aid_index, countries):
    def add_form(model, parent):
        url = reverse("wagtailadmin_pages:add", args=["legal_aid", model._meta.model_name, parent.pk])
        return admin_client.get(url).context["form"]

    english = Locale.objects.get(language_code="en")
    page_choices = add_form(LegalInformationPage, legal_aid_index).fields["countries"].queryset
    hotline_choices = (
        add_form(LegalAidIndexPage, home_pages["fr"])
        .formsets["hotlines"]
        .empty_form.fields["country"]
        .queryset
    )
    for choices in (page_choices, hotline_choices):
        assert set(choices.values_list("locale", flat=True)) == {english.pk}
        assert countries["RWA"] in choices


@pytest.mark.django_db
def test_a_hotline_needs_a_way_to_reach_someone(legal_aid_index):
    hotline = HotlineContact(page=legal_aid_index, label="Nobody", locale=legal_aid_index.locale)
    with pytest.raises(ValidationError, match="at least a phone number"):
        hotline.full_clean()
    hotline.phone = "call us"
    with pytest.raises(ValidationError, match="country code"):
        hotline.full_clean()
    hotline.phone = "+250 788 000 000"
    hotline.full_clean()


@pytest.mark.django_db
def test_editors_see_the_pages_reviewed_longest_ago_first(admin_client, legal_aid_index):
    HotlineContactFactory(page=legal_aid_index)
    LegalInformationPageFactory(
        parent=legal_aid_index, title="Recent", last_reviewed=datetime.date(2026, 5, 1)
    )
    LegalInformationPageFactory(
        parent=legal_aid_index, title="Stale", last_reviewed=datetime.date(2023, 1, 1)
    )

    response = admin_client.get(reverse("legal_information:index"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Last reviewed" in html
    assert html.index("Stale") < html.index("Recent")
    filtered = admin_client.get(reverse("legal_information:index"), {"topic": Topic.SAFETY})
    assert "Stale" not in filtered.content.decode()


@pytest.mark.django_db
def test_search_finds_a_page_by_a_word_of_its_faq_answer(legal_aid_index, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        wanted = LegalInformationPageFactory(
            parent=legal_aid_index,
            title="When the police stop you",
            summary="What to say and what not to say.",
            faqs__0__faq__question="How long can they hold me?",
            faqs__0__faq__answer="<p>Pre-trial <b>detention</b> has a legal limit.</p>",
        )
        other = LegalInformationPageFactory(
            parent=legal_aid_index,
            title="Accreditation",
            summary="Press cards and how to get one.",
            faqs__0__faq__question="Who issues press cards?",
            faqs__0__faq__answer="<p>The media council.</p>",
        )
        for page in (wanted, other):
            page.save_revision().publish()

    english = Locale.objects.get(language_code="en")
    results = LegalInformationPage.objects.live().filter(locale=english).search("detention")
    assert [page.pk for page in results] == [wanted.pk]
    assert list(LegalInformationPage.objects.live().search("detention")) == [wanted]
    by_topic = LegalInformationPage.objects.live().filter(topic=Topic.SAFETY).search("detention")
    assert list(by_topic) == []
