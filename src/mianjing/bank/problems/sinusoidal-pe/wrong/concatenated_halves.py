"""[sin(all frequencies), cos(all frequencies)] instead of interleaving sin and cos."""
import torch


def sinusoidal_pe(seq_len, d_model, base=10000.0):
    pos = torch.arange(seq_len, dtype=torch.float32)[:, None]
    angles = pos / base ** (torch.arange(0, d_model, 2, dtype=torch.float32) / d_model)
    return torch.cat([torch.sin(angles), torch.cos(angles)], dim=-1)
