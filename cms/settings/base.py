"""Settings shared by every environment.

Everything that differs between a laptop and production is read from the
environment here, with a default that works on a laptop with nothing
configured. Each production part is switched on by one variable:

* ``DATABASE_URL``             SQLite file -> PostgreSQL (or any dj-database-url URL)
* ``AWS_STORAGE_BUCKET_NAME``  local ``media/`` -> an S3-compatible bucket
* ``ELASTICSEARCH_URL``        database full-text search -> Elasticsearch 9
* ``TASKS_BACKEND``            where background tasks run (``database`` or ``immediate``)

``.env.example`` lists every variable.
"""

from email.utils import getaddresses
from pathlib import Path
from urllib.parse import urlsplit

from environs import Env

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = Env()
# A developer may keep variables in an untracked .env file; the real
# environment always wins over it.
env.read_env(BASE_DIR / ".env", recurse=False)

# Security -----------------------------------------------------------------

# dev.py and test.py provide a fixed key; production.py refuses to start
# without one.
SECRET_KEY = env.str("SECRET_KEY", default="")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# Applications -------------------------------------------------------------

INSTALLED_APPS = [
    # Project apps. ``locales`` comes first: it registers Kinyarwanda with
    # Django before anything asks for language information. ``background``
    # comes before django_tasks_db: its db_worker command replaces theirs.
    "locales",
    "background",
    "users",
    "accounts",
    "api",
    "home",
    "upr",
    "publications",
    "programmes",
    "legal_aid",
    "search",
    "newsletter",
    "plone_import",
    "backups",
    "demo",
    # Wagtail and its add-ons
    "wagtail_localize",
    "wagtail_headless_preview",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.api.v2",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "corsheaders",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_tasks",
    "django_tasks_db",
    # Sign-in protection: lockouts (axes), second factors (django-otp)
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    # Django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy and Permissions-Policy on every answer, redirects included.
    "accounts.middleware.ContentSecurityPolicyMiddleware",
    "accounts.middleware.PermissionsPolicyMiddleware",
    # Before anything that may answer (CommonMiddleware's redirects): CORS headers on every API answer.
    "corsheaders.middleware.CorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "locales.middleware.LocaleMiddleware",
    # The API's kept answers, before any view runs (api/middleware.py).
    "api.middleware.KeptAnswerMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): whether this session passed the second factor.
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A session ends when idle or too old; an unverified one reaches only the second-factor pages.
    "accounts.middleware.SessionLimitsMiddleware",
    "accounts.middleware.SecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last: turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "cms" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

AUTH_USER_MODEL = "users.User"
WAGTAILIMAGES_IMAGE_MODEL = "home.CustomImage"
WAGTAILDOCS_DOCUMENT_MODEL = "publications.ReportDocument"

# Database: SQLite unless DATABASE_URL says otherwise ----------------------

DATABASES = {
    "default": env.dj_db_url(
        "DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env.int("DATABASE_CONN_MAX_AGE", default=600),
        conn_health_checks=True,
    )
}
DATABASE_IS_POSTGRESQL = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The admin writes from several requests at once (autosave, editing sessions, the form's own
    # post) and the worker writes beside the web process. SQLite serves that when each transaction
    # takes the write lock when it begins (IMMEDIATE: never the "database is locked" of a reader
    # upgrading to a writer), a writer waits its turn instead of failing (timeout, in seconds), and
    # the journal is a write-ahead log (readers never wait for the writer).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": env.int("SQLITE_BUSY_TIMEOUT_SECONDS", default=20),
            "init_command": "PRAGMA journal_mode=WAL",
        }
    )
if DATABASE_IS_POSTGRESQL:
    INSTALLED_APPS.append("django.contrib.postgres")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Axes first: it refuses a locked-out account or address before the password is checked.
