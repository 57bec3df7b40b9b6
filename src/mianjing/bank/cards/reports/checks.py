"""Checks for the technical-report cards (DeepSeek-V3/R1, Kimi k1.5, MiniMax-01, Qwen2.5, Llama 3.1, Qwen2.5-VL).

Each check recomputes a card's claim from the configuration numbers the card states (and the report
gives), or from a small simulation of the mechanism, and asserts the card's number. numpy only; torch is
imported inside the one check that needs float8 casting.
"""

from __future__ import annotations

import math

import numpy as np

# ---------------------------------------------------------------------------------------------------
# DeepSeek-V3 configuration (arXiv:2412.19437 §4.2; vocabulary and dense-FFN width from the released
# config.json of deepseek-ai/DeepSeek-V3)
DSV3 = dict(
    layers=61, hidden=7168, heads=128, head_dim=128, d_c=512, d_cq=1536, rope_dim=64,
    dense_layers=3, shared=1, routed=256, top_k=8, expert_ffn=2048, dense_ffn=18432, vocab=129280,
)


def _mla_layer_cache(d_c: int, rope_dim: int, heads: int, head_dim: int, tokens: int = 6, hidden: int = 32):
    """Run one MLA attention layer (random weights, a few tokens) the way it decodes: it caches only
    the latent c^{KV} and the shared RoPE key. Returns (elements cached per token, elements of the K and
    V an MHA layer would cache per token), after asserting that attention computed from the small cache
    equals attention over the full per-head K and V rebuilt from it."""
    rng = np.random.default_rng(3)
    x = rng.standard_normal((tokens, hidden))
    w_dkv = rng.standard_normal((hidden, d_c)) / hidden**0.5          # down-projection to the latent
    w_kr = rng.standard_normal((hidden, rope_dim)) / hidden**0.5       # shared decoupled RoPE key
    w_uk = rng.standard_normal((heads, d_c, head_dim)) / d_c**0.5      # up-projections per head
    w_uv = rng.standard_normal((heads, d_c, head_dim)) / d_c**0.5
    q_nope = rng.standard_normal((heads, head_dim))                     # the newest token's query parts
    q_rope = rng.standard_normal((heads, rope_dim))
    cache = {"c_kv": x @ w_dkv, "k_rope": x @ w_kr}                    # what MLA stores, per token
    # full attention: rebuild per-head K and V (what an MHA cache would have to hold)
    k = np.einsum("tc,hcd->htd", cache["c_kv"], w_uk)
    v = np.einsum("tc,hcd->htd", cache["c_kv"], w_uv)
    scores = np.einsum("hd,htd->ht", q_nope, k) + q_rope @ cache["k_rope"].T
    probs = np.exp(scores - scores.max(1, keepdims=True))
    probs /= probs.sum(1, keepdims=True)
    full = np.einsum("ht,htd->hd", probs, v)
    # absorbed attention straight from the cache: W^{UK} folds into the query, W^{UV} after the sum
    q_lat = np.einsum("hd,hcd->hc", q_nope, w_uk)
    scores2 = q_lat @ cache["c_kv"].T + q_rope @ cache["k_rope"].T
    probs2 = np.exp(scores2 - scores2.max(1, keepdims=True))
    probs2 /= probs2.sum(1, keepdims=True)
    absorbed = np.einsum("hc,hcd->hd", probs2 @ cache["c_kv"], w_uv)
    assert np.allclose(full, absorbed), "the latent cache does not reproduce attention"
    per_token_mla = sum(t.size for t in cache.values()) // tokens
    per_token_mha = (k.size + v.size) // tokens
    return per_token_mla, per_token_mha


def dsv3_mla_kv_cache() -> None:
    """MLA caches (512 + 64) x 61 elements per token vs 2 x 128 x 128 x 61 for MHA: about 57x smaller.
    Measured on a working MLA layer with DeepSeek-V3's cache dimensions whose output from the latent
    cache equals attention over the full K and V."""
    c = DSV3
    mla_layer, mha_layer = _mla_layer_cache(c["d_c"], c["rope_dim"], c["heads"], c["head_dim"])
    mla, mha = mla_layer * c["layers"], mha_layer * c["layers"]
    assert mla == 35136 and mha == 1998848, (mla, mha)
    ratio = mha / mla
    assert 56.5 < ratio < 57.5, ratio
    # BF16 bytes per token over all layers: ~68.6 KiB vs ~3.8 MiB
    assert abs(mla * 2 / 1024 - 68.625) < 1e-9
    assert abs(mha * 2 / 2**20 - 3.8125) < 1e-9


