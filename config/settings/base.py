"""Settings shared by every environment. Values that differ come from environment variables."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name: str, default: str = "") -> str:
    """An environment variable, treating an empty value as unset (dj-database-url fails on "")."""
    value = os.environ.get(name, "")
    return value if value != "" else default


def env_bool(name: str, default: bool) -> bool:
    value = env(name)
    if value == "":
        return default
    return value.lower() in {"1", "true", "yes", "on"}


SECRET_KEY = env("DJANGO_SECRET_KEY", "insecure-development-key-never-use-in-production")
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = [h for h in env("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",") if h]

# The council that runs this instance. A council is not GOV.UK: its own name and colours, no crown.
COUNCIL_NAME = env("PATHFINDER_COUNCIL_NAME", "Wealdmoor County Council")
COUNCIL_SHORT_NAME = env("PATHFINDER_COUNCIL_SHORT_NAME", "Wealdmoor")
COUNCIL_LA_CODE = env("PATHFINDER_COUNCIL_LA_CODE", "999")  # DfE LA code; 999 is not a real council
# The SEN2 return's header: is there a designated medical, clinical and social care officer (Y, N or R)?
SEN2_DESIGNATED_OFFICERS = {
    "DMO": env("PATHFINDER_SEN2_DMO", "Y"), "DCO": env("PATHFINDER_SEN2_DCO", "Y"),
    "DSCO": env("PATHFINDER_SEN2_DSCO", "Y"),
}
COUNCIL_BRAND_COLOUR = env("PATHFINDER_COUNCIL_BRAND_COLOUR", "#1d4f7a")
SERVICE_NAME = env("PATHFINDER_SERVICE_NAME", "SEND services")
# Contact details every letter gives (reg 32 mediation information, SENDIASS, the SEND team). The defaults are
# the fictional Wealdmoor: Ofcom drama numbers (01632 960xxx) and example.org addresses.
COUNCIL_CONTACTS = {
    "send_team": {
        "name": env("PATHFINDER_SEND_TEAM_NAME", "Wealdmoor SEND Assessment Team"),
        "phone": env("PATHFINDER_SEND_TEAM_PHONE", "01632 960100"),
        "email": env("PATHFINDER_SEND_TEAM_EMAIL", "send.team@wealdmoor.example.org"),
        "web": env("PATHFINDER_SEND_TEAM_WEB", "https://www.wealdmoor.example.org/send"),
    },
    "mediation": {
        "name": env("PATHFINDER_MEDIATION_NAME", "Wealdmoor Independent SEND Mediation"),
        "phone": env("PATHFINDER_MEDIATION_PHONE", "01632 960200"),
        "email": env("PATHFINDER_MEDIATION_EMAIL", "mediation@wealdmoor-mediation.example.org"),
        "web": env("PATHFINDER_MEDIATION_WEB", "https://www.wealdmoor-mediation.example.org"),
    },
    "sendiass": {
        "name": env("PATHFINDER_SENDIASS_NAME", "Wealdmoor SENDIASS (information, advice and support)"),
        "phone": env("PATHFINDER_SENDIASS_PHONE", "01632 960300"),
        "email": env("PATHFINDER_SENDIASS_EMAIL", "help@wealdmoor-sendiass.example.org"),
        "web": env("PATHFINDER_SENDIASS_WEB", "https://www.wealdmoor-sendiass.example.org"),
    },
}
PATHFINDER_DEMO_MODE = False
# Where people sign in: the link in every message (no personal data goes in a message, only this link).
PATHFINDER_PUBLIC_URL = env("PATHFINDER_PUBLIC_URL", "http://127.0.0.1:8000").rstrip("/")
# GOV.UK Notify (pathfinder.notifications). Without a key, messages wait in the outbox and are not sent.
GOVUK_NOTIFY_API_KEY = env("GOVUK_NOTIFY_API_KEY")
GOVUK_NOTIFY_BASE_URL = env("GOVUK_NOTIFY_BASE_URL", "https://api.notifications.service.gov.uk")
# One generic template per channel, each with the personalisation ((subject)) and ((body)) (sms: ((body))).
GOVUK_NOTIFY_EMAIL_TEMPLATE_ID = env("GOVUK_NOTIFY_EMAIL_TEMPLATE_ID")
GOVUK_NOTIFY_SMS_TEMPLATE_ID = env("GOVUK_NOTIFY_SMS_TEMPLATE_ID")
# The bearer token Notify sends with its delivery-status callbacks (set the same value in Notify's settings).
GOVUK_NOTIFY_CALLBACK_TOKEN = env("GOVUK_NOTIFY_CALLBACK_TOKEN")
# Local Offer: services nobody has checked for this many months are hidden from the public (flagged at 12).
LOCAL_OFFER_HIDE_AFTER_MONTHS = int(env("PATHFINDER_LOCAL_OFFER_HIDE_AFTER_MONTHS", "18"))
# Other directories' feeds (directory/harvest/guard.py): hosts inside a private network that a harvest may read
# anyway (names, addresses or networks, comma-separated, e.g. "feeds.internal.example.gov.uk,10.20.0.0/16").
# Empty: only public addresses are read.
PATHFINDER_HARVEST_ALLOWED_HOSTS = [h.strip() for h in env("PATHFINDER_HARVEST_ALLOWED_HOSTS").split(",") if h.strip()]
PATHFINDER_HARVEST_MAX_RESPONSE_BYTES = int(env("PATHFINDER_HARVEST_MAX_RESPONSE_BYTES", "5000000"))  # per response
PATHFINDER_HARVEST_MAX_PAGES = int(env("PATHFINDER_HARVEST_MAX_PAGES", "2000"))  # pages of 100 services per run
# services' details fetched at once from a feed (1 to 8): polite to someone else's server, quick from a remote one
PATHFINDER_HARVEST_DETAIL_CONCURRENCY = int(env("PATHFINDER_HARVEST_DETAIL_CONCURRENCY", "4"))

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "simple_history",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "pathfinder.core",
    "pathfinder.accounts",
    "pathfinder.audit",
    "pathfinder.notifications",
    "pathfinder.organisations",
    "pathfinder.people",
    "pathfinder.documents",
    "pathfinder.assessments",
    "pathfinder.plans",
    "pathfinder.ceasing",
    "pathfinder.transfers",
    "pathfinder.reviews",
    "pathfinder.family",
    "pathfinder.budgets",
    "pathfinder.disagreements",
    "pathfinder.tribunal",
    "pathfinder.disclosure",
    "pathfinder.insights",
    "pathfinder.sen2",
    "pathfinder.directory",
    "pathfinder.feedback",
    "pathfinder.caseload",
    "pathfinder.demo",
]

MIDDLEWARE = [
    "pathfinder.directory.api.middleware.OrukCorsMiddleware",  # first: open CORS on every /api/oruk response
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous Local Offer pages and API answers from the shared cache, before sessions and sign-in do any work.
    "pathfinder.directory.cache_middleware.PublicCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "pathfinder.accounts.middleware.SessionLifetimeMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "pathfinder.core.access.AccessPolicyMiddleware",
    "axes.middleware.AxesMiddleware",
    "pathfinder.documents.uploads.RequestBodyLimitMiddleware",  # last: refuses an oversized body unread
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "pathfinder" / "core" / "jinja2"],
        "APP_DIRS": True,
        "OPTIONS": {"environment": "config.jinja2env.environment", "autoescape": True},
    },
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    },
]

# SQLite is the embedded default; DATABASE_URL=postgres://... selects PostgreSQL (production).
DATABASE_URL = env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'pathfinder.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and IMMEDIATE transactions let the web process and the task worker share one file safely: a writer takes
    # the lock when its transaction begins, where SQLite's busy handler can wait for it (a deferred transaction that
    # upgrades to a write fails at once instead). `timeout` is that wait, in seconds: a page waits for the worker's
    # short import batches rather than failing. No busy_timeout pragma here: it would silently shorten the wait.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = int(env("PATHFINDER_SQLITE_CONN_MAX_AGE", "0"))
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # No JIT: PostgreSQL compiles any query its planner thinks costly, and for a Local Offer search over 100,000
    # services that compiling took 1.4 seconds of a 2.5-second answer (EXPLAIN ANALYZE) while the query itself
    # ran in about one. Short interactive queries never repay it; a report that would can SET jit = on.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # must come first: refuses locked-out sign-ins
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:sign-in"
LOGIN_REDIRECT_URL = "core:home"

# Multi-factor sign-in for all staff. Only the demo settings relax it, and they say so on every page.
PATHFINDER_REQUIRE_STAFF_MFA = env_bool("PATHFINDER_REQUIRE_STAFF_MFA", True)

# Lockout after repeated failed sign-ins (django-axes).
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = None
AXES_LOCKOUT_CALLABLE = "pathfinder.accounts.views.locked_out"
AXES_CLIENT_IP_CALLABLE = "pathfinder.core.client_address.client_address"  # never a client-supplied X-Forwarded-For
# One address trying many usernames (password spraying) is throttled as an address, with a higher threshold,
# so the accounts it tried are not locked and a colleague elsewhere can still sign in (accounts.sign_in_limit).
PATHFINDER_SIGN_IN_ADDRESS_FAILURE_LIMIT = int(env("PATHFINDER_SIGN_IN_ADDRESS_FAILURE_LIMIT", "20"))
PATHFINDER_SIGN_IN_ADDRESS_WINDOW = timedelta(minutes=15)
# New staff set up their second factor through a single-use invitation link that expires.
PATHFINDER_INVITATION_HOURS = int(env("PATHFINDER_INVITATION_HOURS", "72"))
# A family member's invitation to Pathfinder (a single-use link the caseworker passes on) works for this many
# days; the public forms for families (ask for an account, ask for an assessment) take this many from one
# internet address in an hour before saying "try again later" (family.limits).
PATHFINDER_FAMILY_INVITATION_DAYS = int(env("PATHFINDER_FAMILY_INVITATION_DAYS", "14"))
PATHFINDER_FAMILY_FORMS_PER_HOUR = int(env("PATHFINDER_FAMILY_FORMS_PER_HOUR", "5"))

# How long an adviser can still open a child's record after the council receives their advice. Their access
# exists for the advice (data minimisation, UK GDPR art. 5(1)(c)), but for a while after it the caseworker
# asks them questions and they send corrections while the draft plan is written (drafting is weeks 12 to 16 of
# the 20). 56 days (8 weeks) covers that and the family's 15 days to comment on the draft, then it ends. The
# access ends on received_on + this many days (that day is the first without it). Councils may set their own.
PATHFINDER_ADVISER_ACCESS_AFTER_ADVICE_DAYS = int(env("PATHFINDER_ADVISER_ACCESS_AFTER_ADVICE_DAYS", "56"))

# How many proxies of our own (load balancer, reverse proxy) stand in front of the app. 0: none, so
# X-Forwarded-For is ignored. Rate limits, lockouts and the audit trail use pathfinder.core.client_address.
PATHFINDER_TRUSTED_PROXIES = int(env("PATHFINDER_TRUSTED_PROXIES", "0"))

# Sessions expire after 30 minutes idle (renewed on each request) and 8 hours at most (SessionLifetimeMiddleware).
SESSION_COOKIE_AGE = 30 * 60
PATHFINDER_SESSION_MAX_HOURS = 8
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("PATHFINDER_SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# A strict Content Security Policy: nothing inline except the GOV.UK template's one-line script, allowed by its
# SHA-256 hash rather than a nonce. A per-response nonce would make every page unique, so no public page could be
# kept in a shared cache or a CDN (a cached page would replay one nonce to everyone); the hash is the same for
# everybody and allows that exact script only. tests/security/test_headers.py checks it matches the script.
GOVUK_INLINE_SCRIPT_HASH = "'sha256-GUQ5ad8JK5KmEWmROf3LZd9ge94daqNvd8xy9YS1iDw='"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", GOVUK_INLINE_SCRIPT_HASH],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static_build"]
# Documents about children (pathfinder.documents): a private folder outside the web root and the static files,
# readable by the app's user only, served only through the permission-checked, audited download view. A council
# can point this at object storage instead (README, "Documents").
PATHFINDER_DOCUMENTS_DIR = env("PATHFINDER_DOCUMENTS_DIR", str(BASE_DIR / "private_documents"))
DOCUMENTS_STORAGE = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {
        "location": PATHFINDER_DOCUMENTS_DIR,
        "file_permissions_mode": 0o600,
        "directory_permissions_mode": 0o700,
    },
}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Production: `make collectstatic` writes hashed, compressed files that WhiteNoise serves for a year or more.
    "staticfiles": {"BACKEND": "config.static_storage.StaticStorage"},
    "documents": DOCUMENTS_STORAGE,
}
MEDIA_ROOT = BASE_DIR / "media"
MEDIA_URL = "/media-not-served/"  # documents are served only through permission-checked views
# Uploads: the largest file accepted (every upload says "up to 50MB"). A body bigger than that plus the form's
# text is refused before it is read (413), and a bigger file is dropped (pathfinder.documents.uploads).
FILE_UPLOAD_MAX_SIZE = int(env("PATHFINDER_FILE_UPLOAD_MAX_SIZE", str(50 * 1024 * 1024)))
# A caseload import (pathfinder.caseload): the largest file read, each file of the template or an SEN2 return.
PATHFINDER_CASELOAD_MAX_FILE_SIZE = int(env("PATHFINDER_CASELOAD_MAX_FILE_SIZE", str(100 * 1024 * 1024)))
# The virus scanner: clamd's socket, "unix:///path/clamd.sock" or "tcp://127.0.0.1:3310" (scripts/clamav-start
# starts one). Empty: no scanner, so every upload waits in quarantine and nobody can open it.
PATHFINDER_CLAMAV = env("PATHFINDER_CLAMAV")
PATHFINDER_CLAMAV_TIMEOUT = float(env("PATHFINDER_CLAMAV_TIMEOUT", "60"))
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # larger files wait on disk, not in memory
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # the non-file part of a request
FILE_UPLOAD_HANDLERS = [
    "pathfinder.documents.uploads.SizeLimitedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
FILE_UPLOAD_PERMISSIONS = 0o600  # documents about children: readable by the app's user only
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700

# Background work through the database: no extra server on SQLite or PostgreSQL.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

REST_FRAMEWORK = {
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_THROTTLE_RATES": {"anon": env("PATHFINDER_API_ANON_RATE", "120/minute")},
    "UNAUTHENTICATED_USER": None,
    "NUM_PROXIES": PATHFINDER_TRUSTED_PROXIES,
}

# The default cache holds rate-limit counts, so it must be shared by every process: the database (table made
# by accounts' migration 0002 and `createcachetable`), or Redis when PATHFINDER_REDIS_URL is set (needs `redis`).
PATHFINDER_REDIS_URL = env("PATHFINDER_REDIS_URL")
# The Local Offer's public pages and API answers (directory.cache_middleware) have a cache of their own on the same
# backend, so that pages culled for space never take rate-limit counts with them.
if PATHFINDER_REDIS_URL:
    DEFAULT_CACHE = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": PATHFINDER_REDIS_URL}
    PUBLIC_CACHE = {**DEFAULT_CACHE, "KEY_PREFIX": "public"}
else:
    DEFAULT_CACHE = {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "pathfinder_cache"}
    PUBLIC_CACHE = {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "pathfinder_public_cache",
                    "OPTIONS": {"MAX_ENTRIES": 20_000, "CULL_FREQUENCY": 4}}
CACHES = {
    "default": DEFAULT_CACHE,
    "public": PUBLIC_CACHE,
    # Shared by the web and worker processes (files), so a long import can report how far it has got.
    "progress": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": env("PATHFINDER_PROGRESS_DIR", str(BASE_DIR / ".progress")),
        "TIMEOUT": 24 * 60 * 60,
    },
}

# Anonymous Local Offer pages and API answers (directory.cache_middleware): kept in the "public" cache for up to a
# day (a change makes them out of date at once, directory.public_cache); browsers and CDNs may reuse them for
# MAX_AGE seconds and serve them stale for STALE_SECONDS more while they check again.
PATHFINDER_PUBLIC_CACHE = "public"
PATHFINDER_PUBLIC_CACHE_ENABLED = env_bool("PATHFINDER_PUBLIC_CACHE_ENABLED", True)
PATHFINDER_PUBLIC_CACHE_SECONDS = 24 * 60 * 60
PATHFINDER_PUBLIC_MAX_AGE = int(env("PATHFINDER_PUBLIC_MAX_AGE", "60"))
PATHFINDER_PUBLIC_STALE_SECONDS = int(env("PATHFINDER_PUBLIC_STALE_SECONDS", "300"))
# A page missing from the cache is drawn by one request; others asking for it meanwhile wait up to this long for
# it (directory.cache_fill) rather than working the same search out again.
PATHFINDER_PUBLIC_FILL_WAIT_SECONDS = float(env("PATHFINDER_PUBLIC_FILL_WAIT_SECONDS", "10"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("PATHFINDER_LOG_LEVEL", "WARNING")},
}

# The daily reminder (manage.py send_reminders) counts the steps due within this many days, and those overdue.
PATHFINDER_REMINDER_DAYS_AHEAD = int(env("PATHFINDER_REMINDER_DAYS_AHEAD", "7"))
