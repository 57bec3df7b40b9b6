"""Checks for the tool cards (A03): the claims that can be computed, not the ones about a project's features.

YOLO: the v1 output tensor size and the IoU / non-maximum suppression post-processing the card describes.
Milvus: how the L2, IP and COSINE metrics relate on normalised vectors, which decides the metric choice.
numpy only.
"""

from __future__ import annotations

import numpy as np


def yolo_v1_output_shape() -> None:
    """YOLOv1 on PASCAL VOC: S x S x (B*5 + C) = 7 x 7 x 30 (S=7, B=2 boxes of x,y,w,h,conf, C=20):
    the last fully connected layer's 1470 outputs decode into exactly that many box and class values."""
    S, B, C = 7, 2, 20
    rng = np.random.default_rng(0)
    features = rng.standard_normal((1, 4096))  # YOLOv1's 4096-wide fully connected layer
    fc = rng.standard_normal((4096, 1470)) / 64
    out = (features @ fc).reshape(S, S, -1)  # the paper reshapes the prediction into the S x S grid
    boxes = out[..., : B * 5].reshape(S, S, B, 5)  # x, y, w, h, confidence per box
    classes = out[..., B * 5:]  # one class distribution per cell, shared by its B boxes
    assert out.shape[-1] == 30 and classes.shape[-1] == C
    assert boxes.size + classes.size == out.size == fc.shape[1]  # every output is used exactly once
    assert np.shares_memory(boxes, out) and np.array_equal(boxes[3, 4, 1], out[3, 4, 5:10])


def _iou(a: np.ndarray, b: np.ndarray) -> float:
    """Boxes as (x1, y1, x2, y2)."""
    ix1, iy1 = max(a[0], b[0]), max(a[1], b[1])
    ix2, iy2 = min(a[2], b[2]), min(a[3], b[3])
    inter = max(0.0, ix2 - ix1) * max(0.0, iy2 - iy1)
    area = lambda r: (r[2] - r[0]) * (r[3] - r[1])
    return inter / (area(a) + area(b) - inter)


def _nms(boxes: np.ndarray, scores: np.ndarray, thr: float) -> list[int]:
    order = list(np.argsort(-scores))
    keep: list[int] = []
    while order:
        i = order.pop(0)
        keep.append(int(i))
        order = [j for j in order if _iou(boxes[i], boxes[j]) <= thr]
    return keep


def yolo_iou_nms() -> None:
    """IoU of two offset unit squares is 1/7 (overlap 0.25 / union 1.75); NMS keeps one box per object."""
    a = np.array([0.0, 0.0, 1.0, 1.0])
    b = np.array([0.5, 0.5, 1.5, 1.5])
    assert abs(_iou(a, b) - 0.25 / 1.75) < 1e-12
    assert _iou(a, a) == 1.0
    boxes = np.array([
        [10, 10, 50, 50], [12, 11, 52, 49], [11, 9, 49, 51],   # three detections of one object
        [100, 100, 140, 150],                                  # a second object
    ], dtype=float)
    scores = np.array([0.90, 0.80, 0.85, 0.70])
    keep = _nms(boxes, scores, thr=0.5)
    assert keep == [0, 3], keep
    # with a threshold so high that nothing counts as a duplicate, every box survives
    assert sorted(_nms(boxes, scores, thr=0.99)) == [0, 1, 2, 3]


def milvus_metrics_on_normalized() -> None:
    """On unit vectors: COSINE == IP, and ||a-b||^2 = 2 - 2 a.b, so L2, IP and COSINE rank neighbours identically."""
    rng = np.random.default_rng(0)
    base = rng.standard_normal((500, 64))
    q = rng.standard_normal(64)
    # unnormalised: IP and L2 can disagree on the nearest neighbour
    base_scaled = base * rng.uniform(0.1, 10.0, size=(500, 1))
    ip_raw = base_scaled @ q
    l2_raw = ((base_scaled - q) ** 2).sum(1)
    assert np.argmax(ip_raw) != np.argmin(l2_raw)
    # normalised: all three agree on the full ranking
    bn = base / np.linalg.norm(base, axis=1, keepdims=True)
    qn = q / np.linalg.norm(q)
    ip = bn @ qn
    cos = (base @ q) / (np.linalg.norm(base, axis=1) * np.linalg.norm(q))
    l2 = ((bn - qn) ** 2).sum(1)
    assert np.allclose(ip, cos)
    assert np.allclose(l2, 2 - 2 * ip)
    assert (np.argsort(-ip) == np.argsort(l2)).all()
