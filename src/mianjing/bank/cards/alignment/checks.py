"""Runnable checks for the alignment cards (RLHF, PPO, DPO, GRPO, KL, R1).

Each function takes no arguments, recomputes one claim of a card from a definition or from real
tensors, and raises AssertionError when the claim is false. numpy and torch are imported inside the
functions so that importing this module stays cheap.
"""

from __future__ import annotations


def _rand_dist(rng, n):
    p = rng.random(n) + 1e-3
    return p / p.sum()


# --------------------------------------------------------------------------- KL divergence


def kl_equals_cross_entropy_minus_entropy() -> None:
    """KL(p||q) = H(p, q) - H(p) on random discrete distributions, and KL >= 0 (Gibbs)."""
    import numpy as np

    rng = np.random.default_rng(0)
    for n in (2, 5, 50):
        for _ in range(50):
            p, q = _rand_dist(rng, n), _rand_dist(rng, n)
            kl = float(np.sum(p * np.log(p / q)))
            ce = float(-np.sum(p * np.log(q)))
            h = float(-np.sum(p * np.log(p)))
            assert abs(kl - (ce - h)) < 1e-12, (kl, ce, h)
            assert kl >= 0.0
            assert ce >= h  # cross-entropy is never below the entropy
    p = _rand_dist(rng, 7)
    assert abs(float(np.sum(p * np.log(p / p)))) < 1e-15  # KL(p||p) = 0


def kl_div_loss_pytorch_conventions() -> None:
    """torch.nn.functional.kl_div(input, target): input = log Q, target = P (probabilities) gives
    KL(P||Q) per element; probabilities as input give a wrong (here negative) value; reduction="mean"
    divides by batch x classes, "batchmean" by the batch size (the true mean KL); log_target=True takes
    log P. Compared with the definition computed by hand in float64."""
    import torch
    import torch.nn.functional as F

    g = torch.Generator().manual_seed(0)
    batch, classes = 4, 10
    p = torch.softmax(torch.randn(batch, classes, generator=g, dtype=torch.float64) * 2, -1)
    q_logits = torch.randn(batch, classes, generator=g, dtype=torch.float64)
    log_q = torch.log_softmax(q_logits, -1)
    by_definition = (p * (p.log() - log_q)).sum(-1)  # KL(P||Q) per sample
    assert torch.allclose(F.kl_div(log_q, p, reduction="none").sum(-1), by_definition)
    assert torch.allclose(F.kl_div(log_q, p, reduction="batchmean"), by_definition.mean())
    import warnings

    with warnings.catch_warnings(record=True) as caught:  # torch itself warns that "mean" is not the KL
        warnings.simplefilter("always")
        mean = F.kl_div(log_q, p, reduction="mean")
    assert torch.allclose(mean, by_definition.sum() / (batch * classes))
    assert any("batchmean" in str(w.message) for w in caught)
    assert torch.allclose(F.kl_div(log_q, p.log(), reduction="batchmean", log_target=True), by_definition.mean())
    assert torch.allclose(torch.nn.KLDivLoss(reduction="batchmean")(log_q, p), by_definition.mean())
    # the direction: this is KL(P||Q), not KL(Q||P)
    reverse = (log_q.exp() * (log_q - p.log())).sum(-1).mean()
    assert not torch.allclose(F.kl_div(log_q, p, reduction="batchmean"), reverse)
    # forgetting the log: probabilities as input run without error and give nonsense
    wrong = F.kl_div(log_q.exp(), p, reduction="batchmean")
    assert wrong < 0 < by_definition.mean(), (wrong, by_definition.mean())


