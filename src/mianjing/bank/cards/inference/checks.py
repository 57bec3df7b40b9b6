"""Runnable checks for the inference cards (KV cache, batching, speculative decoding, quantisation,
PagedAttention, FlashAttention). No arguments, no return value, AssertionError when a claim fails.
torch is imported inside the functions."""

from __future__ import annotations

import math


# --------------------------------------------------------------------------- KV cache

def _toy_layers(d, n_layers, seed=0):
    import torch

    g = torch.Generator().manual_seed(seed)
    return [tuple(torch.randn(d, d, generator=g, dtype=torch.float64) / math.sqrt(d) for _ in range(4))
            for _ in range(n_layers)]


def _full_forward(x, layers):
    """Causal single-head attention + residual, recomputed over the whole prefix."""
    import torch

    n, d = x.shape
    mask = torch.ones(n, n, dtype=torch.bool).tril()
    for wq, wk, wv, wo in layers:
        q, k, v = x @ wq, x @ wk, x @ wv
        a = torch.softmax((q @ k.T / math.sqrt(d)).masked_fill(~mask, -math.inf), -1)
        x = x + torch.tanh(a @ v @ wo)
    return x


def kv_cache_matches_recompute() -> None:
    """Decoding with a per-layer KV cache (compute K,V of the new token only, append, attend) gives
    the same outputs as recomputing the whole prefix each step; Q is never reused, so not cached."""
    import torch

    torch.manual_seed(0)
    d, n, n_layers = 16, 9, 3
    layers = _toy_layers(d, n_layers)
    xs = torch.randn(n, d, dtype=torch.float64)
    full = _full_forward(xs, layers)
    cache = [([], []) for _ in layers]
    for t in range(n):
        h = xs[t]
        for (wq, wk, wv, wo), (kc, vc) in zip(layers, cache):
            kc.append(h @ wk)
            vc.append(h @ wv)
            k, v = torch.stack(kc), torch.stack(vc)
            a = torch.softmax(k @ (h @ wq) / math.sqrt(d), -1)
            h = h + torch.tanh(a @ v @ wo)
        assert torch.allclose(h, full[t], atol=1e-12), t
    assert all(len(kc) == n for kc, _ in cache)


def _kv_bytes(layers, kv_heads, head_dim, tokens, dtype):
    """Bytes of real (meta) cache tensors: one K and one V tensor per layer."""
    import torch

    total = 0
    for _ in range(layers):
        k = torch.empty(1, kv_heads, tokens, head_dim, dtype=dtype, device="meta")
        v = torch.empty_like(k)
        total += k.nbytes + v.nbytes
    return total


def kv_cache_bytes_mha_gqa_mqa() -> None:
    """KV cache = 2 · layers · kv_heads · head_dim · bytes · tokens. Llama 3 8B shape (32 layers,
    32 query heads, head dim 128) in bf16: MHA 512 KiB/token, GQA-8 128 KiB/token, MQA 16 KiB/token;
    8192 tokens of GQA-8 = 1 GiB."""
    import torch

    def per_token(kv_heads):
        return _kv_bytes(32, kv_heads, 128, 1, torch.bfloat16)

    assert per_token(32) == 512 * 1024
    assert per_token(8) == 128 * 1024
    assert per_token(1) == 16 * 1024
    assert per_token(32) // per_token(8) == 4 and per_token(32) // per_token(1) == 32
    assert _kv_bytes(32, 8, 128, 8192, torch.bfloat16) == 2**30
    assert 2 * 32 * 8 * 128 * 2 == per_token(8)  # the closed form


