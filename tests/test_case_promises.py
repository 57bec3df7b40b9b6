"""Promises a statement makes about its cases, checked over many seeds: a case that breaks one lets
float32 rounding, not the candidate's code, decide the verdict."""

from __future__ import annotations

import importlib.util

import numpy as np

from mianjing.problems.bank import get_problem


def _cases_module(problem_id: str):
    path = get_problem(problem_id).path / "cases.py"
    spec = importlib.util.spec_from_file_location(f"cases_{problem_id.replace('-', '_')}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_sampling_cumulative_sums_stay_1e4_from_top_p_and_u():
    """The statement: every cumulative sum at least 1e-4 away from u and from top_p (hand-written
    cases included; one once put a sum of tied probabilities exactly on top_p)."""
    mod = _cases_module("sampling")
    checked = 0
    for seed in range(20):
        for case in mod.cases(np.random.default_rng(seed)):
            i = case.inputs
            if i["temperature"] == 0:
                continue
            p, before = mod._np_probs(np.asarray(i["logits"], dtype=np.float64), i["temperature"], i["top_k"],
                                      i["top_p"])
            if i["top_p"] < 1.0:
                assert np.min(np.abs(before - i["top_p"])) >= 1e-4, (seed, case.name)
            assert np.min(np.abs(np.cumsum(p, axis=-1) - np.asarray(i["u"])[:, None])) >= 1e-4, (seed, case.name)
            checked += 1
    assert checked >= 20 * 10


def test_flash_attention_has_rows_with_every_score_below_minus_100():
    mod = _cases_module("flash-attention")
    names = set()
    for case in mod.cases(np.random.default_rng(0)):
        q, k = np.asarray(case.inputs["q"]), np.asarray(case.inputs["k"])
        scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(q.shape[-1])
        if scores.size and scores.max() < -100:
            names.add(case.name)
    assert {"edge-all-scores-very-negative", "edge-all-scores-very-negative-causal"} <= names


def test_cross_entropy_has_large_unsmoothed_logits_and_tiny_target_probabilities():
    mod = _cases_module("cross-entropy")
    for seed in range(5):
        case = next(c for c in mod.cases(np.random.default_rng(seed)) if c.name == "edge-large-logits-no-smoothing")
        z, y = np.asarray(case.inputs["logits"]), np.asarray(case.inputs["target"])
        assert case.inputs["label_smoothing"] == 0.0
        assert np.abs(z).max() > 88  # exp overflows float32 without the max shift
        logp = z - z.max(-1, keepdims=True) - np.log(np.exp(z - z.max(-1, keepdims=True)).sum(-1, keepdims=True))
        target_p = np.exp(logp[np.arange(len(y)), y])
        assert (target_p < 1e-4).all()
