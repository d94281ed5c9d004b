"""Composition root: Qt application, language, fonts, database, services, main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from pm_desktop import __version__
from pm_desktop.core.errors import PmError
from pm_desktop.services.container import Services
from pm_desktop.ui.errors import describe_error
from pm_desktop.ui.i18n import ensure_cjk_font, install_translators, system_language
from pm_desktop.ui.main_window import MainWindow

ORGANISATION = "PM Desktop"
APPLICATION = "PM Desktop"


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setDesktopFileName("pm-desktop")
    return app


def run_app(database: Path, language: str | None, *, smoke_test: bool = False) -> int:
    """Start the app on ``database``; returns the process exit code."""
    app = make_application()
    translators = install_translators(app, language or system_language())
    ensure_cjk_font()
    try:
        services = Services.open(database)
    except PmError as error:
        message = describe_error(error)
        print(f"pm-desktop: error: {error}", file=sys.stderr)
        if not smoke_test:
            QMessageBox.critical(
                None, QCoreApplication.translate("App", "PM Desktop cannot start"), message
            )
        return 1
    try:
        window = MainWindow(services, QSettings())
        window.show()
        QTimer.singleShot(0, window.network.start)
        if smoke_test:
            app.processEvents()
            window.close()
            app.processEvents()
            return 0
        return app.exec()
    finally:
        services.close()
        del translators
