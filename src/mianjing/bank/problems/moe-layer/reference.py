"""A mixture-of-experts FFN layer (Shazeer et al., 2017; GShard / Switch Transformer's balancing loss;
DeepSeek-V3's sigmoid scores and shared expert): a router scores the experts, each token runs through
its top-k experts, and their outputs are mixed with gates that sum to 1."""

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import Tensor


class Expert(nn.Module):
    def __init__(self, d_model: int, d_ff: int):
        super().__init__()
        self.w1 = nn.Linear(d_model, d_ff, bias=False)
        self.w2 = nn.Linear(d_ff, d_model, bias=False)

    def forward(self, x: Tensor) -> Tensor:
        return self.w2(F.silu(self.w1(x)))


class MoELayer(nn.Module):
    def __init__(self, d_model: int, d_ff: int, n_experts: int, top_k: int, score: str = "softmax",
                 shared_expert: bool = False):
        super().__init__()
        self.top_k, self.score = top_k, score
        self.router = nn.Linear(d_model, n_experts, bias=False)
        self.experts = nn.ModuleList(Expert(d_model, d_ff) for _ in range(n_experts))
        self.shared = Expert(d_model, d_ff) if shared_expert else None

    def forward(self, x: Tensor) -> tuple[Tensor, Tensor]:
        # x: (N, d)
        N = x.shape[0]
        E, k = len(self.experts), self.top_k
        logits = self.router(x)  # (N, E)
        # softmax scores compete across experts; sigmoid scores (DeepSeek-V3) are independent per expert
        scores = torch.softmax(logits, dim=-1) if self.score == "softmax" else torch.sigmoid(logits)
        top_s, top_i = scores.topk(k, dim=-1)  # (N, k) each token's chosen experts, best first
        gates = top_s / top_s.sum(dim=-1, keepdim=True)  # renormalised: a token's gates sum to 1

        out = torch.zeros_like(x)
        for e, expert in enumerate(self.experts):
            token, slot = torch.nonzero(top_i == e, as_tuple=True)  # the tokens that chose expert e
            if token.numel() == 0:
                continue  # an idle expert computes nothing (and gets no gradient)
            y = expert(x[token]) * gates[token, slot, None]  # (n_e, d)
            out = out.index_add(0, token, y)
        if self.shared is not None:
            out = out + self.shared(x)  # the shared expert sees every token, with weight 1

        # load balancing: E * sum_i f_i * P_i, f_i the share of the N*k assignments to expert i (a count,
        # no gradient), P_i the mean over tokens of the scores normalised per token
        f = F.one_hot(top_i, E).sum(dim=(0, 1)).to(x.dtype) / (N * k)  # (E,)
        P = (scores / scores.sum(dim=-1, keepdim=True)).mean(dim=0)  # (E,)
        aux_loss = E * (f * P).sum()
        return out, aux_loss
