"""What every response tells the browser: a strict CSP, no framing, no sniffing, private pages not cached."""

from __future__ import annotations

import re

import pytest

from pathfinder.accounts.tests.factories import CaseworkerFactory, ParentFactory
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.people.tests.factories import ChildFactory

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = ["/", "/accessibility/", "/privacy/", "/account/sign-in/", "/no-such-page/"]


def csp_directives(response) -> dict[str, list[str]]:
    header = response.headers.get("Content-Security-Policy", "")
    assert header, f"No Content-Security-Policy on {response.request['PATH_INFO']}"
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_pages_carry_a_strict_content_security_policy(client, path):
    directives = csp_directives(client.get(path))
    assert directives["default-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["form-action"] == ["'self'"]
    for name in ("script-src", "style-src"):
        sources = directives.get(name, directives["default-src"])
        assert "'unsafe-inline'" not in sources, f"{name} allows inline code on {path}"
        assert "'unsafe-eval'" not in sources, f"{name} allows eval on {path}"
        assert "*" not in sources and "https:" not in sources and "data:" not in sources
    assert directives["style-src"] == ["'self'"]
    assert [s for s in directives["script-src"] if not s.startswith("'sha256-")] == ["'self'"]


def test_the_one_inline_script_is_allowed_by_its_hash_and_no_page_carries_a_nonce(client):
    """A hash, not a per-response nonce, so public pages can be kept in a shared cache (directory.cache_middleware)."""
    import base64
    import hashlib

    response = client.get("/")
    html = response.content.decode()
    inline = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, re.S)
    assert len(inline) == 1
    digest = base64.b64encode(hashlib.sha256(inline[0].encode()).digest()).decode()
    assert csp_directives(response)["script-src"] == ["'self'", f"'sha256-{digest}'"]
    assert "nonce" not in response.headers["Content-Security-Policy"] and "nonce=" not in html


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_pages_cannot_be_framed_or_sniffed(client, path):
    response = client.get(path)
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"


def _inline_code_problems(html: str) -> list[str]:
    problems = []
    import base64
    import hashlib

    from django.conf import settings

    for tag, body in re.findall(r"(<script\b[^>]*>)(.*?)</script>", html, re.S):
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        if "src=" not in tag and f"'sha256-{digest}'" != settings.GOVUK_INLINE_SCRIPT_HASH:
            problems.append(f"inline script the CSP's hash does not allow: {tag}{body[:60]}")
    problems += [f"style attribute: {m}" for m in re.findall(r"<[^>]+\sstyle=\"[^\"]*\"", html)]
    problems += [f"<style> element: {m}" for m in re.findall(r"<style\b[^>]*>", html)]
    problems += [f"inline event handler: {m}" for m in re.findall(r"<[^>]+\son[a-z]+=\"", html)]
    return problems


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_need_no_inline_code_the_csp_would_block(client, path):
    assert _inline_code_problems(client.get(path).content.decode()) == []


def test_staff_pages_need_no_inline_code_the_csp_would_block(client):
    caseworker = CaseworkerFactory()
    child = ChildFactory(team=caseworker.team)
    sign_in(client, caseworker)
    for path in ("/insights/", "/children/", f"/children/{child.pk}/"):
        response = client.get(path, follow=True)
        assert response.status_code == 200, path
        assert _inline_code_problems(response.content.decode()) == [], path


# Cookies and sessions.
def test_session_cookie_is_http_only_and_same_site(client):
    parent = ParentFactory()
    client.post("/account/sign-in/", {"username": parent.username, "password": "correct-horse-battery-staple-2026"})
    cookie = client.cookies["sessionid"]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"


def test_secure_cookies_are_the_default_outside_tests():
    from config.settings import base

    assert base.SESSION_COOKIE_SECURE is True
    assert base.CSRF_COOKIE_SECURE is True
    assert base.CSRF_COOKIE_HTTPONLY is True


def test_sessions_end_after_30_idle_minutes(settings):
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST is True  # each request restarts the 30 minutes


def test_an_expired_session_no_longer_signs_anyone_in(client):
    from datetime import timedelta

    from django.contrib.sessions.models import Session
    from django.utils import timezone

    caseworker = CaseworkerFactory()
    sign_in(client, caseworker)
    assert client.get("/children/").status_code == 200
    Session.objects.filter(session_key=client.session.session_key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )
    response = client.get("/children/")
    assert response.status_code == 302
    assert response["Location"].startswith("/account/sign-in/")


def test_each_request_restarts_the_idle_30_minutes(client):
    from datetime import timedelta

    from django.contrib.sessions.models import Session
    from django.utils import timezone

    sign_in(client, CaseworkerFactory())
    key = client.session.session_key
    Session.objects.filter(session_key=key).update(expire_date=timezone.now() + timedelta(minutes=5))
    assert client.get("/children/").status_code == 200
    assert Session.objects.get(session_key=key).expire_date > timezone.now() + timedelta(minutes=25)


# Private pages are not kept by the browser or a shared computer's cache.
def test_signed_in_pages_are_not_cached(client):
    caseworker = CaseworkerFactory()
    child = ChildFactory(team=caseworker.team)
    sign_in(client, caseworker)
    for path in ("/children/", f"/children/{child.pk}/"):
        cache_control = client.get(path).headers.get("Cache-Control", "")
        assert "no-store" in cache_control and "private" in cache_control, (path, cache_control)


def test_public_pages_may_be_cached(client):
    assert "no-store" not in client.get("/accessibility/").headers.get("Cache-Control", "")


def test_admin_pages_are_not_cached(client):
    from pathfinder.accounts.tests.factories import AdministratorFactory

    sign_in(client, AdministratorFactory())
    assert "no-store" in client.get("/admin/").headers["Cache-Control"]
