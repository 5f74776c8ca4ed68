"""With PATHFINDER_REDIS_URL set, rate-limit counts live in a real Redis that every process shares.

The test starts its own redis-server (Debian's package, installed by `make system-packages`) on a free loopback
port, points the default cache at it, and reads the counts back with the Redis client itself, outside Django's
cache object: so they are in Redis, not in this process's memory.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator

import pytest
import redis

REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def redis_url(tmp_path) -> Iterator[str]:
    """A throwaway Redis on loopback: no persistence, gone when the test ends."""
    if not shutil.which(REDIS_SERVER):
        pytest.fail("redis-server is missing: `make system-packages` installs Debian's redis-server")
    port = free_port()
    server = subprocess.Popen(
        [REDIS_SERVER, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", str(tmp_path)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    client = redis.Redis(host="127.0.0.1", port=port)
    try:
        for _ in range(100):
            try:
                client.ping()
                break
            except redis.ConnectionError:
                time.sleep(0.05)
        else:
            pytest.fail("redis-server did not start")
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        client.close()
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def redis_cache(settings, redis_url) -> str:
    settings.CACHES = {**settings.CACHES, "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url}}
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "3/minute"}}
    return redis_url


@pytest.mark.django_db
def test_the_open_referral_throttle_counts_in_redis(client, redis_cache):
    codes = [client.get("/api/oruk/taxonomies", REMOTE_ADDR="192.0.2.40").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    keys = [key.decode() for key in redis.Redis.from_url(redis_cache).keys("*throttle_anon_192.0.2.40*")]
    assert len(keys) == 1, keys
    # Another address still has its whole allowance: the count is per client, not global.
    assert client.get("/api/oruk/taxonomies", REMOTE_ADDR="192.0.2.41").status_code == 200


@pytest.mark.django_db
def test_settings_choose_redis_when_a_url_is_given(monkeypatch):
    import importlib

    from config.settings import base

    monkeypatch.setenv("PATHFINDER_REDIS_URL", "redis://127.0.0.1:6390/0")
    try:
        reloaded = importlib.reload(base)
        assert reloaded.CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
        assert reloaded.CACHES["default"]["LOCATION"] == "redis://127.0.0.1:6390/0"
    finally:
        monkeypatch.delenv("PATHFINDER_REDIS_URL")
        importlib.reload(base)
