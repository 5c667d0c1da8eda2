import pytest

from publications.factories import EventIndexPageFactory, NewsIndexPageFactory, PublicationIndexPageFactory


@pytest.fixture
def sections(home_pages):
    """The publications, news and events index pages under the English home page."""
    home = home_pages["en"]
    return {
        "publications": PublicationIndexPageFactory(parent=home),
        "news": NewsIndexPageFactory(parent=home),
        "events": EventIndexPageFactory(parent=home),
    }


@pytest.fixture
def editor_client(client, django_user_model):
    from users.factories import UserFactory

    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client
