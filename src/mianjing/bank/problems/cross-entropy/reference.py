"""Cross-entropy from logits with ignore_index and label smoothing, as F.cross_entropy (mean).

For one token with logits z (C classes) and target y, with eps = label_smoothing:
    logp = log_softmax(z)
    loss = (1 - eps) * (-logp[y]) + eps * mean_c(-logp[c])
i.e. the cross-entropy against the smoothed distribution (1 - eps) * onehot(y) + eps / C. The batch
loss is the mean over the tokens whose target is not ignore_index.
"""

import torch
from torch import Tensor


def cross_entropy(logits: Tensor, target: Tensor, ignore_index: int = -100,
                  label_smoothing: float = 0.0) -> Tensor:
    C = logits.shape[-1]
    z = logits.reshape(-1, C)                      # (N, C): every leading dimension is a token
    y = target.reshape(-1)                         # (N,)
    keep = y != ignore_index                       # (N,) tokens that count
    # stable log-softmax: shift by the row max so exp never overflows
    m = z.amax(dim=-1, keepdim=True).detach()      # (N, 1)
    logp = z - m - torch.log(torch.exp(z - m).sum(dim=-1, keepdim=True))  # (N, C)
    safe_y = torch.where(keep, y, torch.zeros_like(y))  # ignored ids may be -100: gather needs a valid index
    nll = -logp.gather(1, safe_y[:, None]).squeeze(1)   # (N,) -log p(target)
    smooth = -logp.mean(dim=-1)                          # (N,) cross-entropy against the uniform distribution
    per_token = (1.0 - label_smoothing) * nll + label_smoothing * smooth
    per_token = torch.where(keep, per_token, torch.zeros_like(per_token))  # ignored tokens add nothing
    # mean over the counted tokens; with none counted this is 0/0 = NaN, as in F.cross_entropy
    return per_token.sum() / keep.sum()