def dsv3_mla_absorb() -> None:
    """W^{UK} can be absorbed into the query side: q^T (W^{UK} c) == (W^{UK T} q)^T c, so no K is rebuilt."""
    rng = np.random.default_rng(0)
    d_c, d_h = 16, 8
    w_uk = rng.standard_normal((d_h, d_c))
    q = rng.standard_normal(d_h)
    cs = rng.standard_normal((5, d_c))  # cached latents for 5 past tokens
    scores_rebuilt = np.array([q @ (w_uk @ c) for c in cs])
    q_absorbed = w_uk.T @ q  # d_c-dimensional query, computed once per step
    scores_absorbed = cs @ q_absorbed
    assert np.allclose(scores_rebuilt, scores_absorbed)
    # with RoPE on the key, k_t = R_t W^{UK} c_t: the matrix between q and c_t depends on t, so one
    # precomputed absorbed query no longer gives the right scores (hence the separate decoupled RoPE key)
    def rope(x: np.ndarray, pos: int) -> np.ndarray:
        out = x.copy()
        for i in range(0, x.size, 2):
            ang = pos * 10000.0 ** (-i / x.size)
            c, s_ = math.cos(ang), math.sin(ang)
            out[i], out[i + 1] = c * x[i] - s_ * x[i + 1], s_ * x[i] + c * x[i + 1]
        return out
    q_pos = 7
    true_scores = np.array([rope(q, q_pos) @ rope(w_uk @ c, t) for t, c in enumerate(cs)])
    assert not np.allclose(true_scores, cs @ (w_uk.T @ rope(q, q_pos)))


def _dsv3_params() -> tuple[float, float]:
    c = DSV3
    h, nh, dh, r = c["hidden"], c["heads"], c["head_dim"], c["rope_dim"]
    attn = (
        h * c["d_cq"]                      # W^{DQ}
        + c["d_cq"] * nh * (dh + r)        # W^{UQ} and W^{QR}
        + h * (c["d_c"] + r)               # W^{DKV} and W^{KR}
        + c["d_c"] * nh * dh * 2           # W^{UK}, W^{UV}
        + nh * dh * h                      # W^{O}
    )
    expert = 3 * h * c["expert_ffn"]       # SwiGLU expert: gate, up, down
    dense_ffn = 3 * h * c["dense_ffn"]
    moe_layers = c["layers"] - c["dense_layers"]
    router = moe_layers * c["routed"] * h
    embed = 2 * c["vocab"] * h             # input embedding and untied output head
    total = c["layers"] * attn + c["dense_layers"] * dense_ffn + moe_layers * (c["shared"] + c["routed"]) * expert + router + embed
    active = c["layers"] * attn + c["dense_layers"] * dense_ffn + moe_layers * (c["shared"] + c["top_k"]) * expert + router + embed
    return total, active


def dsv3_param_count() -> None:
    """From the config: ~671B total parameters and ~37B activated per token; 8 of 256 routed experts fire."""
    total, active = _dsv3_params()
    assert abs(total / 1e9 - 671) / 671 < 0.01, total / 1e9
    assert abs(active / 1e9 - 37) / 37 < 0.03, active / 1e9
    assert DSV3["top_k"] / DSV3["routed"] == 0.03125
    assert 0.05 < active / total < 0.06


def _route_topk(scores: np.ndarray, k: int) -> np.ndarray:
    return np.argsort(-scores, axis=-1)[:, :k]