def kl_minimising_cross_entropy_equals_minimising_kl() -> None:
    """With p fixed, grad_q H(p, q) == grad_q KL(p||q), because H(p) does not depend on q."""
    import torch

    g = torch.Generator().manual_seed(1)
    p = torch.softmax(torch.randn(10, generator=g), 0)
    logits = torch.randn(10, generator=g, requires_grad=True)
    logq = torch.log_softmax(logits, 0)
    ce = -(p * logq).sum()
    (g_ce,) = torch.autograd.grad(ce, logits, retain_graph=True)
    kl = (p * (p.log() - logq)).sum()
    (g_kl,) = torch.autograd.grad(kl, logits)
    assert torch.allclose(g_ce, g_kl, atol=1e-7)
    # and the gradient of the softmax cross-entropy is q - p
    assert torch.allclose(g_ce, torch.softmax(logits, 0).detach() - p, atol=1e-6)


def kl_is_asymmetric() -> None:
    """KL(p||q) != KL(q||p) in general; KL(p||q) is infinite where q = 0 < p."""
    import numpy as np

    p = np.array([0.9, 0.1])
    q = np.array([0.5, 0.5])
    fwd = float(np.sum(p * np.log(p / q)))
    rev = float(np.sum(q * np.log(q / p)))
    assert abs(fwd - 0.368064) < 1e-5 and abs(rev - 0.510826) < 1e-5, (fwd, rev)
    assert abs(fwd - rev) > 0.1
    # support: q has a zero where p does not -> KL(p||q) = inf, while KL(q||p) stays finite
    p2 = np.array([0.5, 0.5])
    q2 = np.array([1.0, 0.0])
    with np.errstate(divide="ignore"):
        fwd2 = float(np.sum(p2 * np.log(p2 / q2)))
    rev2 = float(np.sum(q2[q2 > 0] * np.log(q2[q2 > 0] / p2[q2 > 0])))
    assert np.isinf(fwd2) and abs(rev2 - np.log(2)) < 1e-12


def kl_forward_covers_reverse_seeks() -> None:
    """Fitting one Gaussian q to a two-mode p: argmin KL(p||q) spans both modes (moment matching),
    argmin KL(q||p) sits on one mode with its narrow width."""
    import numpy as np

    x = np.linspace(-10, 10, 2001)
    dx = x[1] - x[0]

    def normal(mu, sd):
        return np.exp(-0.5 * ((x - mu) / sd) ** 2) / (sd * np.sqrt(2 * np.pi))

    p = 0.5 * normal(-3, 0.5) + 0.5 * normal(3, 0.5)
    eps = 1e-300
    mus = np.linspace(-5, 5, 41)  # step 0.25
    sds = np.linspace(0.3, 4.5, 43)  # step 0.1
    M, S = np.meshgrid(mus, sds, indexing="ij")
    q = np.exp(-0.5 * ((x[None, None, :] - M[..., None]) / S[..., None]) ** 2) / (S[..., None] * np.sqrt(2 * np.pi))
    logp, logq = np.log(p + eps), np.log(q + eps)
    fwd = (p * (logp - logq)).sum(-1) * dx
    rev = (q * (logq - logp)).sum(-1) * dx
    fi, ri = np.unravel_index(fwd.argmin(), fwd.shape), np.unravel_index(rev.argmin(), rev.shape)
    best_f = (fwd[fi], (mus[fi[0]], sds[fi[1]]))
    best_r = (rev[ri], (mus[ri[0]], sds[ri[1]]))
    mu_f, s_f = best_f[1]
    mu_r, s_r = best_r[1]
    # forward KL: moment matching -> mean 0, sd sqrt(3^2 + 0.5^2) = 3.04
    assert abs(mu_f) < 0.11 and abs(s_f - np.sqrt(9.25)) < 0.1, best_f
    # reverse KL: one mode, sd close to 0.5
    assert abs(abs(mu_r) - 3) < 0.11 and abs(s_r - 0.5) < 0.1, best_r