AUTHENTICATION_BACKENDS = [
    "accounts.backends.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages ----------------------------------------------------------------
# Content is written in English, French and Kinyarwanda. Django has no
# Kinyarwanda of its own: the ``locales`` app registers it and ships its
# catalogue under locales/rw/.

LANGUAGE_CODE = "en"
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES = [
    ("en", "English"),
    ("fr", "Français"),
    ("rw", "Ikinyarwanda"),
]
# Wagtail's admin is not translated into Kinyarwanda, so editors choose
# between English and French for the interface; they edit all three.
WAGTAILADMIN_PERMITTED_LANGUAGES = [("en", "English"), ("fr", "Français")]
LOCALE_PATHS = [BASE_DIR / "locales"]
FORMAT_MODULE_PATH = ["locales.formats"]
TIME_ZONE = env.str("TIME_ZONE", default="UTC")
USE_I18N = True
USE_TZ = True

# Static files and uploads -------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "static")
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")

AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME", default="")
# How long a signed URL of the bucket lasts, in seconds.
AWS_QUERYSTRING_EXPIRE = env.int("AWS_QUERYSTRING_EXPIRE", default=300)
if AWS_STORAGE_BUCKET_NAME:
    # Every uploaded file goes to the bucket. Nothing is public-read:
    # documents are served through Wagtail's privacy check, which then
    # redirects to a short-lived signed URL.
    DEFAULT_FILE_STORAGE_CONFIG = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default=None),
            "region_name": env.str("AWS_S3_REGION_NAME", default=None),
            "access_key": env.str("AWS_ACCESS_KEY_ID", default=None),
            "secret_key": env.str("AWS_SECRET_ACCESS_KEY", default=None),
            "custom_domain": env.str("AWS_S3_CUSTOM_DOMAIN", default=None),
            "addressing_style": env.str("AWS_S3_ADDRESSING_STYLE", default=None),
            "location": env.str("AWS_LOCATION", default=""),
            "signature_version": "s3v4",
            "default_acl": "private",
            "file_overwrite": False,
            "querystring_auth": True,
            "querystring_expire": AWS_QUERYSTRING_EXPIRE,
        },
    }
    WAGTAILDOCS_SERVE_METHOD = "redirect"
else:
    DEFAULT_FILE_STORAGE_CONFIG = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
    }
    # Documents are streamed by Wagtail's serve view, after its privacy
    # check, never from a public media URL.
    WAGTAILDOCS_SERVE_METHOD = "serve_view"

STORAGES = {
    "default": DEFAULT_FILE_STORAGE_CONFIG,
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
}

WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "doc", "odt", "xlsx", "csv", "txt", "vtt", "mp4", "webm"]
WAGTAILDOCS_DOCUMENT_FORM_BASE = "publications.forms.ReportDocumentForm"
# The largest report PDF editors may upload, in megabytes.
PUBLICATIONS_MAX_PDF_MB = env.int("PUBLICATIONS_MAX_PDF_MB", default=100)
# The largest PDF whose text the worker reads, in megabytes.
SEARCH_EXTRACT_MAX_MB = env.int("SEARCH_EXTRACT_MAX_MB", default=200)

# UPR importers: the largest .docx matrix, decompressed, and its most parts (a "zip bomb" is
# refused before it is opened).
UPR_DOCX_MAX_UNCOMPRESSED_MB = env.int("UPR_DOCX_MAX_UNCOMPRESSED_MB", default=100)
UPR_DOCX_MAX_ENTRIES = env.int("UPR_DOCX_MAX_ENTRIES", default=1000)

# Search -------------------------------------------------------------------

# The database's own full-text search. On PostgreSQL: English stems without accents (search
# migration 0004); SQLite's FTS5 folds accents itself.
DATABASE_SEARCH_BACKEND = {"BACKEND": "wagtail.search.backends.database"}
if DATABASE_IS_POSTGRESQL:
    DATABASE_SEARCH_BACKEND["SEARCH_CONFIG"] = "cms_english"

