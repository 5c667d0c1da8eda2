"""Leaving: one click unsubscribes (RFC 8058, no session), the page asks first, and erasure leaves no copy."""

import io

import pytest

from django.core.management import call_command

from newsletter import services, tasks, tokens
from newsletter.factories import SubscriberFactory
from newsletter.models import Delivery, Edition, SubscriberStatus
from publications.factories import NewsletterPageFactory

pytestmark = pytest.mark.django_db


def unsubscribe_path(subscriber):
    return f"/newsletter/unsubscribe/{tokens.make_token(subscriber, tokens.UNSUBSCRIBE)}/"


def test_a_one_click_post_from_a_mail_client_unsubscribes(client):
    subscriber = SubscriberFactory(language="fr")
    response = client.post(
        unsubscribe_path(subscriber),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert "Vous êtes désabonné" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.UNSUBSCRIBED


def test_the_unsubscribe_page_changes_nothing_until_its_button_is_pressed(client):
    subscriber = SubscriberFactory()
    page = client.get(unsubscribe_path(subscriber))
    assert page.status_code == 200 and b"<button" in page.content
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.CONFIRMED


def test_unsubscribing_through_the_api_and_a_forged_token(client):
    subscriber = SubscriberFactory()
    token = tokens.make_token(subscriber, tokens.UNSUBSCRIBE)
    url = "/api/v2/newsletter/unsubscriptions/"
    # A confirmation token is no unsubscribe token, and the other way round.
    wrong = tokens.make_token(subscriber, tokens.CONFIRM)
    assert (
        client.post(url, {"token": wrong}, content_type="application/json").json()["code"] == "invalid_token"
    )
    assert (
        client.post(url, {"token": token}, content_type="application/json").json()["status"] == "unsubscribed"
    )
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.UNSUBSCRIBED
    # Subscribing again needs a new confirmation.
    tasks.subscribe(subscriber.email, "en")
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.PENDING


def test_a_link_of_an_erased_address_is_void_even_if_its_row_number_comes_back(client):
    subscriber = SubscriberFactory(email="gone@example.org")
    path = unsubscribe_path(subscriber)
    services.erase("gone@example.org")
    SubscriberFactory(id=subscriber.pk, email="someone-else@example.org")
    response = client.post(path)
    assert response.status_code == 400
    assert SubscriberFactory._meta.model.objects.get().status == SubscriberStatus.CONFIRMED


def test_erasure_leaves_no_copy_of_the_address_anywhere_in_the_database(news_index):
    page = NewsletterPageFactory(parent=news_index)
    subscriber = SubscriberFactory(email="erase-me@example.org")
    edition = Edition.objects.create(page=page, language="en")
    Delivery.objects.create(edition=edition, subscriber=subscriber, status="sent")

    out = io.StringIO()
    call_command("erase_newsletter_subscriber", "Erase-Me@example.org", stdout=out)
    assert "Erased 1" in out.getvalue()

    dump = io.StringIO()
    call_command("dumpdata", stdout=dump)
    assert "erase-me@example.org" not in dump.getvalue().lower()
    # The sending log keeps its count, with no one in it.
    assert list(Delivery.objects.values_list("status", "subscriber")) == [("sent", None)]


def test_erasing_an_unknown_address_says_so():
    with pytest.raises(Exception, match="No subscriber"):
        call_command("erase_newsletter_subscriber", "nobody@example.org", stdout=io.StringIO())