def kl_estimators_k1_k2_k3() -> None:
    """Schulman's estimators of KL(q||p) from x ~ q with r = p(x)/q(x):
    k1 = -log r (unbiased, can be negative), k2 = (log r)^2 / 2 (biased, low variance),
    k3 = (r - 1) - log r (unbiased and always >= 0). DeepSeekMath eq. (4) is k3 with q = pi_theta,
    p = pi_ref."""
    import numpy as np

    rng = np.random.default_rng(0)
    # q = N(0,1), p = N(mu,1): true KL(q||p) = mu^2 / 2
    for mu in (0.1, 0.5, 1.0):
        true = mu**2 / 2
        x = rng.standard_normal(500_000)
        logr = (-0.5 * (x - mu) ** 2) - (-0.5 * x**2)  # log p(x) - log q(x)
        r = np.exp(logr)
        k1, k2, k3 = -logr, 0.5 * logr**2, (r - 1) - logr
        se1 = k1.std() / np.sqrt(x.size)
        se3 = k3.std() / np.sqrt(x.size)
        assert abs(k1.mean() - true) < 5 * se1 + 1e-4, (mu, k1.mean(), true)
        assert abs(k3.mean() - true) < 5 * se3 + 1e-4, (mu, k3.mean(), true)
        assert (k1 < 0).any()  # k1 single samples go negative
        assert (k3 >= 0).all()  # k3 never does: x - 1 - log x >= 0
        assert k3.std() < k1.std()  # lower variance than k1 here
        # k2 is biased: here E[k2] = mu^2/2 + mu^4/8, relative bias mu^2/4
        se2 = k2.std() / np.sqrt(x.size)
        assert abs(k2.mean() - (true + mu**4 / 8)) < 5 * se2 + 1e-4, (mu, k2.mean())
        if mu == 0.1:  # close distributions: k2 nearly unbiased
            assert abs(k2.mean() - true) / true < 0.01
        if mu == 1.0:  # far apart: k2's bias shows
            assert abs(k2.mean() - true) / true > 0.2, (k2.mean(), true)


# --------------------------------------------------------------------------- PPO


def ppo_clip_zeroes_gradient_outside_trust_region() -> None:
    """PPO L^CLIP = min(r A, clip(r, 1-eps, 1+eps) A): the gradient w.r.t. r vanishes only when the
    ratio has already moved past the bound in the direction the advantage favours."""
    import torch

    eps = 0.2

    def grad(ratio, adv):
        r = torch.tensor(ratio, requires_grad=True)
        a = torch.tensor(adv)
        obj = torch.minimum(r * a, torch.clamp(r, 1 - eps, 1 + eps) * a)
        obj.backward()
        return float(r.grad)

    assert grad(1.3, +1.0) == 0.0  # A>0, already raised past 1+eps: no further push
    assert grad(0.7, +1.0) == 1.0  # A>0, ratio fell below 1-eps: still pushed up (unclipped term wins)
    assert grad(0.7, -1.0) == 0.0  # A<0, already lowered past 1-eps: no further push
    assert grad(1.3, -1.0) == -1.0  # A<0, ratio rose above 1+eps: still pushed down
    assert grad(1.0, +2.0) == 2.0 and grad(1.1, -2.0) == -2.0  # inside: plain policy gradient
    # the objective is a pessimistic bound: never above the unclipped surrogate
    for ratio in (0.5, 0.9, 1.0, 1.1, 1.5):
        for adv in (-1.0, 1.0):
            clipped = min(ratio * adv, min(max(ratio, 1 - eps), 1 + eps) * adv)
            assert clipped <= ratio * adv + 1e-12