def kv_cache_bytes_mla() -> None:
    """DeepSeek-V3 (61 layers, 128 heads of dim 128, d_c=512, d_h^R=64) in bf16: MLA caches
    61·576·2 = 70,272 bytes per token, vs 61·2·128·128·2 = 3,997,696 for MHA of the same shape (57×)."""
    import torch

    layers = 61
    mla = 0
    for _ in range(layers):
        c = torch.empty(1, 512, dtype=torch.bfloat16, device="meta")
        kr = torch.empty(1, 64, dtype=torch.bfloat16, device="meta")
        mla += c.nbytes + kr.nbytes
    mha = _kv_bytes(layers, 128, 128, 1, torch.bfloat16)
    assert mla == 70272 and mha == 3997696
    assert round(mha / mla) == 57


def kv_cache_int8_quantisation() -> None:
    """Per-token absmax INT8 halves the bytes of a BF16/FP16 cache with a reconstruction error of at
    most scale/2 per element; keys with outlier channels (KIVI's observation) quantise better
    per channel than per token."""
    import torch

    g = torch.Generator().manual_seed(1)
    n, d = 256, 64
    k = torch.randn(n, d, generator=g)
    k[:, :3] *= 30.0  # a few outlier channels, as observed for keys

    def quant(x, dim):
        scale = x.abs().amax(dim=dim, keepdim=True) / 127.0
        q = torch.clamp(torch.round(x / scale), -127, 127).to(torch.int8)
        return q, scale

    q_tok, s_tok = quant(k, dim=1)  # one scale per token
    q_ch, s_ch = quant(k, dim=0)  # one scale per channel
    err_tok = (q_tok.float() * s_tok - k).abs()
    err_ch = (q_ch.float() * s_ch - k).abs()
    assert (err_tok <= s_tok / 2 + 1e-6).all() and (err_ch <= s_ch / 2 + 1e-6).all()
    assert q_tok.nbytes * 2 == k.to(torch.float16).nbytes
    assert err_ch.pow(2).mean() < 0.5 * err_tok.pow(2).mean()
    # the ordinary channels suffer most under per-token scales (the outliers set every row's scale)
    assert err_ch[:, 3:].pow(2).mean() < 0.05 * err_tok[:, 3:].pow(2).mean()


def cross_layer_kv_sharing() -> None:
    """CLA2 (Brandon et al. 2024): adjacent layer pairs share one K/V, so only half of the layers
    produce and store a cache: 2× smaller; outputs of a consumer layer use the producer's K/V."""
    import torch

    torch.manual_seed(2)
    d, n, n_layers = 8, 5, 6
    x = torch.randn(n, d)
    wk = [torch.randn(d, d) for _ in range(n_layers)]
    stored = {}
    for layer in range(n_layers):
        producer = layer - layer % 2  # layers (0,1), (2,3), ... share
        if producer not in stored:
            stored[producer] = (x @ wk[producer], x @ wk[producer])
    per_layer = sum(t.nbytes for t in stored[0])
    assert sum(sum(t.nbytes for t in kv) for kv in stored.values()) * 2 == per_layer * n_layers
    assert len(stored) == n_layers // 2


# --------------------------------------------------------------------------- decode cost

def decode_arithmetic_intensity() -> None:
    """A bf16 linear layer on b tokens does 2·b·in·out FLOPs (counted by torch) while reading
    2·in·out weight bytes: intensity = b FLOP/byte, far below an H100's ~295 (989 TFLOPS /
    3.35 TB/s), so small-batch decoding is memory-bandwidth bound; a 7B bf16 model needs ≥ ~4.2 ms
    per step just to read its weights at 3.35 TB/s."""
    import torch
    from torch.utils.flop_counter import FlopCounterMode

    din, dout = 256, 512
    lin = torch.nn.Linear(din, dout, bias=False, dtype=torch.bfloat16)
    wbytes = lin.weight.nbytes
    for b in (1, 4, 16):
        x = torch.randn(b, din, dtype=torch.bfloat16)
        with FlopCounterMode(display=False) as fc:
            lin(x)
        flops = fc.get_total_flops()
        assert flops == 2 * b * din * dout
        assert flops / wbytes == b
    ridge = 989e12 / 3.35e12
    assert 290 < ridge < 300
    step_ms = 7e9 * 2 / 3.35e12 * 1e3
    assert 4.1 < step_ms < 4.3


