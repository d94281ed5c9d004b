"""The hub's HTTP interface (docs/sync-protocol.md), as a Starlette ASGI application.

Every request: versions first (a client too old is told to update before anything else),
then the user's secret, then the work, in transactions run as the app role. Every error is
JSON ``{"error": code, "message": text}``.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import logging
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from typing import Any

import psycopg
from psycopg_pool import AsyncConnectionPool
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from pm_desktop.hub import protocol, store
from pm_desktop.hub.auth import VerifiedCache, dummy_hash, verify_secret
from pm_desktop.hub.notify import ChangeListener
from pm_desktop.hub.protocol import HubError, malformed
from pm_desktop.hub.schema import VERSION_QUERY, check_current

log = logging.getLogger(__name__)

#: A body declared or found larger than this is cut off rather than read to the end.
_DRAIN_LIMIT = 4 * protocol.MAX_BODY_BYTES
#: How often a long poll looks at the database even without a notification.
_POLL_FALLBACK_S = 5.0
_REALM = 'Basic realm="PM Desktop hub", charset="UTF-8"'


def error_response(error: HubError) -> JSONResponse:
    headers = {"WWW-Authenticate": _REALM} if error.status == 401 else None
    return JSONResponse(
        {"error": error.code, "message": error.message, **error.extra},
        status_code=error.status,
        headers=headers,
    )


class Hub:
    """One hub process: its connection pool, change listener and verified-secret cache."""

    def __init__(self, database_url: str, *, pool_size: int = 10) -> None:
        self.database_url = database_url
        self.pool_size = pool_size
        self.cache = VerifiedCache()
        self._store: store.Store | None = None
        self._listener: ChangeListener | None = None

    @property
    def store(self) -> store.Store:
        if self._store is None:
            raise RuntimeError("the hub has not started")
        return self._store

    @property
    def listener(self) -> ChangeListener:
        if self._listener is None:
            raise RuntimeError("the hub has not started")
        return self._listener

    @asynccontextmanager
    async def lifespan(self, _app: Starlette) -> AsyncIterator[None]:
        pool: AsyncConnectionPool[store.Conn] = AsyncConnectionPool(
            self.database_url,
            min_size=1,
            max_size=self.pool_size,
            kwargs={"autocommit": True},
            timeout=10,  # then 503: the client tries again later
            open=False,
        )
        await pool.open(wait=True, timeout=30)
        try:
            async with pool.connection() as conn:
                cursor = await conn.execute(VERSION_QUERY)
                row = await cursor.fetchone()
            check_current(int(row[0]) if row else 0)
            self._store = store.Store(pool)
            self._listener = ChangeListener(self.database_url)
            self._listener.start()
            try:
                yield
            finally:
                await self._listener.stop()
        finally:
            await pool.close()

    # -- every request --------------------------------------------------------------------

    async def _authenticate(self, request: Request) -> str:
        protocol.check_versions(
            request.headers.get("pm-protocol"), request.headers.get("pm-schema")
        )
        header = request.headers.get("authorization", "")
        scheme, _, encoded = header.partition(" ")
        if scheme.lower() != "basic" or not encoded:
            raise HubError(401, "unauthorized", "sign in with your hub user name and secret")
        try:
            user, sep, secret = base64.b64decode(encoded, validate=True).decode().partition(":")
        except (binascii.Error, UnicodeDecodeError):
            raise HubError(401, "unauthorized", "the Authorization header is garbled") from None
        stored = None
        if sep and protocol.USER_NAME.fullmatch(user) and len(secret) <= 1024:
            stored = await self.store.secret_hash(user)
        if stored is not None and self.cache.known(user, secret, stored):
            return user
        matched = await asyncio.to_thread(verify_secret, secret[:1024], stored or dummy_hash())
        if stored is None or not matched:
            raise HubError(401, "unauthorized", "wrong user name or secret")
        self.cache.remember(user, secret, stored)
        return user

    async def _body(self, request: Request) -> Any:
        declared = request.headers.get("content-length", "")
        too_large = HubError(
            413, "too_large", f"the request body is over {protocol.MAX_BODY_BYTES} bytes"
        )
        if declared.isdigit() and int(declared) > _DRAIN_LIMIT:
            raise too_large
        chunks: list[bytes] = []
        size = 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > _DRAIN_LIMIT:
                raise too_large
            if size <= protocol.MAX_BODY_BYTES:
                chunks.append(chunk)
        if size > protocol.MAX_BODY_BYTES:  # read to the end, so the client sees the answer
            raise too_large
        return protocol.parse_json(b"".join(chunks))

    # -- endpoints --------------------------------------------------------------------------

    async def hello(self, request: Request) -> Response:
        user = await self._authenticate(request)
        async with self.store.as_user(user) as conn:
            projects = await store.granted_projects(conn)
        return JSONResponse(
            {
                "protocol": protocol.PROTOCOL,
                "min_protocol": protocol.MIN_PROTOCOL,
                "schemas": list(protocol.known_schemas()),
                "user": user,
                "projects": projects,
                "features": list(protocol.FEATURES),
            }
        )

    async def push(self, request: Request) -> Response:
        user = await self._authenticate(request)
        document = await self._body(request)
        push = protocol.parse_push(document, now_ms=time.time_ns() // 1_000_000)
        async with self.store.as_user(user) as conn:
            await store.require_access(conn, push.projects)
        results = []
        for batch in push.batches:
            try:
                async with self.store.as_user(user) as conn:
                    await store.require_access(conn, batch.projects)
                    results.append(await store.push_batch(conn, user, push.device_id, batch))
            except psycopg.errors.InsufficientPrivilege:  # the database's wall held
                raise HubError(
                    403, "not_granted", "you have no access to a project in this push"
                ) from None
        return JSONResponse({"results": results})

    async def pull(self, request: Request) -> Response:
        user = await self._authenticate(request)
        params = request.query_params
        project = protocol.project_key(params.get("project"))
        after = protocol.int_param(
            params.get("after"), "after", default=0, low=0, high=protocol.MAX_SEQ
        )
        limit = protocol.int_param(
            params.get("limit"),
            "limit",
            default=protocol.DEFAULT_PAGE,
            low=1,
            high=protocol.MAX_PAGE,
        )
        async with self.store.as_user(user) as conn:
            await store.require_access(conn, [project])
            page = await store.pull(conn, project, after, limit)
        return JSONResponse(page)

    async def summary(self, request: Request) -> Response:
        user = await self._authenticate(request)
        project = protocol.project_key(request.query_params.get("project"))
        async with self.store.as_user(user) as conn:
            await store.require_access(conn, [project])
            result = await store.summary(conn, project)
        return JSONResponse(result)

    async def snapshot(self, request: Request) -> Response:
        user = await self._authenticate(request)
        params = request.query_params
        project = protocol.project_key(params.get("project"))
        after_row = protocol.parse_row_key(params.get("after_row"))
        form = params.get("format", "fields")
        if form not in ("fields", "rows"):
            raise malformed("format must be fields or rows")
        limit = protocol.int_param(
            params.get("limit"),
            "limit",
            default=protocol.DEFAULT_PAGE,
            low=1,
            high=protocol.MAX_PAGE,
        )
        async with self.store.as_user(user) as conn:
            await store.require_access(conn, [project])
            # The first page says where the stream ends, read before its rows (see the docs).
            head = await store.stream_head(conn, project) if after_row is None else None
            if form == "rows":  # JSON text written by the database, passed on as it is
                body = await store.snapshot_rows(conn, project, after_row, limit, head=head)
                return Response(body, media_type="application/json")
            page = await store.snapshot(conn, project, after_row, limit)
        if head is not None:
            page["head"] = head
        return JSONResponse(page)

    async def wait(self, request: Request) -> Response:
        user = await self._authenticate(request)
        params = request.query_params
        cursors = protocol.parse_cursors(params.get("cursors"))
        raw_timeout = params.get("timeout", "25")
        try:
            timeout = float(raw_timeout)
        except ValueError:
            raise malformed("timeout must be a number of seconds") from None
        if not 0 <= timeout <= protocol.MAX_WAIT_S:
            raise malformed(f"timeout must be between 0 and {protocol.MAX_WAIT_S:g} seconds")
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        with self.listener.subscribe(cursors) as event:
            while True:
                event.clear()
                async with self.store.as_user(user) as conn:
                    await store.require_access(conn, cursors)
                    changed = await store.changed(conn, cursors)
                remaining = deadline - loop.time()
                if changed or remaining <= 0:
                    return JSONResponse({"changed": changed})
                with suppress(TimeoutError):
                    await asyncio.wait_for(event.wait(), min(remaining, _POLL_FALLBACK_S))


async def _hub_error(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HubError)
    return error_response(exc)


async def _http_error(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    codes = {404: "not_found", 405: "method_not_allowed"}
    return JSONResponse(
        {"error": codes.get(exc.status_code, "http_error"), "message": exc.detail},
        status_code=exc.status_code,
    )


async def _database_error(_request: Request, exc: Exception) -> Response:
    log.warning("the database failed a request: %s", exc)
    return JSONResponse(
        {
            "error": "unavailable",
            "message": "the hub's database is unavailable or busy: try again shortly",
        },
        status_code=503,
        headers={"Retry-After": "5"},
    )


async def _server_error(_request: Request, exc: Exception) -> Response:
    log.error("hub request failed", exc_info=exc)
    return JSONResponse(
        {"error": "internal", "message": "the hub failed to handle this request; see its log"},
        status_code=500,
    )


def create_app(database_url: str, *, pool_size: int = 10) -> Starlette:
    hub = Hub(database_url, pool_size=pool_size)
    routes = [
        Route("/v1/hello", hub.hello, methods=["GET"]),
        Route("/v1/push", hub.push, methods=["POST"]),
        Route("/v1/pull", hub.pull, methods=["GET"]),
        Route("/v1/summary", hub.summary, methods=["GET"]),
        Route("/v1/snapshot", hub.snapshot, methods=["GET"]),
        Route("/v1/wait", hub.wait, methods=["GET"]),
    ]
    app = Starlette(
        routes=routes,
        lifespan=hub.lifespan,
        exception_handlers={
            HubError: _hub_error,
            HTTPException: _http_error,
            psycopg.OperationalError: _database_error,  # also the pool's timeout
            Exception: _server_error,
        },
    )
    app.state.hub = hub
    return app