ELASTICSEARCH_URL = env.str("ELASTICSEARCH_URL", default="")
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch9",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX_PREFIX": env.str("ELASTICSEARCH_INDEX_PREFIX", default="cms_"),
            "TIMEOUT": env.int("ELASTICSEARCH_TIMEOUT", default=10),
            # Every text field matches without regard to case or accents ("liberte" finds
            # "liberté"), and French elided articles go ("l’homme" is indexed as "homme").
            "INDEX_SETTINGS": {
                "settings": {
                    "analysis": {
                        "filter": {
                            "french_elision": {
                                "type": "elision",
                                "articles_case": True,
                                "articles": [
                                    "l",
                                    "m",
                                    "t",
                                    "qu",
                                    "n",
                                    "s",
                                    "j",
                                    "d",
                                    "c",
                                    "jusqu",
                                    "quoiqu",
                                    "lorsqu",
                                    "puisqu",
                                ],
                            }
                        },
                        "analyzer": {
                            "default": {
                                "type": "custom",
                                "tokenizer": "standard",
                                "filter": ["french_elision", "lowercase", "asciifolding"],
                            }
                        },
                    }
                }
            },
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": DATABASE_SEARCH_BACKEND}

# Background tasks ---------------------------------------------------------
# ``database``: tasks are queued in the database and run by
# ``manage.py db_worker``. ``immediate``: tasks run in the process that
# enqueues them (no worker needed; for development and tests). Both are the
# ``background`` app's backends: queues by urgency, routes for Wagtail's own
# tasks, retry policies, leases (see README "Background tasks").

TASKS_BACKENDS = {
    "database": "background.backends.DatabaseBackend",
    "immediate": "background.backends.ImmediateBackend",
}
# Queues by urgency: a worker may serve some only (db_worker --queue-name urgent).
TASK_QUEUES = ["urgent", "default", "bulk"]
# Queues of tasks declared by Wagtail: search indexing of content before the bulk
# reference-index work.
TASK_ROUTES = {
    "modelsearch.tasks.insert_or_update_object_task": "urgent",
    "wagtail.images.tasks.set_image_focal_point_task": "default",
    "wagtail.tasks.delete_file_from_storage_task": "default",
    "wagtail.contrib.frontend_cache.tasks.purge_urls_from_cache_task": "urgent",
    "wagtail.tasks.update_reference_index_task": "bulk",
}


def tasks_from_env(default):
    """The TASKS setting for the backend named by TASKS_BACKEND."""
    name = env.str("TASKS_BACKEND", default=default, validate=lambda value: value in TASKS_BACKENDS)
    return {
        "default": {
            "BACKEND": TASKS_BACKENDS[name],
            "QUEUES": TASK_QUEUES,
            "OPTIONS": {"ROUTES": TASK_ROUTES},
        }
    }


TASKS = tasks_from_env(default="database")
# A worker writes its heartbeat this often; a RUNNING task whose worker was not seen for
# the lease goes back to the queue (or fails when its attempts are used up).
BACKGROUND_HEARTBEAT_SECONDS = env.float("BACKGROUND_HEARTBEAT_SECONDS", default=10.0)
BACKGROUND_LEASE_SECONDS = env.float("BACKGROUND_LEASE_SECONDS", default=60.0)
# Multiplies every retry back-off (0.01 makes a retry after 30 s one after 0.3 s).
BACKGROUND_RETRY_BACKOFF_SCALE = env.float("BACKGROUND_RETRY_BACKOFF_SCALE", default=1.0)
# Tasks the workers enqueue periodically: path -> seconds between two runs.
BACKGROUND_PERIODIC_TASKS = {
    "legal_aid.tasks.sweep_orphaned_objects": env.int("LEGAL_AID_SWEEP_EVERY_SECONDS", default=6 * 3600),
    "legal_aid.tasks.purge_closed_requests": env.int("LEGAL_AID_PURGE_EVERY_SECONDS", default=24 * 3600),
}

# Cache --------------------------------------------------------------------

REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The API's content versions (api/versions.py) are read from the database, where every process
# finds the same; with a cache that every process shares, from the cache.
API_VERSIONS_IN_CACHE = bool(REDIS_URL)

