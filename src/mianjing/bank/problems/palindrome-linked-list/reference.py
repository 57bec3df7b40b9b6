"""Reverse the second half in place, compare, and reverse it back. ListNode comes from the judge."""


def _reverse(head):
    prev = None
    while head is not None:
        rest = head.next
        head.next = prev
        prev = head
        head = rest
    return prev


def is_palindrome(head):
    # slow stops at the end of the first half: the middle node for odd n, the left middle for even n
    slow = fast = head
    while fast.next is not None and fast.next.next is not None:
        slow = slow.next
        fast = fast.next.next
    second = _reverse(slow.next)  # the second half, read from the tail inwards
    p, q, same = head, second, True
    while q is not None:  # the second half is never longer than the first
        if p.val != q.val:
            same = False
            break
        p, q = p.next, q.next
    slow.next = _reverse(second)  # put the caller's list back as it was
    return same
