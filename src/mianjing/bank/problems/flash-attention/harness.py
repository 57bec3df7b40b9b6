"""flash-attention harness: the plain function call (tensors in, "out" back), plus one allocator
setting that makes the memory limit measure what the code holds, not how glibc recycles it.

The judge's memory limit bounds the worker's address space. glibc's malloc raises its mmap
threshold each time a large block is freed, after which blocks of a megabyte or so come from the
heap instead; a loop that keeps small results alive between such temporaries (a list of per-chunk
outputs, say) then leaves a hole per iteration, and the heap grows by tens of MB although the code
never holds more than a few MB. Fixing the threshold (mallopt M_MMAP_THRESHOLD) keeps large blocks
on mmap, returned to the system when freed. Without glibc this does nothing."""

import ctypes

from mianjing.judge.harness import tensorize

M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter number
_fixed = []


def _fix_mmap_threshold():
    if _fixed:
        return
    _fixed.append(True)
    try:
        ctypes.CDLL(None).mallopt(M_MMAP_THRESHOLD, 128 * 1024)  # glibc's initial value, now fixed
    except (OSError, AttributeError):
        pass


def run(entry, inputs, dtype, seed):
    _fix_mmap_threshold()
    kwargs = {k: tensorize(v, dtype) for k, v in inputs.items()}
    return {"out": entry(**kwargs)}
