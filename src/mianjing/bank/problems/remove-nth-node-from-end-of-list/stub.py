# ListNode is given (do not redefine it):
#
# class ListNode:
#     def __init__(self, val=0, next=None):
#         self.val = val
#         self.next = next


def remove_nth_from_end(head: "ListNode", n: int) -> "ListNode | None":
    """Unlink the n-th node counted from the end (n = 1 is the last node); return the head."""
    raise NotImplementedError
