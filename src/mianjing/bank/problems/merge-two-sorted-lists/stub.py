# ListNode is given (do not redefine it):
#
# class ListNode:
#     def __init__(self, val=0, next=None):
#         self.val = val
#         self.next = next


def merge_two_lists(list1: "ListNode | None", list2: "ListNode | None") -> "ListNode | None":
    """Splice the nodes of two ascending lists into one ascending list; return its head."""
    raise NotImplementedError
