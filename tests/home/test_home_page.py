import pytest

from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from locales.translation import UnknownSourceStrings, translate


class HomePageRulesTests(WagtailPageTestCase):
    def test_home_pages_live_at_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanNotCreateAt(HomePage, HomePage)


@pytest.mark.django_db
def test_api_detail_gives_the_fields_a_front_end_needs(client, home_pages):
    home = home_pages["en"]
    home.intro = "Advocacy through the UPR."
    home.body = [{"type": "heading", "value": {"text": "Our work", "level": "h2"}}]
    home.save_revision().publish()

    response = client.get(reverse("wagtailapi:pages:detail", args=[home.id]))

    assert response.status_code == 200
    data = response.json()
    assert data["title"] == "Home"
    assert data["intro"] == "Advocacy through the UPR."
    assert data["body"][0]["type"] == "heading"
    assert data["body"][0]["value"] == {"text": "Our work", "level": "h2"}
    assert data["meta"]["locale"] == "en"
    assert data["meta"]["type"] == "home.HomePage"


@pytest.mark.django_db
def test_translation_round_trip(client, home_pages, locales, django_capture_on_commit_callbacks):
    home = home_pages["en"]
    home.intro = "We train journalists."
    home.save_revision().publish()

    with django_capture_on_commit_callbacks(execute=True):
        translate(home, locales["fr"], {"We train journalists.": "Nous formons des journalistes."})

    french = home_pages["fr"].specific_class.objects.get(pk=home_pages["fr"].pk)
    assert french.intro == "Nous formons des journalistes."
    assert french.live
    assert french.translation_key == home.translation_key
    # Strings nobody translated yet keep the source text.
    assert french.title == "Home"

    response = client.get(
        reverse("wagtailapi:pages:listing"), {"locale": "fr", "type": "home.HomePage", "fields": "intro"}
    )
    assert [item["intro"] for item in response.json()["items"]] == ["Nous formons des journalistes."]

    # The source changes: the translation follows for what is synchronised,
    # and keeps its translated text for what was translated.
    home.intro = "We train journalists and lawyers."
    home.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        translate(
            home,
            locales["fr"],
            {"We train journalists and lawyers.": "Nous formons journalistes et avocats."},
        )
    french.refresh_from_db()
    assert french.intro == "Nous formons journalistes et avocats."


@pytest.mark.django_db
def test_translating_text_the_source_does_not_have_is_an_error(home_pages, locales):
    with pytest.raises(UnknownSourceStrings) as error:
        translate(home_pages["en"], locales["rw"], {"Text that is not on the page": "Inyandiko"})
    assert "Text that is not on the page" in str(error.value)
