"""A throwaway PostgreSQL cluster for the hub tests and bench/hub_push.py.

``initdb`` into a new temporary folder, ``pg_ctl start`` on a free loopback port with its
socket in that folder, and ``pg_ctl stop`` plus removal at the end. PostgreSQL refuses to
run as root, so as root the cluster runs as the ``postgres`` system user (made by the Debian
package) or, failing that, ``nobody``, with its folder handed to that user.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

SUPERUSER = "pm_test_super"
#: The role the hub connects as: owns the hub's database and may create roles, nothing more.
HUB_OWNER = "pm_hub_owner"


def find_bin_dir() -> Path | None:
    """The folder holding initdb, pg_ctl and postgres, or None if there is no server."""
    candidates: list[Path] = []
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(Path(os.path.realpath(on_path)).parent)
    candidates.extend(
        Path(p)
        for p in sorted(
            glob.glob("/usr/lib/postgresql/*/bin"),
            key=lambda p: int(p.split("/")[-2]) if p.split("/")[-2].isdigit() else 0,
            reverse=True,
        )
    )
    for folder in candidates:
        if all((folder / name).is_file() for name in ("initdb", "pg_ctl", "postgres")):
            return folder
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _run_as() -> tuple[list[str], pwd.struct_passwd | None]:
    """The command prefix that drops root, and the account it runs as (None: ourselves)."""
    if os.geteuid() != 0:
        return [], None
    for name in ("postgres", "nobody"):
        try:
            account = pwd.getpwnam(name)
        except KeyError:
            continue
        runuser = shutil.which("runuser") or "/usr/sbin/runuser"
        if Path(runuser).exists():
            return [runuser, "-u", name, "--"], account
        return [
            "setpriv",
            f"--reuid={account.pw_uid}",
            f"--regid={account.pw_gid}",
            "--clear-groups",
        ], account
    raise RuntimeError("running as root and there is no 'postgres' or 'nobody' user to run as")


@dataclass
class TempPostgres:
    bin_dir: Path
    settings: dict[str, str] = field(default_factory=dict)
    port: int = 0
    root: Path | None = None
    _prefix: list[str] = field(default_factory=list)

    def start(self) -> None:
        self._prefix, account = _run_as()
        # Not under pytest's tmp folder: as root that is private to root.
        self.root = Path(tempfile.mkdtemp(prefix="pm-hub-pg-", dir="/tmp"))
        (self.root / "sock").mkdir()
        if account is not None:
            for path in (self.root, self.root / "sock"):
                os.chown(path, account.pw_uid, account.pw_gid)
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            SUPERUSER,
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )
        self.port = free_port()
        options = [
            f"-p {self.port}",
            f"-k {self.root / 'sock'}",
            "-c listen_addresses=127.0.0.1",
            *(f"-c {key}={value}" for key, value in self.settings.items()),
        ]
        self._run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-l",
            str(self.root / "server.log"),
            "-o",
            " ".join(options),
            "-w",
            "-t",
            "60",
            "start",
        )

    @property
    def data(self) -> Path:
        assert self.root is not None
        return self.root / "data"

    def _run(self, program: str, *args: str) -> None:
        result = subprocess.run(
            [*self._prefix, str(self.bin_dir / program), *args],
            capture_output=True,
            text=True,
            cwd=self.root,  # the unprivileged user must be able to enter it
            check=False,
            timeout=120,
        )
        if result.returncode != 0:
            log = ""
            if self.root is not None and (self.root / "server.log").exists():
                log = (self.root / "server.log").read_text(errors="replace")
            raise RuntimeError(
                f"{program} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}\n{log}"
            )

    def url(self, user: str = SUPERUSER, database: str = "postgres") -> str:
        return f"postgresql://{user}@127.0.0.1:{self.port}/{database}"

    def create_hub_database(self, name: str) -> str:
        """A database owned by a non-superuser role with CREATEROLE; its URL."""
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [HUB_OWNER])
            if exists.fetchone() is None:
                conn.execute(f"CREATE ROLE {HUB_OWNER} LOGIN CREATEROLE")
            conn.execute(f'CREATE DATABASE "{name}" OWNER {HUB_OWNER}')
        return self.url(HUB_OWNER, name)

    def stop(self) -> None:
        if self.root is None:
            return
        try:
            if (self.data / "postmaster.pid").exists():
                self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
            self.root = None
