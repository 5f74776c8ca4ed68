"""Browser journeys: Debian Chromium driven by pytest-playwright against pytest-django's live server.

Nothing is downloaded: the tests use the system Chromium at /usr/lib/chromium/chromium (never run
`playwright install`). They run in `make test`, on SQLite and on PostgreSQL.

How to write a journey (see tests/browser/test_core_pages.py for examples)::

    import pytest

    pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

    def test_caseworker_finds_a_child(page, live_server, sign_in_as, axe_check):
        user = CaseworkerFactory()
        sign_in_as(page, user)                       # through the real sign-in form (and security code for staff)
        page.goto(f"{live_server.url}/children/")
        axe_check(page)                              # fails with a readable list of WCAG problems

Fixtures and helpers provided here:

* ``page`` / ``context`` / ``browser`` (pytest-playwright): JavaScript on. The context has ``bypass_csp=True``
  only so that axe-core can be injected; the app's own CSP is tested in tests/security.
* ``no_js_page``: a page in a fresh context with JavaScript switched off. Every page must work like this.
* ``csp_page``: a JavaScript-on page that obeys the app's real CSP (no bypass); ``csp_page.csp_messages`` lists
  anything the browser blocked. Use it to prove a page's own scripts and styles still work under the policy.
* ``narrow_page``: a JavaScript-on page 320 CSS pixels wide, the same as 1280 px at 400% zoom (WCAG 1.4.10 reflow).
* ``live_server`` (pytest-django): the app with static files (GOV.UK Frontend CSS and JS) served.
  Tests that use it need ``@pytest.mark.django_db(transaction=True)`` so the server thread sees their data.
* ``axe_check(page, *, exclude=(), disable_rules=())``: injects node_modules/axe-core/axe.min.js and fails the
  test if axe finds any WCAG 2.0/2.1/2.2 A or AA or best-practice violation, listing rule, help text and the
  CSS targets of each failing node. ``exclude`` takes CSS selectors to leave out (say why in the test).
  On a ``no_js_page`` it checks a copy of the page's HTML in a JavaScript-on page (axe needs JavaScript).
* ``sign_in_as(page, user, *, password=TEST_PASSWORD, next_path="")``: signs in through the sign-in form. Staff
  (see accounts.roles.STAFF_ROLES) also pass the second step with a real time-based code from a confirmed
  authenticator device, made for them if they have none. Returns the page, now on the user's first page.
* ``assert_reflows(page)``: fails if the page scrolls sideways (document wider than the viewport).
* Every test is also checked at 320 px without asking: each page a test's browser opens by a GET (in ``page``,
  ``no_js_page`` or ``csp_page``) is recorded, and after the test each one is opened again at 320 px in the same
  context (same session) and must not scroll sideways (WCAG 1.4.10). Tables scroll inside their own
  ``pf-table-scroll`` region instead.
* ``tab_to(page, selector, *, limit=60)``: presses Tab until the element matching the selector has focus, and
  fails if it is not reached; proves a control can be reached by keyboard.

Mark every browser test ``@pytest.mark.browser`` (tests in this folder get the marker automatically too), and keep
journeys short: the whole browser suite should stay quick.
"""

from __future__ import annotations

import json
import os
import re
import weakref
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError

# Playwright's sync API runs an event loop in this thread; the ORM calls made by tests and factories are still
# synchronous and safe here (stack notes, gotcha G7). Test-only.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

REPO_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_PATH = "/usr/lib/chromium/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
AXE_PATH = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]
NARROW_VIEWPORT = {"width": 320, "height": 640}  # 1280 x 2560 at 400% zoom
_NO_JS_CONTEXTS: weakref.WeakSet = weakref.WeakSet()
_SCRIPT_ELEMENT = re.compile(r"<script\b[^>]*>.*?</script>", re.IGNORECASE | re.DOTALL)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if Path(item.path).is_relative_to(here):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    return {**browser_type_launch_args, "executable_path": CHROMIUM_PATH, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict) -> dict:
    # bypass_csp lets axe-core be injected; it does not change what the server sends.
    return {**browser_context_args, "bypass_csp": True, "locale": "en-GB", "timezone_id": "Europe/London"}


MAX_RECHECKED_PAGES = 40


