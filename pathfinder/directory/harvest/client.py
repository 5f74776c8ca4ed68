"""Reading another directory's Open Referral UK 3.0 API, page by page, with timeouts and plain-English errors.

Only what changed since the last harvest is asked for (`modified_after`) when the feed says it offers it in its
OpenAPI document (a feed that refuses unknown parameters, as ours does, would otherwise answer 400); every page of
/services is read (the list items carry only a service's own fields), then each new or changed service in full.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urljoin

import requests

from pathfinder.directory.harvest import pacing

TIMEOUT = (5, 30)  # seconds to connect, seconds to wait for a response
PER_PAGE = 100
MAX_PAGES = 2000  # a feed that never says "last page" stops here
MAX_BYTES = 5_000_000  # one response; a full service is a few kilobytes
MAX_WAITS = 30  # times in a row we wait when the feed says "too many requests" (429) before giving up
LONGEST_WAIT = 120  # seconds: a Retry-After longer than this is cut to it


def new_session() -> requests.Session:
    """A fresh HTTP session (tests replace this to answer from a fake or from our own API)."""
    return requests.Session()


class FeedError(Exception):
    """The feed could not be read: the message says why, for the officer."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class Feed:
    base_url: str
    offers_modified_after: bool


class FeedClient:
    def __init__(self, base_url: str, session: requests.Session | None = None) -> None:
        self.base_url = base_url.rstrip("/") + "/"
        self.session = session or new_session()
        self.session.headers.setdefault("Accept", "application/json")

    def get_json(self, path: str, params: dict[str, Any] | None = None) -> Any:
        url = urljoin(self.base_url, path.lstrip("/"))
        for _ in range(MAX_WAITS):
            response = self._get(url, params)
            if response.status_code != 429:
                break
            pacing.wait(_retry_after(response))  # throttled (ORUK allows it): wait as asked, then again
        else:
            raise FeedError(f"{url} kept saying too many requests (429). Try again later.")
        if response.status_code == 404:
            raise FeedError(f"{url} was not found (404). Check the address of the API.")
        if response.status_code >= 500:
            raise FeedError(f"The other directory's server failed ({response.status_code}) at {url}. Try later.")
        if response.status_code != 200:
            raise FeedError(f"{url} refused the request ({response.status_code}).")
        if len(response.content) > MAX_BYTES:
            raise FeedError(f"{url} sent more than {MAX_BYTES // 1_000_000} MB in one response.")
        try:
            return response.json()
        except ValueError:
            raise FeedError(f"{url} did not send JSON. Is this the address of an Open Referral UK API?") from None

    def _get(self, url: str, params: dict[str, Any] | None) -> requests.Response:
        try:
            return self.session.get(url, params=params, timeout=TIMEOUT, allow_redirects=True)
        except requests.Timeout:
            raise FeedError(f"{url} did not answer in time. Try again later.") from None
        except requests.RequestException:
            raise FeedError(f"Could not reach {url}. Check the address, or try again later.") from None

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
        for page in range(1, MAX_PAGES + 1):
            body = self.get_json("services", {**params, "page": page})
            if not isinstance(body, dict) or not isinstance(body.get("contents"), list):
                raise FeedError("The feed's /services is not an Open Referral UK page (no 'contents' list).")
            yield body["contents"]
            if body.get("last_page", True) or not body["contents"]:
                return
        raise FeedError(f"The feed has more than {MAX_PAGES} pages of services; stopped reading.")

    def service(self, service_id: str) -> dict[str, Any]:
        body = self.get_json(f"services/{service_id}")
        if not isinstance(body, dict):
            raise FeedError(f"The feed's service {service_id} is not a JSON object.")
        return body


def _retry_after(response: requests.Response) -> float:
    """Seconds the feed asks us to wait (Retry-After in seconds), 1 to LONGEST_WAIT; 5 if it does not say."""
    try:
        seconds = float(response.headers.get("Retry-After", "5"))
    except ValueError:
        seconds = 5.0
    return min(max(seconds, 1.0), LONGEST_WAIT)
