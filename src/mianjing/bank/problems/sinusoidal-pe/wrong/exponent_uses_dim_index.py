"""PE[m, k] = sin(m / base^(k/d)) for even k, cos(m / base^(k/d)) for odd k: the odd dimension uses k, not k - 1."""
import torch


def sinusoidal_pe(seq_len, d_model, base=10000.0):
    pos = torch.arange(seq_len, dtype=torch.float32)[:, None]
    k = torch.arange(d_model, dtype=torch.float32)
    angles = pos / base ** (k / d_model)  # (T, d)
    pe = torch.where(k.long() % 2 == 0, torch.sin(angles), torch.cos(angles))
    return pe
