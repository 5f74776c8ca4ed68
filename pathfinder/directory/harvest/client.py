"""Reading another directory's Open Referral UK 3.0 API, page by page, with timeouts and plain-English errors.

Every address asked is checked by `guard` (only http(s); nothing inside a private network, at saving and at each
connection); redirects are followed by hand, at most MAX_REDIRECTS, each target checked. A response is read as a
stream and reading stops past settings.PATHFINDER_HARVEST_MAX_RESPONSE_BYTES (a gzip bomb counts by what it
unpacks to), and a run reads at most settings.PATHFINDER_HARVEST_MAX_PAGES pages of /services.

Only what changed since the last harvest is asked for (`modified_after`) when the feed says it offers it in its
OpenAPI document (a feed that refuses unknown parameters, as ours does, would otherwise answer 400); every page of
/services is read (the list items carry only a service's own fields), then each new or changed service in full
(harvest.details: a few at a time, each thread with its own client and session, all sharing the run's throttle).
A 429 "too many requests" is waited for as its Retry-After asks (seconds or a date, at most LONGEST_WAIT), by
every thread of the run, at most MAX_WAITS times in a row for one request.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import requests
from django.conf import settings

from pathfinder.directory.harvest import pacing
from pathfinder.directory.harvest.guard import AddressRefused, GuardedAdapter, GuardRefusal, check_address

TIMEOUT = (5, 30)  # seconds to connect, seconds between bytes of a response
PER_PAGE = 100
MAX_REDIRECTS = 5
CHUNK = 65_536
MAX_WAITS = 30  # times in a row we wait when the feed says "too many requests" (429) before giving up
LONGEST_WAIT = pacing.LONGEST_WAIT  # seconds: a Retry-After longer than this is cut to it


def new_session() -> requests.Session:
    """A fresh HTTP session whose connections are guarded (tests replace this to answer from a fake or from our
    own API). Proxies from the environment are not used: the guard checks the address connected to, which with a
    proxy would be the proxy's."""
    session = requests.Session()
    session.trust_env = False
    session.mount("http://", GuardedAdapter())
    session.mount("https://", GuardedAdapter())
    return session


def max_pages() -> int:
    """A feed that never says "last page" stops here (100 services a page)."""
    return int(getattr(settings, "PATHFINDER_HARVEST_MAX_PAGES", 2000))


def max_bytes() -> int:
    """One response; a full service is a few kilobytes and a page of 100 well under a megabyte."""
    return int(getattr(settings, "PATHFINDER_HARVEST_MAX_RESPONSE_BYTES", 5_000_000))


