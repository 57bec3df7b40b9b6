"""DPO (Rafailov et al., 2023, "Direct Preference Optimization", eq. 7), with the conservative
label smoothing of cDPO, and the implicit rewards beta * log(pi / pi_ref) of section 5."""

import torch
import torch.nn.functional as F
from torch import Tensor


def dpo_loss(policy_chosen_logps: Tensor, policy_rejected_logps: Tensor, ref_chosen_logps: Tensor,
             ref_rejected_logps: Tensor, beta: float = 0.1, label_smoothing: float = 0.0):
    # every input: (B,), the summed log-probability of a whole response under a model
    chosen_logratio = policy_chosen_logps - ref_chosen_logps  # (B,) log pi(y_w|x) / pi_ref(y_w|x)
    rejected_logratio = policy_rejected_logps - ref_rejected_logps  # (B,) the same for y_l
    logits = beta * (chosen_logratio - rejected_logratio)  # (B,) beta times the log-ratio margin
    # -log sigma(z) with a stable log-sigmoid; label smoothing eps: the label is wrong with probability eps
    losses = -(1.0 - label_smoothing) * F.logsigmoid(logits) - label_smoothing * F.logsigmoid(-logits)
    loss = losses.mean()  # () mean over the batch
    # implicit rewards: reported for logging, so they carry no gradient
    chosen_rewards = beta * chosen_logratio.detach()  # (B,)
    rejected_rewards = beta * rejected_logratio.detach()  # (B,)
    return loss, chosen_rewards, rejected_rewards
