"""Runnable checks for the multimodal and embedding cards (ViT, CLIP, BLIP-2 Q-Former, VLM
projectors, InfoNCE). No arguments, no return value, AssertionError when a claim fails.
torch is imported inside the functions."""

from __future__ import annotations

import math


# --------------------------------------------------------------------------- ViT

def vit_patch_count() -> None:
    """ViT §3.1: N = HW/P². 224×224 at 16×16 → 196 patches, 197 tokens with [class]; fine-tuning at
    384 → 576; CLIP ViT-L/14 at 224 → 256 (+1 = 257), at 336 → 576. Counted from a real conv."""
    import torch

    def n_patches(size, p):
        conv = torch.nn.Conv2d(3, 8, kernel_size=p, stride=p)
        with torch.no_grad():
            out = conv(torch.zeros(1, 3, size, size))
        return out.flatten(2).shape[-1]

    assert n_patches(224, 16) == 196 == (224 * 224) // (16 * 16)
    assert n_patches(224, 16) + 1 == 197
    assert n_patches(384, 16) == 576
    assert n_patches(224, 14) == 256 and n_patches(224, 14) + 1 == 257
    assert n_patches(336, 14) == 576
    assert n_patches(224, 32) == 49  # ViT-B/32: 4x fewer tokens than B/16


