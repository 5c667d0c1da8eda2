"""Settings for production. Secrets must come from the environment."""

from django.core.exceptions import ImproperlyConfigured

from .base import *
from .base import env

DEBUG = env.bool("DEBUG", default=False)

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY is not set. Production settings refuse to start without a secret key: "
        "set the SECRET_KEY environment variable to a long random string "
        '(python -c "import secrets; print(secrets.token_urlsafe(64))").'
    )
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS is not set. List the host names this site answers to, separated by commas."
    )
LEGAL_AID_KEYS = env.list("LEGAL_AID_KEYS", default=[])
if not LEGAL_AID_KEYS:
    raise ImproperlyConfigured(
        "LEGAL_AID_KEYS is not set. Legal-assistance requests are encrypted with it: set it to one or more "
        "Fernet keys, newest first, separated by commas "
        '(python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())").'
    )
AUDIT_LOG_KEY = env.str("AUDIT_LOG_KEY", default="")
if not AUDIT_LOG_KEY:
    raise ImproperlyConfigured(
        "AUDIT_LOG_KEY is not set. Each audit-log entry is sealed with it so that an edited, removed or "
        "inserted entry is found: set it to a long random string kept apart from the database "
        '(python -c "import secrets; print(secrets.token_urlsafe(48))").'
    )

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# Wagtail allows its own preview frames itself.
X_FRAME_OPTIONS = "DENY"

# Superusers and the Legal team must sign in with a second factor (set "all" for everyone).
TWO_FACTOR_REQUIRED = env.str(
    "TWO_FACTOR_REQUIRED",
    default="privileged",
    validate=lambda value: value in ("none", "privileged", "all"),
)
