"""Workers inherit a frozen heap: the cyclic collector skips the objects the zygote loaded (torch's
among them), so code that allocates many objects, like the linked-list problems, is not slowed down
by full collections walking them. bench/worker_gc.py measures the effect."""

REPORT_FREEZE = """
import gc

def reverse_list(head):
    print("frozen", gc.get_freeze_count())
    prev = None
    while head is not None:
        head.next, prev, head = prev, head, head.next
    return prev
"""


def test_worker_starts_with_the_zygote_heap_frozen(judge):
    rep = judge.judge("reverse-linked-list", REPORT_FREEZE, seed=1)
    assert rep.verdict == "accepted", rep.message
    printed = next(c.stdout for c in rep.cases if c.name == "example-1")
    frozen = int(printed.split()[1])
    assert frozen > 10_000, printed  # torch alone brings far more than this many objects