def vit_patch_embedding_is_conv() -> None:
    """Flattening 16×16×3 patches and applying one shared linear map equals a Conv2d with
    kernel = stride = 16: the patch embedding is a strided convolution."""
    import torch

    torch.manual_seed(0)
    p, d = 16, 32
    img = torch.randn(2, 3, 64, 48, dtype=torch.float64)
    conv = torch.nn.Conv2d(3, d, kernel_size=p, stride=p, dtype=torch.float64)
    patches = torch.nn.functional.unfold(img, kernel_size=p, stride=p)  # (b, 3·p·p, N)
    assert patches.shape == (2, 3 * p * p, (64 // p) * (48 // p))
    linear = patches.transpose(1, 2) @ conv.weight.view(d, -1).T + conv.bias
    with torch.no_grad():
        ref = conv(img).flatten(2).transpose(1, 2)
    assert torch.allclose(linear, ref, atol=1e-10)


def vit_b16_param_count() -> None:
    """ViT paper Table 1: ViT-Base (12 layers, D=768, MLP 3072, 12 heads) has 86M parameters
    (the backbone: patch embedding, [class] token, position embeddings, 12 blocks, final norm)."""
    import torch

    d, layers, mlp, heads, n_tok = 768, 12, 3072, 12, 197
    kw = dict(device="meta")
    modules = [torch.nn.Conv2d(3, d, 16, 16, **kw), torch.nn.LayerNorm(d, **kw)]
    modules += [torch.nn.TransformerEncoderLayer(d, heads, mlp, norm_first=True, **kw) for _ in range(layers)]
    n = sum(p.numel() for m in modules for p in m.parameters())
    n += d + n_tok * d  # [class] token and position embeddings
    assert round(n / 1e6) == 86, n
    per_layer = sum(p.numel() for p in modules[-1].parameters())
    assert per_layer == 4 * d * d + 4 * d + 2 * d * mlp + mlp + d + 4 * d  # attention, MLP, 2 LayerNorms
    head = torch.nn.Linear(d, 1000, **kw)
    assert sum(p.numel() for p in head.parameters()) < 0.01 * n  # the ImageNet head is under 1%


# --------------------------------------------------------------------------- CLIP

def _clip_loss(img, txt, logit_scale):
    import torch
    import torch.nn.functional as F

    img = F.normalize(img, dim=-1)
    txt = F.normalize(txt, dim=-1)
    logits = logit_scale * img @ txt.T
    labels = torch.arange(img.shape[0])
    return (F.cross_entropy(logits, labels) + F.cross_entropy(logits.T, labels)) / 2


def clip_loss_symmetric() -> None:
    """CLIP Fig. 3: loss = (CE(logits, labels) over rows + CE over columns) / 2 with
    logits = exp(t)·Î·T̂ᵀ. Equals the explicit two-direction InfoNCE sum; with logit scale → 0 it
    is exactly ln N (chance), and aligned pairs drive it towards 0."""
    import torch

    g = torch.Generator().manual_seed(1)
    n, d = 8, 16
    img = torch.randn(n, d, generator=g, dtype=torch.float64)
    txt = torch.randn(n, d, generator=g, dtype=torch.float64)
    scale = 1 / 0.07
    s = scale * torch.nn.functional.normalize(img, dim=-1) @ torch.nn.functional.normalize(txt, dim=-1).T
    i2t = -sum(s[i, i] - torch.logsumexp(s[i, :], 0) for i in range(n)) / n
    t2i = -sum(s[i, i] - torch.logsumexp(s[:, i], 0) for i in range(n)) / n
    assert torch.isclose(_clip_loss(img, txt, scale), (i2t + t2i) / 2)
    assert not torch.isclose(i2t, t2i)  # the two directions differ: both are needed
    assert torch.isclose(_clip_loss(img, txt, 0.0), torch.tensor(math.log(n), dtype=torch.float64))
    aligned = _clip_loss(img, img + 1e-3 * txt, 100.0)
    assert aligned < 0.05 < _clip_loss(img, txt, 100.0)


def clip_temperature_and_normalisation() -> None:
    """CLIP §2.5: τ is learned as a log-parameterised scale initialised to 1/0.07 ≈ 14.3 and clipped
    at 100. With L2-normalised embeddings every logit lies in [-scale, scale]."""
    import torch

    t = torch.nn.Parameter(torch.tensor(math.log(1 / 0.07)))
    assert abs(t.exp().item() - 14.2857) < 1e-3
    with torch.no_grad():
        t.fill_(math.log(500.0))
    clipped = t.exp().clamp(max=100.0)
    assert clipped.item() == 100.0
    g = torch.Generator().manual_seed(2)
    a = torch.nn.functional.normalize(torch.randn(64, 32, generator=g) * 50, dim=-1)
    b = torch.nn.functional.normalize(torch.randn(64, 32, generator=g) * 50, dim=-1)
    logits = clipped * a @ b.T
    assert logits.abs().max() <= 100.0 + 1e-4
    # the gradient reaches the temperature parameter
    t2 = torch.nn.Parameter(torch.tensor(math.log(1 / 0.07)))
    _clip_loss(a, b, t2.exp()).backward()
    assert t2.grad is not None and t2.grad.abs() > 0


def clip_sharded_loss_equals_full() -> None:
    """Data-parallel CLIP: each of K workers all-gathers the embeddings and computes the loss of its
    own rows and columns against the global batch; the mean over workers equals the full-batch loss,
    so each example sees N-1 negatives (32,767 at CLIP's batch of 32,768)."""
    import torch
    import torch.nn.functional as F

    g = torch.Generator().manual_seed(3)
    n, d, k = 12, 8, 4
    img = F.normalize(torch.randn(n, d, generator=g, dtype=torch.float64), dim=-1)
    txt = F.normalize(torch.randn(n, d, generator=g, dtype=torch.float64), dim=-1)
    scale = 20.0
    full = _clip_loss(img, txt, scale)
    per = n // k
    parts = []
    for w in range(k):
        rows = torch.arange(w * per, (w + 1) * per)
        li = F.cross_entropy(scale * img[rows] @ txt.T, rows)  # local images vs all texts
        lt = F.cross_entropy(scale * txt[rows] @ img.T, rows)  # local texts vs all images
        parts.append((li + lt) / 2)
    assert torch.isclose(torch.stack(parts).mean(), full)
    # without the gather each worker only sees its local negatives: a different (easier) loss
    local = torch.stack([_clip_loss(img[w * per:(w + 1) * per], txt[w * per:(w + 1) * per], scale) for w in range(k)]).mean()
    assert not torch.isclose(local, full)
    batch = 32768
    logits = torch.empty(1, dtype=torch.float32)
    assert batch * batch * logits.element_size() == 4 * 2**30  # a 32k×32k fp32 logit matrix is 4 GiB


# --------------------------------------------------------------------------- BLIP-2 / VLM connectors

def _qformer_masks(nq, nt):
    import torch

    n = nq + nt
    itm = torch.ones(n, n, dtype=torch.bool)
    itc = torch.zeros(n, n, dtype=torch.bool)
    itc[:nq, :nq] = True
    itc[nq:, nq:] = True
    itg = torch.zeros(n, n, dtype=torch.bool)
    itg[:nq, :nq] = True  # queries see queries, never text
    itg[nq:, :nq] = True  # text sees every query
    itg[nq:, nq:] = torch.ones(nt, nt, dtype=torch.bool).tril()  # and earlier text
    return itc, itm, itg


def qformer_attention_masks() -> None:
    """BLIP-2 §3.2 / Fig. 2: ITC uses a unimodal mask (queries and text cannot see each other),
    ITM a bi-directional mask, ITG a multimodal causal mask (queries cannot see text; text sees all
    queries and previous text). Verified on a real attention layer by perturbing inputs."""
    import torch

    torch.manual_seed(4)
    nq, nt, d = 4, 5, 16
    attn = torch.nn.MultiheadAttention(d, 2, batch_first=True, dtype=torch.float64)
    x = torch.randn(1, nq + nt, d, dtype=torch.float64)
    itc, itm, itg = _qformer_masks(nq, nt)

    def run(inp, allowed):
        return attn(inp, inp, inp, attn_mask=~allowed, need_weights=False)[0][0]

    def changed(allowed, pos):
        x2 = x.clone()
        x2[0, pos] += 1.0
        return ((run(x2, allowed) - run(x, allowed)).abs().amax(-1) > 1e-9).tolist()

    # ITC: perturbing a text token leaves every query output alone, and vice versa
    assert changed(itc, nq + 2)[:nq] == [False] * nq
    assert changed(itc, 0)[nq:] == [False] * nt
    # ITM: everything sees everything
    assert all(changed(itm, nq + 2)) and all(changed(itm, 0))
    # ITG: text never leaks into queries; text token t only affects text positions >= t
    c = changed(itg, nq + 2)
    assert c[:nq] == [False] * nq and c[nq:] == [False, False, True, True, True]
    assert all(changed(itg, 0))  # a query reaches every query and every text token


def qformer_fixed_output() -> None:
    """BLIP-2 §3.1: 32 learned queries of size 768 cross-attend to the frozen image features, so the
    output is 32×768 whatever the number of image tokens (257×1024 for ViT-L/14, 257×1408 for
    ViT-g/14 at 224), and an FC layer maps it to the LLM width."""
    import torch

    torch.manual_seed(5)
    queries = torch.nn.Parameter(torch.randn(1, 32, 768))
    shrink = []
    for n_img, d_img in ((257, 1024), (257, 1408), (677, 1408)):
        xattn = torch.nn.MultiheadAttention(768, 12, kdim=d_img, vdim=d_img, batch_first=True)
        feats = torch.randn(1, n_img, d_img)
        with torch.no_grad():
            out, _ = xattn(queries, feats, feats)
        assert tuple(out.shape) == (1, 32, 768)
        shrink.append(feats.shape[1] / out.shape[1])
    proj = torch.nn.Linear(768, 2560)  # e.g. OPT-2.7B hidden size
    with torch.no_grad():
        assert tuple(proj(out).shape) == (1, 32, 2560)
    assert min(shrink) > 8  # the visual prefix is at least 8x shorter than the patch sequence


def vlm_visual_token_counts() -> None:
    """LLaVA-1.5: CLIP ViT-L/14 at 336 px gives 24×24 = 576 visual tokens through a 2-layer MLP.
    Qwen2-VL §2.1: patch 14, adjacent 2×2 tokens merged by an MLP, so a 224×224 image gives 64
    tokens, 66 with the vision start/end tokens. Computed with real unfold and merge."""
    import torch

    img = torch.zeros(1, 3, 336, 336)
    llava = torch.nn.functional.unfold(img, kernel_size=14, stride=14).shape[-1]
    assert llava == 576
    img = torch.randn(1, 3, 224, 224)
    patches = torch.nn.functional.unfold(img, kernel_size=14, stride=14)  # (1, 588, 256)
    grid = patches.shape[-1]
    side = int(math.isqrt(grid))
    feats = patches.transpose(1, 2).reshape(1, side, side, -1)
    merged = feats.reshape(1, side // 2, 2, side // 2, 2, -1).permute(0, 1, 3, 2, 4, 5).reshape(1, (side // 2) ** 2, -1)
    assert grid == 256 and merged.shape[1] == 64 and merged.shape[1] + 2 == 66
    assert merged.shape[2] == 4 * patches.shape[1]  # each merged token concatenates 4 patch features
    mlp = torch.nn.Sequential(torch.nn.Linear(4 * 588, 64), torch.nn.GELU(), torch.nn.Linear(64, 32))
    with torch.no_grad():
        assert tuple(mlp(merged).shape) == (1, 64, 32)


# --------------------------------------------------------------------------- embeddings / InfoNCE

def infonce_in_batch_and_hard_negatives() -> None:
    """InfoNCE with in-batch negatives is cross-entropy over the similarity matrix with labels on
    the diagonal; appending one hard negative per query gives 2B-1 negatives per query."""
    import torch
    import torch.nn.functional as F

    g = torch.Generator().manual_seed(6)
    b, d, tau = 6, 12, 0.05
    q = F.normalize(torch.randn(b, d, generator=g, dtype=torch.float64), dim=-1)
    p = F.normalize(torch.randn(b, d, generator=g, dtype=torch.float64), dim=-1)
    h = F.normalize(torch.randn(b, d, generator=g, dtype=torch.float64), dim=-1)
    cands = torch.cat([p, h])  # (2b, d)
    logits = q @ cands.T / tau
    ce = F.cross_entropy(logits, torch.arange(b))
    explicit = 0.0
    for i in range(b):
        pos = torch.exp(q[i] @ p[i] / tau)
        negs = [torch.exp(q[i] @ c / tau) for j, c in enumerate(cands) if j != i]
        assert len(negs) == 2 * b - 1
        explicit = explicit - torch.log(pos / (pos + sum(negs)))
    assert torch.isclose(ce, explicit / b)
    # without hard negatives the task is easier: the loss can only go down
    assert F.cross_entropy(q @ p.T / tau, torch.arange(b)) < ce


def infonce_temperature_focus() -> None:
    """The gradient of InfoNCE w.r.t. a negative's similarity is softmax weight / τ: lowering τ
    concentrates the gradient on the hardest negatives (Wang & Liu, CVPR 2021)."""
    import torch

    sims = torch.tensor([0.9, 0.8, 0.5, 0.3, 0.1, -0.2], dtype=torch.float64)  # index 0 = positive
    shares = []
    for tau in (1.0, 0.2, 0.05, 0.02):
        s = sims.clone().requires_grad_(True)
        loss = -torch.log_softmax(s / tau, 0)[0]
        loss.backward()
        neg = s.grad[1:]
        probs = torch.softmax(sims / tau, 0)[1:]
        assert torch.allclose(neg, probs / tau)  # dL/ds_j = p_j / τ for every negative
        shares.append((neg[0] / neg.sum()).item())  # share taken by the hardest negative
    assert all(a < b for a, b in zip(shares, shares[1:])), shares
    assert shares[0] < 0.35 and shares[-1] > 0.99


def siglip_sigmoid_loss() -> None:
    """SigLIP (Zhai et al. 2023, §3): logits = t·x·yᵀ + b, labels +1 on the diagonal and -1 elsewhere,
    loss = -Σ_ij log σ(z_ij·logit_ij) / n. It is binary cross-entropy over every pair, each pair's
    term is independent of the other logits (no softmax normaliser), it splits across devices
    without a global normaliser, and the init t=10, b=-10 keeps the n-1 negatives per row from
    dominating the initial loss."""
    import torch
    import torch.nn.functional as F

    g = torch.Generator().manual_seed(9)
    n, d = 8, 16
    x = F.normalize(torch.randn(n, d, generator=g, dtype=torch.float64), dim=-1)
    y = F.normalize(torch.randn(n, d, generator=g, dtype=torch.float64), dim=-1)
    t, b = 10.0, -10.0
    logits = t * x @ y.T + b
    z = 2 * torch.eye(n, dtype=torch.float64) - 1
    loss = -F.logsigmoid(z * logits).sum() / n
    bce = F.binary_cross_entropy_with_logits(logits, torch.eye(n, dtype=torch.float64), reduction="sum") / n
    assert torch.isclose(loss, bce)
    # pair terms are independent: moving one negative logit changes only that term
    terms = -F.logsigmoid(z * logits)
    logits2 = logits.clone()
    logits2[0, 1] += 3.0
    terms2 = -F.logsigmoid(z * logits2)
    diff = (terms2 - terms).abs() > 0
    assert diff.sum() == 1 and diff[0, 1]
    # unlike the softmax (CLIP) loss, where the same change moves the positive's term of row 0
    assert not torch.isclose(F.cross_entropy(logits2[0:1], torch.tensor([0])), F.cross_entropy(logits[0:1], torch.tensor([0])))
    # device-chunked computation: blocks of (local images × all texts) sum to the same loss
    chunks = sum(-F.logsigmoid(z[r] * logits[r]).sum() for r in torch.arange(n).chunk(4)) / n
    assert torch.isclose(chunks, loss)
    # bias init: with b = 0 the n-1 negatives dominate a row's initial loss; with b = -10 they do not
    n_big = 1024
    cos = torch.zeros(n_big, dtype=torch.float64)  # random high-dim embeddings: cosine ≈ 0
    for bias, neg_dominates in ((0.0, True), (-10.0, False)):
        lg = t * cos + bias
        pos_term = -F.logsigmoid(lg[0])
        neg_terms = -F.logsigmoid(-lg[1:]).sum()
        assert (neg_terms > 10 * pos_term) == neg_dominates


# --------------------------------------------------------------------------- distillation

def kd_temperature_gradient() -> None:
    """Hinton et al. 2015 §2: for soft targets at temperature T the gradient w.r.t. student logit
    z_i is (q_i - p_i)/T; for large T and zero-mean logits it approaches (z_i - v_i)/(N·T²), so the
    soft loss is multiplied by T² to keep its gradient scale independent of T."""
    import torch

    g = torch.Generator().manual_seed(10)
    n = 10
    v = torch.randn(n, generator=g, dtype=torch.float64)
    z0 = torch.randn(n, generator=g, dtype=torch.float64)
    v, z0 = v - v.mean(), z0 - z0.mean()
    scaled_norms = []
    for T in (5.0, 10.0, 20.0, 40.0):
        z = z0.clone().requires_grad_(True)
        p = torch.softmax(v / T, 0)
        loss = -(p * torch.log_softmax(z / T, 0)).sum()
        loss.backward()
        q = torch.softmax(z0 / T, 0)
        assert torch.allclose(z.grad, (q - p) / T)
        approx = (z0 - v) / (n * T * T)
        rel = ((z.grad - approx).norm() / approx.norm()).item()
        assert rel < 2.0 / T, (T, rel)  # the high-temperature approximation tightens as T grows
        scaled_norms.append((z.grad * T * T).norm().item())
    assert max(scaled_norms) / min(scaled_norms) < 1.1  # T² restores a T-independent scale


def sft_on_teacher_samples_is_forward_kl() -> None:
    """Sequence-level distillation (Kim & Rush 2016): SFT of the student on sequences sampled from the
    teacher minimises E_{y~p_T}[-log q_S(y)] = KL(p_T || q_S) + H(p_T), i.e. the sequence-level
    forward KL. Verified by enumerating every sequence of an autoregressive toy model."""
    import itertools

    import torch

    g = torch.Generator().manual_seed(11)
    vocab, length = 3, 3

    def model():
        tables = [torch.softmax(torch.randn(vocab ** t, vocab, generator=g, dtype=torch.float64) * 2, -1) for t in range(length)]

        def prob(seq):
            pr, ctx = torch.tensor(1.0, dtype=torch.float64), 0
            for t, tok in enumerate(seq):
                pr = pr * tables[t][ctx, tok]
                ctx = ctx * vocab + tok
            return pr

        return prob

    teacher, student = model(), model()
    seqs = list(itertools.product(range(vocab), repeat=length))
    p = torch.stack([teacher(s) for s in seqs])
    q = torch.stack([student(s) for s in seqs])
    assert torch.isclose(p.sum(), torch.tensor(1.0, dtype=torch.float64))
    expected_nll = (p * -torch.log(q)).sum()
    kl = (p * torch.log(p / q)).sum()
    entropy = -(p * torch.log(p)).sum()
    assert torch.isclose(expected_nll, kl + entropy)
    assert kl > 0 and torch.isclose((p * torch.log(p / p)).sum(), torch.tensor(0.0, dtype=torch.float64))
