"""Timing helpers shared by the benchmarks."""

from __future__ import annotations

import time
import timeit


def timings_ms(action, repeat: int) -> list[float]:
    """The wall time of each of ``repeat`` runs of ``action()``, in milliseconds."""
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        timings.append((time.perf_counter() - start) * 1000)
    return timings


def machine_speed() -> str:
    """How fast this machine runs plain Python now (about 9 µs on a current laptop):
    shared machines vary, so compare timings only together with this."""
    micros = min(timeit.repeat("sum(range(1000))", number=2000, repeat=5)) / 2000 * 1e6
    return f"machine: sum(range(1000)) takes {micros:.1f} µs"
