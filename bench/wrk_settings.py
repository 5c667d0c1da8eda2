"""Production settings, plus a bare Django JSON view to compare the API with (bench/api_wrk.py)."""

from cms.settings.production import *  # noqa: F403

ROOT_URLCONF = "wrk_urls"
