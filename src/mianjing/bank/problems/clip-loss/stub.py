import torch
import torch.nn.functional as F
from torch import Tensor


def clip_loss(image_emb: Tensor, text_emb: Tensor, logit_scale: Tensor) -> Tensor:
    """image_emb, text_emb: (N, D), row i of each is a matching pair; logit_scale: 0-dim, the log of
    the logit multiplier. Return CLIP's symmetric InfoNCE loss (0-dim)."""
    raise NotImplementedError