def gae_recursion_matches_sum() -> None:
    """GAE: A_t = sum_l (gamma*lambda)^l delta_{t+l}; the backward recursion gives the same;
    lambda=0 is the one-step TD error, lambda=1 is the discounted return minus V(s_t)."""
    import numpy as np

    rng = np.random.default_rng(0)
    T, gamma = 12, 0.97
    rewards = rng.normal(size=T)
    values = rng.normal(size=T + 1)
    values[T] = 0.0  # terminal state

    def gae_recursive(lam):
        adv = np.zeros(T)
        last = 0.0
        for t in reversed(range(T)):
            delta = rewards[t] + gamma * values[t + 1] - values[t]
            last = delta + gamma * lam * last
            adv[t] = last
        return adv

    def gae_sum(lam):
        delta = rewards + gamma * values[1:] - values[:-1]
        return np.array([sum((gamma * lam) ** l * delta[t + l] for l in range(T - t)) for t in range(T)])

    for lam in (0.0, 0.5, 0.95, 1.0):
        assert np.allclose(gae_recursive(lam), gae_sum(lam))
    delta = rewards + gamma * values[1:] - values[:-1]
    assert np.allclose(gae_recursive(0.0), delta)
    returns = np.array([sum(gamma**l * rewards[t + l] for l in range(T - t)) for t in range(T)])
    assert np.allclose(gae_recursive(1.0), returns - values[:-1])
    # the card's worked example: gamma = lambda = 1, V = (0.5, 0.6, 0.7), reward 1 at the last token
    V, R = [0.5, 0.6, 0.7, 0.0], [0.0, 0.0, 1.0]
    d = [R[t] + V[t + 1] - V[t] for t in range(3)]
    A = [0.0] * 3
    for t in reversed(range(3)):
        A[t] = d[t] + (A[t + 1] if t < 2 else 0.0)
    assert np.allclose(d, [0.1, 0.1, 0.3]) and np.allclose(A, [0.5, 0.4, 0.3])


def rlhf_memory_bytes_per_parameter() -> None:
    """Mixed-precision AdamW on real tensors: a trained model holds bf16 weights + bf16 grads (2+2)
    and fp32 master weights + Adam m + v (4+4+4) = 16 bytes/param; a frozen bf16 model 2 bytes.
    PPO (actor, critic trained; reference, reward frozen) -> 36; GRPO (no critic) -> 20 with a neural
    reward model, 18 with a rule-based reward."""
    import torch

    n = 4096
    master = torch.nn.Parameter(torch.randn(n, dtype=torch.float32))
    opt = torch.optim.AdamW([master], lr=1e-3)
    master.grad = torch.randn(n)
    opt.step()
    st = opt.state[master]
    opt_bytes = sum(t.numel() * t.element_size() for k, t in st.items() if k in ("exp_avg", "exp_avg_sq"))
    master_bytes = master.numel() * master.element_size()
    work = master.detach().to(torch.bfloat16)
    work_grad = torch.zeros_like(work)
    trained = (opt_bytes + master_bytes + work.numel() * work.element_size() + work_grad.numel() * work_grad.element_size()) / n
    frozen = work.numel() * work.element_size() / n
    assert trained == 16 and frozen == 2, (trained, frozen)
    ppo = 2 * trained + 2 * frozen
    grpo_with_rm = trained + 2 * frozen  # policy trained; reference and a neural reward model frozen
    grpo_rule = trained + frozen  # a rule-based reward drops the reward model as well
    assert ppo == 36 and grpo_with_rm == 20 and grpo_rule == 18
    # a 7B policy with a 7B critic/reward/reference: 252 GB of model states before activations
    assert ppo * 7e9 / 1e9 == 252.0


def forward_flops_two_per_parameter_per_token() -> None:
    """Forward FLOPs of dense layers ~ 2 * params * tokens (one multiply + one add per weight per
    token), counted by torch's FlopCounterMode; training (forward + backward) ~ 6 * params * tokens."""
    import torch
    from torch.utils.flop_counter import FlopCounterMode

    torch.manual_seed(0)
    d, h, tokens = 64, 256, 32
    mlp = torch.nn.Sequential(torch.nn.Linear(d, h, bias=False), torch.nn.GELU(), torch.nn.Linear(h, d, bias=False))
    n_params = sum(p.numel() for p in mlp.parameters())
    x = torch.randn(tokens, d)
    with FlopCounterMode(display=False) as fc:
        mlp(x)
    fwd = fc.get_total_flops()
    assert fwd == 2 * n_params * tokens, (fwd, n_params)
    x.requires_grad_(True)
    with FlopCounterMode(display=False) as fc2:
        mlp(x).sum().backward()
    total = fc2.get_total_flops()
    assert total == 6 * n_params * tokens, (total, n_params)


# --------------------------------------------------------------------------- GRPO