# Email --------------------------------------------------------------------

EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
EMAIL_USE_SSL = env.bool("EMAIL_USE_SSL", default=False)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)
# Or all of it in one address: EMAIL_URL=submission://user:password@smtp.example.org:587 (STARTTLS),
# smtps://… (TLS), smtp://… (plain); its parts override the variables above.
if env.str("EMAIL_URL", default=""):
    globals().update(
        {
            name: value
            for name, value in env.dj_email_url("EMAIL_URL").items()
            if name != "EMAIL_FILE_PATH" or value
        }
    )
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="webmaster@localhost")
SERVER_EMAIL = env.str("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)
# Who is sent an e-mail for every server error (500) when DEBUG is off: "Name <address>, address, ..."
ADMINS = [
    (name or address, address) for name, address in getaddresses([env.str("ADMINS", default="")]) if address
]

# Wagtail ------------------------------------------------------------------

WAGTAIL_SITE_NAME = env.str("WAGTAIL_SITE_NAME", default="UPR advocacy CMS")
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAILAPI_BASE_URL = env.str("WAGTAILAPI_BASE_URL", default=WAGTAILADMIN_BASE_URL)
WAGTAILAPI_LIMIT_MAX = env.int("WAGTAILAPI_LIMIT_MAX", default=100)
WAGTAILAPI_RICH_TEXT_FORMAT = "html"

# The API ------------------------------------------------------------------
# One error body for every endpoint (api/contract.py).

REST_FRAMEWORK = {
    "EXCEPTION_HANDLER": "api.contract.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "api.schema.AutoSchema",
    # Anonymous clients, by address: a short burst and a daily total (API_THROTTLE_RATES).
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.BurstThrottle", "api.throttling.SustainedThrottle"],
    # How many proxies stand before the web processes: the client address is read from
    # X-Forwarded-For only behind them (0: REMOTE_ADDR, which a client cannot forge).
    "NUM_PROXIES": env.int("API_NUM_PROXIES", default=0),
}
# Requests an anonymous client may make, e.g. 300/min (s, min, hour, day). A person reading a
# site makes a few API requests a page; a scraper, thousands.
API_THROTTLE_RATES = {
    "anon_burst": env.str("API_THROTTLE_BURST_RATE", default="300/min"),
    "anon_sustained": env.str("API_THROTTLE_SUSTAINED_RATE", default="20000/day"),
    # Legal-assistance requests and status checks, per client (api/throttling.py ClientThrottle).
    "legal_aid_submit": env.str("LEGAL_AID_SUBMIT_RATE", default="10/h"),
    "legal_aid_status": env.str("LEGAL_AID_STATUS_RATE", default="20/h"),
    # Newsletter subscriptions, and the confirm/unsubscribe links used through the API, per client.
    "newsletter_subscribe": env.str("NEWSLETTER_SUBSCRIBE_RATE", default="10/h"),
    "newsletter_link": env.str("NEWSLETTER_LINK_RATE", default="60/h"),
}
# The public site's servers, which render pages for every reader: not throttled; a legal-assistance
# request they relay is counted for the client they name in X-Relayed-Client (a keyed hash).
API_THROTTLE_TRUSTED_IPS = env.list("API_THROTTLE_TRUSTED_IPS", default=[])

# CORS: the front ends allowed to read the API from a browser, e.g.
# CORS_ALLOWED_ORIGINS=https://www.example.org,https://preview.example.org. None unless configured.
CORS_ALLOWED_ORIGINS = env.list("CORS_ALLOWED_ORIGINS", default=[])
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS", "POST")
# Headers a front end may read besides the simple ones (Cache-Control, Content-Type…).
CORS_EXPOSE_HEADERS = ("ETag", "Retry-After")
CORS_PREFLIGHT_MAX_AGE = env.int("CORS_PREFLIGHT_MAX_AGE", default=86400)

# HTTP caching of public reads (api/caching.py): seconds a browser, and a CDN or proxy, may
# reuse an answer without asking again. Conditional requests are answered with 304 until the
# content changes. With WAGTAILFRONTENDCACHE configured, the API's listings and the detail of a
# published page are purged from the CDN when content changes.
API_CACHE_MAX_AGE = env.int("API_CACHE_MAX_AGE", default=60)
API_CACHE_SHARED_MAX_AGE = env.int("API_CACHE_SHARED_MAX_AGE", default=API_CACHE_MAX_AGE)
# Seconds an answer is kept in the cache (Redis when REDIS_URL is set) for the next reader of the
# same address; any change of content makes it unused at once. 0: not kept.
API_CACHE_SERVER_SECONDS = env.int("API_CACHE_SERVER_SECONDS", default=3600)
# Each public page's detail stored in the database for the versions of what it shows, and served
# from there while they are today's (api/stored_pages.py); false: built by the view every time.
API_STORED_PAGES = env.bool("API_STORED_PAGES", default=True)
FRONTEND_CACHE_PURGE_URL = env.str("FRONTEND_CACHE_PURGE_URL", default="")
CLOUDFLARE_ZONEID = env.str("CLOUDFLARE_ZONEID", default="")
if FRONTEND_CACHE_PURGE_URL:
    # A proxy that takes PURGE requests (Varnish, Squid, nginx with a purge module).
    WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_PURGE_URL,
        }
    }
