import pytest
import requests

from programmes.factories import ProgrammeIndexPageFactory, TrainingVideoIndexPageFactory
from programmes.kinds import ensure_programme_kinds
from programmes.models import ProgrammeKind
from tests.support.site_tree import ensure_upr_vocabularies
from users.factories import UserFactory


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Embeds are worked out from their URL: any HTTP request (an oEmbed call) fails the test."""

    def refuse(self, method, url, *args, **kwargs):
        raise AssertionError(f"unexpected HTTP request: {method} {url}")

    monkeypatch.setattr(requests.Session, "request", refuse)


@pytest.fixture
def programme_kinds(locales):
    """The five kinds every site starts with, in the default locale, by slug."""
    ensure_programme_kinds()
    return {kind.slug: kind for kind in ProgrammeKind.objects.filter(locale=locales["en"])}


@pytest.fixture
def upr_vocabularies(locales):
    """States, cycles, sessions and themes in en (and fr, rw where known), as tests/upr has them."""
    ensure_upr_vocabularies()


@pytest.fixture
def programme_index(home_pages):
    return ProgrammeIndexPageFactory(parent=home_pages["en"])


@pytest.fixture
def video_index(programme_index):
    return TrainingVideoIndexPageFactory(parent=programme_index)


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client
