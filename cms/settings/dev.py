"""Settings for a developer's laptop: ``make run``."""

import base64
import contextlib
import hashlib

from .base import *
from .base import env, tasks_from_env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env.str("SECRET_KEY", default="dev-only-secret-key-never-used-in-production")
# A key derived from SECRET_KEY, so that a laptop needs nothing set; never used in production.
LEGAL_AID_KEYS = env.list("LEGAL_AID_KEYS", default=[]) or [
    base64.urlsafe_b64encode(hashlib.sha256(f"legal-aid:{SECRET_KEY}".encode()).digest()).decode()
]
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])

# A front end served by its own development server may read the API.
CORS_ALLOWED_ORIGINS = env.list(
    "CORS_ALLOWED_ORIGINS", default=["http://localhost:3000", "http://127.0.0.1:3000"]
)

# Tasks run in the web process unless a worker is wanted.
TASKS = tasks_from_env(default="immediate")

# Mail is printed on the console, unless a server is named (EMAIL_URL or EMAIL_BACKEND).
if not env.str("EMAIL_URL", default=""):
    EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")

# Static files straight from the apps, no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

STORAGES["staticfiles"] = {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
}

with contextlib.suppress(ImportError):
    from .local import *
