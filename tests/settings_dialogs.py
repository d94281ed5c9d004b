"""What the tests of the mail and team-server settings dialogs share (they share a base,
``pm_desktop.ui.server_settings.ServerSettingsDialog``)."""

from __future__ import annotations

import socket
from typing import Any

import pytest

from pm_desktop.ui.server_settings import ServerSettingsDialog


def unknown_host(monkeypatch: pytest.MonkeyPatch, host: str) -> str:
    """``host``, which the name service now says it does not know (as it answers a typo)."""
    real = socket.getaddrinfo

    def getaddrinfo(name: Any, *args: Any, **kwargs: Any) -> Any:
        if name == host:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return host


def assert_details_out_of_the_way(dialog: ServerSettingsDialog, technical: str) -> None:
    """The sentence is plain; the technical text waits behind Details (and in the tooltip)."""
    assert technical not in dialog.test_result.text()
    assert "Errno" not in dialog.test_result.text()
    assert "Details" not in dialog.test_result.text()
    assert technical in dialog.test_result.toolTip()
    assert dialog.details_button.isVisible()
    assert dialog.test_details.isHidden()
    dialog.details_button.click()
    assert dialog.test_details.isVisible()
    assert technical in dialog.test_details.text()
