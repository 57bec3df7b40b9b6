"""Checks for the cards in `training/`: optimiser memory, AdamW, mixed precision, activations, stability.

Each function takes no argument, returns nothing and raises AssertionError when the claim it names
is false. torch is imported inside the functions.
"""

from __future__ import annotations

GB = 1e9


def mixed_precision_16_bytes() -> None:
    """ZeRO §3.1: bf16 weights + bf16 grads + fp32 master, exp_avg, exp_avg_sq = 2+2+12 = 16 bytes/param,
    measured on real tensors after a real AdamW step."""
    import torch
    import torch.nn as nn

    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(32, 64), nn.GELU(), nn.Linear(64, 8)).to(torch.bfloat16)
    master = [p.detach().clone().float().requires_grad_(True) for p in model.parameters()]
    opt = torch.optim.AdamW(master, lr=1e-3)
    x = torch.randn(16, 32, dtype=torch.bfloat16)
    loss = model(x).float().pow(2).mean()
    loss.backward()
    for p, m in zip(model.parameters(), master):
        m.grad = p.grad.float()  # fp32 copy for the update (transient in real implementations)
    opt.step()
    with torch.no_grad():
        for p, m in zip(model.parameters(), master):
            p.copy_(m)  # write the updated master weights back to the bf16 model
        for m in master:
            m.grad = None

    numel = sum(p.numel() for p in model.parameters())
    weights = sum(p.numel() * p.element_size() for p in model.parameters())
    grads = sum(p.grad.numel() * p.grad.element_size() for p in model.parameters())
    master_b = sum(m.numel() * m.element_size() for m in master)
    states = 0
    for m in master:
        st = opt.state[m]
        assert st["exp_avg"].dtype == torch.float32 and st["exp_avg_sq"].dtype == torch.float32
        states += sum(st[k].numel() * st[k].element_size() for k in ("exp_avg", "exp_avg_sq"))
    assert weights == 2 * numel and grads == 2 * numel
    assert master_b + states == 12 * numel
    assert (weights + grads + master_b + states) / numel == 16
    # and 7B parameters therefore need 112 GB of model states before any activation
    assert 16 * 7e9 / GB == 112


def _manual_adam(p0, grads, lr, wd, decoupled, betas=(0.9, 0.999), eps=1e-8):
    import torch

    p = p0.clone()
    m = torch.zeros_like(p)
    v = torch.zeros_like(p)
    b1, b2 = betas
    for t, g in enumerate(grads, start=1):
        if decoupled:
            p = p * (1 - lr * wd)  # AdamW: decay the weights directly, outside the adaptive update
        else:
            g = g + wd * p  # Adam with L2: the decay term enters the gradient and is rescaled by 1/sqrt(v)
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        m_hat = m / (1 - b1**t)
        v_hat = v / (1 - b2**t)
        p = p - lr * m_hat / (v_hat.sqrt() + eps)
    return p


