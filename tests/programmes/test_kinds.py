"""Programme kinds: the seeded vocabulary, editors extending it, its translations."""

import pytest

from django.urls import reverse

from locales.translation import translate
from programmes.factories import ProgrammePageFactory
from programmes.kinds import DEFAULT_KINDS, create_programme_kinds, ensure_programme_kinds
from programmes.models import ProgrammeKind

pytestmark = pytest.mark.django_db


def test_the_default_kinds_exist_once_in_the_default_locale(locales):
    ensure_programme_kinds()
    assert ensure_programme_kinds() == 0

    kinds = ProgrammeKind.objects.filter(locale=locales["en"])
    assert sorted(kinds.values_list("name", flat=True)) == sorted(DEFAULT_KINDS)
    assert set(kinds.values_list("slug", flat=True)) == {
        "policy-and-advocacy",
        "in-country",
        "stakeholders",
        "capacity-building",
        "legal-protection-of-journalists",
    }
    assert not ProgrammeKind.objects.exclude(locale=locales["en"]).exists()


def test_seeding_again_leaves_what_editors_changed(programme_kinds):
    kind = programme_kinds["stakeholders"]
    kind.name = "Stakeholder engagement"
    kind.save()
    programme_kinds["in-country"].delete()

    assert ensure_programme_kinds() == 1

    kind.refresh_from_db()
    assert kind.name == "Stakeholder engagement"
    assert ProgrammeKind.objects.filter(slug="in-country").count() == 1


def test_the_post_migrate_handler_waits_for_the_tables():
    class NotMigratedYet:
        def get_model(self, app_label, model_name):
            raise LookupError(model_name)

    create_programme_kinds(sender=None, apps=NotMigratedYet())


def test_editors_add_a_kind_and_its_slug_is_made_from_the_name(admin_client, programme_kinds):
    url = reverse("wagtailsnippets_programmes_programmekind:add")

    response = admin_client.post(url, {"name": "Research and monitoring", "slug": "", "description": ""})

    assert response.status_code == 302
    kind = ProgrammeKind.objects.get(name="Research and monitoring")
    assert kind.slug == "research-and-monitoring"
    assert kind.locale.language_code == "en"

    listing = admin_client.get(reverse("wagtailsnippets_programmes_programmekind:list"))
    assert "Research and monitoring" in listing.content.decode()
    assert "Legal protection of journalists" in listing.content.decode()


def test_two_kinds_of_one_language_cannot_share_a_slug(admin_client, programme_kinds):
    url = reverse("wagtailsnippets_programmes_programmekind:add")

    response = admin_client.post(url, {"name": "In country", "slug": "in-country", "description": ""})

    assert response.status_code == 200
    assert "Another programme kind in this language already has this slug." in response.content.decode()
    assert ProgrammeKind.objects.filter(slug="in-country").count() == 1


def test_a_kind_is_translated_with_its_slug_kept(
    programme_kinds, locales, django_capture_on_commit_callbacks
):
    kind = programme_kinds["capacity-building"]
    kind.description = "Training for journalists and lawyers."
    kind.save()

    with django_capture_on_commit_callbacks(execute=True):
        french = translate(
            kind,
            locales["fr"],
            {
                "Capacity building": "Renforcement des capacités",
                "Training for journalists and lawyers.": "Formations pour journalistes et avocats.",
            },
        )

    assert french.name == "Renforcement des capacités"
    assert french.description == "Formations pour journalistes et avocats."
    assert french.slug == "capacity-building"
    assert french.translation_key == kind.translation_key


def test_a_kind_in_use_cannot_be_deleted(admin_client, programme_index, programme_kinds):
    kind = programme_kinds["stakeholders"]
    ProgrammePageFactory(parent=programme_index, kind=kind, title="Civil society coalitions")
    url = reverse("wagtailsnippets_programmes_programmekind:delete", args=[kind.pk])

    confirmation = admin_client.get(url)
    admin_client.post(url)

    assert "One or more references to this programme kind prevent it from being deleted." in (
        confirmation.content.decode()
    )
    assert ProgrammeKind.objects.filter(pk=kind.pk).exists()


@pytest.mark.django_db
def test_the_kinds_are_listed_for_a_front_end_in_each_language(client, locales):
    from django.urls import reverse

    from locales.translation import translate
    from programmes.kinds import ensure_programme_kinds
    from programmes.models import ProgrammeKind

    ensure_programme_kinds()
    advocacy = ProgrammeKind.objects.get(slug="policy-and-advocacy", locale=locales["en"])
    translate(advocacy, locales["fr"], {"Policy and advocacy": "Politiques et plaidoyer"})

    english = client.get(reverse("wagtailapi:programme-kinds:listing")).json()
    french = client.get(reverse("wagtailapi:programme-kinds:listing"), {"locale": "fr"}).json()

    assert english["meta"]["total_count"] == 5
    assert {item["slug"] for item in english["items"]} >= {"policy-and-advocacy", "in-country"}
    names = {item["slug"]: item["name"] for item in french["items"]}
    assert names["policy-and-advocacy"] == "Politiques et plaidoyer"
    assert names["in-country"] == "In-country"  # not translated yet: English
    assert {item["id"] for item in french["items"]} == {item["id"] for item in english["items"]}
