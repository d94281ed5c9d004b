"""Garbage cycles holding Qt objects are collected in the GUI thread, never by a worker thread
that happens to allocate a lot (which deleted Qt objects from the wrong thread: crashes)."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from typing import ClassVar

import pytest
import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pm_desktop.ui.main_thread_gc import MainThreadCollector


class Witness:
    """Part of a garbage cycle; notes the thread that collects it."""

    collected_in: ClassVar[list[str]] = []

    def __init__(self) -> None:
        self.qt_object = QObject()
        self.qt_object.setObjectName("in a cycle")
        self.me = self  # the cycle

    def __del__(self) -> None:
        Witness.collected_in.append(threading.current_thread().name)


@pytest.fixture
def collector(qapp: QApplication) -> Iterator[MainThreadCollector]:
    Witness.collected_in = []
    collector = MainThreadCollector(qapp, check_ms=20).start()
    yield collector
    collector.stop()
    collector.deleteLater()


def make_garbage() -> QObject:
    witness = Witness()
    return witness.qt_object


def test_a_cycle_with_a_qt_object_is_collected_in_the_gui_thread_not_by_a_busy_worker(
    collector: MainThreadCollector, qtbot: QtBot
) -> None:
    qt_object = make_garbage()  # the cycle is garbage now; this keeps its QObject to look at

    def allocate() -> None:  # far past every generation's threshold
        for _ in range(200):
            junk = [[{} for _ in range(100)] for _ in range(10)]
            for item in junk:
                item.append(item)  # cycles of its own

    worker = threading.Thread(target=allocate, name="busy-worker")
    worker.start()
    worker.join()
    assert Witness.collected_in == []  # the worker collected nothing

    qtbot.waitUntil(lambda: Witness.collected_in != [], timeout=3000)
    assert Witness.collected_in == [threading.main_thread().name]
    assert shiboken6.isValid(qt_object)  # still referenced here: not deleted under our feet
    assert qt_object.objectName() == "in a cycle"


def test_stopping_gives_automatic_collection_back(qapp: QApplication) -> None:
    was = gc.isenabled()
    collector = MainThreadCollector(qapp).start()
    assert not gc.isenabled()
    collector.stop()
    collector.deleteLater()
    assert gc.isenabled() == was
