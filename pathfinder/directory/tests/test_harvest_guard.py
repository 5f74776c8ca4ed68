"""A feed address may not reach inside the council's network (SSRF), checked when it is saved and at every
connection; responses are capped while they stream. A real HTTP server on loopback answers, through the real
guarded adapter: loopback is refused unless the test allows it, as a council would allow an internal feed."""

from __future__ import annotations

import html
import ipaddress
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests
from django.urls import reverse

from pathfinder.accounts.tests.factories import LocalOfferOfficerFactory
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.core.errors import ServiceError
from pathfinder.directory.harvest import guard
from pathfinder.directory.harvest.client import FeedClient, FeedError, new_session
from pathfinder.directory.harvest.models import FeedSubscription
from pathfinder.directory.harvest.services import feed_subscription_create

REAL_GETADDRINFO = socket.getaddrinfo


class Loopback:
    """A tiny HTTP server on 127.0.0.1: `routes` maps a path to (status, headers, body); records each request."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, dict[str, str], bytes]] = {}
        self.asked: list[tuple[str, str]] = []
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                owner.asked.append((self.path, self.headers.get("Host", "")))
                status, headers, body = owner.routes.get(self.path.split("?")[0], (404, {}, b""))
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                if "Content-Length" not in headers:
                    self.send_header("Connection", "close")  # body until the connection closes: no length said
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def url(self, host: str = "127.0.0.1", path: str = "/") -> str:
        return f"http://{host}:{self.port}{path}"


@pytest.fixture
def loopback():
    server = Loopback()
    yield server
    server.server.shutdown()
    server.server.server_close()


def _resolving(monkeypatch, names: dict[str, str]) -> None:
    """Make these names resolve to these addresses (as a hostile DNS would)."""

    def fake(host, port, *args, **kwargs):
        if host in names:
            family = socket.AF_INET6 if ":" in names[host] else socket.AF_INET
            return [(family, socket.SOCK_STREAM, 6, "", (names[host], port))]
        return REAL_GETADDRINFO(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", fake)


@pytest.mark.parametrize("address", [
    "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.0.1", "169.254.169.254", "100.64.0.1", "224.0.0.1",
    "0.0.0.0", "240.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fc00::1", "ff02::1",
    "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "2002:7f00:1::",
])
def test_addresses_inside_a_private_network_are_forbidden(address):
    assert guard.address_forbidden(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8"])
def test_public_addresses_are_not(address):
    assert not guard.address_forbidden(ipaddress.ip_address(address))


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/api/", "https://[::1]/", "https://[::ffff:127.0.0.1]/", "http://169.254.169.254/latest/",
    "https://localhost/api/", "https://inside.example/api/", "ftp://example.org/", "file:///etc/passwd",
])
def test_check_address_refuses_private_hosts_names_that_resolve_there_and_other_schemes(monkeypatch, url):
    _resolving(monkeypatch, {"inside.example": "10.0.0.7"})
    with pytest.raises(guard.AddressRefused):
        guard.check_address(url)


def test_a_public_name_passes_and_an_allowed_internal_host_or_network_passes(monkeypatch, settings):
    _resolving(monkeypatch, {"neighbour.example": "93.184.216.34", "feeds.internal": "10.20.1.5"})
    guard.check_address("https://neighbour.example/api/oruk/")
    settings.PATHFINDER_HARVEST_ALLOWED_HOSTS = ["feeds.internal", "192.168.7.0/24"]
    guard.check_address("https://feeds.internal/api/oruk/")
    guard.check_address("http://192.168.7.9/api/oruk/")
    with pytest.raises(guard.AddressRefused):
        guard.check_address("http://192.168.8.9/api/oruk/")


@pytest.mark.django_db
def test_the_officer_is_told_on_the_field_and_nothing_is_saved(client, loopback, monkeypatch):
    _resolving(monkeypatch, {"sneaky.example": "127.0.0.1"})
    sign_in(client, LocalOfferOfficerFactory())
    for address in (loopback.url(), loopback.url("sneaky.example"), "http://[::ffff:127.0.0.1]/"):
        response = client.post(reverse("directory:feeds"), {"name": "Inside", "base_url": address})
        page = html.unescape(response.content.decode())
        assert response.status_code == 200 and "govuk-error-summary" in page
        assert "inside a private network" in page and 'href="#id_base_url"' in page
    assert not FeedSubscription.objects.exists() and loopback.asked == []


@pytest.mark.django_db
def test_a_name_that_resolves_inside_by_harvest_time_is_refused_at_the_connection(loopback, monkeypatch):
    """DNS rebinding: the name passed when checked, then resolves to loopback when connected. The guarded adapter
    resolves again, refuses, and the server inside is never asked."""
    _resolving(monkeypatch, {"rebind.example": "127.0.0.1"})
    session = new_session()
    with pytest.raises(requests.ConnectionError) as refused:
        session.get(loopback.url("rebind.example"), timeout=5)
    assert isinstance(refused.value.args[0].reason, guard.GuardRefusal) and loopback.asked == []
    client = FeedClient(loopback.url("rebind.example"))
    client._checked_hosts.add(f"rebind.example:{loopback.port}")  # as if checked before it rebound
    with pytest.raises(FeedError) as failed:
        client.get_json("services")
    assert "inside a private network" in failed.value.message and loopback.asked == []


def test_an_allowed_internal_host_is_read_with_its_name_kept(loopback, monkeypatch, settings):
    settings.PATHFINDER_HARVEST_ALLOWED_HOSTS = ["feeds.internal"]
    _resolving(monkeypatch, {"feeds.internal": "127.0.0.1"})
    loopback.routes["/api/services"] = (200, {"Content-Type": "application/json"}, b'{"contents": []}')
    assert FeedClient(loopback.url("feeds.internal", "/api/")).get_json("services") == {"contents": []}
    assert loopback.asked == [("/api/services", f"feeds.internal:{loopback.port}")]


def test_a_redirect_inside_or_to_another_scheme_is_refused(loopback, settings):
    settings.PATHFINDER_HARVEST_ALLOWED_HOSTS = ["127.0.0.1"]
    loopback.routes["/a"] = (302, {"Location": loopback.url("localhost", "/b"), "Content-Length": "0"}, b"")
    loopback.routes["/c"] = (301, {"Location": "file:///etc/passwd", "Content-Length": "0"}, b"")
    loopback.routes["/d"] = (302, {"Location": "/e", "Content-Length": "0"}, b"")
    loopback.routes["/e"] = (200, {"Content-Type": "application/json"}, b"[1]")
    client = FeedClient(loopback.url())
    with pytest.raises(FeedError) as inside:
        client.get_json("a")
    assert "localhost is an address inside a private network" in inside.value.message
    with pytest.raises(FeedError) as other:
        client.get_json("c")
    assert "not a web address" in other.value.message
    assert client.get_json("d") == [1]  # a redirect that stays on an allowed host is followed
    assert [path for path, _ in loopback.asked] == ["/a", "/c", "/d", "/e"]


@pytest.mark.parametrize("declared", [True, False])
def test_a_response_past_the_cap_stops_reading(loopback, settings, declared):
    settings.PATHFINDER_HARVEST_ALLOWED_HOSTS = ["127.0.0.1"]
    settings.PATHFINDER_HARVEST_MAX_RESPONSE_BYTES = 1000
    body = b'{"contents": [' + b'"x",' * 2000 + b'"x"]}'
    headers = {"Content-Length": str(len(body))} if declared else {}
    loopback.routes["/big"] = (200, headers, body)
    loopback.routes["/small"] = (200, {}, b'{"contents": []}')
    client = FeedClient(loopback.url())
    with pytest.raises(FeedError) as refused:
        client.get_json("big")
    assert "more than 0.001 MB in one response, so reading stopped" in refused.value.message
    assert client.get_json("small") == {"contents": []}


@pytest.mark.django_db
def test_a_subscription_to_loopback_is_refused_by_the_service_too(loopback):
    with pytest.raises(ServiceError) as refused:
        feed_subscription_create(acting_user=None, name="x", base_url=loopback.url())
    assert refused.value.field == "base_url" and "inside a private network" in refused.value.message
