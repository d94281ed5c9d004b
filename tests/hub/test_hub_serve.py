"""``pm-desktop hub serve`` as a team would run it: its own process, HTTPS with a certificate."""

from __future__ import annotations

import json
import os
import shutil
import signal
import ssl
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from pm_desktop.storage.schema import SCHEMA_HEAD
from tests.hub.conftest import UserFactory, new_project
from tests.hub.postgres import free_port

ROOT = Path(__file__).resolve().parents[2]


def self_signed(folder: Path) -> tuple[Path, Path]:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a test certificate")
    cert, key = folder / "hub.pem", folder / "hub.key"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
            "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
            "-keyout", str(key), "-out", str(cert),
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return cert, key


def test_serve_over_https_until_interrupted(
    hub_url: str, make_user: UserFactory, tmp_path: Path
) -> None:
    cert, key = self_signed(tmp_path)
    project = new_project()
    name, secret = make_user(project)
    port = free_port()
    env = {**os.environ, "PM_HUB_DATABASE_URL": hub_url, "PYTHONPATH": str(ROOT)}
    server = subprocess.Popen(
        [sys.executable, "-m", "pm_desktop", "hub", "serve", "--port", str(port),
         "--certfile", str(cert), "--keyfile", str(key)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )  # fmt: skip
    try:
        with httpx.Client(
            base_url=f"https://127.0.0.1:{port}",
            verify=ssl.create_default_context(cafile=str(cert)),
            auth=(name, secret),
            headers={"PM-Protocol": "1", "PM-Schema": SCHEMA_HEAD},
        ) as client:
            deadline = time.monotonic() + 30
            while True:
                try:
                    response = client.get("/v1/hello")
                    break
                except httpx.TransportError:
                    assert server.poll() is None, server.communicate()[0]
                    assert time.monotonic() < deadline, "the hub did not start"
                    time.sleep(0.1)
            assert response.status_code == 200
            assert response.json()["projects"] == [project]
            assert "server" not in response.headers  # says nothing about its software
            # Plain HTTP to the TLS port gets nowhere.
            with pytest.raises(httpx.HTTPError):
                httpx.get(f"http://127.0.0.1:{port}/v1/hello", timeout=5)
            changes = [
                {
                    "table": "tasks",
                    "row_id": "r1",
                    "project_id": project,
                    "column": "name",
                    "value": json.dumps("基础"),
                    "hlc": f"{time.time_ns() // 1_000_000:013d}-000000-dev1",
                }
            ]
            pushed = client.post(
                "/v1/push", json={"device_id": "dev1", "batches": [{"op": 1, "changes": changes}]}
            )
            assert pushed.json()["results"][0]["status"] == "applied"
    finally:
        server.send_signal(signal.SIGINT)
        output, _ = server.communicate(timeout=30)
    assert server.returncode == 0, output


def test_serve_needs_both_certificate_and_key(
    hub_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pm_desktop.hub.cli import main

    cert = tmp_path / "hub.pem"
    cert.write_text("not really")
    assert main(["serve", "--database-url", hub_url, "--certfile", str(cert)]) == 1
    assert "give both --certfile and --keyfile" in capsys.readouterr().err
    missing = ["--certfile", str(tmp_path / "no.pem"), "--keyfile", str(tmp_path / "no.key")]
    assert main(["serve", "--database-url", hub_url, *missing]) == 1
    assert "no.pem does not exist" in capsys.readouterr().err


def test_a_certificate_tls_cannot_use_is_refused_in_one_line(
    hub_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pm_desktop.hub.cli import main

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    cert_a, _key_a = self_signed(tmp_path / "a")
    _cert_b, key_b = self_signed(tmp_path / "b")
    not_pem = tmp_path / "notes.txt"
    not_pem.write_text("not a certificate", encoding="utf-8")
    for cert, key in ((cert_a, key_b), (not_pem, key_b)):
        argv = ["serve", "--database-url", hub_url, "--certfile", str(cert), "--keyfile", str(key)]
        assert main(argv) == 1
        error = capsys.readouterr().err
        assert error.startswith("pm-desktop hub: error: the certificate ")
        assert "cannot be used for TLS" in error
        assert len(error.strip().splitlines()) == 1  # no traceback


def test_the_hub_command_loads_no_server_package_until_it_runs() -> None:
    """The desktop app's command line reaches the hub's parser without Starlette or psycopg."""
    probe = (
        "import sys\n"
        "from pm_desktop.__main__ import build_parser\n"
        "import pm_desktop.hub.cli as cli\n"
        "cli.build_parser()\n"
        "heavy = [m for m in sys.modules if m.split('.')[0] in "
        "('starlette', 'uvicorn', 'psycopg', 'psycopg_pool', 'httpx')]\n"
        "print(heavy)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.strip() == "[]"
