"""Local and demo settings: `make run`. Plain HTTP on 127.0.0.1, so cookies are not marked Secure."""

from config.settings.base import *  # noqa: F403
from config.settings.base import env_bool

DEBUG = env_bool("DJANGO_DEBUG", True)
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
# The demo lets staff sign in without a second factor so that reviewers can try every role.
# Every page then carries a warning banner; production settings refuse to start with this off.
PATHFINDER_REQUIRE_STAFF_MFA = env_bool("PATHFINDER_REQUIRE_STAFF_MFA", False)
PATHFINDER_DEMO_MODE = True
