"""Runnable checks for the attention / architecture cards.

Every function takes no arguments, returns nothing and raises AssertionError when the claim it
names is false. torch is imported inside each function so that importing this module is cheap.
"""

from __future__ import annotations

import math


def _reference_mha(x, wq, wk, wv, wo, n_heads, mask=None):
    """Multi-head attention written straight from Vaswani et al. (2017) §3.2.2."""
    import torch

    b, n, d = x.shape
    dh = d // n_heads
    q = (x @ wq.T).view(b, n, n_heads, dh).transpose(1, 2)
    k = (x @ wk.T).view(b, n, n_heads, dh).transpose(1, 2)
    v = (x @ wv.T).view(b, n, n_heads, dh).transpose(1, 2)
    scores = q @ k.transpose(-1, -2) / math.sqrt(dh)
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf"))
    out = torch.softmax(scores, dim=-1) @ v
    return out.transpose(1, 2).reshape(b, n, d) @ wo.T


def mha_matches_torch() -> None:
    """MHA(Q,K,V) = Concat(head_1..head_h) W^O with head_i = softmax(QW_i^Q (KW_i^K)^T / sqrt(d_k)) VW_i^V.

    The formula, coded by hand, must equal torch.nn.MultiheadAttention given the same weights.
    """
    import torch

    torch.manual_seed(0)
    d, h, n = 32, 4, 7
    mha = torch.nn.MultiheadAttention(d, h, bias=False, batch_first=True, dtype=torch.float64)
    x = torch.randn(2, n, d, dtype=torch.float64)
    wq, wk, wv = mha.in_proj_weight.detach().chunk(3, dim=0)
    wo = mha.out_proj.weight.detach()
    causal = torch.ones(n, n, dtype=torch.bool).tril()
    ours = _reference_mha(x, wq, wk, wv, wo, h, mask=causal)
    theirs, _ = mha(x, x, x, attn_mask=~causal, need_weights=False)
    assert torch.allclose(ours, theirs, atol=1e-10), (ours - theirs).abs().max()


def scaling_keeps_unit_variance() -> None:
    """Vaswani et al. footnote 4: with unit-variance components, q·k has variance d_k; dividing by
    sqrt(d_k) brings it back to 1, and unscaled logits push softmax towards a one-hot."""
    import torch

    g = torch.Generator().manual_seed(0)
    for dk in (64, 128):
        q = torch.randn(8000, dk, generator=g, dtype=torch.float64)
        k = torch.randn(8000, dk, generator=g, dtype=torch.float64)
        dots = (q * k).sum(-1)
        assert abs(dots.var().item() / dk - 1) < 0.08, dots.var()
        assert abs((dots / math.sqrt(dk)).var().item() - 1) < 0.08
    # softmax over 64 keys: unscaled logits give a far peakier distribution
    q = torch.randn(500, 1, 128, generator=g, dtype=torch.float64)
    k = torch.randn(500, 64, 128, generator=g, dtype=torch.float64)
    logits = (q * k).sum(-1)
    peak_raw = torch.softmax(logits, -1).max(-1).values.mean().item()
    peak_scaled = torch.softmax(logits / math.sqrt(128), -1).max(-1).values.mean().item()
    assert peak_raw > 0.6 and peak_scaled < 0.2, (peak_raw, peak_scaled)


def mha_params_independent_of_heads() -> None:
    """An MHA layer has 4·d² weights (+4d biases) whatever the number of heads, since d_k = d/h."""
    import torch

    d = 64
    counts = set()
    for h in (1, 2, 8, 16):
        m = torch.nn.MultiheadAttention(d, h, bias=True, device="meta")
        counts.add(sum(p.numel() for p in m.parameters()))
    assert counts == {4 * d * d + 4 * d}, counts


def attention_cost_quadratic() -> None:
    """Scores QK^T and the weighted sum AV each cost 2·n²·d FLOPs: doubling n quadruples them."""
    import torch
    from torch.utils.flop_counter import FlopCounterMode

    d = 64

    def flops(n):
        q, k, v = (torch.randn(1, n, d) for _ in range(3))
        with FlopCounterMode(display=False) as fc:
            a = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(d), -1)
            _ = a @ v
        return fc.get_total_flops()

    f1, f2 = flops(128), flops(256)
    assert f1 == 2 * (2 * 128 * 128 * d), f1
    assert f2 == 4 * f1