def dsv3_aux_free_balance() -> None:
    """Bias-only balancing: adding b_i to the scores for top-K selection evens the load; gates ignore b."""
    rng = np.random.default_rng(1)
    n_exp, k, tokens, gamma = 32, 4, 2048, 0.002
    skew = np.linspace(0.0, 0.3, n_exp)  # some experts systematically preferred
    bias = np.zeros(n_exp)

    def loads(b: np.ndarray, aff: np.ndarray) -> np.ndarray:
        idx = _route_topk(aff + b, k)
        return np.bincount(idx.ravel(), minlength=n_exp)

    aff0 = 1 / (1 + np.exp(-(rng.standard_normal((tokens, n_exp)) * 0.5 + skew)))  # sigmoid affinities
    before = loads(bias, aff0)
    for _ in range(300):
        aff = 1 / (1 + np.exp(-(rng.standard_normal((tokens, n_exp)) * 0.5 + skew)))
        load = loads(bias, aff)
        bias -= gamma * np.sign(load - load.mean())  # overloaded: down by gamma; underloaded: up
    after = loads(bias, aff0)
    mean = tokens * k / n_exp
    assert before.max() / mean > 1.5, before.max() / mean
    assert after.max() / mean < 1.25, after.max() / mean
    # gating values come from the original affinities of the selected experts, normalised; not from s + b
    idx = _route_topk(aff0 + bias, k)
    sel = np.take_along_axis(aff0, idx, axis=-1)
    gates = sel / sel.sum(-1, keepdims=True)
    assert np.allclose(gates.sum(-1), 1.0)
    sel_b = np.take_along_axis(aff0 + bias, idx, axis=-1)
    assert not np.allclose(gates, sel_b / sel_b.sum(-1, keepdims=True))


