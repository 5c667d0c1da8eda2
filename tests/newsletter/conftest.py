import pytest

from .smtp import FullSMTPSink


@pytest.fixture
def database_queue(settings):
    """Tasks go to the database queue, for worker processes to take."""
    settings.TASKS = {
        "default": {**settings.TASKS["default"], "BACKEND": "background.backends.DatabaseBackend"}
    }


@pytest.fixture
def sink():
    """A real SMTP server on loopback for worker processes (they are told its port)."""
    server = FullSMTPSink().start()
    yield server
    server.stop()


@pytest.fixture
def smtp(settings):
    """A real SMTP server on loopback, which the CMS's mail goes to."""
    sink = FullSMTPSink().start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", sink.port, 5
    yield sink
    sink.stop()


@pytest.fixture(autouse=True)
def links(settings):
    """The mails' links point at the public site's address."""
    settings.NEWSLETTER_LINKS_URL = "https://news.example.org"


@pytest.fixture
def news_index(home_pages):
    from publications.factories import NewsIndexPageFactory

    return NewsIndexPageFactory(parent=home_pages["en"])