def adamw_decoupled_decay() -> None:
    """Loshchilov & Hutter 2019: Adam+L2 ≠ AdamW; torch.optim.Adam(weight_decay) is L2, torch.optim.AdamW decoupled."""
    import inspect

    import torch

    g = torch.Generator().manual_seed(0)
    p0 = torch.randn(50, generator=g, dtype=torch.float64) * 3
    grads = [torch.randn(50, generator=g, dtype=torch.float64) * s for s in (1e-3, 1.0, 10.0)]
    lr, wd = 1e-2, 0.1

    def torch_run(cls):
        p = p0.clone().requires_grad_(True)
        opt = cls([p], lr=lr, weight_decay=wd)
        for gr in grads:
            p.grad = gr.clone()
            opt.step()
        return p.detach()

    adam_l2 = torch_run(torch.optim.Adam)
    adamw = torch_run(torch.optim.AdamW)
    assert torch.allclose(adam_l2, _manual_adam(p0, grads, lr, wd, decoupled=False))
    assert torch.allclose(adamw, _manual_adam(p0, grads, lr, wd, decoupled=True))
    assert (adam_l2 - adamw).abs().max() > 1e-4  # genuinely different updates
    # with zero decay they coincide
    assert torch.allclose(_manual_adam(p0, grads, lr, 0.0, True), _manual_adam(p0, grads, lr, 0.0, False))
    # defaults: Adam has no decay, AdamW decays 0.01; both betas (0.9, 0.999), eps 1e-8
    sa = inspect.signature(torch.optim.Adam.__init__).parameters
    sw = inspect.signature(torch.optim.AdamW.__init__).parameters
    assert sa["weight_decay"].default == 0 and sw["weight_decay"].default == 1e-2
    assert sw["betas"].default == (0.9, 0.999) and sw["eps"].default == 1e-8
    # bias correction: the first Adam step moves each weight by ≈ lr regardless of the gradient's scale
    p = torch.zeros(4, dtype=torch.float64, requires_grad=True)
    opt = torch.optim.Adam([p], lr=1e-3)
    p.grad = torch.tensor([1e-4, -3.0, 50.0, -0.2], dtype=torch.float64)
    opt.step()
    assert torch.allclose(p.detach().abs(), torch.full((4,), 1e-3, dtype=torch.float64), rtol=1e-3)


def bf16_fp16_ranges() -> None:
    """IEEE fp16 (5 exp, 10 mantissa bits) vs bf16 (8 exp, 7 mantissa bits): range vs precision."""
    import torch

    f16, b16, f32 = torch.finfo(torch.float16), torch.finfo(torch.bfloat16), torch.finfo(torch.float32)
    assert f16.max == 65504.0
    assert f16.eps == 2.0**-10 and b16.eps == 2.0**-7
    assert abs(f16.tiny - 2.0**-14) < 1e-20  # smallest normal ≈ 6.1e-5
    assert b16.tiny == f32.tiny  # same exponent range as fp32
    assert b16.max > 3.3e38
    x = torch.tensor([70000.0, 1e-8, 1 + 2.0**-9])
    h, b = x.to(torch.float16), x.to(torch.bfloat16)
    assert torch.isinf(h[0]) and not torch.isinf(b[0])  # fp16 overflows above 65504
    assert h[1] == 0 and b[1] != 0  # fp16 underflows below ~6e-8 (smallest subnormal 2^-24)
    assert h[2] != 1 and b[2] == 1  # bf16 cannot resolve 1 + 2^-9; fp16 can
    assert torch.tensor(2.0**-24).to(torch.float16) != 0 and torch.tensor(2.0**-26).to(torch.float16) == 0


def loss_scaling() -> None:
    """Micikevicius et al. §3.2: scaling the loss keeps small fp16 gradients representable; GradScaler skips inf steps."""
    import inspect

    import torch

    tiny = torch.tensor([1e-8, 2e-8, 2e-9], dtype=torch.float32)
    assert (tiny.to(torch.float16) == 0).all()  # lost without scaling
    scale = 2.0**16
    scaled = (tiny * scale).to(torch.float16)
    assert (scaled != 0).all()
    recovered = scaled.float() / scale
    assert torch.allclose(recovered, tiny, rtol=1e-3)

    sig = inspect.signature(torch.amp.GradScaler.__init__).parameters
    assert sig["init_scale"].default == 2.0**16
    assert sig["growth_factor"].default == 2.0 and sig["backoff_factor"].default == 0.5
    assert sig["growth_interval"].default == 2000

    # dynamic behaviour: an inf gradient skips the step and halves the scale
    p = torch.nn.Parameter(torch.ones(3))
    opt = torch.optim.SGD([p], lr=0.1)
    scaler = torch.amp.GradScaler("cpu", init_scale=1024.0)
    loss = (p * 2).sum()
    scaler.scale(loss).backward()
    p.grad[0] = float("inf")
    scaler.step(opt)
    scaler.update()
    assert torch.equal(p.detach(), torch.ones(3)) and scaler.get_scale() == 512.0
    opt.zero_grad()
    scaler.scale((p * 2).sum()).backward()
    scaler.step(opt)
    scaler.update()
    assert torch.allclose(p.detach(), torch.full((3,), 0.8))  # unscaled gradient 2, lr 0.1


