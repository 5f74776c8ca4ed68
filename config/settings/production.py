"""Production: secrets are required, staff multi-factor sign-in cannot be switched off."""

from django.core.exceptions import ImproperlyConfigured

from config.settings.base import *  # noqa: F403
from config.settings.base import env

DEBUG = False
SECRET_KEY = env("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set in production.")
if not PATHFINDER_REQUIRE_STAFF_MFA:  # noqa: F405
    raise ImproperlyConfigured("Staff multi-factor sign-in cannot be turned off in production.")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_SSL_REDIRECT = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
PATHFINDER_DEMO_MODE = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # gunicorn's threads live as long as the worker, so each keeps its SQLite connection rather than opening one
    # (and setting its pragmas) per request: a Local Offer page from the cache took 5.4 ms of CPU with a new
    # connection each time and 1.8 ms with a kept one (bench/load.py). PostgreSQL keeps its 60 s from base.
    DATABASES["default"]["CONN_MAX_AGE"] = int(env("PATHFINDER_SQLITE_CONN_MAX_AGE", "60"))  # noqa: F405
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405
