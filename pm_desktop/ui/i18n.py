"""User-interface language and the fonts Chinese text needs."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase

from pm_desktop.locations import resources_dir

SUPPORTED_LANGUAGES = ("zh_CN", "en")
BUNDLED_CJK_FONT = "DroidSansFallbackFull.ttf"


def system_language() -> str:
    """zh_CN for any Chinese system locale, English otherwise."""
    locale = QLocale.system()
    return "zh_CN" if locale.language() == QLocale.Language.Chinese else "en"


def ui_language() -> str:
    """The language installed now ("zh_CN" or "en"); ``QLocale`` follows it."""
    return "zh_CN" if QLocale().name().startswith("zh") else "en"


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load the app's and Qt's own translations for ``language``; returns them (keep them alive)."""
    if language not in SUPPORTED_LANGUAGES:
        raise ValueError(f"unsupported language {language!r}")
    translators: list[QTranslator] = []
    ours = QTranslator(app)
    if not ours.load(str(resources_dir() / "translations" / f"pm_desktop_{language}.qm")):
        raise FileNotFoundError(f"translation file for {language} is missing")
    translators.append(ours)
    if language != "en":
        qt_own = QTranslator(app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_own.load(f"qtbase_{language}", qt_dir):
            translators.append(qt_own)
    for translator in translators:
        app.installTranslator(translator)
    QLocale.setDefault(QLocale("zh_CN" if language == "zh_CN" else "en_US"))
    return translators


def ensure_cjk_font() -> str | None:
    """Make Chinese render: when no installed font covers Simplified Chinese, load the bundled one.

    Returns the family loaded from resources/, or None when the system already had one.
    """
    if QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        return None
    font_id = QFontDatabase.addApplicationFont(str(resources_dir() / "fonts" / BUNDLED_CJK_FONT))
    if font_id < 0:
        return None
    family = QFontDatabase.applicationFontFamilies(font_id)[0]
    # Fall back to it for every family, so CJK glyphs appear in any widget's font.
    for base in {QFont().family(), "Sans Serif", "sans-serif"}:
        QFont.insertSubstitution(base, family)
    return family
