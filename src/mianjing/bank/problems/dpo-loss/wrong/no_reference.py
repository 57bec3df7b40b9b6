"""Forgets the reference model: the margin is the policy's own log-prob difference."""
import torch.nn.functional as F


def dpo_loss(policy_chosen_logps, policy_rejected_logps, ref_chosen_logps, ref_rejected_logps,
             beta=0.1, label_smoothing=0.0):
    z = beta * (policy_chosen_logps - policy_rejected_logps)
    loss = (-(1 - label_smoothing) * F.logsigmoid(z) - label_smoothing * F.logsigmoid(-z)).mean()
    return (loss, beta * (policy_chosen_logps - ref_chosen_logps).detach(),
            beta * (policy_rejected_logps - ref_rejected_logps).detach())
