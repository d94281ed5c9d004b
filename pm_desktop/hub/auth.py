"""Per-user secrets: made once, shown once, kept only as scrypt hashes with their own salt.

A hash reads ``scrypt$N$r$p$salt$hash`` (base64), so the cost can be raised later while old
hashes still verify. Checking costs tens of milliseconds by design; :class:`VerifiedCache`
remembers, per hub process, which (user, secret) already matched which stored hash, so a
client syncing every few seconds does not pay it on every request. The cache holds keyed
digests, never secrets, and a changed stored hash invalidates its entry.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import secrets
import threading
from collections import OrderedDict

_N, _R, _P, _DKLEN = 2**14, 8, 1, 32
_MAXMEM = 64 * 1024 * 1024


def new_secret() -> str:
    """A random secret for a new user: 32 characters, about 190 bits."""
    return secrets.token_urlsafe(24)


def hash_secret(secret: str, *, n: int = _N, r: int = _R, p: int = _P) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(secret.encode(), salt=salt, n=n, r=r, p=p, dklen=_DKLEN, maxmem=_MAXMEM)
    return "$".join(
        ["scrypt", str(n), str(r), str(p), _b64(salt), _b64(digest)],
    )


#: The salt field (base64 of b"disabled") of a disabled user's hash. Real salts are 16 random
#: bytes, so they never read like this.
DISABLED_SALT = "ZGlzYWJsZWQ="


def disabled_hash() -> str:
    """A hash no secret matches, in the form of a real one: checking a secret against it
    costs what a real check costs (a disabled name is not told from an unknown one by timing)."""
    parts = hash_secret(new_secret()).split("$")
    parts[4] = DISABLED_SALT
    return "$".join(parts)


def verify_secret(secret: str, stored: str) -> bool:
    """Whether ``secret`` matches ``stored``, compared in constant time."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        actual = hashlib.scrypt(
            secret.encode(),
            salt=base64.b64decode(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(expected),
            maxmem=_MAXMEM,
        )
    except ValueError:  # a damaged hash matches nothing
        return False
    return hmac.compare_digest(actual, expected)


@functools.cache
def dummy_hash() -> str:
    """Verified against when the user does not exist, so that a wrong name costs the same."""
    return hash_secret(new_secret())


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


class VerifiedCache:
    """(user, secret) pairs already verified against a stored hash; bounded, thread-safe."""

    def __init__(self, size: int = 4096) -> None:
        self._key = secrets.token_bytes(32)
        self._size = size
        self._entries: OrderedDict[bytes, str] = OrderedDict()
        self._lock = threading.Lock()

    def _digest(self, user: str, secret: str) -> bytes:
        return hmac.digest(self._key, f"{user}\0{secret}".encode(), "sha256")

    def known(self, user: str, secret: str, stored: str) -> bool:
        key = self._digest(user, secret)
        with self._lock:
            cached = self._entries.get(key)
            if cached is None:
                return False
            self._entries.move_to_end(key)
        return hmac.compare_digest(cached, stored)

    def remember(self, user: str, secret: str, stored: str) -> None:
        key = self._digest(user, secret)
        with self._lock:
            self._entries[key] = stored
            self._entries.move_to_end(key)
            while len(self._entries) > self._size:
                self._entries.popitem(last=False)
