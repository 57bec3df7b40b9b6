# ListNode is given (do not redefine it):
#
# class ListNode:
#     def __init__(self, val=0, next=None):
#         self.val = val
#         self.next = next


def sort_list(head: "ListNode | None") -> "ListNode | None":
    """Sort the list in ascending order by relinking its nodes; return the new head."""
    raise NotImplementedError