def _layer_saved_bytes(s: int, b: int, h: int, a: int, dropout: bool = True) -> int:
    """Run one GPT layer (bf16, Korthikanti et al. layout) and count bytes autograd saves for backward.

    Parameters are excluded; each storage is counted once. Dropout keeps a 1-byte mask, as the fused
    GPU kernels do.
    """
    import torch
    import torch.nn.functional as F

    torch.manual_seed(0)
    dt = torch.bfloat16
    d = h // a
    p = {
        "ln1_w": torch.ones(h, dtype=dt), "ln1_b": torch.zeros(h, dtype=dt),
        "qkv": torch.randn(3 * h, h, dtype=dt) * 0.02, "proj": torch.randn(h, h, dtype=dt) * 0.02,
        "ln2_w": torch.ones(h, dtype=dt), "ln2_b": torch.zeros(h, dtype=dt),
        "fc1": torch.randn(4 * h, h, dtype=dt) * 0.02, "fc2": torch.randn(h, 4 * h, dtype=dt) * 0.02,
    }
    for t in p.values():
        t.requires_grad_(True)
    param_ptrs = {t.untyped_storage().data_ptr() for t in p.values()}

    def drop(x):
        if not dropout:
            return x
        keep = torch.rand(x.shape) > 0.1  # bool mask, 1 byte per element
        return torch.where(keep, x, torch.zeros((), dtype=x.dtype)) * (1 / 0.9)

    seen: dict[int, int] = {}
    stats: dict[int, int] = {}

    def pack(t):
        st = t.untyped_storage()
        if st.data_ptr() not in param_ptrs:
            # LayerNorm also keeps per-token mean and rstd (shape [s, b, 1]), outside the paper's count
            is_stat = t.dim() == 3 and t.shape[-1] == 1 and t.numel() == s * b
            (stats if is_stat else seen)[st.data_ptr()] = st.nbytes()
        return t

    x = torch.randn(s, b, h, dtype=dt, requires_grad=True)
    with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
        y = F.layer_norm(x, (h,), p["ln1_w"], p["ln1_b"])
        qkv = F.linear(y, p["qkv"])  # [s, b, 3h]
        q, k, v = (t.reshape(s, b, a, d).permute(1, 2, 0, 3).contiguous() for t in qkv.split(h, dim=-1))
        scores = (q @ k.transpose(-2, -1)) * (1 / d**0.5)  # [b, a, s, s]
        probs = drop(torch.softmax(scores, dim=-1))
        ctx = (probs @ v).permute(2, 0, 1, 3).reshape(s, b, h)
        x2 = x + drop(F.linear(ctx, p["proj"]))
        y2 = F.layer_norm(x2, (h,), p["ln2_w"], p["ln2_b"])
        out = x2 + drop(F.linear(F.gelu(F.linear(y2, p["fc1"])), p["fc2"]))
    out.float().sum().backward()  # the saved graph is valid
    assert len(stats) == 4  # mean and rstd of the two LayerNorms
    return sum(seen.values())


def activation_memory_formula() -> None:
    """Korthikanti et al. 2022 §4.1: one layer stores sbh(34 + 5as/h) bytes in 16-bit with dropout — measured."""
    for s, b, h, a in [(32, 2, 64, 4), (64, 1, 64, 8)]:
        got = _layer_saved_bytes(s, b, h, a)
        want = s * b * h * 34 + 5 * a * s * s * b
        assert got == want, (s, b, h, a, got, want)
        # without dropout: no masks (2·sbh + as²b bytes), and the softmax output is itself the input of
        # the attention-over-values matmul, so the separate dropout output (2as²b) is gone: 32sbh + 2as²b
        nodrop = _layer_saved_bytes(s, b, h, a, dropout=False)
        assert nodrop == 32 * s * b * h + 2 * a * s * s * b, (nodrop, want)


