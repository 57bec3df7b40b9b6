"""No card check may be unable to fail: the static detector in `mianjing.cards.check_lint`.

The detector is first tested on the five checks an independent review found defective (kept verbatim
in lint_samples/) and on honest patterns, then run over every topic's checks.py in the bank.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mianjing import paths
from mianjing.cards.check_lint import lint_file, lint_source, only_constant_functions

SAMPLES = Path(__file__).parent / "lint_samples"

# Checks that still hold constant asserts next to real ones (worked-example arithmetic the card
# shows, e.g. 6ND FLOPs or a GPU-hours budget), to be rewritten or trimmed. The list may only shrink:
# a listed check that no longer has a finding fails the test below, so it is removed when fixed.
# None of these checks *only* restates constants (test_no_check_only_restates_constants enforces it).
KNOWN_MIXED = {
    ("data", "temperature_sampling_mix"),
    ("distributed", "decode_throughput"),
    ("inference", "decode_arithmetic_intensity"),
    ("training", "long_seq_activation_numbers"),
}
# The five the review named: they must never come back, so they can never be listed above.
REVIEW_NAMED = {
    ("reports", "qwen25_context_stages"),
    ("reports", "minimax_hybrid_layout"),
    ("reports", "_mla_cache_elems_per_token_per_layer"),
    ("fundamentals", "cuda_grid_indexing"),
    ("finetuning", "lora_vs_full_memory_7b"),
}


def _by_function(findings):
    out: dict[str, set[str]] = {}
    for f in findings:
        out.setdefault(f.function, set()).add(f.kind)
    return out


def test_only_constant_functions_names_the_pure_restatements():
    names = only_constant_functions(SAMPLES / "cannot_fail_checks.py")
    assert "qwen25_context_stages" in names and "minimax_hybrid_layout" in names
    assert "cuda_grid_indexing" not in names  # it also simulates thread indexing: mixed, not pure


def test_detector_flags_the_five_review_findings():
    found = _by_function(lint_file(SAMPLES / "cannot_fail_checks.py"))
    assert found.get("qwen25_context_stages") == {"constant-assert"}
    assert found.get("minimax_hybrid_layout") == {"constant-assert"}  # the list is built from the rule it tests
    assert found.get("_mla_cache_elems_per_token_per_layer") == {"shape-only-array"}
    assert found.get("cuda_grid_indexing") == {"constant-assert"}  # the arithmetic-intensity lines
    assert "optional-import-skip" in found.get("lora_vs_full_memory_7b", set())
    lines = {f.line for f in lint_file(SAMPLES / "cannot_fail_checks.py") if f.function == "cuda_grid_indexing"}
    text = (SAMPLES / "cannot_fail_checks.py").read_text().splitlines()
    assert any("1 / 12" in text[n - 1] for n in lines) and any("683" in text[n - 1] for n in lines)


HONEST = '''
import math
import numpy as np
CONFIG = dict(layers=4, hidden=8)

def from_tensors():
    x = np.arange(12.0).reshape(3, 4)
    assert np.allclose(x.sum(axis=0), [12, 15, 18, 21])

def from_config():
    c = CONFIG
    assert c["layers"] * c["hidden"] == 32

def simulation():
    state = [0] * 4
    for step in range(10):
        state[step % 4] += 1
    assert state == [3, 3, 2, 2]

def simulated_loop():
    r, x = 1.0, 2.0
    for _ in range(30):
        r = (r + x / r) / 2
    assert abs(r * r - x) < 1e-12

def collected():
    seen = []
    for v in (3, 1, 2):
        seen.append(v * v)
    assert sorted(seen) == [1, 4, 9]

def library_numbers():
    import torch
    assert torch.finfo(torch.bfloat16).bits == 16

def mutated_by_helper():
    sent = [0] * 3
    _fill(sent)
    assert sent == [1, 1, 1]

def _fill(buf):
    for i in range(len(buf)):
        buf[i] = 1

def real_zeros():
    hits = np.zeros(5, dtype=int)
    hits[[1, 3]] += 1
    assert hits.sum() == 2
'''


def test_detector_passes_honest_patterns():
    assert lint_source(HONEST, "honest.py") == []


@pytest.mark.parametrize("source,kind", [
    ("def c():\n    assert 4 * 8 * 16 == 512\n", "constant-assert"),
    ("def c():\n    n = 4096\n    assert round(2 * n**3 / (12 * n**2)) == 683\n", "constant-assert"),
    ("def c():\n    xs = [2 * i for i in range(4)]\n    assert xs == [0, 2, 4, 6]\n", "constant-assert"),
    ("import math\ndef c():\n    assert math.isclose(math.log(4), 2 * math.log(2))\n", "constant-assert"),
    ("import torch\ndef c():\n    t = torch.zeros(3, 5)\n    assert t.numel() == 15\n", "shape-only-array"),
    ("import numpy as np\ndef c():\n    assert np.ones((2, 3)).size == 6\n", "shape-only-array"),
    ("def c():\n    try:\n        import peft\n    except ImportError:\n        return\n    assert peft\n",
     "optional-import-skip"),
])
def test_detector_flags_each_pattern(source, kind):
    assert kind in {f.kind for f in lint_source(source)}


def _bank_findings():
    out = []
    for path in sorted(Path(paths.CARDS_DIR).glob("*/checks.py")):
        out += [((path.parent.name, f.function.split(".")[0]), f) for f in lint_file(path)]
    return out


def test_no_check_in_the_bank_is_unable_to_fail():
    findings = _bank_findings()
    new = [str(f) for key, f in findings if key not in KNOWN_MIXED]
    assert not new, "checks that cannot fail (compute the claim from something independent):\n" + "\n".join(new)


def test_no_check_only_restates_constants():
    """Stricter than the list above allows: no function may consist of constant asserts alone."""
    pure = [f"{p.parent.name}.{name}" for p in sorted(Path(paths.CARDS_DIR).glob("*/checks.py"))
            for name in only_constant_functions(p)]
    assert not pure, f"checks that only restate constants: {pure}"


def test_known_mixed_list_only_shrinks():
    flagged = {key for key, _ in _bank_findings()}
    fixed = sorted(KNOWN_MIXED - flagged)
    assert not fixed, f"no longer flagged, remove from KNOWN_MIXED: {fixed}"
    assert not KNOWN_MIXED & REVIEW_NAMED
