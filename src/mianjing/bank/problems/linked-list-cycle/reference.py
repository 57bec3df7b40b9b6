"""Floyd's tortoise and hare. ListNode comes from the judge."""


def has_cycle(head):
    # fast moves two nodes per step, slow one: on a cycle fast gains one node per step and must land
    # on slow; without a cycle fast reaches the end first.
    slow = fast = head
    while fast is not None and fast.next is not None:
        slow = slow.next
        fast = fast.next.next
        if slow is fast:
            return True
    return False