def grpo_group_advantages_zero_mean() -> None:
    """GRPO outcome supervision: A_i = (r_i - mean(r)) / std(r) within a group has mean 0 and std 1;
    a group whose rewards are all equal gives zero advantage (no learning signal)."""
    import torch

    g = torch.Generator().manual_seed(0)
    rewards = (torch.rand(32, 16, generator=g) > 0.6).float()  # 32 prompts x G=16 binary rewards
    rewards[0] = 1.0  # all correct
    rewards[1] = 0.0  # all wrong
    mean = rewards.mean(dim=1, keepdim=True)
    std = rewards.std(dim=1, keepdim=True)
    adv = (rewards - mean) / (std + 1e-4)
    assert torch.allclose(adv.mean(dim=1), torch.zeros(32), atol=1e-5)
    mixed = std.squeeze(1) > 0
    assert torch.allclose(adv[mixed].std(dim=1), torch.ones(int(mixed.sum())), atol=1e-3)
    assert torch.all(adv[0] == 0) and torch.all(adv[1] == 0)
    # correct answers get positive advantage, wrong ones negative, in every mixed group
    assert torch.all((adv > 0) == (rewards > mean))
    # the card's worked example: r = (1, 0, 0, 1) -> sample std 0.577, advantages +-0.87
    r = torch.tensor([1.0, 0.0, 0.0, 1.0])
    assert abs(r.std().item() - 0.57735) < 1e-4
    a = (r - r.mean()) / r.std()
    assert torch.allclose(a, torch.tensor([0.866, -0.866, -0.866, 0.866]), atol=1e-3)


def _grpo_loss(logp, logp_old, logp_ref, adv, mask, eps=0.2, beta=0.04):
    import torch

    ratio = torch.exp(logp - logp_old)
    surr = torch.minimum(ratio * adv[:, None], torch.clamp(ratio, 1 - eps, 1 + eps) * adv[:, None])
    log_r = logp_ref - logp
    k3 = torch.exp(log_r) - log_r - 1
    per_tok = surr - beta * k3
    per_seq = (per_tok * mask).sum(1) / mask.sum(1)  # 1/|o_i| sum_t
    return -per_seq.mean()  # 1/G sum_i, negated for minimisation


def grpo_sequence_mean_length_bias() -> None:
    """DeepSeekMath eq. (3) averages over tokens within each output, then over the group: a token of
    output i gets weight 1/(G*|o_i|). With a negative advantage a long wrong answer is therefore
    pushed down less per token than a short one (the length bias Dr. GRPO removes); at the first
    inner step (pi_theta = pi_old = pi_ref) the ratio is 1 and the KL term and its gradient vanish."""
    import torch

    G, T = 2, 8
    lengths = torch.tensor([2, 8])
    mask = (torch.arange(T)[None, :] < lengths[:, None]).float()
    logits = torch.zeros(G, T, requires_grad=True)
    logp = torch.nn.functional.logsigmoid(logits)  # stand-in for per-token log-probs
    old = logp.detach().clone()
    ref = logp.detach().clone()
    adv = torch.tensor([-1.0, -1.0])  # both wrong in a mixed group, say
    loss = _grpo_loss(logp, old, ref, adv, mask)
    loss.backward()
    gr = logits.grad
    # per-token gradient magnitude is proportional to 1/(G*|o_i|)
    short, long_ = gr[0, 0].abs(), gr[1, 0].abs()
    assert torch.isclose(short / long_, torch.tensor(8.0 / 2.0)), (short, long_)
    assert torch.all(gr[mask == 0] == 0)
    # with pi_theta == pi_ref the k3 term is 0 and contributes no gradient
    logits2 = torch.zeros(1, 3, requires_grad=True)
    lp = torch.nn.functional.logsigmoid(logits2)
    l2 = _grpo_loss(lp, lp.detach(), lp.detach(), torch.tensor([0.0]), torch.ones(1, 3))
    l2.backward()
    assert torch.all(logits2.grad.abs() < 1e-7)
    # Dr. GRPO: a constant normaliser gives every token the same weight regardless of length
    logits3 = torch.zeros(G, T, requires_grad=True)
    lp3 = torch.nn.functional.logsigmoid(logits3)
    ratio = torch.exp(lp3 - lp3.detach())
    loss3 = -((ratio * adv[:, None]) * mask).sum() / (G * T)
    loss3.backward()
    assert torch.isclose(logits3.grad[0, 0], logits3.grad[1, 0])


