"""Floyd's cycle detection, then a second walk to the cycle's entry. ListNode comes from the judge."""


def detect_cycle(head):
    slow = fast = head
    while fast is not None and fast.next is not None:
        slow = slow.next
        fast = fast.next.next
        if slow is fast:
            # With a = head-to-entry length, b = entry-to-meeting, c = cycle length: fast walked
            # twice as far, so 2(a + b) = a + b + k*c, i.e. a = k*c - b. Walking a more steps from
            # the meeting point lands on the entry; so does walking a steps from head.
            walker = head
            while walker is not slow:
                walker = walker.next
                slow = slow.next
            return walker
    return None
