"""Online softmax without the correction factor: tiles summed under different maxima."""
import math

import torch


def flash_attention(q, k, v, causal=False, tile=128):
    Lq, d = q.shape[-2:]
    Lk = k.shape[-2]
    out = []
    for i0 in range(0, Lq, tile):
        qi = q[..., i0:i0 + tile, :] / math.sqrt(d)
        m = torch.full(qi.shape[:-1] + (1,), float("-inf"))
        l = torch.zeros(qi.shape[:-1] + (1,))
        acc = torch.zeros(qi.shape[:-1] + (v.shape[-1],))
        for j0 in range(0, Lk, tile):
            s = qi @ k[..., j0:j0 + tile, :].transpose(-2, -1)
            if causal:
                r = torch.arange(i0, i0 + qi.shape[-2])[:, None]
                c = torch.arange(j0, j0 + s.shape[-1])[None, :]
                s = s.masked_fill(c > r, float("-inf"))
            m = torch.maximum(m, s.amax(-1, keepdim=True))
            p = torch.exp(s - m)
            l = l + p.sum(-1, keepdim=True)  # missing: l * exp(m_old - m_new)
            acc = acc + p @ v[..., j0:j0 + tile, :]
        out.append(acc / l)
    return torch.cat(out, dim=-2)
