"""torch.log(torch.sigmoid(z)): right for moderate margins, inf once sigmoid(z) underflows."""
import torch


def dpo_loss(policy_chosen_logps, policy_rejected_logps, ref_chosen_logps, ref_rejected_logps,
             beta=0.1, label_smoothing=0.0):
    c = policy_chosen_logps - ref_chosen_logps
    r = policy_rejected_logps - ref_rejected_logps
    z = beta * (c - r)
    losses = -(1 - label_smoothing) * torch.log(torch.sigmoid(z)) - label_smoothing * torch.log(torch.sigmoid(-z))
    return losses.mean(), beta * c.detach(), beta * r.detach()
