"""Flattens the pool into slots but forgets to multiply the block id by block_size."""
import math

import torch


def paged_attention(q, k_cache, v_cache, block_tables, context_lens, scale=None):
    B, H, d = q.shape
    nb, bs, H_kv = k_cache.shape[0], k_cache.shape[1], k_cache.shape[2]
    scale = 1.0 / math.sqrt(d) if scale is None else scale
    k_flat = k_cache.reshape(nb * bs, H_kv, d)
    v_flat = v_cache.reshape(nb * bs, H_kv, d)
    out = []
    for b in range(B):
        pos = torch.arange(int(context_lens[b]))
        slots = block_tables[b, pos // bs] + pos % bs  # should be block * bs + offset
        k = k_flat[slots].repeat_interleave(H // H_kv, dim=1)
        v = v_flat[slots].repeat_interleave(H // H_kv, dim=1)
        w = torch.softmax(torch.einsum("hd,lhd->hl", q[b], k) * scale, -1)
        out.append(torch.einsum("hl,lhd->hd", w, v))
    return torch.stack(out)
