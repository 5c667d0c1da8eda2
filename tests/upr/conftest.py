import pytest

from tests.support.site_tree import ensure_upr_vocabularies


@pytest.fixture
def upr_vocabularies(locales):
    """States, organisations, cycles, sessions, UPR Info issues and SDGs, in en (and fr, rw where known)."""
    ensure_upr_vocabularies()