class FeedError(Exception):
    """The feed could not be read: the message says why, for the officer."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class TooLarge(FeedError):
    """A response went past the size cap: reading stopped there."""


@dataclass
class Feed:
    base_url: str
    offers_modified_after: bool


class FeedClient:
    def __init__(self, base_url: str, session: requests.Session | None = None) -> None:
        self.base_url = base_url.rstrip("/") + "/"
        self.session = session or new_session()
        self.session.headers.setdefault("Accept", "application/json")
        self._checked_hosts: set[str] = set()
        self.throttle = pacing.Throttle()

    def for_another_thread(self) -> FeedClient:
        """A client for a worker thread: its own session (requests.Session is not safe to share between threads),
        the same guard on every connection, and this client's throttle and checked hosts."""
        other = FeedClient(self.base_url, new_session())
        other.throttle, other._checked_hosts = self.throttle, self._checked_hosts
        return other

    def close(self) -> None:
        self.session.close()

    def get_json(self, path: str, params: dict[str, Any] | None = None) -> Any:
        url = urljoin(self.base_url, path.lstrip("/"))
        for _ in range(MAX_WAITS):
            self.throttle.wait_turn()
            response = self._get(url, params)
            if response.status_code != 429:
                break
            response.close()
            seconds = _retry_after(response)
            self.throttle.hold(seconds)  # the run's other threads hold back too
            pacing.wait(seconds)  # throttled (ORUK allows it): wait as asked, then again
        else:
            raise FeedError(f"{url} kept saying too many requests (429). Try again later.")
        if response.status_code != 200:
            response.close()
        if response.status_code == 404:
            raise FeedError(f"{url} was not found (404). Check the address of the API.")
        if response.status_code >= 500:
            raise FeedError(f"The other directory's server failed ({response.status_code}) at {url}. Try later.")
        if response.status_code != 200:
            raise FeedError(f"{url} refused the request ({response.status_code}).")
        try:
            return json.loads(self._body(response, url))
        except ValueError:
            raise FeedError(f"{url} did not send JSON. Is this the address of an Open Referral UK API?") from None

    def _get(self, url: str, params: dict[str, Any] | None) -> requests.Response:
        """GET, following at most MAX_REDIRECTS redirects by hand so each target is checked before it is asked."""
        for _ in range(MAX_REDIRECTS + 1):
            self._check(url)
            try:
                response = self.session.get(url, params=params, timeout=TIMEOUT, allow_redirects=False, stream=True)
            except requests.Timeout:
                raise FeedError(f"{url} did not answer in time. Try again later.") from None
            except requests.ConnectionError as error:
                refusal = _guard_refusal(error)
                raise FeedError(refusal or f"Could not reach {url}. Check the address, or try again later.") from None
            except requests.RequestException:
                raise FeedError(f"Could not reach {url}. Check the address, or try again later.") from None
            if not response.is_redirect:
                return response
            response.close()
            url, params = urljoin(response.url or url, response.headers["Location"]), None
        raise FeedError(f"{url} sent us on more than {MAX_REDIRECTS} redirects. Check the address of the API.")

    def _check(self, url: str) -> None:
        """Only http(s), and a host that is not (and does not resolve to) a private address: checked once per host
        per harvest here, and again at every connection by the guarded adapter."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise FeedError(f"{url} is not a web address (http or https), so it is not read.")
        if parts.netloc in self._checked_hosts:
            return
        try:
            check_address(url)
        except AddressRefused as refused:
            raise FeedError(refused.message) from None
        self._checked_hosts.add(parts.netloc)

    def _body(self, response: requests.Response, url: str) -> bytes:
        """The response's body, read as a stream and stopped as soon as it goes past the cap."""
        cap = max_bytes()
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > cap:
            response.close()
            raise TooLarge(_too_large(url, cap))
        body = bytearray()
        try:
            for chunk in response.iter_content(CHUNK):
                body += chunk
                if len(body) > cap:
                    raise TooLarge(_too_large(url, cap))
        except requests.RequestException:
            raise FeedError(f"{url} stopped sending part-way. Try again later.") from None
        finally:
            response.close()
        return bytes(body)

    def discover(self) -> Feed:
        """GET / : an ORUK 3.0 feed says `version` (e.g. "HSDS-UK-3.0") and where its OpenAPI is."""
        details = self.get_json("")
        version = str(details.get("version", "")) if isinstance(details, dict) else ""
        if "3." not in version.upper().replace("HSDS-UK-", "").replace("V", ""):
            raise FeedError("This address is not an Open Referral UK 3.0 API: its base address does not say "
                            "version 3.0. Use the address that ends before /services.")
        offers = False
        openapi_url = details.get("openapi_url")
        if isinstance(openapi_url, str) and openapi_url.startswith(("http://", "https://")):
            try:
                document = self.get_json(openapi_url)
                offers = "modified_after" in str(document.get("paths", {}).get("/services", {}))
                offers = offers or "modified_after" in str(document.get("components", {}).get("parameters", {}))
            except (FeedError, AttributeError):
                offers = False
        return Feed(self.base_url, offers)

    def service_pages(self, feed: Feed, since: datetime | None) -> Iterator[list[dict[str, Any]]]:
        """Each page of /services (changed since `since`, where the feed offers it), until its last page."""
        params: dict[str, Any] = {"per_page": PER_PAGE}
        if since and feed.offers_modified_after:
            params["modified_after"] = since.isoformat().replace("+00:00", "Z")
        for page in range(1, max_pages() + 1):
            try:
                body = self.get_json("services", {**params, "page": page})
            except FeedError as error:
                raise type(error)(f"Page {page:,} of the feed's services: {error.message}") from None
            if not isinstance(body, dict) or not isinstance(body.get("contents"), list):
                raise FeedError("The feed's /services is not an Open Referral UK page (no 'contents' list).")
            yield body["contents"]
            if body.get("last_page", True) or not body["contents"]:
                return
        raise FeedError(f"The feed goes on past page {max_pages():,} of its services; stopped reading there.")

    def service(self, service_id: str) -> dict[str, Any]:
        body = self.get_json(f"services/{service_id}")
        if not isinstance(body, dict):
            raise FeedError(f"The feed's service {service_id} is not a JSON object.")
        return body


def _too_large(url: str, cap: int) -> str:
    return f"{url} sent more than {cap / 1_000_000:g} MB in one response, so reading stopped there."


def _guard_refusal(error: requests.ConnectionError) -> str | None:
    """The guard's message when it was the guard that refused the connection."""
    reason = getattr(error.args[0], "reason", None) if error.args else None
    return reason.message if isinstance(reason, GuardRefusal) else None


def _retry_after(response: requests.Response) -> float:
    """Seconds the feed asks us to wait (Retry-After in seconds, or an HTTP date), 1 to LONGEST_WAIT; 5 if it does
    not say or says something we cannot read."""
    said = response.headers.get("Retry-After", "5").strip()
    try:
        seconds = float(said)
    except ValueError:
        try:
            seconds = parsedate_to_datetime(said).timestamp() - time.time()
        except (TypeError, ValueError, OverflowError):
            seconds = 5.0
    if seconds != seconds:  # "nan"
        seconds = 5.0
    return min(max(seconds, 1.0), LONGEST_WAIT)
