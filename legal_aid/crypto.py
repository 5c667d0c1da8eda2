"""Encryption at rest of legal-assistance requests, with the keys of LEGAL_AID_KEYS (newest first).

cryptography's MultiFernet encrypts with the first key and decrypts with any
of them, so a new key is put in front, ``manage.py rotate_legal_aid_keys``
re-encrypts everything with it, and the old key can then be dropped.
"""

import json

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.serializers.json import DjangoJSONEncoder

from api.throttling import pseudonym

__all__ = ["InvalidToken", "decrypt_bytes", "decrypt_json", "encrypt_bytes", "encrypt_json", "keyed_hash"]


def fernet() -> MultiFernet:
    keys = [key.strip() for key in settings.LEGAL_AID_KEYS if key.strip()]
    if not keys:
        raise ImproperlyConfigured("LEGAL_AID_KEYS is empty: legal-assistance requests cannot be encrypted.")
    return MultiFernet([Fernet(key.encode()) for key in keys])


def encrypt_bytes(data: bytes) -> bytes:
    return fernet().encrypt(data)


def decrypt_bytes(token: bytes) -> bytes:
    return fernet().decrypt(bytes(token))


def encrypt_json(value) -> str:
    """``value`` as JSON, encrypted: a Fernet token (ASCII) to keep in a text column."""
    return encrypt_bytes(json.dumps(value, cls=DjangoJSONEncoder).encode()).decode("ascii")


def decrypt_json(token: str):
    return json.loads(decrypt_bytes(token.encode("ascii")))


def rotate(token: bytes) -> bytes:
    """The same plaintext, encrypted with the newest key."""
    return fernet().rotate(bytes(token))


def keyed_hash(value: str, purpose: str) -> str:
    """An HMAC-SHA256 of ``value`` keyed with SECRET_KEY: a stable pseudonym that cannot be reversed."""
    return pseudonym(value, f"legal_aid.{purpose}")
