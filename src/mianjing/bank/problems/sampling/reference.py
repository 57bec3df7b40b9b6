"""Temperature, top-k and top-p (nucleus; Holtzman et al., 2020) sampling, made deterministic: the
uniform random number u is an input and the token is read off the inverse CDF in vocabulary order."""

import torch
from torch import Tensor


def sample(logits: Tensor, u: Tensor, temperature: float = 1.0, top_k: int = 0, top_p: float = 1.0):
    # logits: (B, V); u: (B,) uniform numbers in [0, 1)
    B, V = logits.shape
    if temperature == 0:
        # greedy: argmax (the first maximum on ties), a one-hot distribution
        tokens = logits.argmax(dim=-1)  # (B,)
        probs = torch.zeros_like(logits).scatter_(1, tokens[:, None], 1.0)
        return tokens, probs

    z = logits / temperature  # (B, V) temperature < 1 sharpens, > 1 flattens
    # descending order by score, ties broken by the lower token id (stable sort of the negation)
    order = torch.sort(-z, dim=-1, stable=True).indices  # (B, V) token ids, best first
    rank = torch.empty_like(order).scatter_(1, order, torch.arange(V).expand(B, V))  # rank of each id

    keep = torch.ones_like(z, dtype=torch.bool)  # (B, V)
    if 0 < top_k < V:
        keep &= rank < top_k  # the top_k best ids
    z = z.masked_fill(~keep, float("-inf"))
    probs = torch.softmax(z, dim=-1)  # renormalised over the top-k survivors

    if top_p < 1.0:
        sorted_p = probs.gather(1, order)  # (B, V) best first
        before = torch.cumsum(sorted_p, dim=-1) - sorted_p  # mass strictly before each position
        keep_sorted = before < top_p  # the smallest prefix reaching top_p, crossing token included
        keep &= keep_sorted.gather(1, rank)  # back to vocabulary order
        probs = probs.masked_fill(~keep, 0.0)
        probs = probs / probs.sum(dim=-1, keepdim=True)  # renormalise the nucleus

    # inverse CDF in vocabulary order: the first id whose cumulative probability exceeds u
    cdf = torch.cumsum(probs, dim=-1)  # (B, V)
    tokens = (cdf <= u[:, None]).sum(dim=-1)  # number of ids whose cdf is <= u
    last = V - 1 - torch.flip(probs > 0, dims=[1]).to(torch.int64).argmax(dim=-1)  # last id with p > 0
    tokens = torch.minimum(tokens, last)  # u beyond the rounded total mass: the last possible id
    return tokens, probs