def continuous_batching_fewer_steps() -> None:
    """Static batching holds every slot until the longest request of its batch ends; iteration-level
    (continuous) batching refills a slot as soon as a request ends, so it needs fewer decode steps
    for the same work and keeps slots busier."""
    import random

    rng = random.Random(3)
    lengths = [rng.choice([5, 10, 20, 200]) for _ in range(64)]
    slots = 8
    static_steps = sum(max(lengths[i:i + slots]) for i in range(0, len(lengths), slots))
    # continuous: event simulation, one step decodes one token for each running request
    queue, running, steps = list(lengths), [], 0
    while queue or running:
        while queue and len(running) < slots:
            running.append(queue.pop(0))
        running = [r - 1 for r in running]
        running = [r for r in running if r > 0]
        steps += 1
    work = sum(lengths)
    assert steps < static_steps
    assert steps >= math.ceil(work / slots) and steps >= max(lengths)
    util_static, util_cont = work / (static_steps * slots), work / (steps * slots)
    assert util_cont > util_static + 0.2, (util_static, util_cont)


# --------------------------------------------------------------------------- speculative decoding

def speculative_sampling_is_exact() -> None:
    """Leviathan et al. §2.3: draft x ~ q, accept with min(1, p(x)/q(x)), else resample from
    norm(max(0, p - q)). The resulting token distribution equals the target p exactly, and the
    acceptance probability is α = Σ min(p, q) = 1 - TV(p, q)."""
    import torch

    g = torch.Generator().manual_seed(4)
    for _ in range(20):
        p = torch.softmax(torch.randn(50, generator=g, dtype=torch.float64) * 2, 0)
        q = torch.softmax(torch.randn(50, generator=g, dtype=torch.float64) * 2, 0)
        accept = q * torch.clamp(p / q, max=1.0)  # P(draft x and accepted)
        alpha = accept.sum()
        resid = torch.clamp(p - q, min=0)
        out = accept + (1 - alpha) * resid / resid.sum()
        assert torch.allclose(out, p, atol=1e-12)
        assert torch.isclose(alpha, torch.minimum(p, q).sum())
        assert torch.isclose(alpha, 1 - 0.5 * (p - q).abs().sum())


def speculative_expected_tokens() -> None:
    """With γ drafted tokens each accepted independently with probability α, one target forward
    yields E = (1 - α^(γ+1)) / (1 - α) tokens (Leviathan et al. Eq. 1): computed here from the
    distribution of the number of accepted drafts."""
    for alpha in (0.5, 0.7, 0.85, 0.9):
        for gamma in (1, 3, 5, 8):
            e = 0.0
            for k in range(gamma + 1):  # k drafts accepted, then one token from the target
                pk = alpha**k * (1 - alpha) if k < gamma else alpha**gamma
                e += pk * (k + 1)
            assert abs(e - (1 - alpha ** (gamma + 1)) / (1 - alpha)) < 1e-12
    # the card's worked example: alpha = 0.8, gamma = 4
    e = sum(0.8**k * 0.2 * (k + 1) for k in range(4)) + 0.8**4 * 5
    assert abs(e - 3.3616) < 1e-12 and abs(3.3616 / (1 + 4 * 0.1) - 2.4) < 0.01
    # MTP with one extra token (DeepSeek-V3 §5.4.3): acceptance 85-90% gives 1.85-1.9 tokens/step
    import numpy as np

    rng = np.random.default_rng(0)
    for alpha, want in ((0.85, 1.85), (0.9, 1.9)):
        accepted = rng.random(400_000) < alpha  # one drafted token per step, accepted with prob alpha
        assert abs(1 + accepted.mean() - want) < 0.005, (alpha, 1 + accepted.mean())


