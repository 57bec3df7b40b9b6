"""Adam (Kingma & Ba, 2015, Algorithm 1), with weight decay as an L2 term added to the gradient, the
way torch.optim.Adam does it. Every parameter keeps its own state and its own step count.

For one parameter p with gradient g at its t-th step:
    g   = g + weight_decay * p                 # L2 regularisation, *coupled*: it goes through m and v
    m   = beta1 * m + (1 - beta1) * g          # first moment (momentum)
    v   = beta2 * v + (1 - beta2) * g^2        # second moment (per-coordinate scale)
    m^  = m / (1 - beta1^t)                    # bias correction: m and v start at 0
    v^  = v / (1 - beta2^t)
    p   = p - lr * m^ / (sqrt(v^) + eps)
"""

import torch


class Adam:
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
        self.params = list(params)
        self.lr, self.eps, self.weight_decay = lr, eps, weight_decay
        self.beta1, self.beta2 = betas
        self.state = {}  # id(p) -> {"step", "m", "v"}

    @torch.no_grad()
    def step(self):
        for p in self.params:
            if p.grad is None:                     # no gradient this step: skipped, state untouched
                continue
            g = p.grad
            if self.weight_decay != 0:
                g = g + self.weight_decay * p      # coupled L2 (the difference from AdamW)
            st = self.state.setdefault(id(p), {"step": 0, "m": torch.zeros_like(p), "v": torch.zeros_like(p)})
            st["step"] += 1
            t = st["step"]
            st["m"].mul_(self.beta1).add_(g, alpha=1 - self.beta1)
            st["v"].mul_(self.beta2).addcmul_(g, g, value=1 - self.beta2)
            m_hat = st["m"] / (1 - self.beta1 ** t)
            v_hat = st["v"] / (1 - self.beta2 ** t)
            p.sub_(self.lr * m_hat / (v_hat.sqrt() + self.eps))   # in place: p is the caller's tensor

    def zero_grad(self):
        for p in self.params:
            p.grad = None
