import torch


class Adam:
    """Adam as torch.optim.Adam: L2 weight decay added to the gradient, bias correction, and
    per-parameter state. step() updates every parameter that has a .grad, in place."""

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
        raise NotImplementedError

    @torch.no_grad()
    def step(self):
        raise NotImplementedError
