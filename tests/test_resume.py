"""`resume check`: one resume per rule that trips it, in Chinese and English, as Markdown, PDF and
DOCX (all generated here); each must trip exactly its planted rule, and the clean one none."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mianjing.cards.bank import load_bank
from mianjing.cli.app import app
from mianjing.mock.resume import TOPICS, check_file, parse, topics_in
from mianjing.mock.resume_read import ResumeError, read_lines

CLEAN = {
    "zh": """# 张三
邮箱 zhangsan@example.com

## 教育背景
某大学 计算机硕士 2023-2026
论文：长文本检索的高效注意力（在投）

## 实习经历
某科技公司 大模型算法实习生 2025.03-2025.08
- 用 LoRA 在 3 万条内部客服工单上微调 Qwen2.5-7B，意图准确率从 72% 提升到 86%
- 用 R1 蒸馏构造 8 千条带思维链的客服数据，回复满意度提升 9%

## 项目经历
企业文档问答系统（RAG）
- 解析 1200 份业务 PDF，混合检索加重排后 Top-5 召回率达到 91%
- 上线后人工客服转接率下降 15%

## 专业技能
PyTorch、DeepSpeed、vLLM、Milvus
""",
    "en": """# Jane Doe
jane@example.com

## Education
MSc Computer Science, Example University, 2023-2026
Paper: Efficient attention for long-document retrieval (under review)

## Internship Experience
Example Tech, LLM algorithm intern, 2025.03-2025.08
- Fine-tuned Qwen2.5-7B with LoRA on 30k internal customer-service tickets; intent accuracy 72% -> 86%
- Built 8k chain-of-thought support dialogues by R1 distillation; satisfaction +9%

## Projects
Enterprise document QA (RAG)
- Parsed 1,200 business PDFs; hybrid retrieval with reranking reached 91% top-5 recall
- Cut hand-offs to human staff by 15% after launch

