# ListNode is given (do not redefine it):
#
# class ListNode:
#     def __init__(self, val=0, next=None):
#         self.val = val
#         self.next = next


def get_intersection_node(head_a: "ListNode", head_b: "ListNode") -> "ListNode | None":
    """Return the first node the two lists share, or None; leave both lists unchanged."""
    raise NotImplementedError
