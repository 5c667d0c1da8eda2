"""Staff who chose French in their Wagtail profile read the recommendations and page editors in French."""

from html.parser import HTMLParser

import pytest

from django.urls import reverse

from wagtail.users.models import UserProfile

from publications.factories import PublicationIndexPageFactory
from tests.programmes.support import recommendation

pytestmark = pytest.mark.django_db

# What the admin showed in English before the labels were translated.
ENGLISH_LABELS = ("State under review", "Implementation status", "Response", "Recommendation")


@pytest.fixture
def french_admin_client(admin_client, admin_user):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "fr"
    profile.save()
    return admin_client


@pytest.fixture
def listed(upr_vocabularies):
    return recommendation("134.1", "Ratify the Optional Protocol to the Convention against Torture.")


class _Reader(HTMLParser):
    """The text of a page as a reader sees it (no markup, attributes, scripts or styles), and the
    headings of its listing's columns."""

    hidden = {"script", "style", "template"}

    def __init__(self):
        super().__init__()
        self.parts, self.headings, self.depth, self.heading, self.in_head = [], [], 0, None, False

    def handle_starttag(self, tag, attrs):
        self.depth += tag in self.hidden
        self.in_head = self.in_head or tag == "thead"
        if tag == "th" and self.in_head:
            self.heading = []

    def handle_endtag(self, tag):
        if tag in self.hidden and self.depth:
            self.depth -= 1
        if tag == "thead":
            self.in_head = False
        if tag == "th" and self.heading is not None:
            self.headings.append(" ".join(" ".join(self.heading).split()))
            self.heading = None

    def handle_data(self, data):
        if not self.depth:
            self.parts.append(data)
            if self.heading is not None:
                self.heading.append(data)


def read(response):
    assert response.status_code == 200
    reader = _Reader()
    reader.feed(response.content.decode())
    return " ".join(" ".join(reader.parts).split()), reader.headings


def test_the_recommendations_listing_is_in_french(french_admin_client, listed):
    text, headings = read(french_admin_client.get(reverse("wagtailsnippets_upr_recommendation:list")))

    # Wagtail's French for "Add %(model_name)s", with the model's French name.
    assert "Ajouter un(e) recommandation" in text
    assert "recommendation" not in text.lower()
    assert [heading for heading in headings if heading] == [
        "Recommandation",
        "État examiné",
        "Session",
        "Réponse",
        "État de mise en œuvre",
        "Langue",
    ]
    assert "Région" not in text
    for label in ENGLISH_LABELS:
        assert label not in text


def test_the_recommendation_form_is_in_french(french_admin_client, upr_vocabularies):
    text, _ = read(french_admin_client.get(reverse("wagtailsnippets_upr_recommendation:add")))

    assert "Nouvel(le) : Recommandation" in text
    assert "recommendation" not in text.lower()
    assert "Texte *" in text
    assert "État examiné *" in text
    assert "États recommandants" in text
    assert "Réponse telle que publiée" in text
    assert "Catégorie d’action" in text
    assert "Langue : English" in text
    assert "Région" not in text
    for label in (*ENGLISH_LABELS, "Recommending states", "Action category"):
        assert label not in text


def test_the_publication_editor_is_in_french(french_admin_client, home_pages):
    parent = PublicationIndexPageFactory(parent=home_pages["en"])

    text, _ = read(
        french_admin_client.get(
            reverse("wagtailadmin_pages:add", args=["publications", "publicationpage", parent.pk])
        )
    )

    assert "Image de couverture" in text
    assert "Corps du texte" in text
    assert "Date de publication *" in text
    for label in ("Cover image", "Body", "Publication date", "Région"):
        assert label not in text