def grpo_clip_is_against_old_policy_kl_against_reference() -> None:
    """Clipping acts per token on pi_theta/pi_old (it is inactive on the first inner step, ratio=1);
    the KL term compares with pi_ref and is non-zero whenever the policy has drifted from the
    reference, even when ratio = 1."""
    import torch

    g = torch.Generator().manual_seed(0)
    logits = torch.randn(4, 6, generator=g, requires_grad=True)
    logp = torch.nn.functional.logsigmoid(logits)
    old = logp.detach()  # first step after sampling: pi_old = pi_theta
    ref = torch.nn.functional.logsigmoid(torch.randn(4, 6, generator=g))  # drifted reference
    ratio = torch.exp(logp - old)
    assert torch.allclose(ratio, torch.ones_like(ratio))
    log_r = ref - logp
    k3 = torch.exp(log_r) - log_r - 1
    assert torch.all(k3 >= 0) and k3.sum() > 0.1
    adv = torch.zeros(4)
    loss = _grpo_loss(logp, old, ref, adv, torch.ones(4, 6))
    loss.backward()
    assert logits.grad.abs().sum() > 0  # with zero advantage only the KL term pulls towards pi_ref
    # the k3 gradient points toward the reference: d/dlogp of (e^{ref-logp} - (ref-logp) - 1) = 1 - e^{ref-logp}
    gk = 1 - torch.exp(ref - logp.detach())
    assert torch.all(torch.sign(gk[gk.abs() > 1e-6]) == torch.sign((logp.detach() - ref)[gk.abs() > 1e-6]))


# --------------------------------------------------------------------------- DPO


def kl_regularised_optimum_is_gibbs() -> None:
    """max_pi E_pi[r] - beta KL(pi||pi_ref) is attained by pi* = pi_ref exp(r/beta) / Z, with value
    beta log Z; and beta log(pi*/pi_ref) = r - beta log Z recovers r up to a per-prompt constant."""
    import numpy as np

    rng = np.random.default_rng(0)
    n, beta = 6, 0.5
    ref = _rand_dist(rng, n)
    r = rng.normal(size=n)

    def objective(pi):
        return float(pi @ r - beta * np.sum(pi * np.log(pi / ref)))

    w = ref * np.exp(r / beta)
    Z = w.sum()
    star = w / Z
    assert abs(objective(star) - beta * np.log(Z)) < 1e-12
    for _ in range(2000):
        other = _rand_dist(rng, n) if _ % 2 else star * np.exp(0.05 * rng.normal(size=n))
        other = other / other.sum()
        assert objective(other) <= objective(star) + 1e-12
    implicit = beta * np.log(star / ref)
    assert np.allclose(implicit, r - beta * np.log(Z))
    assert np.allclose(np.diff(implicit), np.diff(r))  # differences are exact: Z cancels


def dpo_loss_is_neg_log_sigmoid_of_margin() -> None:
    """DPO loss = -log sigma(beta[(log pi(y_w) - log ref(y_w)) - (log pi(y_l) - log ref(y_l))]),
    i.e. the Bradley-Terry negative log-likelihood of the implicit rewards; its gradient weight is
    sigma(r_l - r_w), large when the model ranks the pair wrongly."""
    import torch

    g = torch.Generator().manual_seed(0)
    beta = 0.1
    pw = torch.randn(16, generator=g, requires_grad=True)
    pl = torch.randn(16, generator=g, requires_grad=True)
    rw, rl = torch.randn(16, generator=g), torch.randn(16, generator=g)
    r_hat_w = beta * (pw - rw)
    r_hat_l = beta * (pl - rl)
    # Bradley-Terry: P(y_w > y_l) = exp(r_w) / (exp(r_w) + exp(r_l))
    bt = torch.exp(r_hat_w) / (torch.exp(r_hat_w) + torch.exp(r_hat_l))
    loss_bt = -torch.log(bt)
    loss_dpo = -torch.nn.functional.logsigmoid(r_hat_w - r_hat_l)
    assert torch.allclose(loss_bt, loss_dpo, atol=1e-6)
    loss_dpo.sum().backward()
    weight = torch.sigmoid(r_hat_l - r_hat_w).detach()
    assert torch.allclose(pw.grad, -beta * weight, atol=1e-6)
    assert torch.allclose(pl.grad, beta * weight, atol=1e-6)
    # at initialisation (pi = pi_ref) the margin is 0 and the loss is log 2
    z = torch.zeros(3)
    assert torch.allclose(-torch.nn.functional.logsigmoid(z - z), torch.full((3,), 0.693147), atol=1e-6)


