"""The card parser and schema on a good sample and on broken variants of it (in tmp dirs)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from mianjing.cards.bank import load_bank
from mianjing.cards.card import CardFormatError, bullets, parse_card, parse_text
from mianjing.cards.catalogue import load_catalogue
from mianjing.cards.schema import validate_file

SAMPLES = Path(__file__).parent / "samples"
GOOD = (SAMPLES / "math" / "kl-cross-entropy.md").read_text(encoding="utf-8")
IDS = set(load_catalogue())


def _write(tmp_path: Path, text: str, name: str = "kl-cross-entropy", topic: str = "math") -> Path:
    d = tmp_path / "cards" / topic
    d.mkdir(parents=True, exist_ok=True)
    shutil.copy(SAMPLES / "math" / "checks.py", d / "checks.py")
    p = d / f"{name}.md"
    p.write_text(text, encoding="utf-8")
    return p


def _issues(tmp_path: Path, text: str, **kw) -> list:
    _, issues = validate_file(_write(tmp_path, text, **kw), IDS)
    return issues


def _fields(issues) -> set[str]:
    return {i.field for i in issues}


def _replace(old: str, new: str, text: str = GOOD) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def test_good_sample_parses_and_validates(tmp_path):
    path = _write(tmp_path, GOOD)
    card, issues = validate_file(path, IDS)
    assert issues == []
    assert card.id == "kl-cross-entropy" and card.topic == "math"
    assert card.answers == ["K37", "K38"] and card.level == "basic"
    assert card.reviewed == dt.date(2026, 11, 29)
    assert card.checks == ["kl_equals_ce_minus_entropy"]
    assert card.zh.question.startswith("KL 散度和交叉熵")
    assert card.en.keypoints == ["cross-entropy equals entropy plus KL divergence",
                                 "KL is non-negative and asymmetric",
                                 "entropy of the data distribution is a constant"]
    assert len(card.zh.followups) == 2 and "—" in card.zh.followups[0]
    assert "$$D_{KL}" in card.en.derivation
    assert card.to_dict()["zh"]["keypoints"] == card.zh.keypoints


def test_both_samples_load_as_a_bank():
    bank = load_bank(SAMPLES)
    assert bank.issues == []
    assert sorted(bank.cards) == ["kl-cross-entropy", "vit-patch-count"]
    assert bank.cards["vit-patch-count"].zh.derivation == ""  # optional section absent in both languages


@pytest.mark.parametrize(
    "old,new,field,fragment",
    [
        ('id = "kl-cross-entropy"', 'id = "kl-ce"', "id", "must equal the file name"),
        ('answers = ["K37", "K38"]', 'answers = ["K37", "K99"]', "answers", "'K99' is not an id in the catalogue"),
        ('answers = ["K37", "K38"]', "answers = []", "answers", "is empty"),
        ('level = "basic"', 'level = "expert"', "level", "basic, core, advanced"),
        ("reviewed = 2026-11-29", 'reviewed = "2026-11-29"', "reviewed", "bare TOML date"),
        ('tags = ["information-theory", "loss"]', 'tags = ["Information Theory"]', "tags", "kebab-case"),
        ('checks = ["kl_equals_ce_minus_entropy"]', 'checks = ["no_such_check"]', "checks",
         "'no_such_check' is not a top-level function"),
        ('checks = ["kl_equals_ce_minus_entropy"]', 'checks = ["helper_with_args"]', "checks", "takes arguments"),
        ('checks = ["kl_equals_ce_minus_entropy"]', 'checks = ["not a name"]', "checks", "not a valid Python function name"),
        ("### 要点", "### 关键点", "zh", "unknown heading '### 关键点'"),
        ("### Key points", "### Keypoints", "en", "unknown heading '### Keypoints'"),
        ("- 数据分布固定时熵是常数\n", "", "zh.要点", "has 2 items"),
        ("- 说 KL 是距离：它不对称，也不满足三角不等式。\n", "", "en.Common mistakes", "has 2 items but zh.常见错误 has 1"),
        ("- KL 对称吗？ — 不对称", "- KL 对称吗？不对称", "zh.追问", "needs ' — '"),
        ("- Saying KL equals", "Saying KL equals", "en.Common mistakes", "must be a bullet list"),
        ("+++\n\n## zh", 'extra = 1\n+++\n\n## zh', "extra", "unknown header key"),
    ],
)
def test_broken_card_is_reported_by_field(tmp_path, old, new, field, fragment):
    text = _replace(old, new)
    if "helper_with_args" in new:
        d = tmp_path / "cards" / "math"
        _write(tmp_path, text)
        (d / "checks.py").write_text((d / "checks.py").read_text() + "\n\ndef helper_with_args(x):\n    assert x\n")
        _, issues = validate_file(d / "kl-cross-entropy.md", IDS)
    else:
        issues = _issues(tmp_path, text)
    matching = [i for i in issues if i.field == field and fragment in i.message]
    assert matching, f"expected {field}: ...{fragment}..., got {[str(i) for i in issues]}"
    # the message names the file
    assert "kl-cross-entropy.md" in str(matching[0])


def test_sources_empty_and_blog_rejected(tmp_path):
    start = GOOD.index("sources = [")
    end = GOOD.index("]\n+++") + 1
    issues = _issues(tmp_path, GOOD[:start] + "sources = []" + GOOD[end:])
    assert any(i.field == "sources" and "is empty" in i.message for i in issues)
    blog = GOOD[:start] + 'sources = ["Some post on zhihu.com about KL divergence, 2023"]' + GOOD[end:]
    assert any(i.field == "sources" and "zhihu.com" in i.message for i in _issues(tmp_path, blog))


def test_missing_language_and_missing_sections(tmp_path):
    no_en = GOOD[: GOOD.index("## en")]
    issues = _issues(tmp_path, no_en)
    assert any(i.field == "en" and "missing" in i.message for i in issues)

    no_short = _replace("### 30秒回答\n", "")
    # the short answer's text now belongs to 问题; the section itself is reported missing
    assert any(i.field == "zh.30秒回答" and "missing" in i.message for i in _issues(tmp_path, no_short))


def test_missing_header_keys_each_named(tmp_path):
    text = _replace('level = "basic"\n', "")
    text = text.replace("reviewed = 2026-11-29\n", "")
    fields = _fields(_issues(tmp_path, text))
    assert {"level", "reviewed"} <= fields


def test_sections_out_of_order(tmp_path):
    # swap the zh Follow-ups and Common mistakes sections
    zh = GOOD[GOOD.index("### 追问"): GOOD.index("### 要点")]
    follow, mistakes = zh.split("### 常见错误")
    swapped = GOOD.replace(zh, "### 常见错误" + mistakes + follow)
    assert any(i.field == "zh" and "out of order" in i.message for i in _issues(tmp_path, swapped))


def test_derivation_in_one_language_only(tmp_path):
    start = GOOD.index("### Derivation")
    end = GOOD.index("### Follow-ups")
    issues = _issues(tmp_path, GOOD[:start] + GOOD[end:])
    assert any(i.field == "en.Derivation" and "missing while" in i.message for i in issues)


def test_languages_swapped_in_content(tmp_path):
    text = _replace("How are KL divergence and cross-entropy related? Derive it.", "KL 散度和交叉熵是什么关系？推导一下。")
    assert any(i.field == "en.Question" for i in _issues(tmp_path, text))


def test_header_errors_are_format_errors(tmp_path):
    card, issues = validate_file(_write(tmp_path, GOOD.replace("+++\n", "", 1)), IDS)
    assert card is None and issues[0].field == "file" and "must start with a TOML header" in issues[0].message
    with pytest.raises(CardFormatError, match="never closed"):
        parse_text("+++\nid = 'x'\n", "x.md")
    with pytest.raises(CardFormatError, match="does not parse"):
        parse_text("+++\nid = \n+++\n", "x.md")


def test_heading_inside_code_fence_is_content():
    text = GOOD.replace("所以 $H(p,q)=H(p)+D_{KL}(p\\|q)$。", "```python\n### 要点\n## en\nx = 1\n```")
    card = parse_text(text, "kl-cross-entropy.md")
    assert "### 要点" in card.zh.derivation
    assert card.language_order == ["zh", "en"]


def test_duplicate_id_across_topics(tmp_path):
    _write(tmp_path, GOOD, topic="math")
    _write(tmp_path, GOOD, topic="other")
    bank = load_bank(tmp_path / "cards")
    assert "kl-cross-entropy" not in bank.cards
    dupes = [i for i in bank.issues if i.field == "id" and "more than one card" in i.message]
    assert {i.path.parent.name for i in dupes} == {"math", "other"}


def test_checks_named_without_checks_file(tmp_path):
    p = _write(tmp_path, GOOD)
    (p.parent / "checks.py").unlink()
    _, issues = validate_file(p, IDS)
    assert any(i.field == "checks" and "has no" in i.message for i in issues)


def test_bullets_with_continuation_lines():
    assert bullets("- one\n  more\n- two\n\n1. three") == ["one more", "two", "three"]


def test_invalid_card_left_out_of_bank_but_reported(tmp_path):
    _write(tmp_path, GOOD)
    broken = GOOD.replace('id = "kl-cross-entropy"', 'id = "broken"').replace('"K38"', '"K99"')
    _write(tmp_path, broken, name="broken")
    bank = load_bank(tmp_path / "cards")
    assert list(bank.cards) == ["kl-cross-entropy"]
    assert [i.path.name for i in bank.issues] == ["broken.md"]


def test_parse_card_unreadable(tmp_path):
    p = tmp_path / "bad.md"
    p.write_bytes(b"+++\n\xff\xfe\n+++\n")
    with pytest.raises(CardFormatError, match="UTF-8"):
        parse_card(p)