def long_seq_activation_numbers() -> None:
    """Card finetune-max-length: s=32k, h=5120, 64 layers, b=1 in bf16 — 365 GB stored vs 21.5 GB with full recompute."""
    s, b, h, a, layers = 32768, 1, 5120, 40, 64
    linear = 34 * s * b * h * layers
    quad = 5 * a * s * s * b * layers
    assert round(linear / GB) == 365
    assert round(quad / 1e12, 1) == 13.7  # the s² attention term without FlashAttention: 13.7 TB
    assert round(2 * s * b * h * layers / GB, 1) == 21.5  # full recomputation keeps only layer inputs
    # the per-layer example on card activation-memory-recompute: s=2048, h=4096, a=32
    assert round(34 * 2048 * 4096 / GB, 3) == 0.285 and round(5 * 32 * 2048**2 / GB, 3) == 0.671
    # doubling s doubles the linear part and quadruples the attention part (measured on a small layer)
    small = _layer_saved_bytes(32, 1, 64, 4)
    double = _layer_saved_bytes(64, 1, 64, 4)
    assert double - 2 * small == 5 * 4 * (64**2 - 2 * 32**2)


def vanishing_gradients_depth() -> None:
    """Sigmoid'(x) ≤ 1/4, so deep sigmoid stacks shrink gradients geometrically; residual connections keep them."""
    import torch
    import torch.nn as nn

    xs = torch.linspace(-6, 6, 1001, requires_grad=True)
    torch.sigmoid(xs).sum().backward()
    assert abs(xs.grad.max().item() - 0.25) < 1e-6

    torch.manual_seed(0)
    depth, width = 30, 64
    layers = [nn.Linear(width, width) for _ in range(depth)]
    for lin in layers:
        nn.init.xavier_normal_(lin.weight)
        nn.init.zeros_(lin.bias)

    def grad_norms(residual: bool):
        x = torch.randn(128, width)
        for lin in layers:
            lin.zero_grad()
        h = x
        for lin in layers:
            h = h + torch.sigmoid(lin(h)) if residual else torch.sigmoid(lin(h))
        h.pow(2).mean().backward()
        return layers[0].weight.grad.norm().item(), layers[-1].weight.grad.norm().item()

    first, last = grad_norms(residual=False)
    assert first < last * 1e-6  # the first layer's gradient has vanished
    first_r, last_r = grad_norms(residual=True)
    assert first_r > last_r * 1e-2  # the identity path keeps it


def kaiming_init_variance() -> None:
    """He et al. 2015 §2.2: std = sqrt(2/fan_in) keeps ReLU activations' scale; std = sqrt(1/fan_in) halves E[x²] per layer."""
    import torch

    torch.manual_seed(0)
    n, depth = 128, 20
    x0 = torch.randn(512, n)

    def second_moment(gain: float) -> float:
        h = x0
        for _ in range(depth):
            w = torch.randn(n, n) * (gain / n) ** 0.5
            h = torch.relu(h @ w)
        return h.pow(2).mean().item()

    he = second_moment(2.0)
    lecun = second_moment(1.0)
    assert 0.3 < he < 3.0  # preserved (E[x0²] = 1), up to finite-width noise
    assert lecun < 1e-4  # ≈ 2^-20 ≈ 1e-6: vanished
    # torch's kaiming_normal_ for relu uses exactly this std
    w = torch.empty(4096, 512)
    torch.nn.init.kaiming_normal_(w, nonlinearity="relu")
    assert abs(w.std().item() - (2 / 512) ** 0.5) < 1e-3


