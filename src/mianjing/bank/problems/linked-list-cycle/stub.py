# ListNode is given (do not redefine it):
#
# class ListNode:
#     def __init__(self, val=0, next=None):
#         self.val = val
#         self.next = next


def has_cycle(head: "ListNode | None") -> bool:
    """True if following next from head ever returns to a node already visited; leave the list as it is."""
    raise NotImplementedError