# --------------------------------------------------------------------------- on/off-policy


def importance_sampling_unbiased_but_variance_grows() -> None:
    """Off-policy correction: E_{x~mu}[pi(x)/mu(x) f(x)] = E_{x~pi}[f(x)], but the variance of the
    weighted estimate grows as mu drifts away from pi (why PPO clips and why stale data hurts)."""
    import numpy as np

    rng = np.random.default_rng(0)
    n = 400_000
    # target pi = N(0,1); f(x) = x^2 so E_pi f = 1
    prev_var = 0.0
    for shift in (0.0, 0.5, 1.0, 1.5):
        x = rng.normal(shift, 1.0, n)  # behaviour policy mu = N(shift, 1)
        w = np.exp(-0.5 * x**2 + 0.5 * (x - shift) ** 2)
        est = w * x**2
        se = est.std() / np.sqrt(n)
        assert abs(est.mean() - 1.0) < 6 * se + 1e-3, (shift, est.mean())
        assert est.var() > prev_var
        prev_var = est.var()
    # at shift 0 the weights are exactly 1
    x = rng.normal(0, 1, 10)
    assert np.allclose(np.exp(-0.5 * x**2 + 0.5 * x**2), 1)


def grpo_step_compute_estimate() -> None:
    """The GRPO sizing card's back-of-envelope: 7B policy, 128 prompts x G=8 answers x 2,000 tokens
    per step. FLOPs per token per parameter are measured (2 forward, 6 forward+backward) with
    FlopCounterMode on a small MLP, then scaled: generation 2N, reference + old-policy log-probs
    2N each, policy update 6N per token -> about 1.7e17 FLOPs per step; at 30% of 8 x 989 TFLOP/s
    that is about 72 s of compute per step."""
    import torch
    from torch.utils.flop_counter import FlopCounterMode

    d, h, toks = 32, 128, 16
    mlp = torch.nn.Sequential(torch.nn.Linear(d, h, bias=False), torch.nn.ReLU(), torch.nn.Linear(h, d, bias=False))
    n = sum(p.numel() for p in mlp.parameters())
    x = torch.randn(toks, d, requires_grad=True)
    with FlopCounterMode(display=False) as f1:
        y = mlp(x)
    with FlopCounterMode(display=False) as f2:
        mlp(x).sum().backward()
    fwd_per = f1.get_total_flops() / (n * toks)
    train_per = f2.get_total_flops() / (n * toks)
    assert (fwd_per, train_per) == (2.0, 6.0)
    del y
    N = 7e9
    tokens = 128 * 8 * 2000
    gen = fwd_per * N * tokens
    ref_and_old = 2 * fwd_per * N * tokens
    update = train_per * N * tokens
    total = gen + ref_and_old + update
    assert 1.6e17 < total < 1.8e17, total
    seconds = total / (8 * 0.30 * 989e12)
    assert 65 < seconds < 80, seconds


