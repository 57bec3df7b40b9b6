"""Runnable checks for the fine-tuning cards (SFT, LoRA, QLoRA).

Each function takes no arguments, recomputes one claim from real tensors or the library itself, and
raises AssertionError when the claim is false. torch and peft are imported inside the functions.
"""

from __future__ import annotations

import math


def _peft_lora_linear(r=4, alpha=8, d_in=32, d_out=16, **kw):
    """A tiny nn.Linear wrapped with PEFT's LoRA; returns (model, lora_A, lora_B, scaling). peft is a
    test dependency: without it the checks that use it fail with an import error, never pass silently."""
    import torch
    from peft import LoraConfig, get_peft_model

    class Tiny(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.proj = torch.nn.Linear(d_in, d_out)

        def forward(self, x):
            return self.proj(x)

    model = get_peft_model(Tiny(), LoraConfig(r=r, lora_alpha=alpha, target_modules=["proj"], **kw))
    layer = model.base_model.model.proj
    return model, layer.lora_A["default"], layer.lora_B["default"], layer.scaling["default"]


def lora_default_init_matches_peft() -> None:
    """PEFT's default LoRA init (init_lora_weights=True): A ~ kaiming_uniform_(a=sqrt(5)), i.e.
    U(-1/sqrt(fan_in), 1/sqrt(fan_in)); B = 0; so Delta W = B A = 0 and the wrapped layer equals the
    base layer at step 0."""
    import torch

    torch.manual_seed(0)
    d_in, d_out, r = 256, 64, 8
    bound = 1 / math.sqrt(d_in)  # gain sqrt(2/(1+5)) * sqrt(3/fan_in) = 1/sqrt(fan_in)
    reference = torch.empty(4096, d_in)
    torch.nn.init.kaiming_uniform_(reference, a=math.sqrt(5))  # torch's own initialiser
    assert bound * 0.99 < reference.abs().max() <= bound
    model, A, B, scaling = _peft_lora_linear(r=r, alpha=16, d_in=d_in, d_out=d_out)
    assert tuple(A.weight.shape) == (r, d_in) and tuple(B.weight.shape) == (d_out, r)
    a = A.weight.detach()
    assert torch.all(B.weight == 0)
    assert a.abs().max() <= bound and a.abs().max() > 0.9 * bound  # fills the uniform range
    assert abs(a.std().item() - bound / math.sqrt(3)) < 0.1 * bound  # std of U(-b,b) = b/sqrt3
    assert abs(a.mean().item()) < 0.05 * bound
    assert scaling == 16 / 8
    x = torch.randn(5, d_in)
    base = model.base_model.model.proj.base_layer
    assert torch.allclose(model(x), base(x))  # Delta W = 0 at the start
    # the paper's alternative, PEFT init_lora_weights="gaussian": A ~ N(0, 1/r), still B = 0
    _, A, B, _ = _peft_lora_linear(r=r, alpha=16, d_in=d_in, d_out=d_out, init_lora_weights="gaussian")
    assert torch.all(B.weight == 0)
    assert abs(A.weight.std().item() - 1 / r) < 0.1 / r


def _lora_grads(A0, B0, seed=0):
    import torch

    g = torch.Generator().manual_seed(seed)
    d_in, d_out = A0.shape[1], B0.shape[0]
    W = torch.randn(d_out, d_in, generator=g)
    x = torch.randn(20, d_in, generator=g)
    y = torch.randn(20, d_out, generator=g)
    A = A0.clone().requires_grad_(True)
    B = B0.clone().requires_grad_(True)
    loss = ((x @ (W + B @ A).T - y) ** 2).mean()
    loss.backward()
    return A, B, A.grad, B.grad, (W, x, y)


def lora_swap_and_zero_both() -> None:
    """dL/dB = G A^T and dL/dA = B^T G (G = dL/dW). Default (B=0, A random): B gets a gradient, A not
    yet, and after one step both move. Swapped (A=0, B random): A gets the gradient and it also
    trains, Delta W still 0 at start. Both zero: both gradients are exactly zero forever (a saddle)."""
    import torch

    g = torch.Generator().manual_seed(1)
    d_in, d_out, r = 12, 10, 3
    rand_A = torch.randn(r, d_in, generator=g) / math.sqrt(d_in)
    rand_B = torch.randn(d_out, r, generator=g) / math.sqrt(r)
    zA, zB = torch.zeros(r, d_in), torch.zeros(d_out, r)

    def train(A0, B0, steps=60, lr=0.05):
        A = A0.clone().requires_grad_(True)
        B = B0.clone().requires_grad_(True)
        _, _, _, _, (W, x, y) = _lora_grads(A0, B0)
        losses = []
        for _ in range(steps):
            loss = ((x @ (W + B @ A).T - y) ** 2).mean()
            losses.append(loss.item())
            A.grad = B.grad = None
            loss.backward()
            with torch.no_grad():
                A -= lr * A.grad
                B -= lr * B.grad
        return losses, A, B

    # default: B = 0
    A, B, gA, gB, _ = _lora_grads(rand_A, zB)
    assert torch.all(gA == 0) and gB.abs().sum() > 0
    losses, A1, B1 = train(rand_A, zB)
    assert losses[-1] < 0.9 * losses[0] and B1.abs().sum() > 0 and not torch.equal(A1, rand_A)
    # swapped: A = 0
    A, B, gA, gB, _ = _lora_grads(zA, rand_B)
    assert torch.all(gB == 0) and gA.abs().sum() > 0
    assert torch.all(zA.T @ rand_B.T == 0)  # Delta W = B A = 0 at start too
    losses, A2, B2 = train(zA, rand_B)
    assert losses[-1] < 0.9 * losses[0] and A2.abs().sum() > 0
    # both zero: stuck
    A, B, gA, gB, _ = _lora_grads(zA, zB)
    assert torch.all(gA == 0) and torch.all(gB == 0)
    losses, A3, B3 = train(zA, zB)
    assert losses[-1] == losses[0] and torch.all(A3 == 0) and torch.all(B3 == 0)


def lora_merge_and_parameter_count() -> None:
    """h = W x + (alpha/r) B A x; merging W' = W + (alpha/r) B A gives the same output (no inference
    latency); rank(B A) <= r; trainable params r(d_in + d_out) vs d_in*d_out (4096x4096, r=8: 65,536
    vs 16,777,216, 0.39%)."""
    import torch

    model, A, B, scaling = _peft_lora_linear(r=4, alpha=8, d_in=32, d_out=16)
    torch.manual_seed(0)
    with torch.no_grad():
        B.weight.normal_()  # pretend training happened
    x = torch.randn(7, 32)
    out = model(x)
    base = model.base_model.model.proj.base_layer
    W = base.weight + scaling * B.weight @ A.weight
    manual = x @ W.T + base.bias
    assert torch.allclose(out, manual, atol=1e-5)
    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    assert trainable == 4 * (32 + 16)  # r (d_in + d_out); the base weight is frozen
    merged = model.merge_and_unload()
    assert torch.allclose(merged(x), out, atol=1e-5)
    r = 8
    BA = torch.randn(64, r) @ torch.randn(r, 48)
    assert torch.linalg.matrix_rank(BA) == r
    # PEFT's own count on a 4096 x 4096 projection (meta device: shapes only, no memory)
    with torch.device("meta"):
        big, _, _, _ = _peft_lora_linear(r=r, alpha=16, d_in=4096, d_out=4096)
    lora = sum(p.numel() for p in big.parameters() if p.requires_grad)
    full = big.base_model.model.proj.base_layer.weight.numel()
    assert (lora, full) == (65_536, 16_777_216) and round(100 * lora / full, 2) == 0.39, (lora, full)


def lora_scaling_alpha_over_r() -> None:
    """PEFT scales the update by lora_alpha / r (default), or lora_alpha / sqrt(r) with
    use_rslora=True (Kalajdzievski 2023). PEFT LoraConfig defaults: r=8, lora_alpha=8, dropout 0."""
    from peft import LoraConfig

    cfg = LoraConfig()
    assert (cfg.r, cfg.lora_alpha, cfg.lora_dropout) == (8, 8, 0.0), (cfg.r, cfg.lora_alpha, cfg.lora_dropout)
    for r, alpha in ((4, 8), (16, 32), (64, 16)):
        built = _peft_lora_linear(r=r, alpha=alpha)
        assert built[3] == alpha / r
        built = _peft_lora_linear(r=r, alpha=alpha, use_rslora=True)
        assert abs(built[3] - alpha / math.sqrt(r)) < 1e-12


def lora_alpha_over_r_keeps_update_scale() -> None:
    """Why alpha/r: with A rows ~ U(+-1/sqrt(d)) and B entries of fixed size, ||B A x|| grows like
    sqrt(r) (sum of r independent terms); alpha/r shrinks it like 1/sqrt(r) overall, alpha/sqrt(r)
    (rsLoRA) keeps it constant."""
    import torch

    g = torch.Generator().manual_seed(0)
    d, alpha = 512, 16
    x = torch.randn(256, d, generator=g)
    norms = {}
    for r in (4, 64):
        A = (torch.rand(r, d, generator=g) * 2 - 1) / math.sqrt(d)
        B = torch.randn(d, r, generator=g) * 0.01
        raw = (x @ A.T @ B.T).norm(dim=1).mean().item()
        norms[r] = (raw, raw * alpha / r, raw * alpha / math.sqrt(r))
    ratio_raw = norms[64][0] / norms[4][0]
    ratio_lora = norms[64][1] / norms[4][1]
    ratio_rs = norms[64][2] / norms[4][2]
    assert 3.0 < ratio_raw < 5.3  # ~ sqrt(16) = 4
    assert 0.19 < ratio_lora < 0.33  # ~ 4/16 = 1/4
    assert 0.75 < ratio_rs < 1.33  # ~ 1


def qlora_double_quant_bits() -> None:
    """QLoRA §3: one fp32 absmax per 64 weights costs 32/64 = 0.5 bit/param; double quantisation
    stores absmax in 8 bits with one fp32 constant per 256 of them: 8/64 + 32/(64*256) = 0.127
    bit/param, saving 0.373 bit (about 3 GB on a 65B model). Bits are counted from the tensors a real
    blockwise quantisation of the constants produces, and the 8-bit constants still reconstruct well."""
    import torch

    block, block2 = 64, 256
    n = block * block2 * 8  # 131,072 weights
    w = torch.randn(n, generator=torch.Generator().manual_seed(0))
    absmax = w.view(-1, block).abs().amax(1).float()  # one per block
    single = absmax.numel() * absmax.element_size() * 8 / n
    # second quantisation: centre the constants, then int8 per block of 256 with an fp32 scale
    mean = absmax.mean()
    centred = (absmax - mean).view(-1, block2)
    c2 = centred.abs().amax(1, keepdim=True).float()  # second-level fp32 constants
    q_absmax = torch.round(centred / c2 * 127).to(torch.int8)
    restored = (q_absmax.float() / 127 * c2).view(-1) + mean
    assert (restored - absmax).abs().max() / absmax.mean() < 0.01  # 8-bit constants lose little
    double = (q_absmax.numel() * q_absmax.element_size() * 8 + c2.numel() * c2.element_size() * 8) / n
    assert abs(single - 0.5) < 1e-12 and abs(double - 0.127) < 0.001, (single, double)
    saved = single - double
    assert abs(saved - 0.373) < 0.001
    assert 2.9 < saved * 65e9 / 8 / 1e9 < 3.1  # ~3 GB at 65B


def nf4_levels_from_normal_quantiles() -> None:
    """NF4 (QLoRA §3, eq. 4): 16 levels from quantiles of N(0,1), normalised to [-1, 1], built
    asymmetrically (8 positive from 8+1 quantiles, 7 negative) so that 0 is represented exactly.
    The levels are denser near 0 than a uniform 4-bit grid, which suits normally distributed weights."""
    import torch

    normal = torch.distributions.Normal(0.0, 1.0)
    offset = 0.9677083  # the paper's delta: average of 1-1/(2*15) and 1-1/(2*16)
    pos = normal.icdf(torch.linspace(offset, 0.5, 9))[:-1]  # 8 positive quantiles
    neg = -normal.icdf(torch.linspace(offset, 0.5, 8))[:-1]  # 7 negative quantiles
    levels = torch.cat([pos, torch.zeros(1), neg])
    levels = levels / levels.abs().max()
    levels, _ = torch.sort(levels)
    assert levels.numel() == 16 and torch.unique(levels).numel() == 16
    assert levels[0] == -1 and levels[-1] == 1 and (levels == 0).sum() == 1
    assert (levels > 0).sum() == 8 and (levels < 0).sum() == 7
    # agrees with the table printed in QLoRA Appendix E (a few entries)
    for i, v in ((1, -0.6961928), (6, -0.0910500), (8, 0.0795803), (14, 0.7229568)):
        assert abs(levels[i].item() - v) < 1e-5, (i, levels[i].item(), v)
    gaps = levels[1:] - levels[:-1]
    assert gaps[7] < gaps[0] and gaps[8] < gaps[-1]  # denser around 0
    # quantising N(0,1)-shaped weights with NF4 beats a uniform 16-level grid of the same range
    w = torch.randn(20000)
    w = w / w.abs().max()
    uni = torch.linspace(-1, 1, 16)

    def err(grid):
        idx = (w[:, None] - grid[None, :]).abs().argmin(1)
        return ((w - grid[idx]) ** 2).mean().item()

    assert err(levels) < err(uni)


def sft_loss_masks_prompt_tokens() -> None:
    """SFT loss on the response only: labels of prompt (and padding) tokens set to -100, which
    torch's cross_entropy ignores; the loss equals the mean negative log-likelihood over response
    tokens, and prompt logits get no gradient."""
    import torch

    g = torch.Generator().manual_seed(0)
    T, V = 10, 13
    logits = torch.randn(T, V, generator=g, requires_grad=True)
    tokens = torch.randint(0, V, (T,), generator=g)
    prompt_len = 6
    labels = tokens.clone()
    labels[:prompt_len] = -100
    loss = torch.nn.functional.cross_entropy(logits, labels)  # ignore_index defaults to -100
    logp = torch.log_softmax(logits, -1)
    manual = -logp[torch.arange(prompt_len, T), tokens[prompt_len:]].mean()
    assert torch.allclose(loss, manual)
    loss.backward()
    assert torch.all(logits.grad[:prompt_len] == 0) and logits.grad[prompt_len:].abs().sum() > 0
    # per-token vs per-sample averaging: with two samples of 2 and 8 response tokens, per-token
    # mean weights the long one 4x more per sample than the short one does
    w_token = torch.tensor([2.0, 8.0]) / 10
    w_sample = torch.tensor([0.5, 0.5])
    assert torch.isclose(w_token[1] / w_token[0], torch.tensor(4.0)) and w_sample[0] == w_sample[1]


def lora_embedding_init_is_swapped() -> None:
    """The swap is not hypothetical: for nn.Embedding layers PEFT (like Microsoft's loralib) sets
    lora_embedding_A to zeros and lora_embedding_B to normal noise -- the opposite of Linear -- and
    Delta W is still 0 at the start."""
    import torch
    from peft import LoraConfig, get_peft_model

    class Tiny(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.emb = torch.nn.Embedding(50, 16)

        def forward(self, x):
            return self.emb(x)

    torch.manual_seed(0)
    model = get_peft_model(Tiny(), LoraConfig(r=4, lora_alpha=8, target_modules=["emb"]))
    layer = model.base_model.model.emb
    A = layer.lora_embedding_A["default"]
    B = layer.lora_embedding_B["default"]
    assert torch.all(A == 0) and B.abs().sum() > 0
    ids = torch.tensor([[1, 2, 3]])
    assert torch.allclose(model(ids), layer.base_layer(ids))


def lora_vs_full_memory_7b() -> None:
    """Llama-2-7B as transformers builds it (on the meta device, no weights): 6.74B parameters, of which
    262M sit in the embedding and lm_head. PEFT's own LoRA on the seven projections at r = 16 adds ~40.0M
    trainable parameters (0.59%). Model-state memory: full fine-tuning 16 B/param -> ~108 GB; LoRA (bf16
    frozen base + 16 B per LoRA param) ~14.1 GB; QLoRA quantises only the nn.Linear layers transformers
    converts (lm_head kept, embeddings are not Linear) to NF4 with double-quant constants, the rest stays
    16-bit: ~4.5 GB, before activations."""
    import torch
    from peft import LoraConfig, get_peft_model
    from transformers import LlamaConfig, LlamaForCausalLM
    from transformers.quantizers.base import get_keys_to_not_convert

    config = LlamaConfig(vocab_size=32000, hidden_size=4096, intermediate_size=11008, num_hidden_layers=32,
                         num_attention_heads=32, num_key_value_heads=32, tie_word_embeddings=False)
    with torch.device("meta"):
        model = LlamaForCausalLM(config)
    n_total = sum(p.numel() for p in model.parameters())
    assert round(n_total / 1e9, 2) == 6.74, n_total

    # what load_in_4bit converts: every plain nn.Linear except the modules transformers keeps (lm_head)
    keep = set(get_keys_to_not_convert(model))
    quantised = sum(m.weight.numel() for name, m in model.named_modules()
                    if type(m) is torch.nn.Linear and name not in keep)
    kept_16bit = n_total - quantised
    assert "lm_head" in keep and 0.26e9 < kept_16bit < 0.27e9, (keep, kept_16bit)

    # PEFT's own count on one decoder layer, times the number of layers (all layers are identical)
    targets = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]
    layer = get_peft_model(model.model.layers[0], LoraConfig(r=16, lora_alpha=32, target_modules=targets))
    lora = config.num_hidden_layers * sum(p.numel() for p in layer.parameters() if p.requires_grad)
    assert round(lora / 1e6, 1) == 40.0 and round(100 * lora / n_total, 2) == 0.59, lora

    # NF4 storage: 4 bits + one 8-bit absmax per 64 weights + one fp32 constant per 256 absmax blocks
    nf4_bits = 4 + 8 / 64 + 32 / (64 * 256)
    full_gb = 16 * n_total / 1e9
    lora_gb = (2 * n_total + 16 * lora) / 1e9
    qlora_gb = (quantised * nf4_bits / 8 + 2 * kept_16bit + 16 * lora) / 1e9
    naive_gb = (n_total * nf4_bits / 8 + 16 * lora) / 1e9  # every parameter in 4 bits: the old, wrong estimate
    assert round(full_gb) == 108 and round(lora_gb, 1) == 14.1, (full_gb, lora_gb)
    assert round(qlora_gb, 1) == 4.5 and qlora_gb - naive_gb > 0.35, (qlora_gb, naive_gb)


def replay_and_anchor_reduce_forgetting() -> None:
    """Toy catastrophic forgetting with a linear model and two related tasks (B's true weights are
    A's plus a shift): after fitting A, fine-tuning on B alone drifts all the way to B and task-A
    error jumps; mixing 20% fresh task-A samples into B (replay), or an L2 pull towards the task-A
    weights (the simplest EWC-style anchor), or a shorter run, each leave task-A error clearly lower
    while B is still learnt. Errors are measured on held-out samples."""
    import numpy as np

    rng = np.random.default_rng(0)
    d = 20
    wa = rng.normal(size=d)
    wb = wa + rng.normal(scale=0.7, size=d)

    def data(w, n):
        X = rng.normal(size=(n, d))
        return X, X @ w + 0.1 * rng.normal(size=n)

    Xa, ya = data(wa, 400)
    Xb, yb = data(wb, 400)
    Xr, yr = data(wa, 100)  # replay: fresh task-A samples, 20% of the mixed set
    Xa_test, ya_test = data(wa, 400)
    Xb_test, yb_test = data(wb, 400)

    def mse(w, X, y):
        return float(np.mean((X @ w - y) ** 2))

    def train(w, X, y, steps, lr=0.05, anchor=None, lam=0.0):
        w = w.copy()
        for _ in range(steps):
            g = 2 * X.T @ (X @ w - y) / len(y)
            if anchor is not None:
                g += 2 * lam * (w - anchor)
            w -= lr * g
        return w

    w0 = train(np.zeros(d), Xa, ya, 500)
    plain = train(w0, Xb, yb, 500)
    replay = train(w0, np.vstack([Xb, Xr]), np.concatenate([yb, yr]), 500)
    anchored = train(w0, Xb, yb, 500, anchor=w0, lam=0.3)
    short = train(w0, Xb, yb, 8)
    A = {k: mse(w, Xa_test, ya_test) for k, w in [("start", w0), ("plain", plain), ("replay", replay), ("anchor", anchored), ("short", short)]}
    B = {k: mse(w, Xb_test, yb_test) for k, w in [("start", w0), ("plain", plain), ("replay", replay), ("anchor", anchored), ("short", short)]}
    assert A["plain"] > 50 * A["start"], A  # forgetting: task-A error explodes after plain fine-tuning on B
    for k in ("replay", "anchor", "short"):
        assert A[k] < 0.8 * A["plain"], (k, A)  # each mitigation forgets less
        assert B[k] < 0.5 * B["start"], (k, B)  # ... and still learns B
    assert B["plain"] < min(B["replay"], B["anchor"], B["short"])  # the price: B fits a little worse
