import torch
from torch import Tensor


def gae(rewards: Tensor, values: Tensor, dones: Tensor, mask: Tensor, gamma: float, lam: float
        ) -> tuple[Tensor, Tensor]:
    """rewards, dones (bool), mask (bool): (B, T); values: (B, T + 1).

    Row b has L_b real steps (mask[b, :L_b] True, the rest padding); values[b, L_b] bootstraps the
    state after the last real step. Return (advantages, returns), each (B, T), 0 on padding.
    """
    raise NotImplementedError