elif CLOUDFLARE_ZONEID:
    WAGTAILFRONTENDCACHE = {
        "cloudflare": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": env.str("CLOUDFLARE_BEARER_TOKEN", default=""),
            "ZONEID": CLOUDFLARE_ZONEID,
        }
    }
if FRONTEND_CACHE_PURGE_URL or CLOUDFLARE_ZONEID:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")

# Headless preview: editors preview drafts on the front end at this address (it is given
# ?content_type=app.model&token=…, and reads the draft from /api/v2/page-preview/). Unset:
# Wagtail's own preview.
# The public site (frontend/): with it, page addresses (View live, html_url, the sitemap, the
# feeds) point there, the CMS redirects a reader there, and previews open there.
PUBLIC_SITE_URL = env.str("PUBLIC_SITE_URL", default="").rstrip("/")
HEADLESS_PREVIEW_URL = env.str(
    "HEADLESS_PREVIEW_URL", default=f"{PUBLIC_SITE_URL}/preview/" if PUBLIC_SITE_URL else ""
)
WAGTAIL_HEADLESS_PREVIEW = {
    "CLIENT_URLS": {"default": HEADLESS_PREVIEW_URL} if HEADLESS_PREVIEW_URL else {},
    "REDIRECT_ON_PREVIEW": False,
    "ENFORCE_TRAILING_SLASH": True,
}