def grad_clip_global_norm() -> None:
    """Pascanu et al. 2013 / torch.nn.utils.clip_grad_norm_: scale all gradients by max_norm / global L2 norm."""
    import torch

    a = torch.nn.Parameter(torch.zeros(3))
    b = torch.nn.Parameter(torch.zeros(2))
    a.grad = torch.tensor([3.0, 0.0, 0.0])
    b.grad = torch.tensor([0.0, 4.0])
    total = torch.nn.utils.clip_grad_norm_([a, b], max_norm=1.0)
    assert abs(total.item() - 5.0) < 1e-6  # returns the norm before clipping: sqrt(3² + 4²)
    assert torch.allclose(a.grad, torch.tensor([0.6, 0.0, 0.0]), atol=1e-6)
    assert torch.allclose(b.grad, torch.tensor([0.0, 0.8]), atol=1e-6)  # direction kept, global norm 1
    # below the threshold nothing changes
    a.grad = torch.tensor([0.3, 0.0, 0.0])
    b.grad = torch.tensor([0.0, 0.4])
    torch.nn.utils.clip_grad_norm_([a, b], max_norm=1.0)
    assert torch.allclose(b.grad, torch.tensor([0.0, 0.4]))
    # per-value clipping changes the direction, global-norm clipping does not
    g = torch.tensor([10.0, 1.0])
    by_value = g.clamp(-1, 1)
    assert abs(torch.nn.functional.cosine_similarity(by_value, g, dim=0).item() - 1) > 0.1


def inverted_dropout() -> None:
    """Srivastava et al. 2014 with inverted scaling (torch): E[dropout(x)] = x in training; identity in eval."""
    import torch

    torch.manual_seed(0)
    drop = torch.nn.Dropout(p=0.3)
    x = torch.ones(200_000)
    y = drop(x)
    kept = y != 0
    assert abs(kept.float().mean().item() - 0.7) < 0.01
    assert torch.allclose(y[kept], torch.full_like(y[kept], 1 / 0.7))
    assert abs(y.mean().item() - 1.0) < 0.01
    drop.eval()
    assert torch.equal(drop(x), x)


def loss_masking_and_accumulation() -> None:
    """SFT loss: labels -100 are ignored and the mean is over real tokens; averaging per-micro-batch means
    under gradient accumulation weights short sequences more than one big batch would."""
    import torch
    import torch.nn.functional as F

    torch.manual_seed(0)
    v = 11
    logits = torch.randn(2, 6, v)
    labels = torch.randint(0, v, (2, 6))
    labels[0, :4] = -100  # prompt tokens masked
    labels[1, :1] = -100
    loss = F.cross_entropy(logits.reshape(-1, v), labels.reshape(-1))  # ignore_index defaults to -100
    keep = labels.reshape(-1) != -100
    manual = F.cross_entropy(logits.reshape(-1, v)[keep], labels.reshape(-1)[keep])
    assert torch.allclose(loss, manual)
    # gradient accumulation over the two sequences as separate micro-batches
    per_seq = [F.cross_entropy(logits[i], labels[i]) for i in range(2)]
    naive = sum(per_seq) / 2  # mean of means: sequence 0 has 2 tokens, sequence 1 has 5
    n_tok = [int((labels[i] != -100).sum()) for i in range(2)]
    exact = sum(l * n for l, n in zip(per_seq, n_tok)) / sum(n_tok)
    assert torch.allclose(exact, loss)
    assert not torch.allclose(naive, loss)
    # a sample whose labels are all -100 has no target token: the mean is 0/0 = NaN
    empty = F.cross_entropy(logits[0], torch.full((6,), -100))
    assert torch.isnan(empty)
    # a freshly initialised model over V classes starts near ln V
    uniform = F.cross_entropy(torch.zeros(4, v), torch.arange(4))
    assert abs(uniform.item() - torch.log(torch.tensor(float(v))).item()) < 1e-6
    # so an SFT run that starts near ln(vocab) has not loaded pretrained weights: ≈11.9 for 152,064 tokens
    for vocab, start in ((152_064, 11.9), (32_000, 10.4)):
        loss = F.cross_entropy(torch.zeros(1, vocab), torch.tensor([0]))
        assert round(loss.item(), 1) == start, (vocab, loss.item())


