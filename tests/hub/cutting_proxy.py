"""A loopback TCP proxy for fault tests: it forwards HTTP/1.1 between a client and the hub and
cuts (or stalls) one exchange after a chosen number of bytes of its request or its response.

It reads just enough HTTP to know where each message starts and ends (the head up to the
blank line, then ``Content-Length`` bytes), so a kept-alive connection may carry many
exchanges and a cut can be aimed at, say, byte 700 of the body of the second push. A
message without ``Content-Length`` (chunked) runs to the end of the connection: the hub
sends none. A cut closes both sides at once; a stall forwards nothing more and keeps the
connection open, so that the client times out.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections import deque
from dataclasses import dataclass, field
from typing import Literal

HOST = "127.0.0.1"
_HEAD_END = b"\r\n\r\n"

Direction = Literal["request", "response"]


@dataclass(frozen=True)
class Cut:
    """Where to cut: in the ``nth`` exchange whose request line starts with ``target``.

    ``at`` counts bytes of the ``part`` ("head" or "body") of the ``direction``'s message
    let through before the cut: an int from the start (negative: from the end), or a float
    in [0, 1], a fraction of the body. The head is always whole before the body starts.
    """

    target: bytes
    direction: Direction
    at: int | float
    part: Literal["head", "body"] = "body"
    nth: int = 1
    stall: bool = False


@dataclass
class Exchange:
    """One request and its response as the proxy saw them (sizes in bytes)."""

    request_line: bytes
    request_head: int
    request_body: int | None
    response_head: int = 0
    response_body: int | None = 0
    cut: Cut | None = None
    """The cut aimed at this exchange, if any."""


@dataclass
class _Message:
    head: int
    total: int | None  # None: to the end of the connection
    stop_at: int | None  # forward this many bytes, then cut or stall
    stall: bool = False
    sent: int = 0


@dataclass
class _Connection:
    client: socket.socket
    upstream: socket.socket
    pending: deque[Exchange] = field(default_factory=deque)
    """Exchanges whose request was seen and whose response has not started."""
    stalled: bool = False
    closed: bool = False
    pumps_left: int = 2

    def close(self) -> None:
        self.closed = True
        for sock in (self.client, self.upstream):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()


class CuttingProxy:
    """Forwards ``127.0.0.1:<port>`` to the target port; :meth:`arm` a :class:`Cut`."""

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self._listener = socket.create_server((HOST, 0))
        self.port: int = self._listener.getsockname()[1]
        self.url = f"http://{HOST}:{self.port}"
        self._lock = threading.Lock()
        self._cut: Cut | None = None
        self._matches = 0
        self.fired = threading.Event()
        """Set when the armed cut has happened."""
        self.exchanges: list[Exchange] = []
        self._connections: list[_Connection] = []
        self._accepting = threading.Thread(target=self._accept, name="proxy", daemon=True)
        self._accepting.start()

    # --- control ---------------------------------------------------------------------------

    def arm(self, cut: Cut | None) -> None:
        """Cut the exchange ``cut`` names (counting from now); None: forward everything
        (``fired`` still tells whether the last cut happened)."""
        with self._lock:
            self._cut = cut
            self._matches = 0
            if cut is not None:
                self.fired.clear()

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self._listener.shutdown(socket.SHUT_RDWR)  # wakes the accepting thread
        self._listener.close()
        with self._lock:
            connections = list(self._connections)
        for connection in connections:
            connection.close()
        self._accepting.join(timeout=5)

    def __enter__(self) -> CuttingProxy:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # --- forwarding ------------------------------------------------------------------------

    def _accept(self) -> None:
        while True:
            try:
                client, _address = self._listener.accept()
            except OSError:
                return  # closed
            try:
                upstream = socket.create_connection((HOST, self.target_port), timeout=10)
            except OSError:
                client.close()
                continue
            upstream.settimeout(None)
            connection = _Connection(client, upstream)
            with self._lock:
                self._connections.append(connection)
            for direction in ("request", "response"):
                threading.Thread(
                    target=self._pump, args=(connection, direction), daemon=True
                ).start()

    def _pump(self, connection: _Connection, direction: Direction) -> None:
        source, sink = (
            (connection.client, connection.upstream)
            if direction == "request"
            else (connection.upstream, connection.client)
        )
        buffer = bytearray()
        message: list[_Message] = []  # the message being forwarded, if any
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    if not connection.stalled:
                        sink.shutdown(socket.SHUT_WR)
                    return
                if connection.stalled:
                    continue  # swallowed: the other side waits for ever
                buffer += data
                if not self._forward(connection, direction, buffer, message, sink):
                    return
        except OSError:
            if not connection.closed:
                connection.close()
        finally:
            with self._lock:
                connection.pumps_left -= 1
                done = connection.pumps_left == 0
                if done and connection in self._connections:
                    self._connections.remove(connection)
            if done and not connection.closed:
                connection.close()

    def _forward(
        self,
        connection: _Connection,
        direction: Direction,
        buffer: bytearray,
        current: list[_Message],
        sink: socket.socket,
    ) -> bool:
        """Forward what ``buffer`` holds, message by message; False once cut."""
        while buffer:
            if not current:
                end = buffer.find(_HEAD_END)
                if end < 0:
                    return True  # a head is forwarded only once whole
                current.append(self._start(connection, direction, bytes(buffer[: end + 4])))
            message = current[0]
            step = len(buffer)
            if message.total is not None:
                step = min(step, message.total - message.sent)
            if message.stop_at is not None:
                step = min(step, message.stop_at - message.sent)
            sink.sendall(buffer[:step])
            del buffer[:step]
            message.sent += step
            if message.stop_at is not None and message.sent >= message.stop_at:
                self.fired.set()
                buffer.clear()
                if message.stall:
                    connection.stalled = True
                    return True
                connection.close()
                return False
            if message.total is not None and message.sent >= message.total:
                current.clear()
        return True

    def _start(self, connection: _Connection, direction: Direction, head: bytes) -> _Message:
        """The message starting with ``head``: its length and where to stop, if anywhere."""
        length = _content_length(head)
        if direction == "request":
            line = head.split(b"\r\n", 1)[0]
            exchange = Exchange(line, len(head), length)
            with self._lock:
                cut = self._cut
                if cut is not None and line.startswith(cut.target):
                    self._matches += 1
                    if self._matches == cut.nth:
                        exchange.cut = cut
                self.exchanges.append(exchange)
                connection.pending.append(exchange)
        else:
            status = head.split(b" ", 2)[1] if head.count(b" ") >= 1 else b""
            if status.startswith(b"1") or status in (b"204", b"304"):
                length = 0
            with self._lock:
                answered = connection.pending.popleft() if connection.pending else None
            if answered is None:
                return _Message(len(head), None if length is None else len(head) + length, None)
            exchange = answered
            exchange.response_head, exchange.response_body = len(head), length
        total = None if length is None else len(head) + length
        cut = exchange.cut
        if cut is None or cut.direction != direction:
            return _Message(len(head), total, None)
        return _Message(len(head), total, _stop_at(cut, len(head), length), cut.stall)


def _content_length(head: bytes) -> int | None:
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return int(value.strip())
    if head.startswith((b"GET ", b"HEAD ", b"DELETE ")):
        return 0  # a request without a body
    return None


def _stop_at(cut: Cut, head: int, body: int | None) -> int:
    """The number of bytes of the message to forward before ``cut`` happens."""
    if cut.part == "head":
        at = int(cut.at)
        return max(0, head + at if at < 0 else min(at, head))
    size = body if body is not None else 0
    if isinstance(cut.at, float):
        offset = int(size * cut.at)
    else:
        offset = size + cut.at if cut.at < 0 else cut.at
    return head + max(0, min(offset, size))