def _repeat_kv(x, n_rep: int):
    """(batch, n_kv, seq, dh) -> (batch, n_kv*n_rep, seq, dh); query head i reads KV head i // n_rep."""
    b, n_kv, s, dh = x.shape
    if n_rep == 1:
        return x
    return x[:, :, None].expand(b, n_kv, n_rep, s, dh).reshape(b, n_kv * n_rep, s, dh)


def _gqa(x, wq, wk, wv, wo, n_heads, n_kv, causal=True):
    import torch

    b, n, d = x.shape
    dh = d // n_heads
    q = (x @ wq.T).view(b, n, n_heads, dh).transpose(1, 2)
    k = (x @ wk.T).view(b, n, n_kv, dh).transpose(1, 2)
    v = (x @ wv.T).view(b, n, n_kv, dh).transpose(1, 2)
    k, v = _repeat_kv(k, n_heads // n_kv), _repeat_kv(v, n_heads // n_kv)
    scores = q @ k.transpose(-1, -2) / math.sqrt(dh)
    if causal:
        scores = scores.masked_fill(~torch.ones(n, n, dtype=torch.bool).tril(), float("-inf"))
    out = torch.softmax(scores, -1) @ v
    return out.transpose(1, 2).reshape(b, n, d) @ wo.T


def gqa_special_cases() -> None:
    """GQA with n_kv = n_heads is exactly MHA; with n_kv = 1 it is MQA (one K and one V for all heads)."""
    import torch

    torch.manual_seed(1)
    d, h, n = 48, 6, 5
    dh = d // h
    x = torch.randn(2, n, d, dtype=torch.float64)
    wq, wk, wv, wo = (torch.randn(d, d, dtype=torch.float64) / math.sqrt(d) for _ in range(4))
    causal = torch.ones(n, n, dtype=torch.bool).tril()
    assert torch.allclose(_gqa(x, wq, wk, wv, wo, h, h), _reference_mha(x, wq, wk, wv, wo, h, causal))
    # MQA: a single shared head of K and V is the same as MHA whose K/V heads are all copies of it
    wk1, wv1 = wk[:dh], wv[:dh]
    mqa = _gqa(x, wq, wk1, wv1, wo, h, 1)
    mha_tied = _reference_mha(x, wq, wk1.repeat(h, 1), wv1.repeat(h, 1), wo, h, causal)
    assert torch.allclose(mqa, mha_tied)
    # and it is not MHA with untied heads
    assert not torch.allclose(mqa, _reference_mha(x, wq, wk, wv, wo, h, causal))


def repeat_kv_matches_sdpa_gqa() -> None:
    """The repeat_kv implementation (query head i uses KV head i // (h/g)) equals PyTorch's own
    scaled_dot_product_attention(..., enable_gqa=True)."""
    import torch
    import torch.nn.functional as F

    torch.manual_seed(2)
    b, h, g, n, dh = 2, 8, 2, 6, 16
    q = torch.randn(b, h, n, dh, dtype=torch.float64)
    k = torch.randn(b, g, n, dh, dtype=torch.float64)
    v = torch.randn(b, g, n, dh, dtype=torch.float64)
    ours = F.scaled_dot_product_attention(q, _repeat_kv(k, h // g), _repeat_kv(v, h // g), is_causal=True)
    ref = F.scaled_dot_product_attention(q, k, v, is_causal=True, enable_gqa=True)
    assert torch.allclose(ours, ref, atol=1e-12)
    kr = _repeat_kv(k, h // g)
    for i in range(h):
        assert torch.equal(kr[:, i], k[:, i // (h // g)])
    # repeat_interleave is the same layout; plain .repeat (tile) is not
    assert torch.equal(kr, k.repeat_interleave(h // g, dim=1))
    assert not torch.equal(kr, k.repeat(1, h // g, 1, 1))


def gqa_projection_sizes() -> None:
    """Llama 3 8B (d=4096, 32 query heads, 8 KV heads, head dim 128): W_K and W_V are 4096×1024,
    a quarter of MHA's 4096×4096, and the KV cache per token shrinks by the same factor 4."""
    import torch

    d, h, g, dh = 4096, 32, 8, 128
    wk_gqa = torch.nn.Linear(d, g * dh, bias=False, device="meta")
    wk_mha = torch.nn.Linear(d, h * dh, bias=False, device="meta")
    assert tuple(wk_gqa.weight.shape) == (1024, 4096)
    assert wk_mha.weight.numel() == 4 * wk_gqa.weight.numel()
    x = torch.empty(1, 10, d, device="meta")
    k_gqa, k_mha = wk_gqa(x), wk_mha(x)
    assert k_mha.numel() // k_gqa.numel() == h // g == 4


def mla_cache_elements() -> None:
    """DeepSeek-V2 Table 1 with d_h=128, n_h=128, d_c=4·d_h=512, d_h^R=d_h/2=64: MLA caches
    d_c + d_h^R = 576 = 4.5·d_h elements per token per layer, vs 2·n_h·d_h = 32768 for MHA
    (1.76%), the same as GQA with 2.25 groups."""
    import torch

    nh, dh = 128, 128
    dc, dr = 4 * dh, dh // 2
    g = torch.Generator().manual_seed(0)
    hidden, tokens = 32, 3
    x = torch.randn(tokens, hidden, generator=g, dtype=torch.float64)
    w_dkv = torch.randn(hidden, dc, generator=g, dtype=torch.float64)  # down-projection to the latent
    w_kr = torch.randn(hidden, dr, generator=g, dtype=torch.float64)  # decoupled RoPE key, shared by heads
    w_uk = torch.randn(nh, dc, dh, generator=g, dtype=torch.float64) / dc**0.5  # per-head up-projections
    w_uv = torch.randn(nh, dc, dh, generator=g, dtype=torch.float64) / dc**0.5
    cache = (x @ w_dkv, x @ w_kr)  # what MLA stores for these tokens
    k = torch.einsum("tc,hcd->htd", cache[0], w_uk)  # the per-head K and V an MHA cache would hold
    v = torch.einsum("tc,hcd->htd", cache[0], w_uv)
    q = torch.randn(nh, dh, generator=g, dtype=torch.float64)
    full = torch.einsum("ht,htd->hd", torch.softmax(torch.einsum("hd,htd->ht", q, k), -1), v)
    q_lat = torch.einsum("hd,hcd->hc", q, w_uk)  # absorb W^{UK} into the query
    p = torch.softmax(q_lat @ cache[0].T, -1)
    from_cache = torch.einsum("hc,hcd->hd", p @ cache[0], w_uv)
    assert torch.allclose(full, from_cache)  # the latent cache loses nothing the attention needs
    mla = sum(t.numel() for t in cache) // tokens
    mha = (k.numel() + v.numel()) // tokens
    assert mla == 576 and mla == 4.5 * dh
    assert mha == 32768
    assert abs(mla / mha - 0.0176) < 1e-4
    assert mla / (2 * dh) == 2.25


def _swa_mask(n, w):
    import torch

    i = torch.arange(n)[:, None]
    j = torch.arange(n)[None, :]
    return (j <= i) & (j > i - w)  # a window of w tokens, the current one included


def sliding_window_receptive_field() -> None:
    """Mistral 7B §2: stacking k sliding-window layers lets information travel about k·W tokens;
    with a window of W tokens (current one included) the exact reach is k·(W-1)."""
    import torch

    n, w = 64, 5
    m = _swa_mask(n, w).to(torch.int64)
    reach = m.clone()
    dist = torch.arange(n)[:, None] - torch.arange(n)[None, :]
    for k in range(1, 6):
        if k > 1:
            reach = ((reach @ m) > 0).to(torch.int64)
        assert dist[reach.bool()].max().item() == k * (w - 1), k


def sliding_window_rolling_buffer() -> None:
    """Mistral 7B §2 rolling buffer: with a window of W tokens, a cache of W slots written at
    i mod W gives exactly the decode outputs of full attention under the sliding-window mask,
    and its size does not grow with the sequence (so n tokens need n/W times less cache)."""
    import torch

    torch.manual_seed(4)
    n, w, dh = 20, 5, 8
    q, k, v = (torch.randn(n, dh, dtype=torch.float64) for _ in range(3))
    s = q @ k.T / math.sqrt(dh)
    full = torch.softmax(s.masked_fill(~_swa_mask(n, w), -math.inf), -1) @ v
    kbuf = torch.zeros(w, dh, dtype=torch.float64)
    vbuf = torch.zeros(w, dh, dtype=torch.float64)
    for i in range(n):
        kbuf[i % w], vbuf[i % w] = k[i], v[i]
        filled = min(i + 1, w)
        # slot order differs from time order; attention does not care (softmax over a set)
        att = torch.softmax(kbuf[:filled] @ q[i] / math.sqrt(dh), -1)
        assert torch.allclose(att @ vbuf[:filled], full[i], atol=1e-12), i
    assert kbuf.shape[0] == w and n > w  # the cache holds W slots however long the sequence grows


def last_token_pooling() -> None:
    """With a causal mask only the last real token's hidden state depends on every input token,
    which is why a decoder LM's classification/reward head reads that position; with right padding
    that is position (lengths - 1), with left padding it is the final position."""
    import torch

    torch.manual_seed(5)
    n, d = 6, 16
    layer = torch.nn.TransformerEncoderLayer(d, 2, 32, dropout=0.0, batch_first=True, dtype=torch.float64)
    layer.eval()
    mask = torch.nn.Transformer.generate_square_subsequent_mask(n, dtype=torch.float64)
    x = torch.randn(1, n, d, dtype=torch.float64)
    y = layer(x, src_mask=mask, is_causal=True)
    x2 = x.clone()
    x2[0, 0] += 1.0  # perturb the first token
    y2 = layer(x2, src_mask=mask, is_causal=True)
    changed = (y - y2).abs().amax(-1)[0] > 1e-9
    assert changed.all()  # every position sees token 0 ...
    x3 = x.clone()
    x3[0, n - 1] += 1.0  # ... but only the last position sees the last token
    y3 = layer(x3, src_mask=mask, is_causal=True)
    changed = (y - y3).abs().amax(-1)[0] > 1e-9
    assert changed.tolist() == [False] * (n - 1) + [True]
    # index of the last real token under right and left padding (pad id 0)
    pad = 0
    right = torch.tensor([[5, 7, 9, 0, 0], [3, 4, 6, 8, 2]])
    left = torch.tensor([[0, 0, 5, 7, 9], [3, 4, 6, 8, 2]])
    lengths = (right != pad).sum(-1)
    assert (lengths - 1).tolist() == [2, 4]
    assert right[torch.arange(2), lengths - 1].tolist() == [9, 2]
    assert left[:, -1].tolist() == [9, 2]
    assert right[:, -1].tolist() == [0, 2]  # naive "take the last position" reads a pad token


def bradley_terry_reward_loss() -> None:
    """InstructGPT §3.5 reward loss -log σ(r_w - r_l) is the cross-entropy of a 2-way softmax over
    (r_w, r_l) with the chosen one as the label, is unchanged by adding a constant to both rewards,
    and has gradient -(1-σ(r_w-r_l)) on r_w."""
    import torch
    import torch.nn.functional as F

    torch.manual_seed(6)
    rw = torch.randn(50, dtype=torch.float64, requires_grad=True)
    rl = torch.randn(50, dtype=torch.float64)
    bt = -F.logsigmoid(rw - rl)
    ce = F.cross_entropy(torch.stack([rw, rl], 1), torch.zeros(50, dtype=torch.long), reduction="none")
    assert torch.allclose(bt, ce)
    assert torch.allclose(bt, -F.logsigmoid((rw + 3.7) - (rl + 3.7)))
    bt.sum().backward()
    assert torch.allclose(rw.grad, -(1 - torch.sigmoid(rw - rl)).detach())


def bool_mask_conventions() -> None:
    """PyTorch has two opposite boolean-mask conventions: in F.scaled_dot_product_attention True
    means "may attend", in nn.MultiheadAttention True means "masked out". A fully masked row
    filled with -inf gives NaN; filled with the dtype's most negative finite value it does not."""
    import torch
    import torch.nn.functional as F

    torch.manual_seed(7)
    n, d = 5, 8
    q, k, v = (torch.randn(1, 1, n, d, dtype=torch.float64) for _ in range(3))
    allowed = torch.ones(n, n, dtype=torch.bool).tril()
    causal = F.scaled_dot_product_attention(q, k, v, is_causal=True)
    assert torch.allclose(F.scaled_dot_product_attention(q, k, v, attn_mask=allowed), causal)
    mha = torch.nn.MultiheadAttention(d, 1, batch_first=True, dtype=torch.float64)
    x = torch.randn(1, n, d, dtype=torch.float64)
    out_right, _ = mha(x, x, x, attn_mask=~allowed)  # True = blocked
    wq, wk, wv = mha.in_proj_weight.detach().chunk(3)
    bq, bk, bv = mha.in_proj_bias.detach().chunk(3)
    qq, kk, vv = x @ wq.T + bq, x @ wk.T + bk, x @ wv.T + bv
    s = (qq @ kk.transpose(-1, -2) / math.sqrt(d)).masked_fill(~allowed, -math.inf)
    ref = torch.softmax(s, -1) @ vv @ mha.out_proj.weight.detach().T + mha.out_proj.bias.detach()
    assert torch.allclose(out_right, ref, atol=1e-10)
    out_wrong, _ = mha(x, x, x, attn_mask=allowed)  # passing the SDPA convention to MHA
    assert not torch.allclose(out_wrong, ref)
    # with a KV cache the n_q new queries are the last rows: tril(n_k - n_q) reproduces them
    n_q = 2
    offset = torch.ones(n_q, n, dtype=torch.bool).tril(n - n_q)
    last = F.scaled_dot_product_attention(q[:, :, -n_q:], k, v, attn_mask=offset)
    assert torch.allclose(last, causal[:, :, -n_q:])
    # a query with every key masked
    row = torch.tensor([1.0, 2.0, 3.0])
    all_masked = torch.ones(3, dtype=torch.bool)
    assert torch.isnan(torch.softmax(row.masked_fill(all_masked, -math.inf), 0)).all()
    safe = torch.softmax(row.masked_fill(all_masked, torch.finfo(row.dtype).min), 0)
    assert torch.isfinite(safe).all()


def left_padding_generation() -> None:
    """Batched generation with a decoder-only model pads on the left: with the padding mask and
    position ids counted over real tokens only, the last position's output equals the unpadded
    run; right padding would put a pad token at the position that predicts the next token."""
    import torch

    torch.manual_seed(8)
    d, vocab, max_pos = 16, 50, 32
    emb = torch.nn.Embedding(vocab, d, dtype=torch.float64)
    pos = torch.nn.Embedding(max_pos, d, dtype=torch.float64)
    wq, wk, wv = (torch.randn(d, d, dtype=torch.float64) / 4 for _ in range(3))

    def forward(ids, attn_mask):  # ids (b, n), attn_mask (b, n) with 1 = real token
        n = ids.shape[1]
        position_ids = (attn_mask.cumsum(-1) - 1).clamp(min=0)
        h = emb(ids) + pos(position_ids)
        s = (h @ wq) @ (h @ wk).transpose(-1, -2) / math.sqrt(d)
        allowed = torch.ones(n, n, dtype=torch.bool).tril()[None] & attn_mask.bool()[:, None, :]
        s = s.masked_fill(~allowed, torch.finfo(s.dtype).min)
        return torch.softmax(s, -1) @ (h @ wv)

    seq = torch.tensor([[7, 3, 9, 4]])
    ref = forward(seq, torch.ones_like(seq))[0, -1]
    left = torch.tensor([[0, 0, 7, 3, 9, 4]])
    left_mask = torch.tensor([[0, 0, 1, 1, 1, 1]])
    with torch.no_grad():
        assert torch.allclose(forward(left, left_mask)[0, -1], ref, atol=1e-12)
        # forgetting to shift the position ids breaks the equality
        h_wrong = emb(left) + pos(torch.arange(6)[None])
        assert not torch.allclose(h_wrong[0, -1], (emb(seq) + pos(torch.arange(4)[None]))[0, -1])
    right = torch.tensor([[7, 3, 9, 4, 0, 0]])
    assert right[0, -1].item() == 0  # the position that would predict the next token is padding
