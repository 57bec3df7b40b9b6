"""CLIP's training loss (Radford et al., 2021, Figure 3): a symmetric cross-entropy over the cosine
similarities of a batch of N matching (image, text) pairs. The N - 1 other items in the batch are
the negatives; the temperature is learned as a log-scale so that it stays positive."""

import torch
import torch.nn.functional as F
from torch import Tensor


def clip_loss(image_emb: Tensor, text_emb: Tensor, logit_scale: Tensor) -> Tensor:
    # image_emb, text_emb: (N, D); logit_scale: () learnable, scale = exp(logit_scale) = 1 / temperature
    img = image_emb / image_emb.norm(dim=-1, keepdim=True)    # (N, D) unit rows
    txt = text_emb / text_emb.norm(dim=-1, keepdim=True)      # (N, D)
    logits = logit_scale.exp() * img @ txt.T                  # (N, N) logits[i, j] = scale * cos(img_i, txt_j)
    labels = torch.arange(logits.shape[0])                    # pair i matches i: the diagonal
    loss_i2t = F.cross_entropy(logits, labels)                # each image picks its text among N
    loss_t2i = F.cross_entropy(logits.T, labels)              # each text picks its image among N
    return (loss_i2t + loss_t2i) / 2
