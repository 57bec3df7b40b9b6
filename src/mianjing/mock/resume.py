"""The resume check: the seed's resume rules (catalogue A02, lines 122-146) applied to one resume,
and the questions its claims invite (B01), linked to the cards.

Rules (`Finding.rule`):
  breadth        post-training (SFT/LoRA/RLHF/DPO/GRPO...) and RAG both appear somewhere (line 129, 139)
  training       an internship or project entry says the candidate trained or fine-tuned (129, 143)
  hot-direction  a direction of the dated hot list appears (133, 140)
  overlap        no internship entry and project entry share a topic (134, 141)
  domain-data    an entry naming public benchmarks also describes domain data work (136, 142)
  research-share paper/research lines stay under RESEARCH_SHARE of the text (135, 144; business track)
  numbers        every internship/project bullet has a number (a metric, a size, an outcome)
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from ..paths import BANK_DIR
from .resume_read import ResumeError, read_lines

HOT_FILE = BANK_DIR / "resume" / "hot-directions.toml"
RESEARCH_SHARE = 0.3
SECTION_NAMES = ("education", "internships", "projects", "papers", "skills")
_HEADINGS = {
    "education": ("教育背景", "教育经历", "教育", "education"),
    "internships": ("实习经历", "实习", "工作经历", "internships", "internship", "internship experience",
                    "work experience", "experience"),
    "projects": ("项目经历", "项目", "projects", "project experience", "project"),
    "papers": ("论文", "发表论文", "论文发表", "科研经历", "研究经历", "publications", "papers", "research",
               "research experience"),
    "skills": ("专业技能", "技能", "skills", "technical skills"),
}
_HEADING_INDEX = {re.sub(r"\s+", "", h): name for name, hs in _HEADINGS.items() for h in hs}
_BULLET = re.compile(r"^\s*(?:[-*•·●▪‣]|\d+[.)、])\s*")

# claim -> (patterns, cards interviewers use to follow it up)
TOPICS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "LoRA": ((r"\blora\b", r"qlora"), ("lora-principle", "lora-init-and-swap", "lora-alpha-and-rank", "lora-practice", "qlora")),
    "SFT": ((r"\bsft\b", r"监督微调", r"指令微调", r"supervised fine-?tun", r"instruction tun"),
            ("domain-llm-sft", "sft-loss-masking", "sft-regressions", "sft-loss-abnormal")),
    "RLHF/PPO": ((r"rlhf", r"\bppo\b", r"reward model", r"奖励模型"),
                 ("rlhf-pipeline", "ppo-clipped-objective", "ppo-value-vs-reward-model", "reward-model-training")),
    "DPO": ((r"\bdpo\b",), ("dpo-derivation", "dpo-beta-and-pitfalls", "ppo-vs-dpo-vs-grpo")),
    "GRPO": ((r"grpo",), ("grpo-objective", "grpo-clip-vs-kl", "grpo-weaknesses-and-fixes", "grpo-training-in-practice")),
    "RAG": ((r"\brag\b", r"检索增强", r"retrieval-augmented"),
            ("rag-pipeline", "rag-chunking", "rag-hybrid-retrieval-and-reranking", "rag-evaluation", "rag-bottlenecks-and-future")),
    "vLLM": ((r"vllm", r"pagedattention", r"paged attention"), ("paged-attention", "continuous-batching", "prefix-caching")),
    "DeepSpeed": ((r"deepspeed", r"\bzero-?[123]\b"), ("deepspeed-overview", "zero-stages", "why-zero3", "zero-memory-derivation")),
    "MoE": ((r"\bmoe\b", r"混合专家", r"mixture[- ]of[- ]experts"), ("dsv3-deepseekmoe", "dsv3-aux-loss-free-balancing")),
    "distillation": ((r"蒸馏", r"distill"), ("r1-distillation", "distillation-data-format", "knowledge-distillation-llm", "distill-throughput-estimate")),
    "multimodal": ((r"多模态", r"multimodal", r"\bvlm\b", r"\bclip\b", r"blip", r"qwen2?\.?5?-vl", r"vision-language"),
                   ("vit-overview", "clip-training", "blip-vs-blip2", "q-former", "vlm-connectors-now")),
    "agent": ((r"\bagents?\b", r"智能体"), ("customer-service-agent-design",)),
    "long context": ((r"长文本", r"长上下文", r"long[- ]context"), ("long-context-training",)),
    "quantisation": ((r"量化", r"quantiz", r"quantis", r"\bawq\b", r"gptq"), ("weight-quantisation-inference",)),
    "embedding": ((r"embedding", r"向量模型"), ("embedding-contrastive-loss", "embedding-hard-negatives-temperature")),
}
POST_TRAINING = ("LoRA", "SFT", "RLHF/PPO", "DPO", "GRPO", "distillation")
# tools used in two entries are not two entries on the same thing; directions are
NOT_OVERLAP = frozenset({"DeepSpeed", "vLLM"})
_TRAINED = re.compile(r"训练|微调|预训练|fine-?tun|\btrain(ed|ing)?\b|\bsft\b|\blora\b|rlhf|\bdpo\b|grpo", re.IGNORECASE)
_BENCHMARKS = re.compile(r"\b(gsm8k|math500|mmlu|humaneval|mbpp|c-?eval|cmmlu|alpaca|sharegpt|belle|squad|hotpotqa|triviaqa|hellaswag)\b", re.IGNORECASE)
_DOMAIN = re.compile(r"领域|业务|自建|私有|内部|标注|客服|医疗|法律|金融|电商|工单|domain|proprietary|in-house|internal|"
                     r"annotat|customer|medical|legal|financ|e-commerce|business", re.IGNORECASE)
_NUMBER = re.compile(r"\d")


@dataclass(frozen=True)
class Finding:
    rule: str
    line: int  # 1-based line of the resume it concerns
    text: str  # that line, stripped
    message: str
    suggestion: str

    def to_dict(self) -> dict:
        return {"rule": self.rule, "line": self.line, "text": self.text, "message": self.message,
                "suggestion": self.suggestion}


@dataclass
class Entry:
    section: str
    line: int  # the entry's heading line
    title: str
    bullets: list[tuple[int, str]] = field(default_factory=list)

    def text(self) -> str:
        return " ".join([self.title] + [b for _, b in self.bullets])


@dataclass
class Parsed:
    lines: list[str]
    sections: dict[str, tuple[int, int]]  # name -> (heading line, last line), 1-based
    entries: list[Entry]

    def section_lines(self, name: str) -> list[tuple[int, str]]:
        if name not in self.sections:
            return []
        first, last = self.sections[name]
        return [(n, self.lines[n - 1]) for n in range(first + 1, last + 1)]


def heading_of(line: str) -> str | None:
    """The section a line opens, if it is a heading (Markdown `#`, bold, or a short line alone)."""
    text = line.strip()
    was_marked = text.startswith("#")
    text = text.lstrip("#").strip().strip("*").strip().rstrip(":：").strip()
    if not text or (len(text) > 24 and not was_marked):
        return None
    return _HEADING_INDEX.get(re.sub(r"\s+", "", text).casefold())


def parse(lines: list[str]) -> Parsed:
    marks = [(i + 1, heading_of(line)) for i, line in enumerate(lines)]
    marks = [(n, s) for n, s in marks if s]
    sections: dict[str, tuple[int, int]] = {}
    for k, (n, name) in enumerate(marks):
        end = marks[k + 1][0] - 1 if k + 1 < len(marks) else len(lines)
        if name not in sections:
            sections[name] = (n, end)
    entries: list[Entry] = []
    for name in ("internships", "projects"):
        if name not in sections:
            continue
        first, last = sections[name]
        current: Entry | None = None
        for n in range(first + 1, last + 1):
            raw = lines[n - 1]
            if not raw.strip():
                continue
            m = _BULLET.match(raw)
            if m and current is not None:
                current.bullets.append((n, raw[m.end():].strip()))
            else:
                current = Entry(name, n, raw.strip().lstrip("#").strip())
                entries.append(current)
    return Parsed(lines, sections, entries)


def topics_in(text: str) -> set[str]:
    low = text.casefold()
    return {name for name, (patterns, _) in TOPICS.items() if any(re.search(p, low) for p in patterns)}


def _first_line(parsed: Parsed, pattern_names: tuple[str, ...]) -> int | None:
    for n, line in enumerate(parsed.lines, 1):
        if topics_in(line) & set(pattern_names):
            return n
    return None


@dataclass(frozen=True)
class HotList:
    updated: dt.date
    directions: list[tuple[dict, tuple[str, ...]]]  # (name zh/en, patterns)


def load_hot(path: Path | None = None) -> HotList:
    path = Path(path) if path else HOT_FILE
    try:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
        return HotList(doc["updated"], [(dict(d["name"]), tuple(d["patterns"])) for d in doc["direction"]])
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError, TypeError) as exc:
        raise ResumeError(f"{path}: not a hot-directions file ({exc}); see {HOT_FILE} for the format") from None


_MSG = {
    "breadth": ("简历没有出现{what}", "The resume never mentions {what}",
                "补一段{what}经历（例如在项目里写清楚用了什么方法、数据和结果）：面经建议覆盖 Post-training 和 RAG",
                "add {what} work (say which method, what data, what result): the advice is to cover both post-training and RAG"),
    "training": ("实习和项目里没有训练经历", "No internship or project says you trained a model",
                 "至少一段经历写清楚你训练或微调了什么模型（SFT、LoRA、RLHF…）：有训练经验的简历更容易过筛",
                 "make at least one entry say what you trained or fine-tuned (SFT, LoRA, RLHF...): training experience is what screens look for"),
    "hot-direction": ("没有当季热门方向（清单更新于 {date}）：{names}", "No direction of the current hot list (updated {date}): {names}",
                      "加入与热门方向相关的工作，例如 {example}", "add work on a hot direction, e.g. {example}"),
    "overlap": ("实习「{a}」和项目「{b}」都写了 {topic}", "The internship \"{a}\" and the project \"{b}\" both cover {topic}",
                "{topic} 只保留在一处（选更扎实的那段），另一段换成不同的方向，以扩大覆盖面",
                "keep {topic} in one of them (the stronger one) and give the other a different direction, so the resume covers more ground"),
    "domain-data": ("这一段只提到公开数据集 {bench}，看不出专有领域数据的处理", "This entry names only public benchmarks ({bench}), no domain data work",
                    "写出你处理的领域数据：来源、规模、清洗和标注方式、与通用数据的配比",
                    "describe the domain data you handled: its source, size, how you cleaned and labelled it, its mix with general data"),
    "research-share": ("论文/研究经历占了 {share:.0%} 的篇幅", "Papers and research take {share:.0%} of the resume",
                       "业务岗简历里论文在教育一栏单列一行即可（在投也可以写），把篇幅留给项目和实习；投研究岗用 --track research",
                       "for a business-track role list the paper on one line under education (under review is fine) and give the space to projects and internships; use --track research for research roles"),
    "numbers": ("这一条没有数字", "This bullet has no number",
                "写出量化结果：数据规模、指标提升、耗时或成本（如“准确率 72%→81%”）",
                "state a measurable outcome: data size, metric gain, time or cost saved (e.g. 'accuracy 72% -> 81%')"),
}


def _finding(rule: str, line: int, lines: list[str], lang: str, **fmt) -> Finding:
    zh, en, szh, sen = _MSG[rule]
    text = lines[line - 1].strip() if 1 <= line <= len(lines) else ""
    return Finding(rule, line, text, (zh if lang == "zh" else en).format(**fmt),
                   (szh if lang == "zh" else sen).format(**fmt))


def check_rules(parsed: Parsed, *, lang: str = "zh", hot: HotList | None = None,
                track: str = "business") -> list[Finding]:
    lines = parsed.lines
    whole = "\n".join(lines)
    found_topics = topics_in(whole)
    entries = parsed.entries
    anchor = parsed.sections.get("projects", parsed.sections.get("internships", (1, 1)))[0]
    out: list[Finding] = []
    # breadth
    if not found_topics & set(POST_TRAINING):
        out.append(_finding("breadth", anchor, lines, lang, what="Post-training（SFT/LoRA/RLHF）" if lang == "zh"
                            else "post-training (SFT/LoRA/RLHF)"))
    if "RAG" not in found_topics:
        out.append(_finding("breadth", anchor, lines, lang, what="RAG"))
    # training
    if entries and not any(_TRAINED.search(e.text()) for e in entries):
        out.append(_finding("training", anchor, lines, lang))
    # hot direction
    hot = hot or load_hot()
    low = whole.casefold()
    if not any(re.search(p, low) for _, pats in hot.directions for p in pats):
        names = "、".join(n[lang] for n, _ in hot.directions) if lang == "zh" else ", ".join(n[lang] for n, _ in hot.directions)
        out.append(_finding("hot-direction", anchor, lines, lang, date=hot.updated.isoformat(), names=names,
                            example=hot.directions[0][0][lang] if hot.directions else ""))
    # overlap between internships and projects
    interns = [e for e in entries if e.section == "internships"]
    projects = [e for e in entries if e.section == "projects"]
    for p in projects:
        for i in interns:
            shared = sorted((topics_in(p.text()) & topics_in(i.text())) - NOT_OVERLAP)
            if shared:
                out.append(_finding("overlap", p.line, lines, lang, a=i.title, b=p.title, topic="/".join(shared)))
                break
    # domain data
    for e in entries:
        if _DOMAIN.search(e.text()):
            continue
        for n, bullet in [(e.line, e.title)] + e.bullets:
            m = _BENCHMARKS.findall(bullet)
            if m:
                out.append(_finding("domain-data", n, lines, lang, bench=", ".join(dict.fromkeys(m))))
                break
    # research share
    content = [line for line in lines if line.strip() and not heading_of(line)]
    research = [line for _, line in parsed.section_lines("papers") if line.strip()]
    if track == "business" and content and len(research) / len(content) > RESEARCH_SHARE:
        out.append(_finding("research-share", parsed.sections["papers"][0], lines, lang,
                            share=len(research) / len(content)))
    # numbers
    for e in entries:
        for n, bullet in e.bullets:
            if not _NUMBER.search(bullet):
                out.append(_finding("numbers", n, lines, lang))
    out.sort(key=lambda f: (f.line, f.rule))
    return out


@dataclass(frozen=True)
class Claim:
    topic: str
    line: int  # first line making the claim
    weight: int  # how often the seed's rounds asked about it (catalogue items its cards answer)
    cards: list[dict]  # {id, question, followups, weight}

    def to_dict(self) -> dict:
        return {"claim": self.topic, "line": self.line, "weight": self.weight, "cards": self.cards}


def invited_questions(parsed: Parsed, bank, *, lang: str = "zh") -> list[Claim]:
    """Per claim, the cards' questions and follow-ups, most asked first.

    A card's weight is the number of seed items (catalogue K and B rows, each one reported question)
    it answers, so a claim whose cards answer many reported questions is more likely to be asked."""
    claims = []
    for topic, (_, card_ids) in TOPICS.items():
        line = _first_line(parsed, (topic,))
        if line is None:
            continue
        cards = []
        for cid in card_ids:
            card = bank.get(cid)
            if card is None:
                continue
            weight = sum(1 for a in card.answers if a[0] in "KB")
            side = card.side(lang)
            # a card's follow-up reads "question — answer": the interviewer asks the first half
            followups = [f.split(" — ", 1)[0].strip() for f in side.followups]
            cards.append({"id": cid, "question": side.question, "followups": followups, "weight": weight})
        if not cards:
            continue
        cards.sort(key=lambda c: -c["weight"])
        claims.append(Claim(topic, line, sum(c["weight"] for c in cards), cards))
    claims.sort(key=lambda c: (-c.weight, c.line))
    return claims


@dataclass
class Report:
    path: str
    lines: int
    sections: dict[str, int]
    findings: list[Finding]
    claims: list[Claim]
    hot_updated: str
    track: str

    def to_dict(self) -> dict:
        return {"file": self.path, "lines": self.lines, "track": self.track,
                "sections": self.sections, "missing_sections": [s for s in SECTION_NAMES if s not in self.sections],
                "hot_list_updated": self.hot_updated,
                "findings": [f.to_dict() for f in self.findings],
                "questions": [c.to_dict() for c in self.claims]}


def check_file(path: Path | str, bank, *, lang: str = "zh", hot_path: Path | None = None,
               track: str = "business") -> Report:
    """Read and check a resume. Raises ResumeError when it cannot be read."""
    if track not in ("business", "research"):
        raise ResumeError(f"--track must be business or research, got {track!r}")
    lines = read_lines(path)
    hot = load_hot(hot_path)
    parsed = parse(lines)
    return Report(str(path), len(lines), {k: v[0] for k, v in parsed.sections.items()},
                  check_rules(parsed, lang=lang, hot=hot, track=track), invited_questions(parsed, bank, lang=lang),
                  hot.updated.isoformat(), track)
