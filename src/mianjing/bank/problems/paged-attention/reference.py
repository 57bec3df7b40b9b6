"""Decode-time attention over a paged KV cache (Kwon et al., 2023, "Efficient Memory Management for
Large Language Model Serving with PagedAttention"): each sequence's keys and values live in
fixed-size physical blocks, found through the sequence's block table."""

import math

import torch
from torch import Tensor


def paged_attention(q: Tensor, k_cache: Tensor, v_cache: Tensor, block_tables: Tensor,
                    context_lens: Tensor, scale: float | None = None) -> Tensor:
    # q: (B, H, d) one new query per sequence
    # k_cache, v_cache: (num_blocks, block_size, H_kv, d) the shared physical pool
    # block_tables: (B, max_blocks) physical block ids (-1 = unused); context_lens: (B,)
    B, H, d = q.shape
    block_size, H_kv = k_cache.shape[1], k_cache.shape[2]
    group = H // H_kv  # query heads per kv head (GQA); 1 = MHA, H = MQA
    if scale is None:
        scale = 1.0 / math.sqrt(d)
    outs = []
    for b in range(B):
        L = int(context_lens[b])
        n_blocks = (L + block_size - 1) // block_size  # logical blocks in use
        blocks = block_tables[b, :n_blocks]  # (n_blocks,) physical ids, in logical order
        # gather the blocks and drop the unused tail of the last one: token p sits in
        # logical block p // block_size, slot p % block_size
        k = k_cache[blocks].reshape(n_blocks * block_size, H_kv, d)[:L]  # (L, H_kv, d)
        v = v_cache[blocks].reshape(n_blocks * block_size, H_kv, d)[:L]
        k = k.repeat_interleave(group, dim=1)  # (L, H, d): query head h reads kv head h // group
        v = v.repeat_interleave(group, dim=1)
        scores = torch.einsum("hd,lhd->hl", q[b], k) * scale  # (H, L)
        w = torch.softmax(scores, dim=-1)
        outs.append(torch.einsum("hl,lhd->hd", w, v))  # (H, d)
    return torch.stack(outs)  # (B, H, d)
