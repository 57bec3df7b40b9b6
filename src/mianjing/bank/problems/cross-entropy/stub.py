import torch
from torch import Tensor


def cross_entropy(logits: Tensor, target: Tensor, ignore_index: int = -100,
                  label_smoothing: float = 0.0) -> Tensor:
    """logits: (..., C) float32, target: (...) int64 class ids (or ignore_index).

    Return a 0-dim tensor: the mean, over tokens whose target is not ignore_index, of the
    (label-smoothed) cross-entropy, as F.cross_entropy computes it.
    """
    raise NotImplementedError
