"""Floyd's cycle detection on the functional graph i -> nums[i]. Values are in 1..n and there are
n + 1 indices, so following the arrows from index 0 (which no arrow enters) must enter a cycle, and
the entrance of that cycle is a node with two arrows into it: the duplicated value. The input is
only read; O(1) extra space."""


def find_duplicate(nums: list[int]) -> int:
    # phase 1: the tortoise moves one arrow, the hare two, until they meet inside the cycle
    slow = fast = 0
    while True:
        slow = nums[slow]
        fast = nums[nums[fast]]
        if slow == fast:
            break
    # phase 2: from the start and from the meeting point, one arrow at a time: they meet at the
    # cycle's entrance (distance start->entrance equals meeting point->entrance modulo the cycle)
    entry = 0
    while entry != slow:
        entry = nums[entry]
        slow = nums[slow]
    return entry
