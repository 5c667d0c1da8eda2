"""Settings of the public site, every one read from the environment (see .env.example).

With none set, it runs on a laptop beside the CMS at http://127.0.0.1:8000 (DEBUG on). With
FRONTEND_DEBUG off (production), it refuses to start without FRONTEND_SECRET_KEY and
FRONTEND_ALLOWED_HOSTS. It has no database: everything it shows comes from the CMS's API.
"""

from pathlib import Path

from environs import Env

from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent
REPO_DIR = BASE_DIR.parent

env = Env()
env.read_env(str(REPO_DIR / ".env"), recurse=False)

DEBUG = env.bool("FRONTEND_DEBUG", default=False)
SECRET_KEY = env.str("FRONTEND_SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("FRONTEND_SECRET_KEY must be set (or FRONTEND_DEBUG=true on a laptop).")
    SECRET_KEY = "insecure-public-site-key-for-development-only"  # noqa: S105
ALLOWED_HOSTS = env.list(
    "FRONTEND_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"] if DEBUG else []
)
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("FRONTEND_ALLOWED_HOSTS must be set, e.g. www.example.org.")
CSRF_TRUSTED_ORIGINS = env.list("FRONTEND_CSRF_TRUSTED_ORIGINS", default=[])

# The CMS: its address as this server reaches it, and how long to wait for it.
CMS_API_URL = env.str("CMS_API_URL", default="http://127.0.0.1:8000").rstrip("/")
FRONTEND_API_TIMEOUT = env.float("FRONTEND_API_TIMEOUT", default=5.0)
FRONTEND_API_POST_TIMEOUT = env.float("FRONTEND_API_POST_TIMEOUT", default=60.0)
# Seconds an answer is reused without asking; then it is revalidated with its ETag.
FRONTEND_API_FRESH_SECONDS = env.int("FRONTEND_API_FRESH_SECONDS", default=30)
# Seconds the last good answer is kept and served while the CMS cannot be reached.
FRONTEND_API_STALE_SECONDS = env.int("FRONTEND_API_STALE_SECONDS", default=86400)
# Requests a client may make to this site (per address), and of the legal-assistance form.
FRONTEND_RATE = env.str("FRONTEND_RATE", default="300/m")
FRONTEND_LEGAL_AID_RATE = env.str("FRONTEND_LEGAL_AID_RATE", default="10/h")
FRONTEND_LEGAL_AID_STATUS_RATE = env.str("FRONTEND_LEGAL_AID_STATUS_RATE", default="20/h")
FRONTEND_NEWSLETTER_RATE = env.str("FRONTEND_NEWSLETTER_RATE", default="10/h")
# Proxies in front of this site, to read the client's address from X-Forwarded-For.
FRONTEND_NUM_PROXIES = env.int("FRONTEND_NUM_PROXIES", default=0)

INSTALLED_APPS = [
    "django.contrib.staticfiles",
    "csp",
    "frontend",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "frontend.middleware.StaleAnswerMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "frontend.middleware.PermissionsPolicyMiddleware",
    "frontend.middleware.ThrottleMiddleware",
    "frontend.middleware.APIErrorMiddleware",
]

# Browser features no page of the site uses (a video keeps full screen, playback and its keys).
FRONTEND_PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), hid=(), "
    "magnetometer=(), microphone=(), midi=(), payment=(), serial=(), usb=(), xr-spatial-tracking=()"
)

ROOT_URLCONF = "frontend.urls"
WSGI_APPLICATION = "frontend.wsgi.application"
DATABASES = {}

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csrf",
                "frontend.context_processors.site",
            ],
        },
    }
]

# Languages: the CMS's content languages, with the catalogues kept in the repository's locales/.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("fr", "Français"), ("rw", "Ikinyarwanda")]
LOCALE_PATHS = [REPO_DIR / "locales"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = env.str("TIME_ZONE", default="UTC")

STATIC_URL = "/static/"
# Only for `collectstatic` (optional: WhiteNoise serves the files from the source tree).
STATIC_ROOT = env.str("FRONTEND_STATIC_ROOT", default="") or None
STORAGES = {"staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"}}
# Static files straight from the source tree: nothing to collect on a laptop or in the tests.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
WHITENOISE_MAX_AGE = 3600

REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "public-site",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }

# No database: sessions are not used; the CSRF token lives in a cookie.
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Strict"
CSRF_FAILURE_VIEW = "frontend.views.errors.csrf_failure"
SESSION_ENGINE = "django.contrib.sessions.backends.signed_cookies"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_SSL_REDIRECT = env.bool("FRONTEND_SECURE_SSL_REDIRECT", default=False)
SECURE_HSTS_SECONDS = env.int("FRONTEND_SECURE_HSTS_SECONDS", default=0)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE = env.bool("FRONTEND_SECURE_COOKIES", default=not DEBUG)
if FRONTEND_NUM_PROXIES:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Attachments of the legal-assistance form go through memory or a temporary file, never kept.
DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
FRONTEND_MAX_BODY_BYTES = env.int("FRONTEND_MAX_BODY_BYTES", default=64 * 1024 * 1024)

# Content-Security-Policy: everything from this origin only; no inline script or style. The only
# third party is the video player, in a frame, after the reader asked for it.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "media-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Nothing of a reader is logged beyond the server's access log; errors go to the console.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
    "loggers": {"django.request": {"level": "ERROR", "handlers": ["console"], "propagate": False}},
}

# The site's name in its header (default: a translated generic name).
FRONTEND_SITE_NAME = env.str("FRONTEND_SITE_NAME", default="")
# Attachments are held in memory while they are relayed, never written to this server's disk.
FILE_UPLOAD_HANDLERS = ["django.core.files.uploadhandler.MemoryFileUploadHandler"]
FILE_UPLOAD_MAX_MEMORY_SIZE = FRONTEND_MAX_BODY_BYTES
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("FRONTEND_SECURE_HSTS_INCLUDE_SUBDOMAINS", default=False)
SECURE_HSTS_PRELOAD = env.bool("FRONTEND_SECURE_HSTS_PRELOAD", default=False)
