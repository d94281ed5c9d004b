"""Hybrid logical clock: (physical ms, counter, device id).

A stamp never goes backwards on one device, even when the wall clock does, and
stamps from different devices are totally ordered, which lets every replica
pick the same winner for concurrent edits. Stamps encode to fixed-width strings
whose lexical order is their order, so they can be compared in SQL.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

_WALL_DIGITS = 13  # milliseconds since the epoch, good until the year 2286
_COUNTER_DIGITS = 6
MAX_COUNTER = 10**_COUNTER_DIGITS - 1
#: A remote stamp this far ahead of our wall clock is refused rather than adopted.
DEFAULT_MAX_DRIFT_MS = 24 * 3600 * 1000


class ClockDriftError(ValueError):
    """A remote stamp is implausibly far in the future."""


@dataclass(frozen=True, order=True, slots=True)
class HlcStamp:
    wall_ms: int
    counter: int
    device: str

    def encode(self) -> str:
        return f"{self.wall_ms:0{_WALL_DIGITS}d}-{self.counter:0{_COUNTER_DIGITS}d}-{self.device}"

    @classmethod
    def decode(cls, text: str) -> HlcStamp:
        wall, counter, device = text.split("-", 2)
        if len(wall) != _WALL_DIGITS or len(counter) != _COUNTER_DIGITS or not device:
            raise ValueError(f"not a clock stamp: {text!r}")
        return cls(int(wall), int(counter), device)

    def __str__(self) -> str:
        return self.encode()


def wall_clock_ms() -> int:
    return time.time_ns() // 1_000_000


class HybridLogicalClock:
    """Thread-safe HLC for one device.

    ``now()`` stamps a local event; ``observe()`` merges a stamp received from
    another replica so that later local stamps sort after it.
    """

    def __init__(
        self,
        device: str,
        *,
        wall_clock: Callable[[], int] = wall_clock_ms,
        last: HlcStamp | None = None,
        max_drift_ms: int = DEFAULT_MAX_DRIFT_MS,
    ) -> None:
        if not device or "-" in device:
            raise ValueError("device id must be non-empty and contain no '-'")
        self.device = device
        self._wall_clock = wall_clock
        self._max_drift_ms = max_drift_ms
        self._wall = last.wall_ms if last else 0
        self._counter = last.counter if last else 0
        self._lock = threading.Lock()

    @property
    def last(self) -> HlcStamp:
        return HlcStamp(self._wall, self._counter, self.device)

    def now(self) -> HlcStamp:
        with self._lock:
            physical = self._wall_clock()
            if physical > self._wall:
                self._wall, self._counter = physical, 0
            else:
                self._advance_counter()
            return self.last

    def observe(self, remote: HlcStamp) -> HlcStamp:
        with self._lock:
            physical = self._wall_clock()
            if remote.wall_ms - physical > self._max_drift_ms:
                raise ClockDriftError(
                    f"stamp {remote} is {remote.wall_ms - physical} ms ahead of this clock"
                )
            top = max(physical, self._wall, remote.wall_ms)
            if top == self._wall == remote.wall_ms:
                self._counter = max(self._counter, remote.counter)
                self._advance_counter()
            elif top == self._wall:
                self._advance_counter()
            elif top == remote.wall_ms:
                self._wall, self._counter = top, remote.counter
                self._advance_counter()
            else:
                self._wall, self._counter = top, 0
            return self.last

    def _advance_counter(self) -> None:
        if self._counter < MAX_COUNTER:
            self._counter += 1
        else:  # a million events in one millisecond: borrow the next millisecond
            self._wall, self._counter = self._wall + 1, 0
