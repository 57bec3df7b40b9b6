"""Building linked-list nodes in a process that has torch loaded, with and without gc.freeze().

The judge's zygote imports torch before forking workers; without gc.freeze() every full collection
in a worker walks torch's objects. Prints one table; never fails on a timing.

    .venv/bin/python bench/worker_gc.py
"""

from __future__ import annotations

import subprocess
import sys

CHILD = r"""
import gc, sys, time
if sys.argv[1] != "plain":
    import torch  # noqa: F401
if sys.argv[1] == "torch+freeze":
    gc.freeze()

class ListNode:
    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next

best = float("inf")
for _ in range(5):
    t = time.perf_counter()
    nodes = [ListNode(i) for i in range(100_000)]
    for a, b in zip(nodes, nodes[1:]):
        a.next = b
    best = min(best, time.perf_counter() - t)
    del nodes
print(f"{best * 1000:.1f} {len(gc.get_objects())} {gc.get_freeze_count()}")
"""


def main() -> None:
    print("| process | build 10^5 nodes (best of 5) | objects tracked by the collector | frozen |")
    print("|---|---|---|---|")
    for mode in ("plain", "torch", "torch+freeze"):
        out = subprocess.run([sys.executable, "-c", CHILD, mode], capture_output=True, text=True, check=True)
        ms, tracked, frozen = out.stdout.split()
        print(f"| {mode} | {ms} ms | {tracked} | {frozen} |")


if __name__ == "__main__":
    main()
