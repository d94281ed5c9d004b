"""What the start-up dialog says about a database it cannot open, in both languages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from pm_desktop.core.errors import (
    CorruptDatabaseError,
    MigrationError,
    NewerSchemaError,
    NotADatabaseError,
    ReadOnlyDatabaseError,
)
from pm_desktop.ui.errors import describe_error
from pm_desktop.ui.i18n import install_translators

PATH = Path("/data/项目.sqlite")
ERRORS = [
    (NotADatabaseError(PATH, "is not a SQLite database"), "is not a PM Desktop database", "不是"),
    (CorruptDatabaseError(PATH, "is damaged"), "is damaged", "已损坏"),
    (ReadOnlyDatabaseError(PATH, "is read-only"), "read-only", "只读"),
    (NewerSchemaError(PATH, "newer"), "newer version of PM Desktop", "更新版本"),
    (MigrationError(PATH, "failed"), "could not be upgraded", "升级失败"),
]


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp, "zh_CN")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.mark.parametrize(("error", "english", "chinese_words"), ERRORS)
def test_english_message_names_the_file_and_the_problem(
    qapp: QApplication, error: Exception, english: str, chinese_words: str
) -> None:
    message = describe_error(error)  # type: ignore[arg-type]
    assert str(PATH) in message
    assert english in message


@pytest.mark.usefixtures("chinese")
@pytest.mark.parametrize(("error", "english", "chinese_words"), ERRORS)
def test_chinese_message_names_the_file_and_the_problem(
    error: Exception, english: str, chinese_words: str
) -> None:
    message = describe_error(error)  # type: ignore[arg-type]
    assert str(PATH) in message
    assert chinese_words in message
