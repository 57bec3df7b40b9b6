"""Attends to every slot of the sequence's blocks, including the unused tail of the last block."""
import math

import torch


def paged_attention(q, k_cache, v_cache, block_tables, context_lens, scale=None):
    B, H, d = q.shape
    bs, H_kv = k_cache.shape[1], k_cache.shape[2]
    scale = 1.0 / math.sqrt(d) if scale is None else scale
    out = []
    for b in range(B):
        n = (int(context_lens[b]) + bs - 1) // bs
        blocks = block_tables[b, :n]
        k = k_cache[blocks].reshape(n * bs, H_kv, d).repeat_interleave(H // H_kv, dim=1)
        v = v_cache[blocks].reshape(n * bs, H_kv, d).repeat_interleave(H // H_kv, dim=1)
        w = torch.softmax(torch.einsum("hd,lhd->hl", q[b], k) * scale, -1)
        out.append(torch.einsum("hl,lhd->hd", w, v))
    return torch.stack(out)
