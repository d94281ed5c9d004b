"""The hybrid logical clock: monotonic under wall-clock jumps, and ordering across devices."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pm_desktop.core.hlc import ClockDriftError, HlcStamp, HybridLogicalClock

wall_times = st.integers(min_value=0, max_value=4_000_000_000_000)


class ScriptedWallClock:
    """A wall clock that reads from a list, jumping anywhere (also backwards)."""

    def __init__(self, readings: list[int]) -> None:
        self.readings = readings
        self.index = 0

    def __call__(self) -> int:
        value = self.readings[min(self.index, len(self.readings) - 1)]
        self.index += 1
        return value


@given(st.lists(wall_times, min_size=1, max_size=200))
def test_stamps_strictly_increase_whatever_the_wall_clock_does(readings: list[int]) -> None:
    clock = HybridLogicalClock("devA", wall_clock=ScriptedWallClock(readings))
    stamps = [clock.now() for _ in readings]
    assert all(a < b for a, b in itertools.pairwise(stamps))
    assert all(a.encode() < b.encode() for a, b in itertools.pairwise(stamps))


def test_clock_keeps_its_time_when_the_wall_clock_jumps_back_an_hour() -> None:
    readings = [1_800_000_000_000, 1_800_000_000_000 - 3_600_000]
    clock = HybridLogicalClock("devA", wall_clock=ScriptedWallClock(readings))
    first = clock.now()
    second = clock.now()
    assert second.wall_ms == first.wall_ms
    assert second.counter == first.counter + 1


def test_clock_seeded_with_its_last_stamp_does_not_repeat_after_restart() -> None:
    before = HybridLogicalClock("devA", wall_clock=lambda: 2_000).now()
    restarted = HybridLogicalClock("devA", wall_clock=lambda: 1_000, last=before)
    assert restarted.now() > before


@settings(max_examples=200)
@given(
    st.lists(
        st.tuples(st.sampled_from(["send", "local"]), wall_times, wall_times),
        min_size=1,
        max_size=60,
    )
)
def test_a_received_event_orders_after_the_sent_one(
    script: list[tuple[str, int, int]],
) -> None:
    """Whatever the two devices' wall clocks say, cause always sorts before effect."""
    wall_a = [0]
    wall_b = [0]
    a = HybridLogicalClock("devA", wall_clock=lambda: wall_a[0], max_drift_ms=10**15)
    b = HybridLogicalClock("devB", wall_clock=lambda: wall_b[0], max_drift_ms=10**15)
    last_b = b.now()
    for action, time_a, time_b in script:
        wall_a[0], wall_b[0] = time_a, time_b
        sent = a.now()
        if action == "send":
            received = b.observe(sent)
            assert received > sent
            assert received > last_b
        else:
            received = b.now()
            assert received > last_b
        last_b = received


def test_stamps_from_different_devices_at_the_same_instant_are_totally_ordered() -> None:
    a = HybridLogicalClock("devA", wall_clock=lambda: 5_000).now()
    b = HybridLogicalClock("devB", wall_clock=lambda: 5_000).now()
    assert a != b
    assert (a < b) != (b < a)


@given(
    st.builds(
        HlcStamp,
        wall_times,
        st.integers(0, 999_999),
        st.from_regex(r"[a-z0-9]{1,16}", fullmatch=True),
    )
)
def test_encoding_round_trips_and_keeps_order(stamp: HlcStamp) -> None:
    assert HlcStamp.decode(stamp.encode()) == stamp


def test_a_stamp_a_day_ahead_of_this_clock_is_refused() -> None:
    clock = HybridLogicalClock("devA", wall_clock=lambda: 10**12)
    with pytest.raises(ClockDriftError):
        clock.observe(HlcStamp(10**12 + 2 * 24 * 3600 * 1000, 0, "devB"))


def test_device_ids_with_the_separator_are_refused() -> None:
    with pytest.raises(ValueError, match="device"):
        HybridLogicalClock("dev-a")
