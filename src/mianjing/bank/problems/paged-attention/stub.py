import math

import torch
from torch import Tensor


def paged_attention(q: Tensor, k_cache: Tensor, v_cache: Tensor, block_tables: Tensor,
                    context_lens: Tensor, scale: float | None = None) -> Tensor:
    """q: (B, H, d); k_cache, v_cache: (num_blocks, block_size, H_kv, d);
    block_tables: (B, max_blocks) int64, -1 = unused; context_lens: (B,) int64. Return (B, H, d)."""
    raise NotImplementedError