def bradley_terry_reward_model_recovers_differences() -> None:
    """A reward model trained with the pairwise loss -log sigma(r_w - r_l) recovers the true rewards
    only up to an additive constant: the loss is unchanged by shifting every reward, and fitting
    scalar rewards to comparisons sampled from a Bradley-Terry model recovers the differences."""
    import numpy as np

    rng = np.random.default_rng(0)
    true = np.array([0.0, 0.5, 1.5, -1.0, 2.0])
    n = 20000
    i = rng.integers(0, 5, n)
    j = rng.integers(0, 5, n)
    keep = i != j
    i, j = i[keep], j[keep]
    i_wins = rng.random(i.size) < 1 / (1 + np.exp(-(true[i] - true[j])))
    w = np.where(i_wins, i, j)
    l = np.where(i_wins, j, i)
    wins = np.zeros((5, 5))
    np.add.at(wins, (w, l), 1.0)  # wins[a, b]: times a beat b

    def sig(z):
        return 1 / (1 + np.exp(-z))

    def loss(r):
        d = r[:, None] - r[None, :]
        return -(wins * np.log(sig(d))).sum() / wins.sum()

    r = np.zeros(5)
    for _ in range(3000):  # gradient descent on the pairwise loss
        G = wins * (1 - sig(r[:, None] - r[None, :]))
        grad = -(G.sum(1) - G.sum(0)) / wins.sum()
        r -= 2.0 * grad
    assert np.allclose(r - r.mean(), true - true.mean(), atol=0.1), (r - r.mean(), true - true.mean())
    assert abs(loss(r + 7.0) - loss(r)) < 1e-12  # shift invariance: only differences are identified
    assert loss(r) < loss(np.zeros(5))


def pass_at_k_unbiased_estimator() -> None:
    """Codex (Chen et al. 2021) pass@k from n samples with c correct: 1 - C(n-c, k) / C(n, k) is
    unbiased for the probability that at least one of k fresh samples is correct; plugging the
    per-problem accuracy p_hat = c/n into 1 - (1 - p_hat)^k is biased. pass@1 is simply c/n, the
    mean accuracy over the n samples (how R1 reports pass@1 with k sampled answers)."""
    from math import comb

    import numpy as np

    def unbiased(n, c, k):
        if n - c < k:
            return 1.0
        return 1.0 - comb(n - c, k) / comb(n, k)

    assert abs(unbiased(10, 3, 1) - 0.3) < 1e-12  # pass@1 = c / n
    rng = np.random.default_rng(0)
    p, n, k, trials = 0.15, 20, 5, 20000
    truth = 1 - (1 - p) ** k
    c = rng.binomial(n, p, size=trials)
    est_unbiased = np.mean([unbiased(n, ci, k) for ci in c])
    est_plugin = np.mean(1 - (1 - c / n) ** k)
    se = np.std([unbiased(n, ci, k) for ci in c]) / np.sqrt(trials)
    assert abs(est_unbiased - truth) < 5 * se, (est_unbiased, truth)
    assert truth - est_plugin > 10 * se, (est_plugin, truth)  # plug-in underestimates (Jensen)
    # majority voting (cons@k) beats pass@1 when the right answer is the most common one
    votes = rng.choice(["42", "41", "40", "7"], p=[0.4, 0.25, 0.2, 0.15], size=(4000, 16))
    maj = np.mean([max(set(v), key=list(v).count) == "42" for v in votes])
    single = np.mean(votes[:, 0] == "42")
    assert abs(single - 0.4) < 0.03 and maj > single + 0.2, (single, maj)


def adaptive_kl_controller_tracks_target() -> None:
    """Ziegler et al. 2019 adaptive KL coefficient: e = clip(KL/KL_target - 1, -0.2, 0.2),
    beta <- beta * (1 + K_beta * e). On a toy policy whose KL falls as beta rises (KL = c/beta),
    the controller drives KL to the target from either side."""
    target, k_beta = 6.0, 0.1
    for beta0 in (0.01, 1.0):
        beta = beta0
        for _ in range(2000):
            kl = 0.3 / beta  # a stronger penalty keeps the policy closer
            e = min(max(kl / target - 1.0, -0.2), 0.2)
            beta *= 1 + k_beta * e
        assert abs(0.3 / beta - target) < 0.05 * target, (beta0, beta, 0.3 / beta)
