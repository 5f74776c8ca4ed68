"""An open-loop HTTP load driver: requests start at fixed arrival times whatever the server is doing.

Why not Locust: its users are closed loops (each waits for its answer before the next request; even its
constant-throughput wait only paces a user that keeps up), so a slow server is sent less work and its queueing is
never measured ("coordinated omission"). Here a request's arrival time is fixed in advance (Poisson arrivals at
the chosen rate), and its latency is measured from that time, so time spent waiting for a free connection or in the
server's queue counts. Standard library only: asyncio streams, HTTP/1.1 keep-alive, one connection per request in
flight (up to `max_connections`; past that a request waits, and the wait counts).

Loopback only, bounded in count and time: every run has a fixed number of arrivals and a deadline.
"""

from __future__ import annotations

import asyncio
import random
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit


@dataclass
class StepResult:
    rate: float
    seconds: float
    latencies_ms: list[float] = field(default_factory=list)
    errors: int = 0
    error_kinds: dict[str, int] = field(default_factory=dict)
    cache: dict[str, int] = field(default_factory=dict)
    completed_at: float = 0.0

    def error(self, kind: str) -> None:
        self.errors += 1
        self.error_kinds[kind] = self.error_kinds.get(kind, 0) + 1


IDLE_S = 2.0  # gunicorn closes a keep-alive connection idle for 5 s (config/gunicorn.py): never reuse one near that


class _Connection:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader, self.writer = reader, writer
        self.used_at = time.perf_counter()
        self.reused = False

    def close(self) -> None:
        self.writer.close()


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, dict[str, str], bool]:
    """Status, headers and whether the server will keep the connection open. The body is read and dropped."""
    status_line = await reader.readline()
    if not status_line:
        raise ConnectionError("closed")
    status = int(status_line.split()[1])
    headers: dict[str, str] = {}
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b"\n", b""):
            break
        name, _, value = line.decode("latin-1").partition(":")
        headers[name.strip().lower()] = value.strip()
    if headers.get("transfer-encoding", "").lower() == "chunked":
        while True:
            size = int((await reader.readline()).split(b";")[0], 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    elif "content-length" in headers:
        await reader.readexactly(int(headers["content-length"]))
    elif status not in (204, 304):
        await reader.read()  # until the server closes
        return status, headers, False
    return status, headers, headers.get("connection", "").lower() != "close"


class Driver:
    """Sends `rate` requests a second for `seconds` to paths drawn by `pick()`, against one loopback server."""

    def __init__(self, base: str, *, headers: dict[str, str] | None = None, max_connections: int = 256,
                 timeout_s: float = 10.0) -> None:
        parts = urlsplit(base)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80
        if self.host not in ("127.0.0.1", "localhost", "::1"):
            raise ValueError("the load driver only sends to this machine's loopback address")
        self.extra = "".join(f"{k}: {v}\r\n" for k, v in (headers or {}).items())
        self.max_connections, self.timeout_s = max_connections, timeout_s
        self.idle: list[_Connection] = []
        self.open = 0
        self.freed = asyncio.Condition()

    async def _acquire(self) -> _Connection:
        async with self.freed:
            while not self.idle and self.open >= self.max_connections:
                await self.freed.wait()
            now = time.perf_counter()
            while self.idle:
                conn = self.idle.pop()
                if now - conn.used_at < IDLE_S:
                    conn.reused = True
                    return conn
                conn.close()
                self.open -= 1
            self.open += 1
        return await self._open()

    async def _acquire_fresh(self) -> _Connection:
        async with self.freed:
            while self.open >= self.max_connections:
                await self.freed.wait()
            self.open += 1
        return await self._open()

    async def _open(self) -> _Connection:
        """A new connection, already counted in ``open``; the count is given back if it cannot be made."""
        try:
            reader, writer = await asyncio.open_connection(self.host, self.port)
        except OSError:
            async with self.freed:
                self.open -= 1
                self.freed.notify()
            raise
        return _Connection(reader, writer)

    async def _release(self, conn: _Connection | None, keep: bool) -> None:
        async with self.freed:
            if conn is not None and keep:
                conn.used_at = time.perf_counter()
                self.idle.append(conn)
            else:
                if conn is not None:
                    conn.close()
                self.open -= 1
            self.freed.notify()

    async def _one(self, path: str, due: float, result: StepResult) -> None:
        conn = None
        keep = False
        try:
            async with asyncio.timeout(self.timeout_s):
                request = (f"GET {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n{self.extra}"
                           "Accept-Encoding: identity\r\n\r\n").encode()
                conn = await self._acquire()
                try:
                    conn.writer.write(request)
                    await conn.writer.drain()
                    status, headers, keep = await _read_response(conn.reader)
                except (ConnectionError, asyncio.IncompleteReadError):
                    if not conn.reused:
                        raise
                    # The server closed a kept-alive connection as we reused it: as a browser does, try once more
                    # on a fresh one (the time this took still counts).
                    await self._release(conn, False)
                    conn = None
                    conn = await self._acquire_fresh()
                    conn.writer.write(request)
                    await conn.writer.drain()
                    status, headers, keep = await _read_response(conn.reader)
            result.latencies_ms.append((time.perf_counter() - due) * 1000)
            how = headers.get("x-local-offer-cache", "none")
            result.cache[how] = result.cache.get(how, 0) + 1
            if status >= 400:
                result.error(f"HTTP {status}")
        except TimeoutError:
            result.error("timeout")
        except (OSError, ConnectionError, asyncio.IncompleteReadError, ValueError, IndexError) as problem:
            result.error(type(problem).__name__)
        finally:
            await self._release(conn, keep)

    async def step(self, rate: float, seconds: float, pick, seed: int = 1) -> StepResult:
        """One open-loop step: Poisson arrivals at `rate` a second for `seconds`, then wait for the stragglers."""
        rng = random.Random(seed)
        result = StepResult(rate=rate, seconds=seconds)
        start = time.perf_counter() + 0.05
        due, tasks = start, []
        while True:
            due += rng.expovariate(rate)
            if due - start >= seconds:
                break
            delay = due - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.create_task(self._one(pick(rng), due, result)))
        await asyncio.gather(*tasks)
        result.completed_at = time.perf_counter() - start
        return result

    async def close(self) -> None:
        for conn in self.idle:
            conn.close()
        self.idle.clear()


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]
