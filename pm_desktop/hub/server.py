"""Run the hub with uvicorn: plain HTTP (behind a TLS proxy) or HTTPS with a certificate."""

from __future__ import annotations

import contextlib
import ssl
import sys
from pathlib import Path

import uvicorn

from pm_desktop.hub import admin
from pm_desktop.hub.app import create_app
from pm_desktop.hub.schema import require_current

_LOOPBACK = {"127.0.0.1", "::1", "localhost"}


def server_config(
    database_url: str,
    *,
    host: str = "127.0.0.1",
    port: int = 8765,
    certfile: Path | None = None,
    keyfile: Path | None = None,
    pool_size: int = 10,
    log_level: str = "info",
) -> uvicorn.Config:
    if not 1 <= port <= 65535:
        raise admin.AdminError(f"{port} is not a port number (1 to 65535)")
    if pool_size < 1:
        raise admin.AdminError(f"the pool size must be 1 or more, not {pool_size}")
    if (certfile is None) != (keyfile is None):
        raise admin.AdminError("give both --certfile and --keyfile, or neither")
    for path in (certfile, keyfile):
        if path is not None and not path.is_file():
            raise admin.AdminError(f"{path} does not exist")
    if certfile is not None and keyfile is not None:
        _check_certificate(certfile, keyfile)
    return uvicorn.Config(
        create_app(database_url, pool_size=pool_size),
        host=host,
        port=port,
        ssl_certfile=certfile,
        ssl_keyfile=keyfile,
        log_level=log_level,
        server_header=False,
        timeout_graceful_shutdown=5,  # long polls are cut short, clients just poll again
    )


def _check_certificate(certfile: Path, keyfile: Path) -> None:
    """Refuse, in one line, a certificate or key that TLS cannot use (not PEM, encrypted,
    or a key that is not the certificate's)."""
    try:
        ssl.create_default_context(ssl.Purpose.CLIENT_AUTH).load_cert_chain(certfile, keyfile)
    except (ssl.SSLError, OSError) as error:
        reason = str(error)
        if getattr(error, "reason", None) == "KEY_VALUES_MISMATCH":
            reason = "the key is not the certificate's"
        elif "PEM lib" in reason:
            reason = "they are not a PEM certificate and an unencrypted PEM key"
        raise admin.AdminError(
            f"the certificate {certfile} and key {keyfile} cannot be used for TLS: {reason}"
        ) from None


def serve(
    database_url: str,
    *,
    host: str = "127.0.0.1",
    port: int = 8765,
    certfile: Path | None = None,
    keyfile: Path | None = None,
    pool_size: int = 10,
) -> None:
    """Serve until interrupted; refuses a database whose hub schema is not current."""
    with admin.connect(database_url) as conn:
        require_current(conn)
    config = server_config(
        database_url,
        host=host,
        port=port,
        certfile=certfile,
        keyfile=keyfile,
        pool_size=pool_size,
    )
    if certfile is None and host not in _LOOPBACK:
        print(
            "pm-desktop hub: warning: serving plain HTTP on a network address: secrets and"
            " data travel in the clear; put a TLS proxy in front or give --certfile/--keyfile",
            file=sys.stderr,
        )
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl+C: uvicorn has shut down cleanly
        uvicorn.Server(config).run()
