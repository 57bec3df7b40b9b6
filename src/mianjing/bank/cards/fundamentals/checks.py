"""Checks for the cards in `fundamentals/`: Transformer/BERT sizes, norms, SwiGLU, RoPE, Python, CUDA.

Each function takes no argument, returns nothing and raises AssertionError when the claim it names
is false. torch and numpy are imported inside the functions.
"""

from __future__ import annotations


def _count(module) -> int:
    return sum(p.numel() for p in module.parameters())


def transformer_base_params() -> None:
    """Vaswani et al. Table 3: the base model (N=6, d=512, h=8, d_ff=2048) has ≈65M parameters."""
    import torch
    import torch.nn as nn

    with torch.device("meta"):
        core = nn.Transformer(d_model=512, nhead=8, num_encoder_layers=6, num_decoder_layers=6,
                              dim_feedforward=2048, batch_first=True)
    enc_layer = 4 * (512 * 512 + 512) + (512 * 2048 + 2048 + 2048 * 512 + 512) + 2 * 2 * 512
    dec_layer = 2 * 4 * (512 * 512 + 512) + (512 * 2048 + 2048 + 2048 * 512 + 512) + 3 * 2 * 512
    assert _count(core) == 6 * enc_layer + 6 * dec_layer + 2 * 2 * 512  # two final norms
    shared_embedding = 37_000 * 512  # one ≈37k BPE vocabulary shared by both sides and the output layer
    total = _count(core) + shared_embedding
    assert 62e6 < total < 66e6, total  # ≈63M by count; the paper rounds to 65M


