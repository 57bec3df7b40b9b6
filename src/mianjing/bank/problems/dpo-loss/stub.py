import torch
import torch.nn.functional as F
from torch import Tensor


def dpo_loss(policy_chosen_logps: Tensor, policy_rejected_logps: Tensor, ref_chosen_logps: Tensor,
             ref_rejected_logps: Tensor, beta: float = 0.1, label_smoothing: float = 0.0):
    """All inputs (B,): summed log-probabilities of the chosen / rejected responses under the policy
    and the frozen reference. Return (loss: scalar, chosen_rewards: (B,), rejected_rewards: (B,))."""
    raise NotImplementedError
