"""Keeping a feed address from reaching inside the council's network (server-side request forgery).

A feed address is typed in by an officer and followed by the server, so an address that resolves to a loopback,
private, link-local, multicast, reserved or unspecified address (IPv4 or IPv6, IPv4-mapped IPv6 included) would let
a harvest read internal systems (a cloud metadata service, an admin page) and show the answer in its report. It is
refused twice: when the subscription is saved (`check_address`, so the officer sees why at once), and at every
connection (`GuardedAdapter`), because a name can resolve to another address by the night's harvest. The connection
check resolves the name once, connects only to an address that passes, and checks the socket's peer: the address
actually connected to. The Host header and TLS SNI keep the name, so certificates are checked as usual.

A council that does want an internal feed lists its host (a name, an address, or a network such as 10.1.2.0/24) in
PATHFINDER_HARVEST_ALLOWED_HOSTS. It is empty in production; the tests allow the loopback server they start.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ConnectTimeoutError, NewConnectionError
from urllib3.util import connection

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class AddressRefused(Exception):
    """The address is inside a private network (or not http(s)): the message says why, for the officer."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _allowed_entries() -> list[str]:
    return [str(h).strip().lower().strip("[]") for h in getattr(settings, "PATHFINDER_HARVEST_ALLOWED_HOSTS", [])
            if str(h).strip()]


def host_allowed(host: str) -> bool:
    """The council listed this host name (or its address, or a network holding it) as a feed it trusts."""
    host = host.lower().strip("[]").rstrip(".")
    address = _as_address(host)
    for entry in _allowed_entries():
        if entry == host:
            return True
        if address is not None:
            try:
                if address in ipaddress.ip_network(entry, strict=False):
                    return True
            except ValueError:
                continue
    return False


def _as_address(text: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(text.split("%", 1)[0])
    except ValueError:
        return None


def address_forbidden(address: IPAddress) -> bool:
    """Not an address on the public internet: loopback, private, link-local, multicast, reserved, unspecified,
    shared (carrier NAT) or documentation ranges, looking inside IPv4-mapped and 6to4 IPv6 addresses (Python 3.11
    does not: ::ffff:127.0.0.1 is not "loopback" to it)."""
    if isinstance(address, ipaddress.IPv6Address):
        inner = address.ipv4_mapped or address.sixtofour
        if inner is not None:
            return address_forbidden(inner)
    return (address.is_loopback or address.is_private or address.is_link_local or address.is_multicast
            or address.is_reserved or address.is_unspecified or not address.is_global)


def _resolve(host: str, port: int) -> list[IPAddress]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise AddressRefused(f"{host} could not be found. Check the address.") from None
    return [ipaddress.ip_address(str(info[4][0]).split("%", 1)[0]) for info in infos]


def check_address(url: str) -> None:
    """Refuse a feed address that is not http(s) or whose host is (or resolves to) a non-public address."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise AddressRefused("Enter an address starting https:// (or http://).")
    host = parts.hostname
    if host_allowed(host):
        return
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise AddressRefused("The address has a port that is not a number.") from None
    literal = _as_address(host)
    for address in [literal] if literal is not None else _resolve(host, port):
        if address_forbidden(address):
            raise AddressRefused(_inside_message(host))


def _inside_message(host: str) -> str:
    return (f"{host} is an address inside a private network, which harvests may not read. Use the other "
            f"directory's public address, or ask your administrator to allow this host.")


class GuardRefusal(NewConnectionError):
    """A connection the guard would not make (the officer's message is `message`)."""

    def __init__(self, conn: object, message: str) -> None:
        super().__init__(conn, message)  # type: ignore[arg-type]
        self.message = message


class _GuardedConnectionMixin:
    """Connects only to a checked address of the host, then checks the socket's peer (urllib3 2 connections)."""

    host: str
    port: int
    timeout: float | None
    source_address: tuple[str, int] | None
    socket_options: list | None

    def _new_conn(self) -> socket.socket:
        allowed = host_allowed(self.host)
        try:
            addresses = [a for a in _resolve(self._dns_host, self.port)  # type: ignore[attr-defined]
                         if allowed or not address_forbidden(a)]
        except AddressRefused as refused:
            raise GuardRefusal(self, refused.message) from None
        if not addresses:
            raise GuardRefusal(self, _inside_message(self.host))
        last: OSError | None = None
        for address in addresses:
            try:
                sock = connection.create_connection((str(address), self.port), self.timeout,
                                                    source_address=self.source_address,
                                                    socket_options=self.socket_options)
            except TimeoutError as error:
                raise ConnectTimeoutError(self, f"Connection to {self.host} timed out.") from error
            except OSError as error:
                last = error
                continue
            peer = _as_address(str(sock.getpeername()[0]))
            if not allowed and (peer is None or address_forbidden(peer)):
                sock.close()
                raise GuardRefusal(self, _inside_message(self.host))
            return sock
        raise NewConnectionError(self, f"Could not connect to {self.host}: {last}")  # type: ignore[arg-type]


class GuardedHTTPConnection(_GuardedConnectionMixin, HTTPConnection):
    pass


class GuardedHTTPSConnection(_GuardedConnectionMixin, HTTPSConnection):
    pass


class _GuardedHTTPPool(HTTPConnectionPool):
    ConnectionCls = GuardedHTTPConnection


class _GuardedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = GuardedHTTPSConnection


class GuardedAdapter(HTTPAdapter):
    """requests' adapter whose every connection goes through the checks above (redirect targets included)."""

    def init_poolmanager(self, *args, **kwargs) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _GuardedHTTPPool, "https": _GuardedHTTPSPool}
