"""Settings that keep the demo and production safe: no debug pages by default, rate limits in a shared cache."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]


def run_with_settings(module: str, code: str, tmp_path: Path, **env: str) -> subprocess.CompletedProcess:
    """Run `code` in a fresh interpreter under the given settings module (settings are read once per process)."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PATHFINDER_", "DATABASE_"))}
    environment.update({
        "DJANGO_SETTINGS_MODULE": module,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'settings-test.sqlite3'}",
        "PATHFINDER_PROGRESS_DIR": str(tmp_path / "progress"),
        **env,
    })
    script = "import django; django.setup()\nfrom django.conf import settings\n" + code
    return subprocess.run([sys.executable, "-c", script], cwd=REPO_ROOT, env=environment,
                          capture_output=True, text=True, timeout=120, check=False)


def test_dev_settings_have_debug_off_unless_asked(tmp_path):
    result = run_with_settings("config.settings.dev", "print(settings.DEBUG)", tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
    result = run_with_settings("config.settings.dev", "print(settings.DEBUG)", tmp_path, DJANGO_DEBUG="1")
    assert result.stdout.strip() == "True"


DEV_PAGES = """
from django.test import Client
client = Client()
missing = client.get("/no-such-page/")
css = client.get(settings.STATIC_URL + "pathfinder.min.css")
import json
print(json.dumps({"status": missing.status_code, "html": missing.content.decode(),
                  "css": css.status_code, "css_type": css.get("Content-Type", "")}))
"""


def test_under_dev_settings_a_missing_page_is_the_apps_own_and_css_is_still_served(tmp_path):
    result = run_with_settings("config.settings.dev", DEV_PAGES, tmp_path)
    assert result.returncode == 0, result.stderr
    pages = json.loads(result.stdout.strip().splitlines()[-1])
    assert pages["status"] == 404
    assert "Page not found" in pages["html"]
    assert "govuk-" in pages["html"]  # the service's own layout...
    assert "URLconf" not in pages["html"] and "DEBUG = True" not in pages["html"]  # ...not Django's debug page
    assert pages["css"] == 200 and pages["css_type"].startswith("text/css")


CACHE = "print(settings.CACHES['default']['BACKEND']); print(settings.CACHES['progress']['BACKEND'])"


@pytest.mark.parametrize("module", ["config.settings.dev", "config.settings.base"])
def test_the_default_cache_is_shared_by_every_process(tmp_path, module):
    result = run_with_settings(module, CACHE, tmp_path)
    assert result.returncode == 0, result.stderr
    default, progress = result.stdout.split()
    assert default == "django.core.cache.backends.db.DatabaseCache"
    assert progress == "django.core.cache.backends.filebased.FileBasedCache"  # Local Offer import progress


def test_redis_is_used_when_configured(tmp_path):
    result = run_with_settings("config.settings.dev", CACHE, tmp_path, PATHFINDER_REDIS_URL="redis://cache:6379/1")
    assert result.stdout.split()[0] == "django.core.cache.backends.redis.RedisCache"


def test_trusted_proxies_set_the_api_and_the_helper_alike(tmp_path):
    code = "print(settings.PATHFINDER_TRUSTED_PROXIES, settings.REST_FRAMEWORK['NUM_PROXIES'])"
    assert run_with_settings("config.settings.dev", code, tmp_path).stdout.split() == ["0", "0"]
    assert run_with_settings("config.settings.dev", code, tmp_path,
                             PATHFINDER_TRUSTED_PROXIES="2").stdout.split() == ["2", "2"]


MIGRATED_CACHE = """
from django.core.management import call_command
call_command("migrate", "accounts", verbosity=0)
from django.core.cache import cache
cache.set("pf:check", 7)
print(cache.get("pf:check"))
"""


def test_migrating_makes_the_database_cache_table(tmp_path):
    result = run_with_settings("config.settings.dev", MIGRATED_CACHE, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "7"