def _record_pages_opened(context) -> list[str]:
    """The addresses of HTML pages the context's pages open with a GET (after redirects), in order."""
    opened: list[str] = []

    def on_response(response) -> None:
        request = response.request
        if not request.is_navigation_request() or request.method != "GET" or response.status != 200:
            return
        if request.frame.parent_frame is not None or not response.url.startswith("http"):
            return
        if "text/html" in (response.headers.get("content-type") or "") and response.url not in opened:
            opened.append(response.url)

    context.on("response", on_response)
    return opened


def _recheck_at_320px(context, opened: list[str]) -> None:
    """Open every recorded page again at 320 px in the same context and fail listing each one that scrolls."""
    if not opened:
        return
    problems = []
    page = context.new_page()
    page.set_viewport_size(NARROW_VIEWPORT)
    try:
        for url in opened[:MAX_RECHECKED_PAGES]:
            page.goto(url)
            widths = page.evaluate(_WIDTHS)
            if widths["scroll"] > widths["client"]:
                problems.append(f"{url}: {widths['scroll']} px wide at {widths['client']} px ({widths['widest']})")
    finally:
        page.close()
    assert not problems, "Pages that scroll sideways at 320 px (400% zoom):\n" + "\n".join(problems)


@pytest.fixture
def context(context):
    """pytest-playwright's context, with every page it opens checked again at 320 px after the test."""
    opened = _record_pages_opened(context)
    yield context
    _recheck_at_320px(context, opened)


@pytest.fixture
def no_js_page(browser, browser_context_args: dict):
    context = browser.new_context(**{**browser_context_args, "java_script_enabled": False})
    _NO_JS_CONTEXTS.add(context)
    opened = _record_pages_opened(context)
    page = context.new_page()
    yield page
    try:
        _recheck_at_320px(context, opened)
    finally:
        context.close()


@pytest.fixture
def csp_page(browser, browser_context_args: dict):
    """A page that obeys the app's Content-Security-Policy (no bypass), collecting the browser's CSP reports."""
    args = {key: value for key, value in browser_context_args.items() if key != "bypass_csp"}
    context = browser.new_context(**args)
    page = context.new_page()
    page.csp_messages = []
    page.on("console", lambda msg: "Content Security Policy" in msg.text and page.csp_messages.append(msg.text))
    opened = _record_pages_opened(context)
    yield page
    try:
        _recheck_at_320px(context, opened)
    finally:
        context.close()


@pytest.fixture
def narrow_page(browser, browser_context_args: dict):
    context = browser.new_context(**{**browser_context_args, "viewport": NARROW_VIEWPORT})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def _axe_source() -> str:
    if not AXE_PATH.exists():
        pytest.fail(f"axe-core is missing at {AXE_PATH}: run `make setup` (npm ci) first.")
    return AXE_PATH.read_text(encoding="utf-8")


def format_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation.get('impact') or 'n/a'}): {violation['help']}")
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"][:10]:
            target = " ".join(json.dumps(t) if not isinstance(t, str) else t for t in node["target"])
            lines.append(f"    at {target}")
    return "\n".join(lines)


def _js_copy_of(page, browser_context_args: dict):
    """axe-core needs JavaScript, so a page seen without it is checked as a copy: the same HTML (its scripts
    removed, so it stays exactly as a no-JavaScript visitor sees it) served at the same address, with the same
    styles, in a context where axe can run."""
    html = _SCRIPT_ELEMENT.sub("", page.content())
    context = page.context.browser.new_context(**browser_context_args)
    copy = context.new_page()
    copy.route(page.url, lambda route: route.fulfill(status=200, content_type="text/html", body=html))
    copy.goto(page.url)
    return context, copy


def _run_axe(page, source: str, context: dict | None, options: dict) -> dict:
    """Put axe-core on the page once it has loaded and run it. A click on a link starts a navigation that
    Playwright does not wait for, so the old document may be torn down under us (no <head> to append to, the
    execution context destroyed, or axe gone with the old page): wait for the new one and run again, rather
    than fail at random. A real violation is never retried away: only errors from the browser are."""
    for attempt in range(3):
        page.wait_for_load_state("load")
        try:
            if not page.evaluate("() => typeof window.axe !== 'undefined'"):
                page.add_script_tag(content=source)
            return page.evaluate(
                "([context, options]) => context ? axe.run(context, options) : axe.run(document, options)",
                [context, options],
            )
        except PlaywrightError:
            if attempt == 2:
                raise
            page.wait_for_timeout(250)
    raise AssertionError("unreachable")


