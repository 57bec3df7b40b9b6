# ListNode is given (do not redefine it):
#
# class ListNode:
#     def __init__(self, val=0, next=None):
#         self.val = val
#         self.next = next


def add_two_numbers(l1: "ListNode", l2: "ListNode") -> "ListNode":
    """l1 and l2 hold two numbers' digits, ones digit first; return their sum in the same form."""
    raise NotImplementedError