# The OpenAPI description at /api/schema/, its documentation page at /api/schema/docs/.
SPECTACULAR_SETTINGS = {
    "TITLE": "UPR advocacy CMS API",
    "DESCRIPTION": (
        "The public API of the CMS: pages of every type, images, documents, UPR "
        "recommendations with their filters, facets and statistics, the vocabularies, search and "
        "autocomplete, and the RSS, Atom and iCalendar feeds, all read-only; and the legal-assistance "
        "request form (`legal-aid`), which takes requests and answers their status. Every error of the "
        "API has the body described by the `Error` schema."
    ),
    "VERSION": "2",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PUBLIC": True,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "PREPROCESSING_HOOKS": ["cms.openapi.api_endpoints_only"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "cms.openapi.add_feeds",
    ],
    "GET_MOCK_REQUEST": "cms.openapi.mock_request",
    # The content languages, wherever a field takes one (locale, language, preferred_language…).
    "ENUM_NAME_OVERRIDES": {
        "LanguageEnum": [code for code, _name in WAGTAIL_CONTENT_LANGUAGES],
        # The words a multipart request may give a checkbox (consent, acknowledgement) for true or false.
        "CheckboxAnswerEnum": "legal_aid.api_fields.CHECKBOX_WORDS",
    },
    "DISABLE_ERRORS_AND_WARNINGS": False,
    # The public API needs no authentication.
    "AUTHENTICATION_WHITELIST": [],
}
WAGTAILSEARCH_HITS_MAX_AGE = 14
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
# A page submitted for translation becomes a draft in each language, published by its translator:
# never a copy of the source's text live under another language.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Legal-assistance requests ------------------------------------------------
# Fernet keys (url-safe base64, 32 bytes), comma-separated, newest first:
# requests and their attachments are encrypted with the first and read with
# any. dev.py and test.py provide one; production.py refuses to start without.
LEGAL_AID_KEYS = env.list("LEGAL_AID_KEYS", default=[])
# The key of the audit log's seals (HMAC-SHA256 chaining each entry to the one before). A fixed key
# for a laptop and the tests; production.py refuses to start without one of its own.
AUDIT_LOG_KEY = env.str("AUDIT_LOG_KEY", default="dev-only-audit-log-key")
# Who is told (by email, a link to the admin only) that a request arrived.
LEGAL_AID_NOTIFY_EMAILS = env.list("LEGAL_AID_NOTIFY_EMAILS", default=[])
# The sender of the acknowledgement a requester may ask for: an address that names neither the
# organisation's legal work nor its purpose (the requester's mailbox may be read by others).
LEGAL_AID_ACKNOWLEDGEMENT_FROM_EMAIL = env.str(
    "LEGAL_AID_ACKNOWLEDGEMENT_FROM_EMAIL", default=DEFAULT_FROM_EMAIL
)
# Closed cases older than this are deleted by `manage.py purge_legal_aid_requests`.
LEGAL_AID_RETENTION_DAYS = env.int("LEGAL_AID_RETENTION_DAYS", default=365)
# Objects under legal-aid/ that no case refers to are deleted by the sweeper once this old.
LEGAL_AID_SWEEP_GRACE_HOURS = env.float("LEGAL_AID_SWEEP_GRACE_HOURS", default=24.0)
# After a commit whose answer was lost (the database went away at that moment): how long a
# submission looks for its case before it answers that nothing was kept.
LEGAL_AID_COMMIT_CHECK_SECONDS = env.float("LEGAL_AID_COMMIT_CHECK_SECONDS", default=5.0)
# Attachments: how many, how large each, how large the whole request may be (bytes).
LEGAL_AID_MAX_FILES = env.int("LEGAL_AID_MAX_FILES", default=5)
LEGAL_AID_MAX_FILE_BYTES = env.int("LEGAL_AID_MAX_FILE_BYTES", default=20 * 1024 * 1024)
LEGAL_AID_MAX_BODY_BYTES = env.int("LEGAL_AID_MAX_BODY_BYTES", default=60 * 1024 * 1024)

# The newsletter ------------------------------------------------------------
# Where the confirmation and unsubscribe pages of the mails' links are served: the public site's
# /newsletter/… pages (which relay to the API), else the CMS's own.
NEWSLETTER_LINKS_URL = env.str(
    "NEWSLETTER_LINKS_URL", default=PUBLIC_SITE_URL or WAGTAILADMIN_BASE_URL
).rstrip("/")
NEWSLETTER_FROM_EMAIL = env.str("NEWSLETTER_FROM_EMAIL", default=DEFAULT_FROM_EMAIL)
# How long a confirmation link works; unconfirmed addresses are deleted after it (purge_newsletter_pending).
NEWSLETTER_CONFIRM_HOURS = env.int("NEWSLETTER_CONFIRM_HOURS", default=72)
# A pending address is sent another confirmation mail at most this often.
NEWSLETTER_RESEND_MINUTES = env.int("NEWSLETTER_RESEND_MINUTES", default=10)
# Sending: recipients claimed at a time, most messages a second per worker (0: no limit), after how long
# a claim of a worker that died is taken back, attempts for a temporary failure (4xx) and the wait after each.
NEWSLETTER_BATCH_SIZE = env.int("NEWSLETTER_BATCH_SIZE", default=100)
NEWSLETTER_SEND_RATE = env.float("NEWSLETTER_SEND_RATE", default=20.0)
NEWSLETTER_CLAIM_SECONDS = env.float("NEWSLETTER_CLAIM_SECONDS", default=600.0)
NEWSLETTER_MAX_ATTEMPTS = env.int("NEWSLETTER_MAX_ATTEMPTS", default=5)
NEWSLETTER_RETRY_SECONDS = env.float("NEWSLETTER_RETRY_SECONDS", default=300.0)