def _bert_params(layers: int, hidden: int, ffn: int, vocab: int = 30522) -> int:
    import torch
    import torch.nn as nn

    with torch.device("meta"):
        emb = nn.ModuleList([nn.Embedding(vocab, hidden), nn.Embedding(512, hidden), nn.Embedding(2, hidden),
                             nn.LayerNorm(hidden)])
        layer = nn.TransformerEncoderLayer(hidden, nhead=hidden // 64, dim_feedforward=ffn)
        pooler = nn.Linear(hidden, hidden)
    return _count(emb) + layers * _count(layer) + _count(pooler)


def bert_sizes() -> None:
    """Devlin et al. §3: BERT-base (L=12, H=768, A=12) ≈110M, BERT-large (L=24, H=1024, A=16) ≈340M."""
    base = _bert_params(12, 768, 3072)
    large = _bert_params(24, 1024, 4096)
    assert base == 109_482_240, base
    assert large == 335_141_888, large
    assert round(base / 1e6) == 109 and round(large / 1e6) == 335  # the paper rounds to 110M and 340M


def bert_mlm_masking() -> None:
    """Devlin et al. §3.1: 15% of tokens are chosen; of those 80% → [MASK], 10% random, 10% unchanged."""
    import numpy as np

    rng = np.random.default_rng(0)
    n = 400_000
    tokens = rng.integers(1000, 30000, n)
    mask_id = 103
    chosen = rng.random(n) < 0.15
    r = rng.random(n)
    out = tokens.copy()
    out[chosen & (r < 0.8)] = mask_id
    rand_pos = chosen & (r >= 0.8) & (r < 0.9)
    out[rand_pos] = rng.integers(1000, 30000, rand_pos.sum())
    frac_mask = (out == mask_id).mean()
    frac_changed_random = ((out != tokens) & (out != mask_id)).mean()
    frac_chosen_unchanged = (chosen & (out == tokens)).mean()
    assert abs(frac_mask - 0.12) < 0.003
    assert abs(frac_changed_random - 0.015) < 0.002
    assert abs(frac_chosen_unchanged - 0.015) < 0.002  # (a random pick can equal the original; negligible)
    assert abs(chosen.mean() - 0.15) < 0.003  # the loss is computed on all chosen positions


def llama_7b_params() -> None:
    """Card decoder-llm-architecture: ≈12h² per layer; LLaMA-7B shapes give 6.74B parameters."""
    import torch
    import torch.nn as nn

    h, ffn, layers, vocab = 4096, 11008, 32, 32000
    with torch.device("meta"):
        attn = nn.ModuleList([nn.Linear(h, h, bias=False) for _ in range(4)])  # q, k, v, o
        mlp = nn.ModuleList([nn.Linear(h, ffn, bias=False), nn.Linear(h, ffn, bias=False),
                             nn.Linear(ffn, h, bias=False)])  # gate, up, down
        norms = nn.ModuleList([nn.RMSNorm(h), nn.RMSNorm(h)])
    per_layer = _count(attn) + _count(mlp) + _count(norms)
    assert _count(attn) == 4 * h * h
    assert abs(_count(mlp) / (8 * h * h) - 1) < 0.01  # SwiGLU at ≈8h/3 width ≈ 8h²
    total = layers * per_layer + 2 * vocab * h + h  # untied embedding and output, final norm
    assert round(total / 1e9, 2) == 6.74, total
    # GPT-style block: 4h² attention + 8h² MLP (d_ff = 4h) = 12h²
    with torch.device("meta"):
        gpt = nn.ModuleList([nn.Linear(h, 3 * h, bias=False), nn.Linear(h, h, bias=False),
                             nn.Linear(h, 4 * h, bias=False), nn.Linear(4 * h, h, bias=False)])
    assert _count(gpt) == 12 * h * h


def pre_post_ln_gradients() -> None:
    """Xiong et al. 2020: at initialisation Post-LN has larger gradients near the output than Pre-LN,
    and Pre-LN keeps an identity path from input to output."""
    import torch
    import torch.nn as nn

    d, layers = 64, 12

    def build(norm_first: bool, seed: int = 0, final_norm: bool = True):
        torch.manual_seed(seed)
        # Pre-LN ends with a final LayerNorm (as in Xiong et al. and GPT-2); Post-LN's last op already is one
        norm = nn.LayerNorm(d) if norm_first and final_norm else None
        return nn.TransformerEncoder(
            nn.TransformerEncoderLayer(d, 4, 4 * d, dropout=0.0, batch_first=True, norm_first=norm_first),
            layers, norm=norm, enable_nested_tensor=False)

    def last_layer_grad(norm_first: bool) -> float:
        model = build(norm_first)
        torch.manual_seed(1)
        x = torch.randn(8, 16, d)
        target = torch.randn(8, 16, d)
        out = model(x)
        (out - target).pow(2).mean().backward()
        return model.layers[-1].linear2.weight.grad.norm().item()

    post, pre = last_layer_grad(False), last_layer_grad(True)
    assert post > 2 * pre, (post, pre)  # theory: ratio ≈ sqrt(L) ≈ 3.5 for L = 12

    # Pre-LN: with the residual branches switched off, the stack is exactly the identity
    model = build(True, final_norm=False)
    with torch.no_grad():
        for layer in model.layers:
            layer.self_attn.out_proj.weight.zero_()
            layer.self_attn.out_proj.bias.zero_()
            layer.linear2.weight.zero_()
            layer.linear2.bias.zero_()
    x = torch.randn(2, 5, d) * 3 + 1
    assert torch.allclose(model(x), x, atol=1e-6)
    post_model = build(False)
    with torch.no_grad():
        for layer in post_model.layers:
            layer.self_attn.out_proj.weight.zero_()
            layer.self_attn.out_proj.bias.zero_()
            layer.linear2.weight.zero_()
            layer.linear2.bias.zero_()
    assert not torch.allclose(post_model(x), x, atol=1e-3)  # Post-LN normalises the residual stream itself


def rmsnorm_identities() -> None:
    """Zhang & Sennrich 2019: RMSNorm(x) = x / sqrt(mean(x²)+eps) · g; equals LayerNorm on zero-mean input;
    scale-invariant but not shift-invariant."""
    import torch
    import torch.nn.functional as F

    torch.manual_seed(0)
    d = 32
    x = torch.randn(4, 7, d, dtype=torch.float64) * 2 + 0.5
    g = torch.randn(d, dtype=torch.float64)
    eps = 1e-6
    manual = x / torch.sqrt(x.pow(2).mean(-1, keepdim=True) + eps) * g
    ref = torch.nn.RMSNorm(d, eps=eps, dtype=torch.float64)
    with torch.no_grad():
        ref.weight.copy_(g)
    assert torch.allclose(ref(x), manual)
    centred = x - x.mean(-1, keepdim=True)
    ln = F.layer_norm(centred, (d,), weight=g, bias=None, eps=eps)
    assert torch.allclose(ln, F.rms_norm(centred, (d,), weight=g, eps=eps))  # same when the mean is zero
    assert not torch.allclose(F.layer_norm(x, (d,), weight=g, eps=eps), manual, atol=1e-3)
    assert torch.allclose(F.rms_norm(3.0 * x, (d,), g, 0.0), F.rms_norm(x, (d,), g, 0.0))  # re-scaling
    assert not torch.allclose(F.rms_norm(x + 1.0, (d,), g, eps), manual, atol=1e-3)  # not re-centring
    # parameter count: LayerNorm has gain and bias (2d), RMSNorm only gain (d)
    assert sum(p.numel() for p in torch.nn.LayerNorm(d).parameters()) == 2 * d
    assert sum(p.numel() for p in torch.nn.RMSNorm(d).parameters()) == d


def layernorm_vs_batchnorm() -> None:
    """LayerNorm normalises each token over its features; BatchNorm each feature over the batch."""
    import torch

    torch.manual_seed(0)
    x = torch.randn(16, 8) * 5 + 3  # 16 tokens (rows), 8 features
    ln = torch.nn.LayerNorm(8, elementwise_affine=False)(x)
    bn = torch.nn.BatchNorm1d(8, affine=False)(x)  # training mode: batch statistics
    assert torch.allclose(ln.mean(1), torch.zeros(16), atol=1e-5)
    assert torch.allclose(ln.var(1, unbiased=False), torch.ones(16), atol=1e-3)
    assert torch.allclose(bn.mean(0), torch.zeros(8), atol=1e-5)
    assert torch.allclose(bn.var(0, unbiased=False), torch.ones(8), atol=1e-3)
    # a token's LayerNorm output does not depend on the other tokens in the batch; BatchNorm's does
    ln2 = torch.nn.LayerNorm(8, elementwise_affine=False)(x[:4])
    bn2 = torch.nn.BatchNorm1d(8, affine=False)(x[:4])
    assert torch.allclose(ln2, ln[:4], atol=1e-6)
    assert not torch.allclose(bn2, bn[:4], atol=1e-3)


def swiglu_param_parity() -> None:
    """Shazeer 2020 §2 and LLaMA §2: SwiGLU with d_ff = 2/3·4d matches the FFN's 8d² parameters;
    LLaMA rounds 2/3·4·4096 up to a multiple of 256: 11008."""
    import math

    import torch
    import torch.nn.functional as F

    from transformers import LlamaConfig

    d = 768
    with torch.device("meta"):  # parameter counts of real layers, no memory
        ffn_std = torch.nn.Sequential(torch.nn.Linear(d, 4 * d, bias=False), torch.nn.Linear(4 * d, d, bias=False))
        h = 2 * 4 * d // 3
        ffn_swiglu = torch.nn.ModuleList([torch.nn.Linear(d, h, bias=False), torch.nn.Linear(d, h, bias=False),
                                          torch.nn.Linear(h, d, bias=False)])
    n_std = sum(p.numel() for p in ffn_std.parameters())
    n_swiglu = sum(p.numel() for p in ffn_swiglu.parameters())
    assert n_std == n_swiglu and n_std / (d * d) == 8, (n_std, n_swiglu)
    llama7b = LlamaConfig()  # transformers' defaults are LLaMA-7B's: hidden 4096, intermediate 11008
    hidden = int(2 * 4 * llama7b.hidden_size / 3)
    assert 256 * math.ceil(hidden / 256) == llama7b.intermediate_size, (hidden, llama7b.intermediate_size)
    x = torch.linspace(-5, 5, 101)
    assert torch.allclose(F.silu(x), x * torch.sigmoid(x))
    # the gated form: silu(x W) ⊙ (x V), then W2
    torch.manual_seed(0)
    xin = torch.randn(3, 16)
    w, v, w2 = torch.randn(16, 40), torch.randn(16, 40), torch.randn(40, 16)
    out = (F.silu(xin @ w) * (xin @ v)) @ w2
    assert out.shape == (3, 16)
    assert not torch.allclose(out, F.silu(xin @ w) @ w2)  # the gate matters


def _rope(x, pos, base: float = 10000.0):
    """Rotate consecutive pairs (x[2i], x[2i+1]) by angle pos·θ_i, θ_i = base^(-2i/d)."""
    import torch

    d = x.shape[-1]
    theta = base ** (-torch.arange(0, d, 2, dtype=torch.float64) / d)
    ang = pos * theta
    c, s = torch.cos(ang), torch.sin(ang)
    x1, x2 = x[..., 0::2], x[..., 1::2]
    out = torch.empty_like(x)
    out[..., 0::2] = x1 * c - x2 * s
    out[..., 1::2] = x1 * s + x2 * c
    return out


def rope_relative_position() -> None:
    """Su et al. §3.2–3.4: ⟨R_m q, R_n k⟩ depends only on m − n, and rotations keep norms."""
    import torch

    torch.manual_seed(0)
    d = 64
    q, k = torch.randn(d, dtype=torch.float64), torch.randn(d, dtype=torch.float64)
    base = torch.dot(_rope(q, 10), _rope(k, 3))
    for shift in (1, 57, 1000):
        assert torch.allclose(torch.dot(_rope(q, 10 + shift), _rope(k, 3 + shift)), base)
    assert not torch.allclose(torch.dot(_rope(q, 11), _rope(k, 3)), base)
    assert torch.allclose(_rope(q, 123).norm(), q.norm())
    # equivalent complex-number form: (x_{2i} + i x_{2i+1}) · e^{i m θ_i}
    qc = torch.view_as_complex(q.reshape(-1, 2).contiguous())
    theta = 10000.0 ** (-torch.arange(0, d, 2, dtype=torch.float64) / d)
    rotated = torch.view_as_real(qc * torch.polar(torch.ones_like(theta), 10 * theta)).reshape(-1)
    assert torch.allclose(rotated, _rope(q, 10))


def rope_context_scaling() -> None:
    """Position interpolation (Chen et al. 2023), NTK-aware base change and YaRN's temperature (Peng et al. 2023 §3)."""
    import math

    import torch

    d, base, train_len, s = 128, 10000.0, 4096, 4.0
    theta = base ** (-torch.arange(0, d, 2, dtype=torch.float64) / d)
    # the slowest dimension's wavelength 2π/θ is ≈54k tokens: it never completes a turn in 4k training
    assert round(2 * math.pi / theta[-1].item(), -1) == 54410
    # position interpolation: positions m·L/L' stay inside the trained range [0, L)
    new_len = int(train_len * s)
    scaled = torch.arange(new_len, dtype=torch.float64) / s
    assert scaled.max() < train_len
    # NTK-aware: base' = base·s^(d/(d-2)) keeps the fastest frequency and divides the slowest by exactly s
    base_ntk = base * s ** (d / (d - 2))
    theta_ntk = base_ntk ** (-torch.arange(0, d, 2, dtype=torch.float64) / d)
    assert theta_ntk[0] == theta[0] == 1.0
    assert math.isclose((theta[-1] / theta_ntk[-1]).item(), s, rel_tol=1e-9)
    ratios = theta / theta_ntk
    assert (ratios[1:] > ratios[:-1]).all()  # high frequencies barely change, low ones are interpolated
    # YaRN attention temperature sqrt(1/t) = 0.1·ln(s) + 1, as transformers' own YaRN initialiser returns it
    from transformers import LlamaConfig
    from transformers.modeling_rope_utils import ROPE_INIT_FUNCTIONS

    config = LlamaConfig(hidden_size=2 * d, num_attention_heads=2, max_position_embeddings=new_len,
                         rope_parameters={"rope_type": "yarn", "rope_theta": base, "factor": s,
                                          "original_max_position_embeddings": train_len})
    inv_freq, attention_factor = ROPE_INIT_FUNCTIONS["yarn"](config, "cpu")
    assert round(attention_factor, 3) == 1.139 and math.isclose(attention_factor, 0.1 * math.log(s) + 1)
    assert math.isclose(inv_freq[0].item(), theta[0].item(), rel_tol=1e-6)  # fastest dimension kept
    assert math.isclose(inv_freq[-1].item(), theta[-1].item() / s, rel_tol=1e-6)  # slowest interpolated by s
    # larger bases (ABF): Llama 3 uses 500,000, Qwen2.5 1,000,000 — slowest wavelength grows accordingly
    for big, wl in ((5e5, 2.5e6), (1e6, 4.8e6)):
        w = 2 * math.pi / (big ** (-(d - 2) / d))
        assert abs(w / wl - 1) < 0.1, (big, w)


def python_object_memory() -> None:
    """CPython: a list of ints costs ≈40 bytes per element (8-byte pointer + 28-byte int object, stored in a
    32-byte allocator block); numpy int64 8 bytes;
    a generator holds one item at a time."""
    import sys
    import tracemalloc

    import numpy as np

    n = 100_000
    assert sys.getsizeof(10**6) == 28
    was_tracing = tracemalloc.is_tracing()
    if not was_tracing:
        tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        data = [i + 1000 for i in range(n)]  # ints above the small-int cache
        used_list = tracemalloc.get_traced_memory()[0] - before
        del data
        before = tracemalloc.get_traced_memory()[0]
        arr = np.arange(1000, 1000 + n, dtype=np.int64)
        used_np = tracemalloc.get_traced_memory()[0] - before
        del arr
        tracemalloc.reset_peak()
        before = tracemalloc.get_traced_memory()[0]
        total = sum(i + 1000 for i in range(n))
        peak_gen = tracemalloc.get_traced_memory()[1] - before
    finally:
        if not was_tracing:
            tracemalloc.stop()
    assert 36 <= used_list / n <= 44, used_list / n  # 8-byte pointer + 28-byte int in a 32-byte block
    assert 7.9 <= used_np / n <= 8.5, used_np / n
    assert peak_gen < 10_000  # constant, not proportional to n
    assert total == int(np.arange(1000, 1000 + n, dtype=np.int64).sum())  # the generator saw every item


def python_gil_facts() -> None:
    """CPython docs: the interpreter switches threads every 5 ms by default, and `x += 1` is several bytecodes
    (read, add, write), so it is not atomic even with the GIL."""
    import dis
    import sys

    assert sys.getswitchinterval() == 0.005
    ns: dict = {}
    exec("def bump():\n    global counter\n    counter += 1\n", ns)
    ops = [ins.opname for ins in dis.get_instructions(ns["bump"])]
    assert "LOAD_GLOBAL" in ops and "STORE_GLOBAL" in ops
    assert ops.index("LOAD_GLOBAL") < ops.index("STORE_GLOBAL")  # a switch can fall in between
    import threading

    lock = threading.Lock()
    box = [0]

    def work():
        for _ in range(10_000):
            with lock:
                box[0] += 1

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert box[0] == 40_000  # with a lock the count is exact


def cuda_grid_indexing() -> None:
    """CUDA C++ Programming Guide §2.2: i = blockIdx.x·blockDim.x + threadIdx.x with ceil(n/blockDim) blocks
    covers every element once; a block runs as warps of 32 threads."""
    import numpy as np

    for n, block in [(1000, 256), (1 << 20, 1024), (37, 32)]:
        grid = (n + block - 1) // block
        block_idx = np.repeat(np.arange(grid), block)
        thread_idx = np.tile(np.arange(block), grid)
        i = block_idx * block + thread_idx
        active = i[i < n]  # the `if (i < n)` guard
        assert np.array_equal(np.sort(active), np.arange(n))
        assert grid * block - n < block  # fewer than one block of idle threads
    # grid-stride loop with a fixed grid covers everything too
    n, block, grid = 10_000, 128, 8
    hits = np.zeros(n, dtype=int)
    for tid in range(grid * block):
        hits[np.arange(tid, n, grid * block)] += 1
    assert (hits == 1).all()
    # warps: threads of a block are grouped by consecutive threadIdx.x into warps of 32
    lanes = np.arange(1000)  # a 1000-thread block
    warp_of = lanes // 32
    assert len(np.unique(warp_of)) == 32 and (warp_of == warp_of.max()).sum() == 8
    # arithmetic intensity from real tensors: FLOPs counted by torch, bytes from the operands' storage
    import torch
    from torch.utils.flop_counter import FlopCounterMode

    n = 256
    a, b = torch.randn(n, n), torch.randn(n, n)
    with FlopCounterMode(display=False) as counter:
        c = a @ b
    moved = sum(t.numel() * t.element_size() for t in (a, b, c))  # read A and B once, write C once
    assert counter.get_total_flops() / moved == n / 6, (counter.get_total_flops(), moved)  # 2n³ / 12n² = n/6
    x, y = torch.randn(n * n), torch.randn(n * n)
    z = x + y  # one FLOP per output element, three fp32 arrays moved
    assert z.numel() / sum(t.numel() * t.element_size() for t in (x, y, z)) == 1 / 12


def kv_cache_gqa_ratio() -> None:
    """Card recent-fundamentals: LLaMA-2-70B shapes (80 layers, 64 query heads, 8 KV heads of 128), bf16:
    KV cache per token is 2.5 MiB with MHA and 320 KiB with GQA, measured from real cache tensors."""
    import torch

    layers, heads, kv_heads, d_head, tokens = 80, 64, 8, 128, 3

    def cache_bytes(n_kv: int) -> int:
        with torch.device("meta"):
            cache = [(torch.empty(1, n_kv, tokens, d_head, dtype=torch.bfloat16),
                      torch.empty(1, n_kv, tokens, d_head, dtype=torch.bfloat16)) for _ in range(layers)]
        return sum(k.numel() * k.element_size() + v.numel() * v.element_size() for k, v in cache) // tokens

    mha, gqa = cache_bytes(heads), cache_bytes(kv_heads)
    assert mha == 2 * layers * heads * d_head * 2 == 2_621_440  # 2.5 MiB per token
    assert gqa == 327_680 and mha // gqa == heads // kv_heads == 8
    # a 4k-token sequence: 10 GiB (MHA) vs 1.25 GiB (GQA)
    assert mha * 4096 / 2**30 == 10.0 and gqa * 4096 / 2**30 == 1.25


# --- tokenisation: a small byte-level BPE, trained here and measured ------------------------------------
# pre-tokenisation in the GPT-2 style: words with their leading space, digits in groups of at most 3,
# runs of Han characters (capped at 4 to keep this check fast), punctuation, whitespace
_PRETOKEN = None


def _pretokens(text: str) -> list[str]:
    import re

    global _PRETOKEN
    if _PRETOKEN is None:
        _PRETOKEN = re.compile(r" ?[A-Za-z]+| ?[0-9]{1,3}|[\u4e00-\u9fff]{1,4}| ?[^\sA-Za-z0-9\u4e00-\u9fff]+|\s+(?!\S)|\s+")
    return _PRETOKEN.findall(text)


def _bpe_train(text: str, n_merges: int) -> dict[tuple[int, int], int]:
    """Byte-level BPE: start from the 256 byte values and merge the most frequent adjacent pair
    (ties: the smaller ids) n_merges times; returns {pair: new id} in learning order."""
    import heapq
    from collections import Counter, defaultdict

    counts = Counter(tuple(w.encode("utf-8")) for w in _pretokens(text))
    words, freq = [list(w) for w in counts], list(counts.values())
    pairs: Counter = Counter()
    where: dict = defaultdict(set)  # pair -> indices of the words holding it
    for i, w in enumerate(words):
        for p in zip(w, w[1:]):
            pairs[p] += freq[i]
            where[p].add(i)
    heap = [(-c, p) for p, c in pairs.items()]
    heapq.heapify(heap)
    merges: dict[tuple[int, int], int] = {}
    while len(merges) < n_merges and heap:
        neg, best = heapq.heappop(heap)
        if -neg != pairs.get(best, 0) or neg == 0:
            continue  # stale heap entry
        new = 256 + len(merges)
        merges[best] = new
        touched = set()
        for i in where.pop(best):
            w, f = words[i], freq[i]
            for p in zip(w, w[1:]):
                pairs[p] -= f
                touched.add(p)
                if p in where:
                    where[p].discard(i)
            out, j = [], 0
            while j < len(w):
                if j + 1 < len(w) and (w[j], w[j + 1]) == best:
                    out.append(new)
                    j += 2
                else:
                    out.append(w[j])
                    j += 1
            words[i] = out
            for p in zip(out, out[1:]):
                pairs[p] += f
                where[p].add(i)
                touched.add(p)
        pairs.pop(best, None)
        for p in touched:
            if pairs.get(p, 0) > 0:
                heapq.heappush(heap, (-pairs[p], p))
    return merges


def _bpe_encode(text: str, merges: dict, special: dict[str, int] | None = None) -> list[int]:
    """Apply the merges in learning order inside each pre-token; registered special tokens are cut
    out first and map to their single id."""
    if special:
        import re

        parts = re.split("(" + "|".join(re.escape(s) for s in special) + ")", text)
        return [i for part in parts for i in ([special[part]] if part in special else _bpe_encode(part, merges))]
    ids: list[int] = []
    for word in _pretokens(text):
        w = list(word.encode("utf-8"))
        while len(w) > 1:
            rank, i = min((merges.get(p, 1 << 30), i) for i, p in enumerate(zip(w, w[1:])))
            if rank == 1 << 30:
                break
            w[i:i + 2] = [rank]
        ids += w
    return ids


def _bpe_decode(ids: list[int], merges: dict) -> str:
    vocab = {i: bytes([i]) for i in range(256)}
    for (a, b), new in merges.items():  # in learning order, so both parts already exist
        vocab[new] = vocab[a] + vocab[b]
    return b"".join(vocab[i] for i in ids).decode("utf-8")


def _card_text(lang: str, every: int, offset: int) -> str:
    """One language of every `every`-th card in the bank: real bilingual text to train and measure on."""
    from pathlib import Path

    files = sorted(Path(__file__).resolve().parent.parent.glob("*/*.md"))
    chunks = []
    for f in files[offset::every]:
        text = f.read_text(encoding="utf-8")
        zh, _, en = text.partition("\n## en\n")
        chunks.append(en if lang == "en" else zh.partition("\n## zh\n")[2])
    return "\n".join(chunks)


def bpe_tokenizer_trained_and_measured() -> None:
    """A byte-level BPE trained on this bank's English card text: encoding is lossless for any Unicode
    (no unknown tokens); on held-out cards compression grows with the number of merges (1 byte = ~1
    char per token with none, over 2 chars per token after 1,000); merges learned on English barely
    help Chinese (a Han character is 3 UTF-8 bytes), merges learned on both languages do; a chat-template
    marker typed as plain text becomes several tokens, registered as a special token it is one id."""
    en_train, en_test = _card_text("en", 4, 1), _card_text("en", 8, 0)
    zh_train, zh_test = _card_text("zh", 4, 1), _card_text("zh", 8, 0)
    english = _bpe_train(en_train, 1000)

    def chars_per_token(text: str, merges: dict) -> float:
        return len(text) / len(_bpe_encode(text, merges))

    def first(merges: dict, k: int) -> dict:
        return {p: i for p, i in merges.items() if i < 256 + k}

    curve = [chars_per_token(en_test, first(english, k)) for k in (0, 100, 300, 1000)]
    assert curve[0] <= 1.0 and all(a < b for a, b in zip(curve, curve[1:])) and curve[-1] > 2.0, curve

    han = "注意力机制的缩放因子"
    assert len(_bpe_encode(han, {})) == 3 * len(han)  # bytes only: 3 tokens per Han character
    zh_english_only = chars_per_token(zh_test, english)
    both = _bpe_train(en_train + zh_train, 1000)
    zh_both = chars_per_token(zh_test, both)
    assert zh_english_only < 0.8 and zh_both > 1.0 and zh_both > 1.4 * zh_english_only, (zh_english_only, zh_both)

    for text in ("naïve café 😀 — 上下文 10M tokens", "\t\n  ", han, en_test[:500]):
        assert _bpe_decode(_bpe_encode(text, both), both) == text  # byte-level: nothing is unknown

    marker = "<|im_end|>"
    plain = _bpe_encode("answer" + marker, both)
    special = _bpe_encode("answer" + marker, both, special={marker: 256 + len(both)})
    assert len(plain) - len(_bpe_encode("answer", both)) > 1 and special[-1] == 256 + len(both)
    assert len(special) == len(_bpe_encode("answer", both)) + 1


def vocabulary_parameter_cost() -> None:
    """Llama 3 8B as transformers builds it (meta device): the 128,256-token vocabulary costs
    128,256 x 4,096 ~ 525M parameters in the input embedding and as many in the untied output layer,
    ~1.05B of ~8.03B (13%)."""
    import torch
    from transformers import LlamaConfig, LlamaForCausalLM

    config = LlamaConfig(vocab_size=128256, hidden_size=4096, intermediate_size=14336, num_hidden_layers=32,
                         num_attention_heads=32, num_key_value_heads=8, tie_word_embeddings=False)
    with torch.device("meta"):
        model = LlamaForCausalLM(config)
    total = sum(p.numel() for p in model.parameters())
    vocab = model.get_input_embeddings().weight.numel() + model.get_output_embeddings().weight.numel()
    assert round(total / 1e9, 2) == 8.03 and round(vocab / 1e9, 2) == 1.05, (total, vocab)
    assert 0.12 < vocab / total < 0.14


def cuda_warp_reduce_and_bank_conflicts() -> None:
    """Simulated warp: a __shfl_down_sync tree (offsets 16, 8, 4, 2, 1) leaves the max / the sum of 32
    lanes in lane 0 after 5 steps; a warp reading a column of float tile[32][32] hits one shared-memory
    bank 32 times (banks: 32 x 4 bytes), of tile[32][33] every bank once; a two-level (warp, then block)
    reduction gives the row softmax, equal to torch.softmax, and subtracting the max avoids overflow."""
    import numpy as np
    import torch

    rng = np.random.default_rng(5)

    def shfl_down_reduce(lanes: np.ndarray, op) -> tuple[float, int]:
        v, steps, off = lanes.copy(), 0, 16
        while off > 0:
            shifted = np.concatenate([v[off:], v[-off:]])  # lanes past the end read their own value back
            v = op(v, shifted)
            steps, off = steps + 1, off // 2
        return v[0], steps

    x = rng.standard_normal(32)
    top, steps = shfl_down_reduce(x, np.maximum)
    total, _ = shfl_down_reduce(x, np.add)
    assert steps == 5 and top == x.max() and np.isclose(total, x.sum())

    def max_conflict(row_len: int) -> int:
        addresses = [(lane * row_len + 0) * 4 for lane in range(32)]  # thread `lane` reads tile[lane][0]
        banks = [(a // 4) % 32 for a in addresses]
        return max(banks.count(b) for b in set(banks))

    assert max_conflict(32) == 32 and max_conflict(33) == 1

    row = rng.standard_normal(1000).astype(np.float32) * 30
    warps = np.array_split(row, 32)  # 32 warps of a 1024-thread block, about 32 elements each
    m = max(shfl_down_reduce(np.resize(w, 32), np.maximum)[0] for w in warps)  # per-warp, then block
    e = np.exp(row - m)
    s = sum(shfl_down_reduce(np.pad(w, (0, 32 - len(w))), np.add)[0] for w in np.array_split(e, 32))
    assert np.allclose(e / s, torch.softmax(torch.from_numpy(row), 0).numpy(), atol=1e-6)
    with np.errstate(over="ignore"):
        assert not np.isfinite(np.exp(row.astype(np.float16))).all()  # without the max: overflow


def batchnorm_train_eval_and_padding() -> None:
    """PyTorch's BatchNorm1d: training mode normalises with the batch statistics and moves the running
    mean 10% of the way to the batch mean (momentum 0.1); eval mode uses the running statistics, so the
    same batch gives different outputs; a batch of one is refused in training mode. LayerNorm gives the
    same output in both modes. Padding rows shift BatchNorm's output for the real rows, not LayerNorm's."""
    import torch

    torch.manual_seed(0)
    x = torch.randn(32, 8) * 2 + 5
    bn = torch.nn.BatchNorm1d(8, affine=False)
    train_out = bn(x)
    assert torch.allclose(bn.running_mean, 0.1 * x.mean(0), atol=1e-5)  # 0.9 * 0 + 0.1 * batch mean
    bn.eval()
    eval_out = bn(x)
    assert not torch.allclose(train_out, eval_out, atol=1e-2)
    bn.train()
    try:
        bn(x[:1])
    except ValueError as exc:
        assert "more than 1 value per channel" in str(exc)
    else:
        raise AssertionError("BatchNorm1d accepted a training batch of one")

    ln = torch.nn.LayerNorm(8)
    a = ln(x)
    ln.eval()
    assert torch.equal(a, ln(x))

    padded = torch.cat([x, torch.zeros(16, 8)])  # 16 padding rows of zeros
    bn_real = torch.nn.BatchNorm1d(8, affine=False)(padded)[:32]
    ln_real = torch.nn.LayerNorm(8)(padded)[:32]
    assert not torch.allclose(bn_real, torch.nn.BatchNorm1d(8, affine=False)(x), atol=1e-2)
    assert torch.allclose(ln_real, torch.nn.LayerNorm(8)(x), atol=1e-6)
