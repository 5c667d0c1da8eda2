import pytest

from legal_aid.team import ensure_legal_team
from users.factories import UserFactory

from .helpers import editors_group


@pytest.fixture
def editor(db):
    user = UserFactory(username="editor")
    user.groups.add(editors_group())
    return user


@pytest.fixture
def lawyer(db):
    user = UserFactory(username="lawyer")
    user.groups.add(ensure_legal_team())
    return user


@pytest.fixture
def superuser(db):
    return UserFactory(username="boss", is_superuser=True, is_staff=True)


@pytest.fixture
def factors_required(settings):
    settings.TWO_FACTOR_REQUIRED = "privileged"