# Backups (manage.py backup_cms): object names the database keeps in plain text columns, besides
# its file fields, that must be in every backup.
BACKUP_OBJECT_NAME_FIELDS = ["legal_aid.LegalAidAttachment.object_name"]

# Staff accounts -----------------------------------------------------------
# Sign-in lockouts (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one account, or from
# one address, that account or address is refused for AXES_COOLOFF_MINUTES (an administrator may
# unlock it earlier under Settings > Sign-in lockouts). Addresses are REMOTE_ADDR: behind a proxy,
# make sure it is the client's.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_MINUTES = env.int("AXES_COOLOFF_MINUTES", default=30)
AXES_COOLOFF_TIME = AXES_COOLOFF_MINUTES / 60  # hours
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # either locks: per account and per address
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.views.locked_out"
AXES_ENABLE_ADMIN = False  # no Django admin here: lockouts are shown in Wagtail's
AXES_VERBOSE = False
AXES_SENSITIVE_PARAMETERS = ["password", "token", "otp_token"]

# Second factor (django-otp: TOTP apps, and recovery codes). Whom it is required for:
# "privileged" (superusers and the Legal team), "all" (everyone who signs in to the admin), or "none"
# (offered to everyone, required for no one). Production requires it for the privileged by default;
# a laptop (make run, the tests) offers it only, so that the printed demo login works at once.
TWO_FACTOR_REQUIRED = env.str(
    "TWO_FACTOR_REQUIRED",
    default="none",
    validate=lambda value: value in ("none", "privileged", "all"),
)
# The issuer name an authenticator app shows beside the account.
OTP_TOTP_ISSUER = env.str("OTP_TOTP_ISSUER", default=WAGTAIL_SITE_NAME)
# How many recovery codes a person is given (each works once).
TWO_FACTOR_RECOVERY_CODES = 10

# Passkeys and security keys (django-otp-webauthn), a second factor beside the authenticator app,
# never a sign-in without the password. The relying party is the admin: its ID is the admin's host
# name (a passkey works only there, and on its subdomains; changing it makes every passkey useless),
# and the browser's origin must be one of OTP_WEBAUTHN_ALLOWED_ORIGINS (https, or http://localhost).
# Browsers refuse passkeys on an IP address: a laptop's admin at 127.0.0.1 takes them as localhost.
_admin_url = urlsplit(WAGTAILADMIN_BASE_URL)
_admin_host = _admin_url.hostname or "localhost"
if _admin_host in ("127.0.0.1", "::1"):
    _admin_host = "localhost"
_admin_origin = f"{_admin_url.scheme}://{_admin_host}" + (f":{_admin_url.port}" if _admin_url.port else "")
OTP_WEBAUTHN_RP_ID = env.str("OTP_WEBAUTHN_RP_ID", default=_admin_host)
OTP_WEBAUTHN_RP_NAME = env.str("OTP_WEBAUTHN_RP_NAME", default=WAGTAIL_SITE_NAME)
OTP_WEBAUTHN_ALLOWED_ORIGINS = env.list("OTP_WEBAUTHN_ALLOWED_ORIGINS", default=[_admin_origin])
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
OTP_WEBAUTHN_TIMEOUT_SECONDS = env.int("OTP_WEBAUTHN_TIMEOUT_SECONDS", default=120)