def z_loss_pins_logsumexp() -> None:
    """PaLM §5: softmax cross-entropy is invariant to shifting all logits, so log Z can drift; z-loss 1e-4·log²Z pins it."""
    import torch
    import torch.nn.functional as F

    torch.manual_seed(0)
    logits = torch.randn(8, 50, dtype=torch.float64)
    target = torch.randint(0, 50, (8,))
    shifted = logits + 30.0
    assert torch.allclose(F.cross_entropy(logits, target), F.cross_entropy(shifted, target))

    def z_loss(lg):
        return 1e-4 * torch.logsumexp(lg, dim=-1).pow(2).mean()

    assert z_loss(shifted) > 10 * z_loss(logits)
    # its gradient pushes log Z toward 0: d/dlogits = 2e-4·logZ·softmax, positive when logZ > 0
    lg = shifted.clone().requires_grad_(True)
    z_loss(lg).backward()
    assert (lg.grad > 0).all()


def gradient_accumulation_equivalence() -> None:
    """Accumulating k micro-batch gradients of (loss / k) equals one batch k times larger — when every
    micro-batch has the same number of target tokens; global batch = micro × accumulation × data-parallel."""
    import torch
    import torch.nn as nn

    torch.manual_seed(0)
    model = nn.Linear(8, 3)
    x, y = torch.randn(12, 8), torch.randint(0, 3, (12,))
    loss_fn = nn.CrossEntropyLoss()
    loss_fn(model(x), y).backward()
    big = [p.grad.clone() for p in model.parameters()]
    model.zero_grad()
    k = 4
    for xs, ys in zip(x.chunk(k), y.chunk(k)):
        (loss_fn(model(xs), ys) / k).backward()  # gradients add up in .grad between optimizer steps
    for g_big, p in zip(big, model.parameters()):
        assert torch.allclose(g_big, p.grad, atol=1e-6)
    # forgetting the 1/k scales the gradient by k
    model.zero_grad()
    for xs, ys in zip(x.chunk(k), y.chunk(k)):
        loss_fn(model(xs), ys).backward()
    assert torch.allclose(model.weight.grad, k * big[0], atol=1e-5)


def ngram_contamination_check() -> None:
    """An n-gram overlap contamination check (GPT-3 used 13-grams): benchmark items copied into the
    training corpus are all flagged, clean items are not, and a light paraphrase (one word in six
    replaced) slips through, which is why overlap checks are paired with rephrase-aware ones and with
    comparing scores on the clean and the flagged subsets."""
    import random

    rng = random.Random(0)
    vocab = [f"w{i}" for i in range(3000)]

    def doc(n: int) -> list[str]:
        return [rng.choice(vocab) for _ in range(n)]

    def grams(words: list[str], n: int) -> set[tuple[str, ...]]:
        return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}

    bench = [doc(30) for _ in range(40)]
    copied, paraphrased, clean = bench[:5], bench[5:10], bench[10:]
    corpus = [doc(200) for _ in range(300)]
    for item in copied:  # pasted verbatim into some training documents
        target = rng.choice(corpus)
        target[50:50] = item
    for item in paraphrased:  # every sixth word swapped for another
        target = rng.choice(corpus)
        target[50:50] = [rng.choice(vocab) if i % 6 == 5 else w for i, w in enumerate(item)]
    train_grams = set().union(*(grams(d, 13) for d in corpus))

    def flagged(item: list[str]) -> bool:
        return bool(grams(item, 13) & train_grams)

    assert all(flagged(i) for i in copied)
    assert not any(flagged(i) for i in clean)
    assert not any(flagged(i) for i in paraphrased)  # the known blind spot of exact n-gram matching
