"""Dot products of the raw embeddings: not cosine similarities."""
import torch
import torch.nn.functional as F


def clip_loss(image_emb, text_emb, logit_scale):
    img = image_emb
    txt = text_emb
    logits = logit_scale.exp() * img @ txt.t()
    labels = torch.arange(len(logits))
    return (F.cross_entropy(logits, labels) + F.cross_entropy(logits.t(), labels)) / 2
