"""Positions 1..T instead of 0..T-1."""
import torch


def sinusoidal_pe(seq_len, d_model, base=10000.0):
    pos = torch.arange(1, seq_len + 1, dtype=torch.float32)[:, None]
    angles = pos / base ** (torch.arange(0, d_model, 2, dtype=torch.float32) / d_model)
    pe = torch.zeros(seq_len, d_model)
    pe[:, 0::2] = torch.sin(angles)
    pe[:, 1::2] = torch.cos(angles)
    return pe
