"""Real PyTorch on CPU: model-state bytes after a mixed-precision AdamW step, and per-rank bytes under
real sharding across gloo processes, equal the formulas."""

from __future__ import annotations

import pytest

from mianjing.calc.zero import paper_stages

torch = pytest.importorskip("torch")


def test_mixed_precision_adamw_step_is_16_bytes_per_param():
    from mianjing.calc.measure import mixed_precision_adamw

    results = mixed_precision_adamw()
    for m in results:
        assert m.measured == m.formula, m
    total = next(m for m in results if m.name == "total model states")
    psi = total.formula // 16
    assert total.measured == paper_stages(psi, 1)[0].bytes_per_gpu  # (2 + 2 + 12)Ψ


def test_sharding_across_two_gloo_processes():
    from mianjing.calc.measure import Measured, sharded

    results = sharded(2)
    measured = [m for m in results if isinstance(m, Measured)]
    zero1 = [m for m in measured if m.name.startswith("ZeRO-1")]
    assert len(zero1) == 2, results  # one per rank
    for m in measured:
        assert m.measured == m.formula, m
    fsdp = [m for m in measured if m.name.startswith("ZeRO-3")]
    if fsdp:  # FSDP2 on CPU depends on the torch build; where it runs it must match
        psi = 4 * 64 * 64
        assert all(m.measured == paper_stages(psi, 2)[3].bytes_per_gpu for m in fsdp)
