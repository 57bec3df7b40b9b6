"""Maps query head h to kv head h % H_kv (repeat) instead of h // (H / H_kv) (repeat_interleave)."""
import math

import torch


def paged_attention(q, k_cache, v_cache, block_tables, context_lens, scale=None):
    B, H, d = q.shape
    bs, H_kv = k_cache.shape[1], k_cache.shape[2]
    scale = 1.0 / math.sqrt(d) if scale is None else scale
    out = []
    for b in range(B):
        L = int(context_lens[b])
        n = (L + bs - 1) // bs
        blocks = block_tables[b, :n]
        k = k_cache[blocks].reshape(n * bs, H_kv, d)[:L].repeat(1, H // H_kv, 1)
        v = v_cache[blocks].reshape(n * bs, H_kv, d)[:L].repeat(1, H // H_kv, 1)
        w = torch.softmax(torch.einsum("hd,lhd->hl", q[b], k) * scale, -1)
        out.append(torch.einsum("hl,lhd->hd", w, v))
    return torch.stack(out)
