"""Whether the machine is online, from the OS through QNetworkInformation."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class NetworkStatus(QObject):
    """Emits ``changed(state)`` with "online", "offline" or "unknown" (no OS backend)."""

    changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = "unknown"

    def start(self) -> None:
        """Load the OS backend (deferred until after the window shows: it costs start-up time)."""
        from PySide6.QtNetwork import QNetworkInformation

        if not QNetworkInformation.loadBackendByFeatures(QNetworkInformation.Feature.Reachability):
            self._set("unknown")
            return
        info = QNetworkInformation.instance()
        info.reachabilityChanged.connect(self._on_reachability)
        self._on_reachability(info.reachability())

    def _on_reachability(self, reachability: object) -> None:
        from PySide6.QtNetwork import QNetworkInformation

        reach = QNetworkInformation.Reachability
        if reachability == reach.Unknown:
            self._set("unknown")
        elif reachability in (reach.Online, reach.Site):
            self._set("online")
        else:
            self._set("offline")

    def _set(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.changed.emit(state)
