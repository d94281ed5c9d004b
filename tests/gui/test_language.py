"""Chinese in the window: translations load, and a CJK font is there even on a bare machine."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from keyring.backends import fail
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pm_desktop.locations import resources_dir
from pm_desktop.services.container import Services
from pm_desktop.ui.i18n import BUNDLED_CJK_FONT, ensure_cjk_font, install_translators
from pm_desktop.ui.mail_settings import MailSettingsDialog
from pm_desktop.ui.main_window import MainWindow
from tests.mail_server import keyring_backend


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    """Chinese for one test: the translators and the default locale are put back after."""
    locale = QLocale()
    translators = install_translators(qapp, "zh_CN")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)
    QLocale.setDefault(locale)


@pytest.mark.usefixtures("chinese")
def test_the_window_speaks_chinese(window: MainWindow, services: Services) -> None:
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["文件(&F)", "编辑(&E)", "视图(&V)", "帮助(&H)"]
    titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert titles == ["干系人", "团队", "计划与日历", "会议"]
    assert window.pending_label.text() == "0 项更改未同步"
    services.projects.create("项目")
    window.refresh_pending()
    assert window.pending_label.text().endswith("项更改未同步")


def test_english_uses_singular_and_plural(qapp: QApplication, window: MainWindow) -> None:
    translators = install_translators(qapp, "en")
    try:
        window.refresh_pending()
        assert window.pending_label.text() == "0 changes not synced"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def test_an_unsupported_language_is_refused(qapp: QApplication) -> None:
    with pytest.raises(ValueError, match="unsupported language"):
        install_translators(qapp, "fr")


def test_the_bundled_font_covers_simplified_chinese(qapp: QApplication) -> None:
    font_id = QFontDatabase.addApplicationFont(str(resources_dir() / "fonts" / BUNDLED_CJK_FONT))
    assert font_id >= 0
    family = QFontDatabase.applicationFontFamilies(font_id)[0]
    assert QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(family)


def test_after_start_up_some_font_covers_simplified_chinese(qapp: QApplication) -> None:
    ensure_cjk_font()
    assert QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)


@pytest.mark.usefixtures("chinese")
def test_without_a_keyring_the_note_says_why_in_chinese(qtbot: QtBot, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    with keyring_backend(fail.Keyring()):
        dialog = MailSettingsDialog(settings)
        qtbot.addWidget(dialog)
    note = dialog.keyring_note.text()
    assert note.startswith("此电脑没有密钥环（未运行密钥环服务）")
    assert "keyring" not in note.lower()
