"""Maps each value to its copy and finds a random target's copy by the target's value: with
repeated values, the last copy holding that value wins, which is often the wrong node."""


def copy_random_list(head):
    copy_of_value = {}
    dummy = Node(0)  # noqa: F821
    tail, node = dummy, head
    while node is not None:
        tail.next = Node(node.val)  # noqa: F821
        tail = tail.next
        copy_of_value[node.val] = tail
        node = node.next
    node, copy = head, dummy.next
    while node is not None:
        if node.random is not None:
            copy.random = copy_of_value[node.random.val]
        node, copy = node.next, copy.next
    return dummy.next