def mtp_targets_offsets() -> None:
    """DeepSeek-V3 §2.2: the k-th MTP module at position i predicts token i+k+1, so with sequence
    length T it has T-k-1 training positions; depth D=1 adds one extra prediction per position."""
    import torch

    tokens = torch.arange(100, 112)  # T = 12 token ids
    T = tokens.numel()
    for k in range(0, 3):  # k = 0 is the main next-token head
        inputs, targets = tokens[: T - k - 1], tokens[k + 1:]
        assert inputs.numel() == targets.numel() == T - k - 1
        assert torch.equal(targets - inputs, torch.full_like(inputs, k + 1))


# --------------------------------------------------------------------------- weight quantisation

def weight_quantisation_error_and_size() -> None:
    """Symmetric absmax INT8: |w - ŵ| ≤ scale/2 with scale = max|w|/127; 4-bit weights with one
    FP16 scale per group of 128 cost 4 + 16/128 = 4.125 bits per weight, so a 7B model needs ≈3.6 GB
    vs 14 GB in BF16."""
    import torch

    g = torch.Generator().manual_seed(5)
    w = torch.randn(256, 512, generator=g)
    scale = w.abs().amax(dim=1, keepdim=True) / 127
    q = torch.round(w / scale).clamp(-127, 127).to(torch.int8)
    assert ((q.float() * scale - w).abs() <= scale / 2 + 1e-7).all()
    assert q.nbytes * 2 == w.to(torch.bfloat16).nbytes
    # INT4 with group size 128: pack two nibbles per byte and store an fp16 scale per group
    wg = w.reshape(-1, 128)
    s4 = wg.abs().amax(1, keepdim=True) / 7
    q4 = torch.round(wg / s4).clamp(-8, 7).to(torch.int16) & 0xF
    packed = (q4[:, 0::2] | (q4[:, 1::2] << 4)).to(torch.uint8)
    bits = (packed.nbytes + s4.to(torch.float16).nbytes) * 8 / w.numel()
    assert bits == 4.125
    assert abs(7e9 * bits / 8 / 1e9 - 3.61) < 0.01


# --------------------------------------------------------------------------- PagedAttention

class _BlockManager:
    """A toy vLLM-style block manager: physical blocks of `bs` token slots, a block table per
    sequence, reference counts and copy-on-write."""

    def __init__(self, n_blocks, bs, dh):
        import torch

        self.bs = bs
        self.k = torch.zeros(n_blocks, bs, dh, dtype=torch.float64)
        self.free = list(range(n_blocks))
        self.ref = [0] * n_blocks
        self.tables = {}
        self.lens = {}

    def _alloc(self):
        b = self.free.pop(0)
        self.ref[b] = 1
        return b

    def append(self, seq, vec):
        table = self.tables.setdefault(seq, [])
        n = self.lens.get(seq, 0)
        if n % self.bs == 0:
            table.append(self._alloc())
        last = table[-1]
        if self.ref[last] > 1:  # copy-on-write: the block is shared
            new = self._alloc()
            self.k[new] = self.k[last]
            self.ref[last] -= 1
            table[-1] = last = new
        self.k[last, n % self.bs] = vec
        self.lens[seq] = n + 1

    def fork(self, src, dst):
        self.tables[dst] = list(self.tables[src])
        self.lens[dst] = self.lens[src]
        for b in self.tables[dst]:
            self.ref[b] += 1

    def gather(self, seq):
        import torch

        n = self.lens[seq]
        return torch.cat([self.k[b] for b in self.tables[seq]])[:n]


