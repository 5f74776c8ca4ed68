"""Gunicorn settings for running Pathfinder in production: `gunicorn -c config/gunicorn.py config.wsgi` (make serve).

Sized to the machine: Pathfinder's requests spend most of their time in Python (templates, forms), which one process
runs on one CPU at a time, so there are 2 processes per CPU plus one, each with a few threads to overlap waiting on
the database. Every setting can be overridden by the environment, so a council sizes it without a code change.
No state lives in a process: sessions are in the database, rate limits and the Local Offer's page cache in the
shared cache (the database, or Redis with PATHFINDER_REDIS_URL), so processes and machines can be added freely.
"""

from __future__ import annotations

import multiprocessing
import os


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return int(value) if value.strip() else default


bind = os.environ.get("PATHFINDER_BIND", "127.0.0.1:8000")
workers = _int("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1)
worker_class = "gthread"  # threads, and keep-alive connections from a proxy or CDN
threads = _int("PATHFINDER_THREADS", 4)
timeout = _int("PATHFINDER_WORKER_TIMEOUT", 30)  # a request taking longer is stuck: its worker is restarted
graceful_timeout = 30
keepalive = 5
max_requests = _int("PATHFINDER_MAX_REQUESTS", 5000)  # recycled now and then so slow leaks cannot grow
max_requests_jitter = max_requests // 10
preload_app = True  # Django is loaded once, before the workers fork: less memory, a bad setting fails at start
accesslog = os.environ.get("PATHFINDER_ACCESS_LOG", "-") or None  # "-": standard output; empty: off
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'  # no query-string cookies, no referrers
errorlog = "-"
loglevel = os.environ.get("PATHFINDER_LOG_LEVEL", "warning").lower()
# The proxy in front (load balancer, TLS terminator) that may set X-Forwarded-Proto: the app trusts
# X-Forwarded-For only as far as PATHFINDER_TRUSTED_PROXIES says (pathfinder.core.client_address).
forwarded_allow_ips = os.environ.get("PATHFINDER_FORWARDED_ALLOW_IPS", "127.0.0.1")
control_socket_disable = True
