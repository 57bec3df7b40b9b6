# ListNode is given (do not redefine it):
#
# class ListNode:
#     def __init__(self, val=0, next=None):
#         self.val = val
#         self.next = next


def merge_k_lists(lists: "list[ListNode | None]") -> "ListNode | None":
    """Splice the nodes of k ascending lists into one ascending list; return its head."""
    raise NotImplementedError