def dsv3_node_limited_routing() -> None:
    """Node-limited routing keeps every token on <= 4 of 8 nodes; plain top-8 of 256 would touch ~5.3 nodes."""
    rng = np.random.default_rng(2)
    n_exp, nodes, k, m, tokens = 256, 8, 8, 4, 4000
    per_node = n_exp // nodes
    s = rng.random((tokens, n_exp))
    plain_nodes = np.array([len(set(row // per_node)) for row in _route_topk(s, k)])
    # node score: sum of its top K/M expert affinities; keep the best M nodes; then top-K inside them
    by_node = s.reshape(tokens, nodes, per_node)
    node_score = np.sort(by_node, axis=-1)[:, :, -(k // m):].sum(-1)
    keep = np.argsort(-node_score, axis=-1)[:, :m]
    mask = np.full_like(s, -np.inf)
    for t in range(tokens):
        for nd in keep[t]:
            mask[t, nd * per_node:(nd + 1) * per_node] = 0.0
    limited = _route_topk(s + mask, k)
    limited_nodes = np.array([len(set(row // per_node)) for row in limited])
    assert limited_nodes.max() <= m
    expected_plain = nodes * (1 - math.comb(n_exp - per_node, k) / math.comb(n_exp, k))
    assert abs(plain_nodes.mean() - 5.3) < 0.1, plain_nodes.mean()  # simulated plain top-8 routing
    assert abs(plain_nodes.mean() - expected_plain) < 0.1  # agrees with the closed form
    assert (plain_nodes > m).mean() > 0.5


def dsv3_fp8_finegrained() -> None:
    """E4M3 max is 448; 1x128 tile scaling loses far less than per-tensor scaling when outliers exist."""
    import torch

    f8 = torch.float8_e4m3fn
    assert torch.finfo(f8).max == 448.0
    g = torch.Generator().manual_seed(0)
    x = torch.randn(64, 1024, generator=g)
    x[3, 7] = 1.0e5  # one activation outlier: per-tensor scaling pushes ordinary values into E4M3's subnormal range
    def qdq(t: torch.Tensor, scale: torch.Tensor) -> torch.Tensor:
        return (t / scale).to(f8).to(torch.float32) * scale
    per_tensor = qdq(x, x.abs().max() / 448.0)
    tiles = x.view(64, 8, 128)
    tile_scale = tiles.abs().amax(-1, keepdim=True) / 448.0
    per_tile = qdq(tiles, tile_scale).view(64, 1024)
    err_tensor = (per_tensor - x).abs().mean().item()
    err_tile = (per_tile - x).abs().mean().item()
    assert err_tile * 5 < err_tensor, (err_tile, err_tensor)
    # limited-precision accumulation drifts; promoting partial sums every 128 elements to FP32 does not
    rng = np.random.default_rng(0)
    a = rng.random(8192).astype(np.float32)
    exact = float(a.astype(np.float64).sum())
    acc16 = np.float16(0)
    for v in a.astype(np.float16):
        acc16 = np.float16(acc16 + v)
    promoted = np.float32(0)
    for i in range(0, a.size, 128):
        part = np.float16(0)
        for v in a[i:i + 128].astype(np.float16):
            part = np.float16(part + v)
        promoted += np.float32(part)
    assert abs(float(acc16) - exact) / exact > 0.05
    assert abs(float(promoted) - exact) / exact < 0.005


def dsv3_yarn() -> None:
    """YaRN with s = 40: attention temperature sqrt(1/t) = 0.1 ln s + 1 ~ 1.369 (V3's report writes it
    sqrt(t)), i.e. logits scaled by ~1.874 -- read from transformers' DeepSeek-V3 attention built with
    V3's rope scaling; low-frequency dims interpolated."""
    from transformers import DeepseekV3Config
    from transformers.models.deepseek_v3.modeling_deepseek_v3 import DeepseekV3Attention

    s, alpha, beta, orig = 40.0, 1.0, 32.0, 4096
    head = 16  # qk_nope + qk_rope of a tiny config; V3's own scaling does not depend on it
    tiny = DeepseekV3Config(
        vocab_size=10, hidden_size=64, intermediate_size=64, moe_intermediate_size=16, num_hidden_layers=1,
        num_attention_heads=2, num_key_value_heads=2, q_lora_rank=16, kv_lora_rank=16, qk_rope_head_dim=8,
        qk_nope_head_dim=8, v_head_dim=8, n_routed_experts=4, n_shared_experts=1, num_experts_per_tok=2,
        n_group=1, topk_group=1, first_k_dense_replace=1,
        rope_parameters={"rope_type": "yarn", "rope_theta": 10000.0, "factor": s, "beta_fast": beta,
                         "beta_slow": alpha, "original_max_position_embeddings": orig, "mscale": 1.0,
                         "mscale_all_dim": 1.0})
    logit_gain = DeepseekV3Attention(tiny, 0).scaling * head**0.5  # vs plain 1/sqrt(head)
    assert abs(logit_gain**0.5 - (0.1 * math.log(s) + 1)) < 1e-9 and abs(logit_gain**0.5 - 1.369) < 1e-3, logit_gain
    d = 64  # decoupled RoPE key dimension: the only part YaRN touches
    inv = 10000.0 ** (-np.arange(0, d, 2) / d)
    wavelength = 2 * math.pi / inv
    ratio = orig / wavelength
    gamma = np.clip((ratio - alpha) / (beta - alpha), 0, 1)
    new_inv = (1 - gamma) * inv / s + gamma * inv
    assert np.isclose(new_inv[0], inv[0])          # highest frequency: untouched
    assert np.isclose(new_inv[-1], inv[-1] / s)     # lowest frequency: fully interpolated


def dsv3_mtp_speedup() -> None:
    """One MTP draft token accepted with p in [0.85, 0.90] gives 1 + p tokens per step (~1.8x after overhead)."""
    rng = np.random.default_rng(3)
    for p in (0.85, 0.90):
        accepted = rng.random(200_000) < p
        tokens_per_step = 1 + accepted.mean()
        assert abs(tokens_per_step - (1 + p)) < 0.01
        assert 1.8 <= tokens_per_step <= 1.91


# ---------------------------------------------------------------------------------------------------
# DeepSeek-R1 / GRPO


def grpo_group_advantage() -> None:
    """GRPO: A_i = (r_i - mean) / std within a group; all-equal rewards give zero signal."""
    rng = np.random.default_rng(4)
    r = (rng.random(16) < 0.4).astype(float)
    r[0], r[1] = 1.0, 0.0
    a = (r - r.mean()) / (r.std() + 1e-8)
    assert abs(a.sum()) < 1e-6
    assert np.all(a[r == 1] > 0) and np.all(a[r == 0] < 0)
    same = np.ones(16)
    assert np.allclose((same - same.mean()) / (same.std() + 1e-8), 0.0)


def grpo_k3_estimator() -> None:
    """The k3 estimator pi_ref/pi - log(pi_ref/pi) - 1 is >= 0 and its mean under pi is KL(pi || pi_ref)."""
    rng = np.random.default_rng(5)
    p = rng.dirichlet(np.ones(10))
    q = rng.dirichlet(np.ones(10))
    kl = float(np.sum(p * np.log(p / q)))
    ratio = q / p
    k3 = ratio - np.log(ratio) - 1
    assert np.all(k3 >= 0)
    assert abs(float(np.sum(p * k3)) - kl) < 1e-12
    samples = rng.choice(10, size=400_000, p=p)
    assert abs(k3[samples].mean() - kl) < 0.01


# ---------------------------------------------------------------------------------------------------
# Kimi k1.5


def kimi_length_penalty() -> None:
    """k1.5 length reward: lambda = 0.5 - (len - min)/(max - min); correct gets lambda, wrong gets min(0, lambda)."""
    lens = np.array([100, 250, 400, 700, 1000])
    correct = np.array([1, 0, 1, 0, 1])
    lam = 0.5 - (lens - lens.min()) / (lens.max() - lens.min())
    reward = np.where(correct == 1, lam, np.minimum(0, lam))
    assert reward[0] == 0.5 and reward[-1] == -0.5
    assert np.all(reward[correct == 0] <= 0)
    assert reward[0] > reward[2] > reward[4]


# ---------------------------------------------------------------------------------------------------
# MiniMax-01


def _causal_linear_attention_naive(q, k, v):
    scores = q @ k.T
    return np.tril(scores) @ v


def _lightning_blockwise(q, k, v, block):
    n, d = q.shape
    out = np.zeros_like(v)
    kv = np.zeros((d, v.shape[1]))  # running sum of k_j^T v_j over earlier blocks
    for s in range(0, n, block):
        qb, kb, vb = q[s:s + block], k[s:s + block], v[s:s + block]
        intra = np.tril(qb @ kb.T) @ vb      # left product inside the block (masked)
        inter = qb @ kv                      # right product with the state from earlier blocks
        out[s:s + block] = intra + inter
        kv += kb.T @ vb
    return out


def minimax_lightning_attention() -> None:
    """Lightning attention's tiling (intra-block left product, inter-block right product) equals causal linear attention."""
    rng = np.random.default_rng(6)
    n, d = 96, 8
    q, k, v = (rng.standard_normal((n, d)) for _ in range(3))
    assert np.allclose(_causal_linear_attention_naive(q, k, v), _lightning_blockwise(q, k, v, 16))
    # the state is d x d whatever n is: memory O(d^2) per head, compute O(n d^2)
    assert (k[:16].T @ v[:16]).shape == (d, d)


MINIMAX_TEXT_01 = dict(layers=80, softmax_every=8)  # report §2: one softmax layer after every 7 lightning layers


def _decode_state_elems(layer_types: list[str], tokens: int, d: int = 4) -> list[int]:
    """Decode `tokens` steps through a stack of tiny attention layers and return, after each step, how
    many numbers the stack keeps: a softmax layer appends the token's K and V to its cache, a lightning
    (linear) layer folds k^T v into a fixed d x d state."""
    rng = np.random.default_rng(7)
    caches = [([], []) if t == "softmax" else np.zeros((d, d)) for t in layer_types]
    sizes = []
    for _ in range(tokens):
        for i, kind in enumerate(layer_types):
            k, v = rng.standard_normal(d), rng.standard_normal(d)
            if kind == "softmax":
                caches[i][0].append(k)
                caches[i][1].append(v)
            else:
                caches[i] += np.outer(k, v)
        sizes.append(sum(len(c[0]) * d + len(c[1]) * d if isinstance(c, tuple) else c.size for c in caches))
    return sizes


def minimax_hybrid_layout() -> None:
    """MiniMax-Text-01's 80 layers with a softmax layer after every 7 lightning layers: decoding through
    the stack, the memory that grows with the sequence is 1/8 of an all-softmax stack's (only the 10
    softmax layers grow), while the 70 lightning layers keep a fixed-size state."""
    c = MINIMAX_TEXT_01
    hybrid = ["softmax" if (i + 1) % c["softmax_every"] == 0 else "lightning" for i in range(c["layers"])]
    all_softmax = ["softmax"] * c["layers"]
    h, s = _decode_state_elems(hybrid, 40), _decode_state_elems(all_softmax, 40)
    growth_h, growth_s = h[-1] - h[19], s[-1] - s[19]  # over the last 20 tokens
    assert growth_h * 8 == growth_s, (growth_h, growth_s)
    fixed = h[-1] - growth_h * 40 / 20  # what does not grow: the lightning states
    assert fixed == 70 * 4 * 4, fixed


# ---------------------------------------------------------------------------------------------------
# Llama 3.1 405B (arXiv:2407.21783 Table 3)
LLAMA405 = dict(layers=126, hidden=16384, ffn=53248, heads=128, kv_heads=8, vocab=128256, rope_theta=500000.0)


def llama31_param_count() -> None:
    """126 x (attention + SwiGLU FFN) + untied embeddings ~ 405B parameters."""
    c = LLAMA405
    hd = c["hidden"] // c["heads"]
    attn = 2 * c["hidden"] * c["hidden"] + 2 * c["hidden"] * c["kv_heads"] * hd
    ffn = 3 * c["hidden"] * c["ffn"]
    total = c["layers"] * (attn + ffn) + 2 * c["vocab"] * c["hidden"]
    assert abs(total / 1e9 - 405) / 405 < 0.01, total / 1e9


def llama31_gqa_kv() -> None:
    """8 KV heads instead of 128: KV cache 16x smaller, 504 KiB per token in BF16, ~63 GiB for 128K tokens."""
    c = LLAMA405
    hd = c["hidden"] // c["heads"]
    gqa = 2 * c["layers"] * c["kv_heads"] * hd
    mha = 2 * c["layers"] * c["heads"] * hd
    assert mha // gqa == 16
    assert gqa * 2 == 516096 and gqa * 2 / 1024 == 504.0
    assert abs(gqa * 2 * 131072 / 2**30 - 63.0) < 0.01


def llama31_rope_base() -> None:
    """With base 500,000 the slowest RoPE wavelength (~2.6M tokens) exceeds 128K; with 10,000 (~54K) it does not."""
    hd = 128
    def longest(base: float) -> float:
        return 2 * math.pi * base ** ((hd - 2) / hd)
    assert longest(500000.0) > 131072 > longest(10000.0)
    assert 2.5e6 < longest(500000.0) < 2.7e6
    assert 5.0e4 < longest(10000.0) < 5.6e4


def kv_mla_vs_gqa() -> None:
    """Per token, BF16: Llama 3.1 405B GQA 504 KiB vs DeepSeek-V3 MLA ~68.6 KiB (~7.3x less)."""
    c = LLAMA405
    gqa = 2 * c["layers"] * c["kv_heads"] * (c["hidden"] // c["heads"]) * 2
    mla = (DSV3["d_c"] + DSV3["rope_dim"]) * DSV3["layers"] * 2
    assert gqa / 1024 == 504.0 and mla / 1024 == 68.625
    assert 7.2 < gqa / mla < 7.4


# ---------------------------------------------------------------------------------------------------
# Qwen2.5 / Qwen2.5-VL


def qwen25vl_tokens() -> None:
    """14x14 patches, 2x2 merge: a 448x448 image is 1024 patches -> 256 tokens; 112x112 windows hold 64
    patches; for 1344x1344 window attention computes 144x fewer pairs than full attention; 4 of the 32
    ViT blocks (7, 15, 23, 31) keep full attention. From transformers' Qwen2.5-VL vision config, with
    the windows built as index partitions."""
    from transformers.models.qwen2_5_vl.configuration_qwen2_5_vl import Qwen2_5_VLVisionConfig

    vc = Qwen2_5_VLVisionConfig()
    patch, merge = vc.patch_size, vc.spatial_merge_size
    h = w = 448
    assert h % (patch * merge) == 0  # already a multiple of 28: the processor keeps the size
    patches = (h // patch) * (w // patch)
    assert (patches, patches // merge**2) == (1024, 256), (h, w, patches)
    side = vc.window_size // patch  # patches per window side
    assert side * side == 64
    grid = 1344 // patch  # a 1344 x 1344 image: 96 x 96 patches
    rows, cols = np.divmod(np.arange(grid * grid), grid)
    window_id = (rows // side) * (grid // side) + cols // side
    sizes = np.bincount(window_id)
    pairs_window, pairs_full = int((sizes.astype(np.int64) ** 2).sum()), (grid * grid) ** 2
    assert len(sizes) == 144 and pairs_full / pairs_window == 144, (len(sizes), pairs_full / pairs_window)
    full_layers = list(vc.fullatt_block_indexes)
    assert vc.depth == 32 and full_layers == [i for i in range(vc.depth) if (i + 1) % 8 == 0], full_layers


def qwen25vl_absolute_time_ids() -> None:
    """Temporal position ids proportional to timestamps: the same second gets the same id at any sampling FPS."""
    tokens_per_second, temporal_patch = 2, 2
    def temporal_ids(fps: float, seconds: float) -> dict[float, int]:
        n_frames = int(seconds * fps)
        grid_t = n_frames // temporal_patch
        sec_per_grid = temporal_patch / fps
        return {t * sec_per_grid: int(t * sec_per_grid * tokens_per_second) for t in range(grid_t)}
    slow, fast = temporal_ids(1.0, 8), temporal_ids(4.0, 8)
    common = set(slow) & set(fast)
    assert len(common) >= 3
    assert all(slow[t] == fast[t] for t in common)
    # index-based ids (Qwen2-VL style) would disagree: the 4 s mark is grid step 2 at 1 fps but step 8 at 4 fps
    assert list(slow).index(4.0) != list(fast).index(4.0)


# ---------------------------------------------------------------------------------------------------
# Llama 4 (Meta's release material; the reference implementation as shipped in transformers)


def _tiny_llama4(no_rope: bool, temperature_tuning: bool = True, chunk: int = 4):
    """A one-layer Llama 4 text model from transformers' own implementation, tiny dims."""
    import torch
    from transformers import Llama4TextConfig
    from transformers.models.llama4.modeling_llama4 import Llama4TextModel

    config = Llama4TextConfig(
        vocab_size=50, hidden_size=16, intermediate_size=32, intermediate_size_mlp=32, num_hidden_layers=1,
        num_attention_heads=2, num_key_value_heads=1, head_dim=8, num_local_experts=2, num_experts_per_tok=1,
        no_rope_layers=[0 if no_rope else 1], attention_chunk_size=chunk, floor_scale=2, attn_scale=0.5,
        attn_temperature_tuning=temperature_tuning, max_position_embeddings=64)
    config._attn_implementation = "eager"
    torch.manual_seed(0)
    return Llama4TextModel(config).eval()


def llama4_irope_long_context() -> None:
    """Llama 4 Scout's iRoPE, from transformers' implementation of Meta's release: 3 of every 4 layers
    use RoPE with chunked local attention (8,192-token chunks), every 4th layer is global attention with
    no position encoding (12 of 48); a token outside the current chunk cannot affect a RoPE layer's
    output but does affect a NoPE layer's; the inference-time temperature scales NoPE queries only from
    position floor_scale on. With 8 KV heads of 128 in BF16, only the 12 global layers keep the whole
    sequence: ~48 KiB per token, ~480 GiB at 10M tokens, 1/4 of a cache over all 48 layers."""
    import torch
    from transformers import Llama4TextConfig

    scout = Llama4TextConfig()  # defaults are Scout's text model: 48 layers, 16 experts, top-1
    assert (scout.num_hidden_layers, scout.num_local_experts, scout.num_experts_per_tok) == (48, 16, 1)
    kinds = scout.layer_types
    global_layers = [i for i, k in enumerate(kinds) if k == "full_attention"]
    assert [i for i, r in enumerate(scout.no_rope_layers) if r == 0] == global_layers  # global = NoPE
    assert len(global_layers) == 12 and all((i + 1) % 4 == 0 for i in global_layers)
    assert scout.attention_chunk_size == 8192

    ids = torch.randint(0, 50, (1, 12), generator=torch.Generator().manual_seed(1))
    changed = ids.clone()
    changed[0, 1] = (ids[0, 1] + 1) % 50  # change token 1, which sits in the first chunk (0-3)
    with torch.no_grad():
        rope = _tiny_llama4(no_rope=False)
        nope = _tiny_llama4(no_rope=True)
        d_rope = (rope(ids).last_hidden_state - rope(changed).last_hidden_state).abs().amax(-1)[0]
        d_nope = (nope(ids).last_hidden_state - nope(changed).last_hidden_state).abs().amax(-1)[0]
        plain = _tiny_llama4(no_rope=True, temperature_tuning=False)
        d_temp = (nope(ids).last_hidden_state - plain(ids).last_hidden_state).abs().amax(-1)[0]
    assert (d_rope[1:4] > 0).all() and (d_rope[4:] == 0).all(), d_rope  # chunked: later chunks never see it
    assert (d_nope[1:] > 0).all(), d_nope  # global NoPE layer: every later token sees it
    assert d_temp[0] == 0 and (d_temp[1:] > 0).all(), d_temp  # scale 1 + a*ln(1 + floor((p+1)/floor_scale))

    # KV cache at 10M tokens: chunked layers hold at most one chunk, global layers hold everything
    per_layer_token = 2 * scout.num_key_value_heads * scout.head_dim * 2  # K and V, BF16
    tokens = 10 * 2**20
    hybrid = len(global_layers) * per_layer_token * tokens + (48 - len(global_layers)) * per_layer_token * 8192
    full = scout.num_hidden_layers * per_layer_token * tokens
    assert per_layer_token == 4096 and round(hybrid / 2**30) == 481 and abs(full / hybrid - 4) < 0.01, hybrid


def linear_attention_capacity_and_order() -> None:
    """Why pure linear attention needs softmax layers: (1) its state S = sum_j k_j^T v_j (d x d) is an
    associative memory whose recall of v_i with query k_i degrades once the number of stored pairs
    exceeds d, while softmax attention over the cache recalls every pair; (2) the state is a sum, so
    the output at t is unchanged by reordering the earlier tokens, while softmax attention with RoPE
    on the keys tells the orders apart."""
    rng = np.random.default_rng(11)
    d = 32

    def recall(n: int) -> tuple[float, float]:
        k = rng.standard_normal((n, d)) / np.sqrt(d)
        v = rng.standard_normal((n, d))
        state = k.T @ v  # linear attention's whole memory of the n tokens
        lin = k @ state  # query with each stored key
        logits = 8.0 * np.sqrt(d) * (k @ k.T)  # softmax attention over the full cache (sharp temperature)
        p = np.exp(logits - logits.max(1, keepdims=True))
        soft = (p / p.sum(1, keepdims=True)) @ v

        def hit_rate(out: np.ndarray) -> float:
            sims = out @ v.T
            return float((sims.argmax(1) == np.arange(n)).mean())

        return hit_rate(lin), hit_rate(soft)

    few_lin, few_soft = recall(8)
    many_lin, many_soft = recall(256)
    assert few_lin == 1.0 and few_soft == 1.0, (few_lin, few_soft)
    assert many_lin < 0.6 and many_soft > 0.95, (many_lin, many_soft)

    # order: permute tokens 0..5, look at the output of token 6
    n = 7
    q, k, v = (rng.standard_normal((n, d)) for _ in range(3))
    perm = np.r_[rng.permutation(n - 1), n - 1]

    def linear_last(kk, vv):
        return q[-1] @ (kk.T @ vv)

    def rope(x: np.ndarray, positions: np.ndarray) -> np.ndarray:
        half = d // 2
        freq = 10000.0 ** (-np.arange(half) / half)
        ang = positions[:, None] * freq[None, :]
        x1, x2 = x[:, :half], x[:, half:]
        return np.concatenate([x1 * np.cos(ang) - x2 * np.sin(ang), x1 * np.sin(ang) + x2 * np.cos(ang)], 1)

    def softmax_rope_last(kk, vv):
        pos = np.arange(n, dtype=float)
        s = rope(q[-1:], pos[-1:]) @ rope(kk, pos).T
        w = np.exp(s - s.max())
        return (w / w.sum()) @ vv

    assert np.allclose(linear_last(k, v), linear_last(k[perm], v[perm]))  # blind to order
    assert not np.allclose(softmax_rope_last(k, v), softmax_rope_last(k[perm], v[perm]))  # sees it
