"""Programme pages: where they go, what editors fill in, what the API gives a front end."""

import pytest

from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.factories import CustomImageFactory
from home.models import HomePage
from programmes.factories import (
    ProgrammePageFactory,
    ProgrammePartnerFactory,
    ProgrammeRelatedPageFactory,
    TrainingVideoPageFactory,
)
from programmes.models import ProgrammeIndexPage, ProgrammePage, TrainingVideoIndexPage, TrainingVideoPage

from .support import add_page_url, country, edit_page_url, programme_form, recommendation, theme

LISTING = reverse("wagtailapi:pages:listing")


def detail(client, page):
    response = client.get(reverse("wagtailapi:pages:detail", args=[page.pk]))
    assert response.status_code == 200, response.content
    return response.json()


class ProgrammePageRulesTests(WagtailPageTestCase):
    def test_the_programme_index_sits_under_a_home_page(self):
        self.assertAllowedParentPageTypes(ProgrammeIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ProgrammeIndexPage, {ProgrammePage, TrainingVideoIndexPage})

    def test_programmes_sit_in_the_programme_index_and_have_no_children(self):
        self.assertAllowedParentPageTypes(ProgrammePage, {ProgrammeIndexPage})
        self.assertAllowedSubpageTypes(ProgrammePage, set())
        self.assertCanNotCreateAt(HomePage, ProgrammePage)
        self.assertCanNotCreateAt(Page, ProgrammeIndexPage)


@pytest.mark.django_db
def test_one_programme_index_per_home_page(home_pages, programme_index):
    assert not ProgrammeIndexPage.can_create_at(home_pages["en"])
    assert ProgrammeIndexPage.can_create_at(home_pages["fr"])
    assert ProgrammePage.can_create_at(programme_index)


@pytest.mark.django_db
def test_a_programme_is_created_published_and_unpublished(client, programme_index, programme_kinds):
    programme = ProgrammePageFactory(parent=programme_index, live=False, kind=programme_kinds["in-country"])
    params = {"type": "programmes.ProgrammePage"}

    assert client.get(LISTING, params).json()["meta"]["total_count"] == 0
    assert client.get(reverse("wagtailapi:pages:detail", args=[programme.pk])).status_code == 404

    programme.save_revision().publish()
    assert [item["id"] for item in client.get(LISTING, params).json()["items"]] == [programme.pk]
    assert detail(client, programme)["kind"]["slug"] == "in-country"

    programme.refresh_from_db()
    programme.unpublish()
    assert client.get(LISTING, params).json()["meta"]["total_count"] == 0
    assert client.get(reverse("wagtailapi:pages:detail", args=[programme.pk])).status_code == 404


@pytest.mark.django_db
def test_editors_create_and_publish_a_programme_in_the_admin(
    admin_client, programme_index, programme_kinds, upr_vocabularies
):
    assert admin_client.get(add_page_url(ProgrammePage, programme_index)).status_code == 200
    data = programme_form(
        programme_kinds["legal-protection-of-journalists"],
        countries=[country("RWA"), country("COD")],
        themes=[theme("freedom-of-the-press")],
        partners=[("Rwanda Media Commission", "https://rmc.org.rw/")],
        contact_email="programmes@example.org",
    )

    response = admin_client.post(add_page_url(ProgrammePage, programme_index), data)

    assert response.status_code == 302, response.context["form"].errors
    programme = ProgrammePage.objects.get(slug="journalists-and-the-upr")
    assert programme.live
    assert programme.kind.slug == "legal-protection-of-journalists"
    assert sorted(programme.countries.values_list("iso3", flat=True)) == ["COD", "RWA"]
    assert [partner.name for partner in programme.partners.all()] == ["Rwanda Media Commission"]
    assert programme.partners.get().locale == programme.locale
    assert admin_client.get(edit_page_url(programme)).status_code == 200


@pytest.mark.django_db
def test_the_admin_offers_default_locale_states_and_original_recommendations(
    admin_client, programme_index, programme_kinds, upr_vocabularies, locales
):
    original = recommendation("134.1", "Decriminalise defamation and protect journalists.")
    translated = original.copy_for_translation(locales["fr"])
    translated.save()

    form = admin_client.get(add_page_url(ProgrammePage, programme_index)).context["form"]

    assert set(form.fields["related_recommendations"].queryset) == {original}
    assert translated not in form.fields["related_recommendations"].queryset
    assert not form.fields["countries"].queryset.exclude(locale=locales["en"]).exists()
    assert not form.fields["kind"].queryset.exclude(locale=locales["en"]).exists()


@pytest.mark.django_db
def test_an_editor_sees_why_a_programme_is_refused(admin_client, programme_index, programme_kinds):
    home = programme_index.get_parent()
    data = programme_form(programme_kinds["stakeholders"], related_pages=[home], summary="x" * 301)

    response = admin_client.post(add_page_url(ProgrammePage, programme_index), data)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Ensure this value has at most 300 characters (it has 301)." in html
    assert "“Home” is a home page. Related content can be:" in html
    assert "Training video" in html
    assert not ProgrammePage.objects.exists()


