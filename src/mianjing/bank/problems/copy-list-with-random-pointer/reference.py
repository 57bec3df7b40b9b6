"""Interleave each copy right after its original, set the copies' random links, then unzip the two
lists. O(1) extra memory. Node comes from the judge."""


def copy_random_list(head):
    if head is None:
        return None
    # 1. A -> B -> C  becomes  A -> A' -> B -> B' -> C -> C'
    node = head
    while node is not None:
        node.next = Node(node.val, node.next)  # noqa: F821 - given by the judge
        node = node.next.next
    # 2. the copy of X.random sits right after X.random
    node = head
    while node is not None:
        if node.random is not None:
            node.next.random = node.random.next
        node = node.next.next
    # 3. unzip: restore the original links and chain the copies together
    copy_head = head.next
    node = head
    while node is not None:
        copy = node.next
        node.next = copy.next
        copy.next = copy.next.next if copy.next is not None else None
        node = node.next
    return copy_head