## Skills
PyTorch, DeepSpeed, vLLM, Milvus
""",
}

# rule -> lang -> (old text, new text) replacements that plant exactly that problem
PLANTS = {
    "breadth": {
        "zh": [("企业文档问答系统（RAG）\n- 解析 1200 份业务 PDF，混合检索加重排后 Top-5 召回率达到 91%\n- 上线后人工客服转接率下降 15%",
                "代码补全评测平台\n- 为 2 条业务线搭建代码补全评测集 600 题\n- 评测耗时从 3 小时缩短到 20 分钟")],
        "en": [("Enterprise document QA (RAG)\n- Parsed 1,200 business PDFs; hybrid retrieval with reranking reached 91% top-5 recall\n"
                "- Cut hand-offs to human staff by 15% after launch",
                "Code-completion evaluation platform\n- Built a 600-task completion suite over 2 internal frameworks\n"
                "- Cut evaluation time from 3 hours to 20 minutes")],
    },
    "training": {
        "zh": [("大模型算法实习生", "大模型应用实习生"),
               ("- 用 LoRA 在 3 万条内部客服工单上微调 Qwen2.5-7B，意图准确率从 72% 提升到 86%\n- 用 R1 蒸馏构造 8 千条带思维链的客服数据，回复满意度提升 9%",
                "- 整理 R1 蒸馏得到的 8 千条客服对话，人工抽检合格率 95%\n- 为内部客服工单搭建意图分类评测，覆盖 32 类意图"),
               ("PyTorch、DeepSpeed", "SFT、LoRA、RLHF、PyTorch、DeepSpeed")],
        "en": [("LLM algorithm intern", "LLM application intern"),
               ("- Fine-tuned Qwen2.5-7B with LoRA on 30k internal customer-service tickets; intent accuracy 72% -> 86%\n"
                "- Built 8k chain-of-thought support dialogues by R1 distillation; satisfaction +9%",
                "- Curated 8k support dialogues from R1 distillation; spot-check pass rate 95%\n"
                "- Set up an intent evaluation over 32 internal ticket categories"),
               ("PyTorch, DeepSpeed", "SFT, LoRA, RLHF, PyTorch, DeepSpeed")],
    },
    "hot-direction": {
        "zh": [("- 用 R1 蒸馏构造 8 千条带思维链的客服数据，回复满意度提升 9%", "- 清洗 8 千条客服对话并标注 12 类意图，标注一致性 0.87")],
        "en": [("- Built 8k chain-of-thought support dialogues by R1 distillation; satisfaction +9%",
                "- Cleaned 8k support dialogues and labelled 12 intents; agreement 0.87")],
    },
    "overlap": {
        "zh": [("- 上线后人工客服转接率下降 15%", "- 上线后人工客服转接率下降 15%\n- 用 LoRA 微调重排模型，NDCG@10 提升 4 个点")],
        "en": [("- Cut hand-offs to human staff by 15% after launch",
                "- Cut hand-offs to human staff by 15% after launch\n- Fine-tuned the reranker with LoRA; NDCG@10 +4 points")],
    },
    "domain-data": {
        "zh": [("- 用 LoRA 在 3 万条内部客服工单上微调 Qwen2.5-7B，意图准确率从 72% 提升到 86%\n- 用 R1 蒸馏构造 8 千条带思维链的客服数据，回复满意度提升 9%",
                "- 用 LoRA 在 GSM8K 上微调 Qwen2.5-7B，准确率从 72% 提升到 80%\n- 用 R1 蒸馏构造 8 千条数学应用题，准确率再提升 3%")],
        "en": [("- Fine-tuned Qwen2.5-7B with LoRA on 30k internal customer-service tickets; intent accuracy 72% -> 86%\n"
                "- Built 8k chain-of-thought support dialogues by R1 distillation; satisfaction +9%",
                "- Fine-tuned Qwen2.5-7B with LoRA on GSM8K; accuracy 72% -> 80%\n"
                "- Ran R1 distillation for 8k math word problems; accuracy +3%")],
    },
    "research-share": {
        "zh": [("## 专业技能", "## 论文\n" + "\n".join(f"第 {i} 段：长文本检索注意力的方法、实验与分析" for i in range(1, 9))
                + "\n\n## 专业技能")],
        "en": [("## Skills", "## Publications\n" + "\n".join(f"Paragraph {i}: method, experiments and analysis of the attention"
                                                            for i in range(1, 9)) + "\n\n## Skills")],
    },
    "numbers": {
        "zh": [("- 上线后人工客服转接率下降 15%", "- 上线后人工客服转接率明显下降")],
        "en": [("- Cut hand-offs to human staff by 15% after launch", "- Cut hand-offs to human staff noticeably after launch")],
    },
}


def planted(rule: str | None, lang: str) -> str:
    text = CLEAN[lang]
    for old, new in PLANTS[rule][lang] if rule else []:
        assert text.count(old) == 1, (rule, lang, old)
        text = text.replace(old, new)
    return text


def write_md(text: str, path: Path) -> Path:
    path = path.with_suffix(".md")
    path.write_text(text, encoding="utf-8")
    return path


def write_pdf(text: str, path: Path) -> Path:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))  # built into reportlab: no font file needed
    path = path.with_suffix(".pdf")
    c = canvas.Canvas(str(path))
    y = 810
    for line in text.splitlines():
        if y < 40:
            c.showPage()
            y = 810
        c.setFont("STSong-Light", 8)
        c.drawString(30, y, line)
        y -= 12
    c.save()
    return path


def write_docx(text: str, path: Path) -> Path:
    import docx

    document = docx.Document()
    for line in text.splitlines():
        if line.startswith("#"):
            document.add_heading(line.lstrip("#").strip(), level=line.count("#"))
        elif line.startswith("- "):
            document.add_paragraph(line[2:], style="List Bullet")
        else:
            document.add_paragraph(line)
    path = path.with_suffix(".docx")
    document.save(str(path))
    return path


WRITERS = {"md": write_md, "pdf": write_pdf, "docx": write_docx}


@pytest.fixture(scope="module")
def bank():
    return load_bank()


@pytest.mark.parametrize("fmt", sorted(WRITERS))
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("rule", [None] + sorted(PLANTS))
def test_each_resume_trips_exactly_its_planted_rule(tmp_path, bank, rule, lang, fmt):
    path = WRITERS[fmt](planted(rule, lang), tmp_path / f"cv-{rule}-{lang}")
    report = check_file(path, bank, lang=lang)
    assert sorted({f.rule for f in report.findings}) == ([rule] if rule else []), [f.to_dict() for f in report.findings]
    assert {"education", "internships", "projects", "skills"} <= set(report.sections)
    for f in report.findings:  # each finding names a real line and says what to do
        assert 1 <= f.line <= report.lines and f.suggestion


def test_findings_point_at_the_planted_line(tmp_path, bank):
    text = planted("numbers", "en")
    report = check_file(write_md(text, tmp_path / "cv"), bank, lang="en")
    (finding,) = report.findings
    assert text.splitlines()[finding.line - 1] == "- Cut hand-offs to human staff noticeably after launch"
    overlap = check_file(write_md(planted("overlap", "zh"), tmp_path / "cv2"), bank, lang="zh").findings
    assert overlap[0].text == "企业文档问答系统（RAG）" and "LoRA" in overlap[0].message


def test_shared_tools_are_not_overlap(tmp_path, bank):
    text = CLEAN["en"].replace("intent accuracy 72% -> 86%", "intent accuracy 72% -> 86% with DeepSpeed ZeRO-2")
    text = text.replace("by 15% after launch", "by 15% after launch, served with vLLM and DeepSpeed")
    parsed = parse(text.splitlines())
    assert "DeepSpeed" in set.intersection(*(topics_in(e.text()) for e in parsed.entries))  # both entries use it
    report = check_file(write_md(text, tmp_path / "cv"), bank, lang="en")
    assert report.findings == []
    assert {"DeepSpeed", "vLLM"} <= {c.topic for c in report.claims}


def test_research_track_allows_papers(tmp_path, bank):
    path = write_md(planted("research-share", "en"), tmp_path / "cv")
    assert check_file(path, bank, lang="en", track="research").findings == []


def test_invited_questions_follow_the_claims_most_asked_first(tmp_path, bank):
    report = check_file(write_md(CLEAN["en"], tmp_path / "cv"), bank, lang="en")
    claims = {c.topic: c for c in report.claims}
    assert {"LoRA", "RAG", "distillation", "DeepSpeed", "vLLM"} <= set(claims)
    assert "GRPO" not in claims  # never claimed
    weights = [c.weight for c in report.claims]
    assert weights == sorted(weights, reverse=True)
    lora = claims["LoRA"]
    assert lora.cards[0]["id"] in TOPICS["LoRA"][1] and lora.cards[0]["followups"]
    card = bank.get(lora.cards[0]["id"])  # the follow-up questions, without the card's answers to them
    assert lora.cards[0]["followups"] == [f.split(" — ")[0].strip() for f in card.en.followups]
    assert not any(" — " in f for c in report.claims for card in c.cards for f in card["followups"])
    assert lora.weight == sum(sum(1 for a in bank.get(c["id"]).answers if a[0] in "KB") for c in lora.cards)


def test_every_claim_card_exists(bank):
    for topic, (_, cards) in TOPICS.items():
        for cid in cards:
            assert bank.get(cid) is not None, f"{topic}: no card {cid}"


@pytest.mark.parametrize("name, data, message", [
    ("empty.md", b"  \n\n", "has no text"),
    ("cv.pdf", b"%PDF-1.4 this is not really a pdf", "not a readable PDF"),
    ("cv.docx", b"PK not a zip", "not a readable .docx"),
    ("cv.rtf", b"{\\rtf1 hello}", "unknown format '.rtf'"),
    ("cv.doc", b"\xd0\xcf\x11\xe0", "old Word format"),
])
def test_bad_files_get_a_clear_message(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ResumeError, match=message.replace("(", r"\(").replace(".", r"\.")):
        read_lines(path)
    result = CliRunner().invoke(app, ["resume", "check", str(path)])
    assert result.exit_code == 2 and message in result.output and "Traceback" not in result.output


def test_empty_pdf_page_says_so(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path))
    c.showPage()
    c.save()
    with pytest.raises(ResumeError, match="no text"):
        read_lines(path)


def test_cli_json_and_exit_codes(tmp_path):
    clean = write_md(CLEAN["zh"], tmp_path / "clean")
    result = CliRunner().invoke(app, ["resume", "check", str(clean), "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert doc["findings"] == [] and doc["questions"] and doc["sections"]["projects"] == 13
    bad = write_md(planted("numbers", "zh"), tmp_path / "bad")
    result = CliRunner().invoke(app, ["resume", "check", str(bad), "--lang", "en"])
    assert result.exit_code == 1 and "numbers" in result.output


def test_parse_finds_entries_and_bullets():
    parsed = parse(CLEAN["zh"].splitlines())
    assert [(e.section, e.title, len(e.bullets)) for e in parsed.entries] == [
        ("internships", "某科技公司 大模型算法实习生 2025.03-2025.08", 2), ("projects", "企业文档问答系统（RAG）", 2)]


def test_own_hot_list_and_a_bad_one(tmp_path, bank):
    hot = tmp_path / "hot.toml"
    hot.write_text('updated = 2026-11-01\n[[direction]]\nname = { zh = "状态空间模型", en = "state-space models" }\n'
                   'patterns = ["mamba", "状态空间"]\n', encoding="utf-8")
    cv = write_md(CLEAN["en"], tmp_path / "cv")
    report = check_file(cv, bank, lang="en", hot_path=hot)
    assert [f.rule for f in report.findings] == ["hot-direction"] and "state-space models" in report.findings[0].message
    assert report.hot_updated == "2026-11-01"
    hot.write_text("updated = 2026-11-01\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["resume", "check", str(cv), "--hot", str(hot)])
    assert result.exit_code == 2 and "not a hot-directions file" in result.output

