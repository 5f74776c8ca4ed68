"""Production keeps no state in a web process (so processes and machines can be added), is sized to the machine,
and serves static files under hashed names that browsers may keep for years."""

from __future__ import annotations

import importlib
import runpy
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
PER_PROCESS = ("locmem", "dummy", "filebased")


@pytest.fixture(autouse=True)
def _settings_modules_as_they_were():
    yield
    import config.settings.base

    importlib.reload(config.settings.base)


def _settings(monkeypatch, module: str, **env: str):
    monkeypatch.setenv("DJANGO_SECRET_KEY", "only-for-this-test")
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    import config.settings.base

    importlib.reload(config.settings.base)
    return importlib.reload(importlib.import_module(module))


@pytest.mark.parametrize("redis", ["", "redis://127.0.0.1:6379/0"])
def test_caches_sessions_and_limits_are_shared_by_every_process(monkeypatch, redis):
    settings = _settings(monkeypatch, "config.settings.production", PATHFINDER_REDIS_URL=redis)
    for alias in ("default", "public"):
        backend = settings.CACHES[alias]["BACKEND"]
        assert not any(word in backend for word in PER_PROCESS), (alias, backend)
        assert ("redis" in backend) == bool(redis), (alias, backend)
    # sessions in the database (Django's default engine), lockouts in the database (django-axes' default handler)
    assert getattr(settings, "SESSION_ENGINE", "django.contrib.sessions.backends.db").endswith(".db")
    assert getattr(settings, "AXES_HANDLER", "axes.handlers.database.AxesDatabaseHandler").endswith("DatabaseHandler")
    assert settings.PATHFINDER_PUBLIC_CACHE == "public"


def test_the_api_throttle_and_sign_in_limits_count_in_the_default_cache():
    from django.core.cache import cache as default_cache

    from pathfinder.accounts import sign_in_limit
    from pathfinder.directory.api.views import OrukAnonThrottle

    assert OrukAnonThrottle.cache is default_cache  # DRF's throttles count in the default cache
    assert sign_in_limit.cache is default_cache


def test_static_files_are_hashed_and_compressed_in_production(monkeypatch):
    settings = _settings(monkeypatch, "config.settings.production")
    assert settings.STORAGES["staticfiles"]["BACKEND"] == "config.static_storage.StaticStorage"
    from whitenoise.storage import CompressedManifestStaticFilesStorage

    from config.static_storage import StaticStorage

    assert issubclass(StaticStorage, CompressedManifestStaticFilesStorage)
    assert StaticStorage.support_js_module_import_aggregation  # pathfinder-init.js imports the hashed library


def test_gunicorn_is_sized_to_the_machine_and_can_be_sized_by_the_council(monkeypatch):
    import multiprocessing

    monkeypatch.delenv("WEB_CONCURRENCY", raising=False)
    config = runpy.run_path(str(ROOT / "config" / "gunicorn.py"))
    assert config["workers"] == multiprocessing.cpu_count() * 2 + 1
    assert config["worker_class"] == "gthread" and config["threads"] >= 2 and config["timeout"] > 0
    assert config["accesslog"] == "-"
    monkeypatch.setenv("WEB_CONCURRENCY", "3")
    monkeypatch.setenv("PATHFINDER_ACCESS_LOG", "")
    config = runpy.run_path(str(ROOT / "config" / "gunicorn.py"))
    assert config["workers"] == 3 and config["accesslog"] is None
