"""A small client for the ClamAV daemon (clamd): PING and INSTREAM over its unix or TCP socket.

Why our own: the ``clamd`` Python package is abandoned, and the protocol is a few lines. The address comes from
settings.PATHFINDER_CLAMAV: ``unix:///path/to/clamd.sock`` or ``tcp://127.0.0.1:3310``; empty means no scanner,
so every file waits in quarantine (documents.services). Commands use the ``z`` prefix (NUL-terminated), and a
stream is sent as chunks each preceded by its length in 4 bytes (network order), ending with a zero length.
"""

from __future__ import annotations

import socket
import struct
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlparse

from django.conf import settings

CHUNK = 64 * 1024


class ScannerUnavailable(Exception):
    """clamd is not configured, not reachable, or answered something we do not understand: try again later."""


@dataclass(frozen=True)
class ScanResult:
    clean: bool
    signature: str = ""  # the name of what was found, e.g. "Eicar-Test-Signature"


def _connect(address: str, timeout: float) -> socket.socket:
    if not address:
        raise ScannerUnavailable("No virus scanner is configured (PATHFINDER_CLAMAV)")
    parsed = urlparse(address)
    try:
        if parsed.scheme == "unix":
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            sock.settimeout(timeout)
            sock.connect(parsed.path)
        elif parsed.scheme == "tcp":
            sock = socket.create_connection((parsed.hostname, parsed.port or 3310), timeout=timeout)
        else:
            raise ScannerUnavailable(f"PATHFINDER_CLAMAV must start unix:// or tcp://, not {address!r}")
    except OSError as error:
        raise ScannerUnavailable(f"clamd is not answering at {address}: {error}") from error
    return sock


def _reply(sock: socket.socket) -> str:
    data = b""
    while not data.endswith(b"\0"):
        part = sock.recv(4096)
        if not part:
            break
        data += part
    return data.rstrip(b"\0").decode("utf-8", "replace").strip()


def ping(address: str | None = None, timeout: float = 2.0) -> bool:
    """True if clamd answers PONG."""
    try:
        with _connect(address if address is not None else settings.PATHFINDER_CLAMAV, timeout) as sock:
            sock.sendall(b"zPING\0")
            return _reply(sock) == "PONG"
    except (ScannerUnavailable, OSError):
        return False


def scan_chunks(chunks: Iterable[bytes], address: str | None = None, timeout: float | None = None) -> ScanResult:
    """Send the file to clamd with INSTREAM and read its verdict. Raises ScannerUnavailable if it cannot."""
    address = address if address is not None else settings.PATHFINDER_CLAMAV
    timeout = timeout if timeout is not None else settings.PATHFINDER_CLAMAV_TIMEOUT
    try:
        with _connect(address, timeout) as sock:
            sock.sendall(b"zINSTREAM\0")
            for chunk in chunks:
                for start in range(0, len(chunk), CHUNK):
                    piece = chunk[start:start + CHUNK]
                    sock.sendall(struct.pack("!L", len(piece)) + piece)
            sock.sendall(struct.pack("!L", 0))
            reply = _reply(sock)
    except OSError as error:
        raise ScannerUnavailable(f"clamd stopped answering: {error}") from error
    # "stream: OK", "stream: Eicar-Test-Signature FOUND", or "INSTREAM size limit exceeded. ERROR".
    verdict = reply.split(":", 1)[-1].strip()
    if verdict == "OK":
        return ScanResult(clean=True)
    if verdict.endswith(" FOUND"):
        return ScanResult(clean=False, signature=verdict[: -len(" FOUND")].removesuffix(".UNOFFICIAL"))
    raise ScannerUnavailable(f"clamd could not scan the file: {reply}")


def scan_file(file, address: str | None = None) -> ScanResult:
    """Scan an open binary file from its start."""
    file.seek(0)
    return scan_chunks(iter(lambda: file.read(CHUNK), b""), address=address)
