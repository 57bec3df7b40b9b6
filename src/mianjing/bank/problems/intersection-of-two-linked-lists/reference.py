"""Two pointers that each walk both lists. ListNode comes from the judge."""


def get_intersection_node(head_a, head_b):
    # pa walks A then B, pb walks B then A: both cover a + b + shared nodes, so after the switch they
    # are the same distance from the end and meet at the first shared node, or at None together when
    # the lists do not meet (the None step is what lets them stop).
    pa, pb = head_a, head_b
    while pa is not pb:
        pa = pa.next if pa is not None else head_b
        pb = pb.next if pb is not None else head_a
    return pa
