"""The CPU time a worker has used, read from the kernel by the controller.

Time limits are decided on CPU time, not on the wall clock around a round trip: on a loaded 2-core
machine a correct solution can wait longer for a CPU than it computes. The number comes from the
kernel (the worker's process CPU clock, all its threads together), never from the worker itself.
"""

from __future__ import annotations

import os
import time


def _process_clock(pid: int) -> int:
    # clock_getcpuclockid(pid): the process-wide CPU clock of another process, in nanoseconds
    return ((~pid) << 3) | 2


def cpu_seconds(pid: int) -> float:
    """CPU seconds (user + system, every thread) used by `pid`; OSError if it is gone."""
    try:
        return time.clock_gettime(_process_clock(pid))
    except OSError:
        pass
    # no per-process clocks here: /proc/<pid>/stat in clock ticks (coarser, 10 ms on Linux)
    with open(f"/proc/{pid}/stat", "rb") as f:
        fields = f.read().rsplit(b")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
