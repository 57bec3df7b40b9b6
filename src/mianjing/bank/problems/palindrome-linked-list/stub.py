# ListNode is given (do not redefine it):
#
# class ListNode:
#     def __init__(self, val=0, next=None):
#         self.val = val
#         self.next = next


def is_palindrome(head: "ListNode") -> bool:
    """True if the values read the same from both ends; the list must be as before when you return."""
    raise NotImplementedError
