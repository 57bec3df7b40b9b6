"""Model presets: the public `config.json` fields of well-known models, shipped in `bank/models/<name>.json`.

`load_config(model=..., config_path=...)` returns the config dict; `PUBLISHED` records where each config
comes from and the parameter count its publisher states, which `calc verify` compares against.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from .units import CalcError

MODELS_DIR = Path(__file__).resolve().parent.parent / "bank" / "models"


@dataclass(frozen=True)
class Published:
    repo: str  # Hugging Face repository whose config.json the preset copies
    stated: str  # the size as its publisher states it
    total: int | None = None  # an exact count, where the publisher's files give one
    tolerance: float = 0.005  # relative tolerance when only a rounded size is published
    note: str = ""
    why: str = ""  # why the published size and the exact count differ


# Sizes as their publishers state them. Exact totals are the "total parameters" of the safetensors
# metadata shown on each model page; the rest are rounded figures from model cards / papers.
PUBLISHED: dict[str, Published] = {
    "llama-2-7b": Published("meta-llama/Llama-2-7b-hf", "7B (6.74B)", 6_738_415_616),
    "llama-3.1-8b": Published("meta-llama/Llama-3.1-8B", "8B (8.03B)", 8_030_261_248),
    "llama-3.1-70b": Published("meta-llama/Llama-3.1-70B", "70B (70.6B)", 70_553_706_496),
    "llama-3.1-405b": Published("meta-llama/Llama-3.1-405B", "405B (405.9B)", 405_853_388_800),
    "qwen2.5-0.5b": Published("Qwen/Qwen2.5-0.5B", "0.49B", 494_032_768,
                              note="model card: 0.49B total, 0.36B non-embedding"),
    "qwen2.5-7b": Published("Qwen/Qwen2.5-7B", "7.61B", 7_615_616_512,
                            note="model card: 7.61B total, 6.53B non-embedding"),
    "qwen2.5-14b": Published("Qwen/Qwen2.5-14B", "14.7B", 14_770_033_664,
                             note="model card: 14.7B total, 13.1B non-embedding"),
    "qwen2.5-32b": Published("Qwen/Qwen2.5-32B", "32.5B", 32_763_876_352,
                             note="model card: 32.5B total, 31.0B non-embedding"),
    "qwen2.5-72b": Published("Qwen/Qwen2.5-72B", "72.7B", 72_706_203_648,
                             note="model card: 72.7B total, 70.0B non-embedding"),
    "mistral-7b-v0.1": Published("mistralai/Mistral-7B-v0.1", "7.3B (7.24B)", 7_241_732_096),
    "mixtral-8x7b": Published("mistralai/Mixtral-8x7B-v0.1", "46.7B total, 12.9B active", 46_702_792_704,
                              note="Mixtral paper: 47B total, 13B active per token"),
    "deepseek-v3": Published("deepseek-ai/DeepSeek-V3", "671B main + 14B MTP = 685B, 37B active", None,
                             tolerance=0.005, note="DeepSeek-V3 report and README"),
}

# Why each published size differs from the exact count (each difference worked out in the tests).
WHY = {
    "llama-2-7b": "the name rounds 6.74B up; the checkpoint's count equals ours",
    "llama-3.1-8b": "the name rounds 8.03B; the checkpoint's count equals ours",
    "llama-3.1-70b": "the name rounds 70.55B down; the checkpoint's count equals ours",
    "llama-3.1-405b": "the name rounds 405.85B down; the checkpoint's count equals ours",
    "qwen2.5-0.5b": "0.49B is our count rounded (tied head counted once)",
    "qwen2.5-7b": "7.61B is our count rounded",
    "qwen2.5-14b": "14.7B is our 14.77B cut to one decimal",
    "qwen2.5-32b": "the checkpoint holds 32.76B (equal to ours); the card's 32.5B and 31.0B non-embedding are "
                   "both what remains after removing 64 × 3 × 5,120 × 256 = 0.25B, i.e. they match an MLP "
                   "width of 27,392 where the released config has 27,648",
    "qwen2.5-72b": "72.7B is our count rounded",
    "mistral-7b-v0.1": "the announcement says 7.3B; the checkpoint's count, 7.24B, equals ours",
    "mixtral-8x7b": "46.7B and 12.9B are our counts rounded; not 8 × 7B = 56B because only the MLPs are "
                    "replicated per expert (attention and embeddings are shared)",
    "deepseek-v3": "671B = the main model (ours: 671.03B); 685B adds the MTP module as stored with its own "
                   "embedding and head (ours: 684.49B); 37B active (ours: 37.55B); the router's "
                   "e_score_correction_bias buffers are stored tensors, not parameters",
}

# Rounded published figures checked with a tolerance (count, tolerance, what).
PUBLISHED_ROUNDED: dict[str, list[tuple[str, float, float, str]]] = {
    "deepseek-v3": [("total", 671e9, 0.002, "671B total (main model)"),
                    ("active", 37e9, 0.02, "37B activated per token"),
                    ("stored", 685e9, 0.001, "685B in the checkpoint = main model + MTP module as stored "
                     "(the README's '14B MTP' is 685 - 671; the FP8 block scales are not parameters)")],
    "mixtral-8x7b": [("active", 12.9e9, 0.01, "12.9B active per token (Mistral AI)")],
}


def preset_names() -> list[str]:
    return sorted(p.stem for p in MODELS_DIR.glob("*.json"))


def preset_key(model: str) -> str:
    """A preset's name from its name in any case or its Hugging Face repository id; an unknown name is
    refused with the closest preset names."""
    key = model.strip().lower()
    names = preset_names()
    if key in names:
        return key
    by_repo = {p.repo.lower(): n for n, p in PUBLISHED.items()}
    if key in by_repo:
        return by_repo[key]
    if key.split("/")[-1] in names:
        return key.split("/")[-1]
    squashed = {re.sub(r"[^a-z0-9.]", "", n): n for n in names}
    if re.sub(r"[^a-z0-9.]", "", key) in squashed:  # llama3.1-70b, Qwen2.5_32B
        return squashed[re.sub(r"[^a-z0-9.]", "", key)]
    close = difflib.get_close_matches(key.split("/")[-1], names, n=3, cutoff=0.6)
    hint = f"did you mean {' or '.join(close)}? " if close else ""
    raise CalcError(f"unknown model {model!r}; {hint}presets: {', '.join(names)} "
                    "(or pass a Hugging Face config.json with --config FILE)")


def load_config(model: str | None = None, config_path: str | None = None) -> tuple[str, dict]:
    """Return (display name, config dict) for `--model NAME` or `--config FILE` (exactly one)."""
    if (model is None) == (config_path is None):
        raise CalcError("give exactly one of --model NAME or --config FILE")
    if model is not None:
        key = preset_key(model)
        return key, json.loads((MODELS_DIR / f"{key}.json").read_text(encoding="utf-8"))
    path = Path(config_path)  # type: ignore[arg-type]
    if not path.is_file():
        raise CalcError(f"config file not found: {config_path}")
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CalcError(f"{config_path} is not valid JSON: {exc}") from None
    if not isinstance(doc, dict):
        raise CalcError(f"{config_path} must hold a JSON object (a Hugging Face config.json)")
    if isinstance(doc.get("text_config"), dict) and "hidden_size" not in doc:
        doc = {**doc["text_config"]}  # multimodal wrappers keep the language model here
    return path.name, doc
