# ListNode is given (do not redefine it):
#
# class ListNode:
#     def __init__(self, val=0, next=None):
#         self.val = val
#         self.next = next


def detect_cycle(head: "ListNode | None") -> "ListNode | None":
    """Return the node where the cycle begins (the first node reached twice), or None; leave the list as it is."""
    raise NotImplementedError
