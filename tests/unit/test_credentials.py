"""Secrets in the OS keyring (an in-memory backend here), or in memory when there is none."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import keyring.core
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail
from keyring.errors import KeyringLocked

from pm_desktop.sync import credentials
from pm_desktop.sync.credentials import (
    SESSION,
    SMTP_SERVICE,
    KeyringUnavailable,
    delete_secret,
    get_secret,
    keyring_problem,
    lookup_secret,
    set_secret,
    store_secret,
)
from tests.mail_server import MemoryKeyring

ACCOUNT = "scribe@smtp.qiming.example:587"


@pytest.fixture
def use_keyring() -> Iterator[object]:
    """Set a keyring backend for one test; the one before is put back."""
    previous = keyring.core._keyring_backend  # type: ignore[attr-defined]

    def use(backend: KeyringBackend) -> KeyringBackend:
        keyring.set_keyring(backend)
        return backend

    yield use
    keyring.core._keyring_backend = previous  # type: ignore[attr-defined]
    SESSION.clear()


class EmptyChainer(chainer.ChainerBackend):
    """What keyring chooses when no backend is viable but the chainer is asked for."""

    backends = []  # type: ignore[assignment]  # noqa: RUF012


class LockedKeyring(MemoryKeyring):
    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("the keyring is locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringLocked("the keyring is locked")


def test_a_secret_is_kept_read_and_forgotten(use_keyring) -> None:  # type: ignore[no-untyped-def]
    backend = use_keyring(MemoryKeyring())
    assert keyring_problem() == ""
    assert get_secret(SMTP_SERVICE, ACCOUNT) is None
    set_secret(SMTP_SERVICE, ACCOUNT, "密码-1")
    assert backend.secrets == {(SMTP_SERVICE, ACCOUNT): "密码-1"}
    assert get_secret(SMTP_SERVICE, ACCOUNT) == "密码-1"
    delete_secret(SMTP_SERVICE, ACCOUNT)
    delete_secret(SMTP_SERVICE, ACCOUNT)  # twice: no error
    assert get_secret(SMTP_SERVICE, ACCOUNT) is None


def test_store_secret_prefers_the_keyring(use_keyring) -> None:  # type: ignore[no-untyped-def]
    backend = use_keyring(MemoryKeyring())
    assert store_secret(SMTP_SERVICE, ACCOUNT, "s3cret") is True
    assert backend.secrets[(SMTP_SERVICE, ACCOUNT)] == "s3cret"
    assert SESSION.get(SMTP_SERVICE, ACCOUNT) is None
    assert lookup_secret(SMTP_SERVICE, ACCOUNT) == "s3cret"


@pytest.mark.parametrize(
    "backend",
    [fail.Keyring(), EmptyChainer(), LockedKeyring()],
    ids=["fail", "empty-chainer", "locked"],
)
def test_without_a_keyring_the_secret_stays_in_this_session_only(
    use_keyring,  # type: ignore[no-untyped-def]
    backend: KeyringBackend,
) -> None:
    use_keyring(backend)
    if not isinstance(backend, LockedKeyring):
        assert keyring_problem()
    with pytest.raises(KeyringUnavailable):
        set_secret(SMTP_SERVICE, ACCOUNT, "s3cret")
    assert store_secret(SMTP_SERVICE, ACCOUNT, "s3cret") is False
    assert lookup_secret(SMTP_SERVICE, ACCOUNT) == "s3cret"
    SESSION.clear()
    assert lookup_secret(SMTP_SERVICE, ACCOUNT) is None


def test_a_keyring_that_writes_plain_files_is_refused(use_keyring) -> None:  # type: ignore[no-untyped-def]
    on_disk = type("PlaintextKeyring", (MemoryKeyring,), {"__module__": "keyrings.alt.file"})
    use_keyring(on_disk())
    assert "cannot keep secrets safely" in credentials.keyring_problem()
    assert store_secret(SMTP_SERVICE, ACCOUNT, "s3cret") is False
