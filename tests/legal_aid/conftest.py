import pytest

from wagtail.models import Locale

from legal_aid.factories import LegalAidIndexPageFactory
from upr.models import Country
from users.factories import UserFactory


@pytest.fixture
def countries(upr_vocabularies):
    """The source (English) rows of a few states, by ISO code."""
    english = Locale.objects.get(language_code="en")
    return {
        country.iso3: country for country in Country.objects.filter(locale=english, iso3__in=["COD", "RWA"])
    }


@pytest.fixture
def legal_aid_index(home_pages):
    """The published legal-assistance section under the English home page."""
    index = LegalAidIndexPageFactory(parent=home_pages["en"], slug="legal-assistance")
    index.save_revision().publish()
    return index


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


@pytest.fixture
def request_form(legal_aid_index):
    """The published request form under the legal-assistance section, with its core fields."""
    from legal_aid.factories import LegalAidRequestPageFactory

    page = LegalAidRequestPageFactory(parent=legal_aid_index, slug="ask-for-help")
    page.save_revision().publish()
    legal_aid_index.request_form_page = page
    legal_aid_index.save_revision().publish()
    return page


@pytest.fixture
def legal_team_member(db):
    from legal_aid.team import ensure_legal_team

    user = UserFactory(username="lawyer")
    user.groups.add(ensure_legal_team())
    return user