def paged_attention_equals_contiguous() -> None:
    """Attention over K/V scattered in non-contiguous physical blocks, looked up through the block
    table, equals attention over a contiguous cache (Kwon et al. §4.1)."""
    import torch

    torch.manual_seed(6)
    dh, bs = 8, 4
    mgr = _BlockManager(32, bs, dh)
    mgr.free = [7, 2, 19, 11, 3, 25, 0, 14] + [b for b in range(32) if b not in (7, 2, 19, 11, 3, 25, 0, 14)]
    keys = {s: torch.randn(n, dh, dtype=torch.float64) for s, n in (("a", 10), ("b", 7))}
    for i in range(10):  # interleave two sequences so their blocks are not contiguous
        for s, kk in keys.items():
            if i < kk.shape[0]:
                mgr.append(s, kk[i])
    q = torch.randn(dh, dtype=torch.float64)
    for s, kk in keys.items():
        paged = mgr.gather(s)
        assert torch.equal(paged, kk)
        assert torch.allclose(torch.softmax(paged @ q, 0), torch.softmax(kk @ q, 0))
    assert mgr.tables["a"] == [7, 19, 3] and mgr.tables["b"] == [2, 11]


def paged_attention_waste_bound() -> None:
    """With block size B, a sequence of n tokens occupies ceil(n/B) blocks; the only waste is in its
    last block, at most B-1 slots (Kwon et al. §4.2), vs reserving max_len slots up front."""
    bs, max_len = 16, 2048
    import random

    rng = random.Random(7)
    lens = [rng.randint(1, max_len) for _ in range(500)]
    paged_slots = sum(math.ceil(n / bs) * bs for n in lens)
    waste = [math.ceil(n / bs) * bs - n for n in lens]
    assert max(waste) <= bs - 1 and min(waste) >= 0
    used = sum(lens)
    assert (paged_slots - used) / paged_slots < 0.01
    reserved = len(lens) * max_len
    assert used / reserved < 0.6  # preallocating max_len wastes a large share


def paged_attention_copy_on_write() -> None:
    """Parallel sampling (Kwon et al. §4.4): forked sequences share the prompt's blocks with a
    reference count; the first write to a shared block copies it, full blocks stay shared."""
    import torch

    dh, bs = 4, 4
    mgr = _BlockManager(16, bs, dh)
    prompt = torch.arange(6 * dh, dtype=torch.float64).view(6, dh)
    for row in prompt:
        mgr.append("p", row)
    mgr.fork("p", "s1")
    shared_full, shared_last = mgr.tables["p"]
    assert mgr.ref[shared_full] == 2 and mgr.ref[shared_last] == 2
    used_before = 16 - len(mgr.free)
    mgr.append("s1", torch.full((dh,), -1.0, dtype=torch.float64))
    assert mgr.tables["s1"][0] == shared_full and mgr.tables["s1"][1] != shared_last
    assert mgr.ref[shared_full] == 2 and mgr.ref[shared_last] == 1
    assert 16 - len(mgr.free) == used_before + 1  # exactly one block copied
    assert torch.equal(mgr.gather("p"), prompt)  # the original is untouched
    assert torch.equal(mgr.gather("s1")[:6], prompt)


# --------------------------------------------------------------------------- FlashAttention

def online_softmax_matches() -> None:
    """Milakov & Gimelshein 2018: one pass with a running max m and a running sum ℓ rescaled by
    exp(m_old - m_new) gives the exact softmax; two partial states merge exactly."""
    import torch

    g = torch.Generator().manual_seed(8)
    x = torch.randn(1000, generator=g, dtype=torch.float64) * 20
    m, l = -math.inf, 0.0
    for v in x.tolist():
        m_new = max(m, v)
        l = l * math.exp(m - m_new) + math.exp(v - m_new)
        m = m_new
    online = torch.exp(x - m) / l
    assert torch.allclose(online, torch.softmax(x, 0), atol=1e-15)

    def state(chunk):
        mm = chunk.max()
        return mm, torch.exp(chunk - mm).sum()

    (m1, l1), (m2, l2) = state(x[:300]), state(x[300:])
    mm = torch.maximum(m1, m2)
    ll = l1 * torch.exp(m1 - mm) + l2 * torch.exp(m2 - mm)
    assert torch.isclose(mm, x.max()) and torch.isclose(ll, torch.exp(x - x.max()).sum())
    # the naive form overflows in float32 where the max-subtracted form does not
    big = torch.tensor([100.0, 101.0], dtype=torch.float32)
    assert torch.isinf(torch.exp(big)).all() and torch.isfinite(torch.softmax(big, 0)).all()


