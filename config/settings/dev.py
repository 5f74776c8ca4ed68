"""Local and demo settings: `make run`. Plain HTTP on 127.0.0.1, so cookies are not marked Secure.

Debug is off unless DJANGO_DEBUG=1: the demo is shown to visitors, and Django's debug pages would show them
every URL and, on an error, the settings. Without debug, runserver no longer serves static files, so
WhiteNoise serves them straight from the finders (no collectstatic needed) with a plain storage backend.
"""

from config.settings.base import *  # noqa: F403
from config.settings.base import STORAGES, env_bool

DEBUG = env_bool("DJANGO_DEBUG", False)
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
# The demo lets staff sign in without a second factor so that reviewers can try every role.
# Every page then carries a warning banner; production settings refuse to start with this off.
PATHFINDER_REQUIRE_STAFF_MFA = env_bool("PATHFINDER_REQUIRE_STAFF_MFA", False)
PATHFINDER_DEMO_MODE = True
