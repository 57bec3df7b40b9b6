"""AdamW (Loshchilov & Hutter, 2019, "Decoupled Weight Decay Regularization"), as torch.optim.AdamW.

Adam adds weight_decay * p to the gradient, so the decay is rescaled by 1/sqrt(v) like everything
else: coordinates with large gradients are barely regularised. AdamW decays the weight directly,
outside the adaptive update. Every parameter keeps its own state and step count.

For one parameter p with gradient g at its t-th step:
    p   = p * (1 - lr * weight_decay)          # decoupled decay, first, scaled by lr (as in PyTorch)
    m   = beta1 * m + (1 - beta1) * g          # the moments see the raw gradient only
    v   = beta2 * v + (1 - beta2) * g^2
    m^  = m / (1 - beta1^t),  v^ = v / (1 - beta2^t)
    p   = p - lr * m^ / (sqrt(v^) + eps)
"""

import torch


class AdamW:
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2):
        self.params = list(params)
        self.lr, self.eps, self.weight_decay = lr, eps, weight_decay
        self.beta1, self.beta2 = betas
        self.state = {}  # id(p) -> {"step", "m", "v"}

    @torch.no_grad()
    def step(self):
        for p in self.params:
            if p.grad is None:                     # no gradient this step: no decay, no update
                continue
            g = p.grad
            st = self.state.setdefault(id(p), {"step": 0, "m": torch.zeros_like(p), "v": torch.zeros_like(p)})
            st["step"] += 1
            t = st["step"]
            p.mul_(1 - self.lr * self.weight_decay)                # decoupled weight decay
            st["m"].mul_(self.beta1).add_(g, alpha=1 - self.beta1)
            st["v"].mul_(self.beta2).addcmul_(g, g, value=1 - self.beta2)
            m_hat = st["m"] / (1 - self.beta1 ** t)
            v_hat = st["v"] / (1 - self.beta2 ** t)
            p.sub_(self.lr * m_hat / (v_hat.sqrt() + self.eps))

    def zero_grad(self):
        for p in self.params:
            p.grad = None
