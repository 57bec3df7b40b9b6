# ListNode is given (do not redefine it):
#
# class ListNode:
#     def __init__(self, val=0, next=None):
#         self.val = val
#         self.next = next


def reverse_k_group(head: "ListNode", k: int) -> "ListNode":
    """Reverse the nodes of every full group of k consecutive nodes; a shorter last group stays as is."""
    raise NotImplementedError
