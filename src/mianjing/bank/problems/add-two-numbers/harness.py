"""add-two-numbers harness: builds l1 and l2 from their digits (ones digit first) and reads the
returned list's digits back ("out"), bounded so a cycle is reported instead of followed."""

from mianjing.judge.structures import build_list, install, read_list


def setup(namespace):
    install(namespace)


def run(entry, inputs, dtype, seed):
    l1, l2 = build_list(inputs["l1"]), build_list(inputs["l2"])
    head = entry(l1[0], l2[0])
    return {"out": read_list(head, len(l1) + len(l2) + 1)}  # the sum has at most max(m, n) + 1 digits
