"""Composition root: Qt application, language, fonts, database, services, main window."""

from __future__ import annotations

import gc
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from pm_desktop import __version__
from pm_desktop.core.errors import PmError
from pm_desktop.services.startup import StartupSnapshot, quick_start
from pm_desktop.ui.database_lock import lock_database
from pm_desktop.ui.errors import describe_error
from pm_desktop.ui.i18n import ensure_cjk_font, install_translators, system_language
from pm_desktop.ui.main_thread_gc import MainThreadCollector
from pm_desktop.ui.main_window import MainWindow
from pm_desktop.ui.services_loader import ServicesLoader

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


def report_error(error: PmError, *, dialog: bool) -> int:
    print(f"pm-desktop: error: {error}", file=sys.stderr)
    if dialog:
        QMessageBox.critical(
            None,
            QCoreApplication.translate("App", "PM Desktop cannot start"),
            describe_error(error),
        )
    return 1


def run_app(database: Path, language: str | None, *, smoke_test: bool = False) -> int:
    """Start the app on ``database``; returns the process exit code.

    A database already at the current schema shows its first screen from a snapshot
    while the services load in the background; a new or older file is created or
    migrated first.
    """
    app = make_application()
    translators = install_translators(app, language or system_language())
    ensure_cjk_font()
    loader = ServicesLoader(database.expanduser().absolute())
    try:
        lock = lock_database(loader.path)
    except PmError as error:
        return report_error(error, dialog=not smoke_test)
    MainThreadCollector(app).start()
    try:
        return _run(app, loader, translators, smoke_test=smoke_test)
    finally:
        if lock is not None:
            lock.unlock()


def _run(
    app: QApplication, loader: ServicesLoader, translators: list[QTranslator], *, smoke_test: bool
) -> int:
    try:
        snapshot: StartupSnapshot | None = quick_start(loader.path)
        if snapshot is None:
            loader.get()  # create or migrate now: the window needs the real schema
    except PmError as error:
        return report_error(error, dialog=not smoke_test)

    # A smoke test must not touch the user's own window geometry or last project.
    settings_dir = tempfile.TemporaryDirectory(prefix="pm-desktop-smoke-") if smoke_test else None
    settings = (
        QSettings(str(Path(settings_dir.name) / "settings.ini"), QSettings.Format.IniFormat)
        if settings_dir
        else QSettings()
    )
    window = MainWindow(loader, settings, snapshot)
    failures: list[PmError] = []

    def on_failure(error: PmError) -> None:
        failures.append(error)
        window.close()
        report_error(error, dialog=not smoke_test)

    loader.failed.connect(on_failure)
    # Once everything long-lived exists (modules, mappings, the window), keep it out of the
    # garbage collector's full passes: they would otherwise walk it all during the
    # allocation-heavy work of a large plan (measured: 100-150 ms per reschedule).
    loader.ready.connect(gc.freeze)
    window.show()
    QTimer.singleShot(0, loader.start)
    QTimer.singleShot(0, window.network.start)
    try:
        if smoke_test:
            app.processEvents()
            # The instant the window was usable, for bench/startup.py (epoch seconds).
            print(f"smoke test: main window shown at {time.time():.6f}")
            try:
                loader.get()
            except PmError as error:
                return report_error(error, dialog=False)
            print(f"smoke test: services ready at {time.time():.6f}")
            window.close()
            app.processEvents()
            return 0
        code = app.exec()
        return 1 if failures else code
    finally:
        if loader.is_ready:
            loader.get().close()
        if settings_dir is not None:
            settings_dir.cleanup()
        del translators
