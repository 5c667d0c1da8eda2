"""The links in the newsletter's mails: confirm a subscription (expires), unsubscribe (does not).

Signed with ``django.core.signing.TimestampSigner`` rather than stored random tokens: nothing to keep,
purge or leak from the database, any web process checks a link, the expiry is in the token, and a
change of SECRET_KEY (with SECRET_KEY_FALLBACKS) is the only way to revoke them all. A token names the
subscriber row and a keyed hash of its address, never the address: a row erased and a later one with
the same id (SQLite reuses ids) do not match, and a changed address makes old links void.
"""

import hashlib
import hmac

from django.conf import settings
from django.core import signing

from .models import Subscriber

CONFIRM = "newsletter.confirm"
UNSUBSCRIBE = "newsletter.unsubscribe"


class InvalidToken(Exception):
    """A link that was changed, belongs to no subscriber, or (``expired``) is too old."""

    def __init__(self, expired=False, subscriber=None):
        super().__init__("expired" if expired else "invalid")
        self.expired, self.subscriber = expired, subscriber  # whose link expired (for its language)


def _address_hash(email):
    key = hashlib.sha256(f"newsletter.address:{settings.SECRET_KEY}".encode()).digest()
    return hmac.new(key, email.lower().encode(), hashlib.sha256).hexdigest()[:16]


def make_token(subscriber, purpose):
    return signing.TimestampSigner(salt=purpose).sign_object(
        {"s": subscriber.pk, "a": _address_hash(subscriber.email)}
    )


def read_token(token, purpose):
    """The subscriber a token of ``purpose`` names; InvalidToken if it is not good (or too old to confirm)."""
    max_age = settings.NEWSLETTER_CONFIRM_HOURS * 3600 if purpose == CONFIRM else None
    signer = signing.TimestampSigner(salt=purpose)
    try:
        payload = signer.unsign_object(str(token)[:500], max_age=max_age)
    except signing.SignatureExpired:
        raise InvalidToken(
            expired=True, subscriber=_subscriber(signer.unsign_object(str(token)[:500]))
        ) from None
    except (signing.BadSignature, ValueError, TypeError):
        raise InvalidToken() from None
    subscriber = _subscriber(payload)
    if subscriber is None:
        raise InvalidToken()
    return subscriber


def _subscriber(payload):
    if not isinstance(payload, dict) or not isinstance(payload.get("s"), int):
        return None
    subscriber = Subscriber.objects.filter(pk=payload["s"]).first()
    if subscriber is None or not hmac.compare_digest(str(payload.get("a")), _address_hash(subscriber.email)):
        return None
    return subscriber