@pytest.mark.django_db
def test_api_detail_gives_everything_a_programme_page_shows(
    client, programme_index, video_index, programme_kinds, upr_vocabularies
):
    made_in_french = recommendation("89.7", "Garantir la liberté de la presse.", iso3="COD", language="fr")
    programme = ProgrammePageFactory(
        parent=programme_index,
        title="Journalists and the UPR",
        kind=programme_kinds["capacity-building"],
        hero_image=CustomImageFactory(title="Workshop in Kigali", file__width=1600, file__height=900),
        body=[{"type": "heading", "value": {"text": "What we do", "level": "h2"}}],
        countries=[country("RWA"), country("COD")],
        themes=[theme("freedom-of-the-press")],
        contact_name="Aline Uwase",
        contact_email="aline@example.org",
        related_recommendations=[recommendation("134.1", "Protect journalists."), made_in_french],
    )
    ProgrammePartnerFactory(page=programme, name="Rwanda Media Commission", logo=CustomImageFactory())
    video = TrainingVideoPageFactory(parent=video_index, title="Reporting on the UPR", programme=programme)
    draft = TrainingVideoPageFactory(parent=video_index, title="Not ready", live=False, programme=programme)
    ProgrammeRelatedPageFactory(programme=programme, page=video)
    ProgrammeRelatedPageFactory(programme=programme, page=draft)
    programme.save_revision().publish()

    data = detail(client, programme)

    assert data["meta"]["type"] == "programmes.ProgrammePage"
    assert data["title"] == "Journalists and the UPR"
    assert data["kind"] == {
        "id": programme_kinds["capacity-building"].pk,
        "slug": "capacity-building",
        "name": "Capacity building",
        "description": "",
    }
    assert data["summary"].startswith("Journalists learn")
    assert data["body"][0]["value"] == {"text": "What we do", "level": "h2"}
    # In the vocabulary's order (by name), with names in the page's language.
    assert data["countries"] == [
        {"code": "COD", "name": "Democratic Republic of the Congo"},
        {"code": "RWA", "name": "Rwanda"},
    ]
    assert data["themes"] == [{"slug": "freedom-of-the-press", "name": "Freedom of the press"}]
    assert data["hero_image"]["title"] == "Workshop in Kigali"
    assert set(data["hero_image"]["renditions"]) == {"thumbnail", "medium", "large"}
    assert data["hero_image"]["renditions"]["thumbnail"]["width"] == 400
    assert data["hero_image"]["renditions"]["thumbnail"]["height"] == 300
    assert data["hero_image"]["renditions"]["thumbnail"]["url"].startswith("/media/images/")
    (partner,) = data["partners"]
    assert partner["name"] == "Rwanda Media Commission"
    assert partner["url"] == "https://partner.example.org/"
    assert "thumbnail" in partner["logo"]["renditions"]
    assert data["contact"] == {"name": "Aline Uwase", "email": "aline@example.org", "phone": ""}
    # Only live pages: the draft video is left out.
    assert data["related_pages"] == [
        {
            "id": video.pk,
            "title": "Reporting on the UPR",
            "url": video.url,
            "type": "programmes.TrainingVideoPage",
        }
    ]
    assert data["training_videos"] == data["related_pages"]
    assert {(item["number"], item["state_under_review"]) for item in data["related_recommendations"]} == {
        ("134.1", "RWA"),
        ("89.7", "COD"),
    }


@pytest.mark.django_db
def test_api_listing_gives_the_fields_and_filters_by_kind(client, programme_index, programme_kinds):
    advocacy = ProgrammePageFactory(parent=programme_index, kind=programme_kinds["policy-and-advocacy"])
    ProgrammePageFactory(parent=programme_index, kind=programme_kinds["in-country"])

    response = client.get(LISTING, {"type": "programmes.ProgrammePage", "fields": "*"})

    assert response.status_code == 200, response.content
    items = response.json()["items"]
    assert len(items) == 2
    assert {"kind", "summary", "countries", "themes", "partners", "related_pages", "hero_image"} <= set(
        items[0]
    )

    filtered = client.get(
        LISTING, {"type": "programmes.ProgrammePage", "kind": programme_kinds["policy-and-advocacy"].pk}
    ).json()
    assert [item["id"] for item in filtered["items"]] == [advocacy.pk]


@pytest.mark.django_db
def test_the_admin_forms_of_every_page_type_open(
    admin_client, home_pages, programme_index, video_index, programme_kinds
):
    for model, parent in [
        # The English home page has its programme index already (one per parent).
        (ProgrammeIndexPage, home_pages["fr"]),
        (ProgrammePage, programme_index),
        (TrainingVideoIndexPage, home_pages["en"]),
        (TrainingVideoPage, video_index),
    ]:
        response = admin_client.get(add_page_url(model, parent))
        assert response.status_code == 200, model
    for page in (programme_index, video_index):
        assert admin_client.get(edit_page_url(page)).status_code == 200


@pytest.mark.django_db
def test_a_copied_programme_gets_partners_of_its_own(programme_index, programme_kinds):
    programme = ProgrammePageFactory(parent=programme_index, kind=programme_kinds["stakeholders"])
    partner = ProgrammePartnerFactory(page=programme, name="Rwanda Media Commission")

    copy = programme.copy(to=programme_index, update_attrs={"title": "Copy", "slug": "copy"})

    (copied_partner,) = copy.partners.all()
    assert copied_partner.name == "Rwanda Media Commission"
    assert copied_partner.pk != partner.pk
    assert copied_partner.translation_key != partner.translation_key
    assert copy.kind == programme.kind
