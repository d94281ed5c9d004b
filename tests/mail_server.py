"""Test helpers for the mail outbox: an in-memory keyring, TLS certificates and a real SMTP
server (aiosmtpd) on a free loopback port."""

from __future__ import annotations

import datetime as dt
import ipaddress
import socket
import ssl
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

HOST = "127.0.0.1"
USER = "scribe@qiming.example"
PASSWORD = "Zh3ng-密码-s3cr3t!"


class MemoryKeyring(KeyringBackend):
    """A keyring that keeps secrets in a dict (never on disk); used only when set explicitly."""

    priority = 1  # type: ignore[assignment]
    viable = False  # type: ignore[assignment]  # never picked by keyring discovery

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.secrets.pop((service, username), None) is None:
            raise PasswordDeleteError("no such password")


# --- certificates ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Certificates:
    ca_file: Path
    cert_file: Path
    key_file: Path

    def server_context(self) -> ssl.SSLContext:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(self.cert_file, self.key_file)
        return context


def make_certificates(folder: Path) -> Certificates:
    """A private CA and a server certificate it signed for 127.0.0.1 and localhost."""
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "PM Desktop Test CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address(HOST))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), False
        )
        .sign(ca_key, hashes.SHA256())
    )
    folder.mkdir(parents=True, exist_ok=True)
    found = Certificates(folder / "ca.pem", folder / "server.pem", folder / "server.key")
    found.ca_file.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    found.cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    found.key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return found


# --- the server ------------------------------------------------------------------------------


@dataclass
class Recorder:
    """An aiosmtpd handler that keeps what it received and refuses chosen recipients."""

    refusals: dict[str, str] = field(default_factory=dict)
    """address -> the reply to its RCPT, e.g. "550 5.1.1 mailbox unknown"."""
    received: list[tuple[list[str], bytes]] = field(default_factory=list)

    async def handle_RCPT(  # noqa: N802 - aiosmtpd's hook name
        self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: Any
    ) -> str:
        if address in self.refusals:
            return self.refusals[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(  # noqa: N802 - aiosmtpd's hook name
        self, server: Any, session: Any, envelope: Any
    ) -> str:
        self.received.append((list(envelope.rcpt_tos), bytes(envelope.original_content)))
        return "250 Message accepted for delivery"

    def messages(self) -> list[EmailMessage]:
        parser = BytesParser(policy=policy.default)
        return [parser.parsebytes(data) for _to, data in self.received]  # type: ignore[misc]

    def delivered_to(self) -> list[str]:
        return [address for to, _data in self.received for address in to]


class Authenticator:
    """Accepts USER/PASSWORD only (or nothing at all with ``refuse_all``)."""

    def __init__(self, *, refuse_all: bool = False) -> None:
        self.refuse_all = refuse_all
        self.tries = 0

    def __call__(
        self, server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any
    ) -> AuthResult:
        self.tries += 1
        ok = (
            not self.refuse_all
            and isinstance(auth_data, LoginPassword)
            and auth_data.login.decode() == USER
            and auth_data.password.decode() == PASSWORD
        )
        return AuthResult(success=ok, handled=False)


class _QuietController(Controller):
    """Without aiosmtpd's warning about AUTH without STARTTLS: implicit TLS is TLS too."""

    def factory(self) -> Any:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", "Requiring AUTH while not requiring TLS")
            return super().factory()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


@contextmanager
def smtp_server(
    certificates: Certificates,
    recorder: Recorder,
    *,
    implicit_tls: bool = False,
    authenticator: Authenticator | None = None,
) -> Iterator[int]:
    """A running SMTP server requiring TLS and login; yields its port."""
    port = free_port()
    context = certificates.server_context()
    controller = _controller(recorder, port, authenticator, implicit_tls, context)
    controller.start()
    try:
        yield port
    finally:
        controller.stop()


def _controller(
    recorder: Recorder,
    port: int,
    authenticator: Authenticator | None,
    implicit_tls: bool,
    context: ssl.SSLContext,
) -> Controller:
    tls: dict[str, Any] = (
        {"ssl_context": context}
        if implicit_tls
        else {"tls_context": context, "require_starttls": True}
    )
    return _QuietController(
        recorder,
        hostname=HOST,
        port=port,
        authenticator=authenticator or Authenticator(),
        auth_required=True,
        # aiosmtpd counts only STARTTLS as TLS; with implicit TLS the session is TLS anyway.
        auth_require_tls=not implicit_tls,
        **tls,
    )


@contextmanager
def keyring_backend(backend: KeyringBackend) -> Iterator[KeyringBackend]:
    """Use ``backend`` as the keyring inside the block; the one before (and an empty session
    memory) afterwards."""
    import keyring
    import keyring.core

    from pm_desktop.sync.credentials import SESSION

    previous = keyring.core._keyring_backend  # type: ignore[attr-defined]
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.core._keyring_backend = previous  # type: ignore[attr-defined]
        SESSION.clear()