def flash_attention_tiled_matches() -> None:
    """FlashAttention's forward (Dao et al. Algorithm 1): loop over K/V tiles keeping per-row m, ℓ and
    an unnormalised output O, rescale when the max changes, divide by ℓ at the end. Equals standard
    attention (with a causal mask) without ever holding the n×n matrix."""
    import torch

    torch.manual_seed(9)
    n, dh, tile = 37, 16, 8
    q, k, v = (torch.randn(n, dh, dtype=torch.float64) for _ in range(3))
    scale = 1 / math.sqrt(dh)
    mask = torch.ones(n, n, dtype=torch.bool).tril()
    ref = torch.softmax((q @ k.T * scale).masked_fill(~mask, -math.inf), -1) @ v
    out = torch.empty_like(q)
    for r0 in range(0, n, tile):
        qi = q[r0:r0 + tile]
        rows = torch.arange(r0, min(r0 + tile, n))
        m = torch.full((len(rows),), -math.inf, dtype=torch.float64)
        l = torch.zeros(len(rows), dtype=torch.float64)
        o = torch.zeros(len(rows), dh, dtype=torch.float64)
        for c0 in range(0, r0 + tile, tile):  # tiles fully above the diagonal are skipped
            if c0 >= n:
                break
            cols = torch.arange(c0, min(c0 + tile, n))
            s = qi @ k[c0:c0 + tile].T * scale
            s = s.masked_fill(cols[None, :] > rows[:, None], -math.inf)
            m_new = torch.maximum(m, s.max(1).values)
            p = torch.exp(s - m_new[:, None])
            corr = torch.exp(m - m_new)
            l = l * corr + p.sum(1)
            o = o * corr[:, None] + p @ v[c0:c0 + tile]
            m = m_new
            assert s.shape[1] <= tile  # only a tile of scores exists at any time
        out[r0:r0 + tile] = o / l[:, None]
    assert torch.allclose(out, ref, atol=1e-12)


# --------------------------------------------------------------------------- prefix caching

def _block_hashes(tokens, bs):
    """vLLM-style prefix-caching keys: a full block's key covers its own tokens and, through the
    parent key, every token before it; a trailing partial block gets no key."""
    keys, parent = [], None
    for start in range(0, len(tokens) - len(tokens) % bs, bs):
        parent = hash((parent, tuple(tokens[start:start + bs])))
        keys.append(parent)
    return keys


def prefix_caching_reuse() -> None:
    """Automatic prefix caching reuses only full blocks whose whole prefix matches: two requests
    sharing a 37-token system prompt with block size 16 share 2 blocks (32 tokens) and recompute the
    rest; identical block contents after a different prefix are not shared."""
    bs = 16
    system = list(range(1000, 1037))  # 37 tokens
    a = system + [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
    b = system + [21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35]
    cache = {}
    for key in _block_hashes(a, bs):
        cache[key] = True
    hits = 0
    for key in _block_hashes(b, bs):
        if key not in cache:
            break
        hits += 1
    assert hits == 2 and hits * bs == 32 == (len(system) // bs) * bs
    assert len(b) - hits * bs == 20  # tokens b still has to prefill
    # the same 16 tokens after a different prefix produce a different key
    block = list(range(500, 516))
    assert _block_hashes([7] * 16 + block, bs)[1] != _block_hashes([8] * 16 + block, bs)[1]
    assert _block_hashes(block, bs)[0] != _block_hashes([7] * 16 + block, bs)[1]