# No avatars from gravatar.com: staff e-mail addresses (hashed) are not sent to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Admin sessions: they end after this many minutes without a request, and this many hours after the
# sign-in whatever happens; the Legal team's (and superusers') sooner.
SESSION_IDLE_MINUTES = env.int("SESSION_IDLE_MINUTES", default=30)
SESSION_MAX_HOURS = env.float("SESSION_MAX_HOURS", default=10)
SESSION_IDLE_MINUTES_PRIVILEGED = env.int("SESSION_IDLE_MINUTES_PRIVILEGED", default=15)
SESSION_MAX_HOURS_PRIVILEGED = env.float("SESSION_MAX_HOURS_PRIVILEGED", default=8)
# The cookie itself never outlives the longest session.
SESSION_COOKIE_AGE = int(max(SESSION_MAX_HOURS, SESSION_MAX_HOURS_PRIVILEGED) * 3600)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Content-Security-Policy (django-csp) on every answer of the CMS: the admin, the API, its
# documentation pages. Scripts from this origin only, never inline (but in Wagtail's admin, which
# still writes some inline: accounts.middleware.ContentSecurityPolicyMiddleware); Wagtail's admin sets style
# attributes, so styles may be inline (style-src 'unsafe-inline' only). Images of the storage's own
# address when it is not this one; frames of this origin (previews), the public site (headless
# previews) and the video embeds editors paste.
_csp_extra_origins = [
    origin
    for origin in (
        env.str("AWS_S3_CUSTOM_DOMAIN", default=""),
        env.str("AWS_S3_ENDPOINT_URL", default=""),
    )
    if origin
]
_csp_extra_origins = [origin if "://" in origin else f"https://{origin}" for origin in _csp_extra_origins]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", *_csp_extra_origins],
        "media-src": ["'self'", "blob:", *_csp_extra_origins],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": [
            "'self'",
            *([PUBLIC_SITE_URL] if PUBLIC_SITE_URL else []),
            "https://www.youtube.com",
            "https://www.youtube-nocookie.com",
            "https://player.vimeo.com",
        ],
        "worker-src": ["'self'", "blob:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}
# Browser features no page of the CMS uses, refused for every page and frame.
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), "
    "fullscreen=(self), geolocation=(), gyroscope=(), hid=(), magnetometer=(), microphone=(), "
    "midi=(), payment=(), picture-in-picture=(), publickey-credentials-get=(self), "
    "screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=()"
)

# Error reports (the e-mail to ADMINS, the Django pages with DEBUG on) with nothing of a journalist's
# request: legal_aid.error_reports.
DEFAULT_EXCEPTION_REPORTER = "legal_aid.error_reports.LegalAidExceptionReporter"
DEFAULT_EXCEPTION_REPORTER_FILTER = "legal_aid.error_reports.LegalAidExceptionReporterFilter"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"require_debug_false": {"()": "django.utils.log.RequireDebugFalse"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        # A server error reaches ADMINS by e-mail (nothing is sent while ADMINS is empty).
        "mail_admins": {
            "level": "ERROR",
            "filters": ["require_debug_false"],
            "class": "django.utils.log.AdminEmailHandler",
        },
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django": {
            "handlers": ["console", "mail_admins"],
            "level": env.str("DJANGO_LOG_LEVEL", default="INFO"),
            "propagate": False,
        },
        # Each task and page action logs a line at INFO: too much for a console.
        "django_tasks": {"level": env.str("TASKS_LOG_LEVEL", default="WARNING")},
        "django_tasks_db": {"level": env.str("TASKS_LOG_LEVEL", default="WARNING")},
        "wagtail": {"level": env.str("WAGTAIL_LOG_LEVEL", default="WARNING")},
    },
}

# Sentry, only if SENTRY_DSN is set: no personal data, nothing of the legal-assistance requests
# (legal_aid.sentry).
SENTRY_DSN = env.str("SENTRY_DSN", default="")
if SENTRY_DSN:
    from legal_aid import sentry

    sentry.init(
        SENTRY_DSN,
        environment=env.str("SENTRY_ENVIRONMENT", default="production"),
        traces_sample_rate=env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0),
    )