@pytest.fixture
def axe_check(_axe_source: str, browser_context_args: dict) -> Callable[..., None]:
    """Run axe-core on the page as it is now; fail with every violation listed."""

    def check(page, *, exclude: Iterable[str] = (), disable_rules: Iterable[str] = ()) -> None:
        if page.context in _NO_JS_CONTEXTS:
            context, copy = _js_copy_of(page, browser_context_args)
            try:
                return check(copy, exclude=exclude, disable_rules=disable_rules)
            finally:
                context.close()
        options = {
            "runOnly": {"type": "tag", "values": AXE_TAGS},
            "rules": {rule: {"enabled": False} for rule in disable_rules},
            "resultTypes": ["violations"],
        }
        context = {"exclude": [[selector] for selector in exclude]} if exclude else None
        result = _run_axe(page, _axe_source, context, options)
        violations = result["violations"]
        assert not violations, f"axe-core found {len(violations)} problem(s) on {page.url}:\n" + format_violations(
            violations
        )

    return check


def _current_totp(device) -> str:
    """A code the device accepts now. Forget the last-used step so a second sign-in in one 30 s window works."""
    from django_otp.oath import totp

    device.last_t = -1
    device.throttling_failure_count = 0
    device.throttling_failure_timestamp = None
    device.save(update_fields=["last_t", "throttling_failure_count", "throttling_failure_timestamp"])
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):0{device.digits}d}"


@pytest.fixture
def sign_in_as(live_server, transactional_db) -> Callable:
    """Sign a user in through the real sign-in form (and the security-code step for staff)."""
    from django.conf import settings
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from pathfinder.accounts.tests.factories import TEST_PASSWORD

    def sign_in(page, user, *, password: str = TEST_PASSWORD, next_path: str = ""):
        needs_code = settings.PATHFINDER_REQUIRE_STAFF_MFA and user.is_council_staff
        if needs_code and not TOTPDevice.objects.filter(user=user, confirmed=True).exists():
            # Made directly, before the password step: the code page no longer offers a set-up (that takes an
            # invitation link, walked in test_sign_in_journeys.py).
            TOTPDevice.objects.create(user=user, name="Test authenticator", confirmed=True)
        query = f"?next={next_path}" if next_path else ""
        staff_mfa = settings.PATHFINDER_REQUIRE_STAFF_MFA and user.is_council_staff
        # Made before signing in: staff without a confirmed authenticator are sent to set one up instead.
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first() if staff_mfa else None
        if staff_mfa and device is None:
            device = TOTPDevice.objects.create(user=user, name="Test authenticator", confirmed=True)
        page.goto(f"{live_server.url}/account/sign-in/{query}")
        page.get_by_label("Username").fill(user.username)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_load_state()
        if staff_mfa:
            assert "/account/verify/" in page.url, f"Staff sign-in should ask for a security code, got {page.url}"
            page.get_by_label("Security code").fill(_current_totp(device))
            page.get_by_role("button", name="Continue").click()
            page.wait_for_load_state()
        assert "/account/sign-in/" not in page.url and "/account/verify/" not in page.url, (
            f"Sign-in as {user.username} did not finish: still on {page.url}"
        )
        return page

    return sign_in


# The page's width against the viewport's, and the element sticking out furthest (to say what to fix).
_WIDTHS = """() => {
  const root = document.documentElement, client = root.clientWidth;
  let widest = "", right = client;
  for (const el of document.body.querySelectorAll("*")) {
    const r = el.getBoundingClientRect().right;
    if (r > right + 0.5 && !(el.parentElement && el.parentElement.closest(".pf-table-scroll"))) {
      right = r;
      widest = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.className && typeof el.className === "string"
        ? "." + el.className.trim().split(/\\s+/).join(".") : "");
    }
  }
  return {scroll: root.scrollWidth, client, widest};
}"""


def assert_reflows_impl(page) -> None:
    widths = page.evaluate(_WIDTHS)
    assert widths["scroll"] <= widths["client"], (
        f"{page.url} scrolls sideways at {widths['client']} px: content is {widths['scroll']} px wide "
        f"(widest: {widths['widest']})"
    )


@pytest.fixture
def assert_reflows() -> Callable:
    return assert_reflows_impl


@pytest.fixture
def tab_to() -> Callable:
    def tab(page, selector: str, *, limit: int = 60):
        target = page.locator(selector).first
        for _ in range(limit):
            page.keyboard.press("Tab")
            if target.evaluate("el => el === document.activeElement"):
                return target
        pytest.fail(f"Could not reach {selector!r} with the Tab key in {limit} presses on {page.url}")

    return tab
