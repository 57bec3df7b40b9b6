"""One Q-Former block (Li et al., 2023, "BLIP-2", section 3.1): a BERT-style post-LN layer whose input
is a set of learned query embeddings. The queries attend to each other (self-attention), then to the
frozen image encoder's features (cross-attention, present in every other block of BLIP-2), then go
through a feed-forward network. Each sublayer: x = LayerNorm(x + sublayer(x))."""

import math

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import Tensor


class Attention(nn.Module):
    """Multi-head attention with biases; keys and values may come from another sequence."""

    def __init__(self, d_model: int, n_heads: int, d_kv: int):
        super().__init__()
        self.h = n_heads
        self.q_proj = nn.Linear(d_model, d_model)
        self.k_proj = nn.Linear(d_kv, d_model)  # d_kv = d_image for cross-attention
        self.v_proj = nn.Linear(d_kv, d_model)
        self.o_proj = nn.Linear(d_model, d_model)

    def forward(self, x: Tensor, kv: Tensor) -> Tensor:
        # x: (B, Lq, D) queries; kv: (B, Lk, d_kv) what they attend to
        B, Lq, D = x.shape
        Lk, hd = kv.shape[1], D // self.h
        q = self.q_proj(x).view(B, Lq, self.h, hd).transpose(1, 2)  # (B, H, Lq, hd)
        k = self.k_proj(kv).view(B, Lk, self.h, hd).transpose(1, 2)  # (B, H, Lk, hd)
        v = self.v_proj(kv).view(B, Lk, self.h, hd).transpose(1, 2)
        w = torch.softmax(q @ k.transpose(-2, -1) / math.sqrt(hd), dim=-1)  # (B, H, Lq, Lk), no mask
        y = (w @ v).transpose(1, 2).reshape(B, Lq, D)
        return self.o_proj(y)


class FeedForward(nn.Module):
    def __init__(self, d_model: int, d_ffn: int):
        super().__init__()
        self.fc1 = nn.Linear(d_model, d_ffn)
        self.fc2 = nn.Linear(d_ffn, d_model)

    def forward(self, x: Tensor) -> Tensor:
        return self.fc2(F.gelu(self.fc1(x)))  # exact (erf) GELU, as in BERT


class QFormerBlock(nn.Module):
    def __init__(self, d_model: int, n_heads: int, n_queries: int, d_image: int, d_ffn: int,
                 eps: float = 1e-12):
        super().__init__()
        self.queries = nn.Parameter(torch.zeros(n_queries, d_model))  # the learned query tokens
        self.self_attn = Attention(d_model, n_heads, d_model)
        self.norm1 = nn.LayerNorm(d_model, eps=eps)
        self.cross_attn = Attention(d_model, n_heads, d_image)
        self.norm2 = nn.LayerNorm(d_model, eps=eps)
        self.ffn = FeedForward(d_model, d_ffn)
        self.norm3 = nn.LayerNorm(d_model, eps=eps)

    def forward(self, image_feats: Tensor) -> Tensor:
        # image_feats: (B, N_img, d_image) from the frozen image encoder
        B = image_feats.shape[0]
        h = self.queries.unsqueeze(0).expand(B, -1, -1)  # (B, Nq, D)
        h = self.norm1(h + self.self_attn(h, h))  # queries talk to each other (bidirectional)
        h = self.norm2(h + self.cross_attn(h, image_feats))  # queries read the image
        h = self.norm3(h + self.ffn(h))
        return h  # (B, Nq, D): a fixed number of visual tokens, whatever N_img is
