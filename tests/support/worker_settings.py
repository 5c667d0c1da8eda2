"""The test settings for worker processes that send real mail (to the SMTP sink of tests/support/smtp.py)."""

from cms.settings.test import *  # noqa: F403
from cms.settings.test import env

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "127.0.0.1"
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_TIMEOUT = 5
