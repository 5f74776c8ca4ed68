"""Settings for `make test`. The database comes from DATABASE_URL (SQLite by default, PostgreSQL in CI's second run)."""

import tempfile

from config.settings.base import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed only; production uses Argon2
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
# Documents go to a folder of this test run's own (tests that look at files point it at their tmp_path).
DOCUMENTS_STORAGE = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": tempfile.mkdtemp(prefix="pathfinder-test-documents-"),
                "file_permissions_mode": 0o600, "directory_permissions_mode": 0o700},
}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "documents": DOCUMENTS_STORAGE,
}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
PATHFINDER_DEMO_MODE = False
AXES_ENABLED = True
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "progress": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "progress"},
    "public": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "public"},
}
# Factories write rows without the services that mark cached pages out of date, so tests keep the Local Offer's
# page cache off unless they are about it (pathfinder/directory/tests/test_public_cache.py turns it on).
PATHFINDER_PUBLIC_CACHE_ENABLED = False
