"""Correct online softmax, but the causal mask hides the diagonal (c >= r instead of c > r)."""
import math

import torch


def flash_attention(q, k, v, causal=False, tile=128):
    Lq, d = q.shape[-2:]
    Lk = k.shape[-2]
    out = []
    for i0 in range(0, Lq, tile):
        qi = q[..., i0:i0 + tile, :] / math.sqrt(d)
        m = torch.full(qi.shape[:-1] + (1,), -1e30)
        l = torch.zeros(qi.shape[:-1] + (1,))
        acc = torch.zeros(qi.shape[:-1] + (v.shape[-1],))
        for j0 in range(0, Lk, tile):
            s = qi @ k[..., j0:j0 + tile, :].transpose(-2, -1)
            if causal:
                r = torch.arange(i0, i0 + qi.shape[-2])[:, None]
                c = torch.arange(j0, j0 + s.shape[-1])[None, :]
                s = s.masked_fill(c >= r, -1e30)
            m_new = torch.maximum(m, s.amax(-1, keepdim=True))
            p = torch.exp(s - m_new)
            a = torch.exp(m - m_new)
            l = a * l + p.sum(-1, keepdim=True)
            acc = a * acc + p @ v[..., j0:j0 + tile, :]
            m = m_new
        out.append(acc / l)
    return torch.cat(out, dim=-2)
