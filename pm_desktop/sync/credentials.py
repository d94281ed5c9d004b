"""Secrets (the SMTP password) in the OS keyring, or in this process's memory when there is none.

Nothing here ever writes a secret to a file: a keyring backend that keeps secrets in a plain
file (``keyrings.alt``) counts as no keyring. When the keyring is unavailable the UI says so,
asks for the secret, and keeps it in :data:`SESSION` until the app quits.
"""

from __future__ import annotations

import threading

import keyring
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail
from keyring.errors import KeyringError, PasswordDeleteError

from pm_desktop.core.errors import PmError

SMTP_SERVICE = "PM Desktop SMTP"
#: Backends that store secrets in plain files: never used.
_ON_DISK_MODULES = ("keyrings.alt",)


class KeyringUnavailable(PmError):  # noqa: N818 (the name says what the user faces)
    """No usable OS keyring (e.g. headless Linux without a Secret Service).

    ``kind`` says why, for the UI to say it in the user's language: "missing" (no keyring
    service), "unsafe" (``detail``: a backend that keeps secrets in files), "broken"
    (``detail``: the error loading it) or "refused" (``detail``: the keyring's error)."""

    code = "keyring_unavailable"

    def __init__(self, message: str, *, kind: str = "broken", detail: str = "") -> None:
        super().__init__(message)
        self.kind = kind
        self.detail = detail


def _usable_backend() -> KeyringBackend:
    """The configured keyring backend; raises KeyringUnavailable when it cannot keep secrets."""
    try:
        backend = keyring.get_keyring()
    except Exception as error:  # a broken backend can fail in many ways while loading
        raise KeyringUnavailable(
            f"the keyring could not be loaded ({error})", kind="broken", detail=str(error)
        ) from error
    _check(backend)
    return backend


def _check(backend: KeyringBackend) -> None:
    if isinstance(backend, fail.Keyring) or (
        isinstance(backend, chainer.ChainerBackend) and not backend.backends
    ):
        raise KeyringUnavailable("no keyring service is available on this computer", kind="missing")
    if isinstance(backend, chainer.ChainerBackend):
        for inner in backend.backends:
            _check(inner)
        return
    module = type(backend).__module__
    if module.startswith(_ON_DISK_MODULES) or module == "keyring.backends.null":
        raise KeyringUnavailable(
            f"the keyring backend {module} cannot keep secrets safely", kind="unsafe", detail=module
        )


def keyring_problem() -> str:
    """Why the keyring cannot be used (in English), or "" when it can."""
    unavailable = keyring_unavailable()
    return "" if unavailable is None else str(unavailable)


def keyring_unavailable() -> KeyringUnavailable | None:
    """Why the keyring cannot be used, or None when it can."""
    try:
        _usable_backend()
    except KeyringUnavailable as error:
        return error
    return None


def get_secret(service: str, account: str) -> str | None:
    """The secret kept for (service, account), None when there is none."""
    backend = _usable_backend()
    try:
        return backend.get_password(service, account)
    except KeyringError as error:
        raise KeyringUnavailable(
            f"the keyring refused to read ({error})", kind="refused", detail=str(error)
        ) from error


def set_secret(service: str, account: str, secret: str) -> None:
    """Keep ``secret`` for (service, account) in the keyring."""
    backend = _usable_backend()
    try:
        backend.set_password(service, account, secret)
    except KeyringError as error:
        raise KeyringUnavailable(
            f"the keyring refused to store ({error})", kind="refused", detail=str(error)
        ) from error


def delete_secret(service: str, account: str) -> None:
    """Forget the secret for (service, account); no error when there was none."""
    backend = _usable_backend()
    try:
        backend.delete_password(service, account)
    except PasswordDeleteError:
        pass
    except KeyringError as error:
        raise KeyringUnavailable(
            f"the keyring refused to delete ({error})", kind="refused", detail=str(error)
        ) from error


class SessionSecrets:
    """Secrets the user typed this session, in process memory only (never on disk)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._secrets: dict[tuple[str, str], str] = {}

    def get(self, service: str, account: str) -> str | None:
        with self._lock:
            return self._secrets.get((service, account))

    def set(self, service: str, account: str, secret: str) -> None:
        with self._lock:
            self._secrets[(service, account)] = secret

    def forget(self, service: str, account: str) -> None:
        with self._lock:
            self._secrets.pop((service, account), None)

    def clear(self) -> None:
        with self._lock:
            self._secrets.clear()


SESSION = SessionSecrets()


def lookup_secret(service: str, account: str) -> str | None:
    """The secret from the keyring, else from this session's memory; None when neither has it."""
    try:
        found = get_secret(service, account)
    except KeyringUnavailable:
        found = None
    return found if found is not None else SESSION.get(service, account)


def store_secret(service: str, account: str, secret: str) -> bool:
    """Keep ``secret`` in the keyring (True), or for this session only when there is none
    (False)."""
    try:
        set_secret(service, account, secret)
    except KeyringUnavailable:
        SESSION.set(service, account, secret)
        return False
    SESSION.forget(service, account)
    return True
