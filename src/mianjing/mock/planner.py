"""From a template to the round that will be run: every question with its card, every problem.

Prompt-only parts (self-introduction, paper talk) are scored against the checklists below, with
the same key-point matcher the cards use; resume questions come from the resume check's claims
(or, without a resume, from the resume deep-dive cards).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from .templates import Template

# What an interviewer listens for in the parts that have no card: our own checklists.
PROMPTS = {
    "intro": {
        "zh": ("请做一个两分钟的自我介绍。", ["教育背景和研究方向", "最相关的一段实习或项目", "用数字说明的结果",
                                            "为什么投这个岗位"]),
        "en": ("Introduce yourself in two minutes.", ["education and research area", "the most relevant internship or project",
                                                       "a result stated with numbers", "why this role"]),
    },
    "paper": {
        "zh": ("讲一讲你的论文或最主要的项目。", ["要解决的问题和动机", "方法和关键设计", "实验结果和数字",
                                              "你本人负责的部分", "局限和下一步"]),
        "en": ("Walk me through your paper or main project.", ["the problem and motivation", "the method and its key design",
                                                               "results with numbers", "your own part in it",
                                                               "limitations and next steps"]),
    },
}
# without a resume (or with fewer claims than questions): what the seed's rounds ask about any project
RESUME_FALLBACK = ("resume-deep-dive", "resume-follow-up-chains", "domain-llm-sft", "training-gpu-count",
                   "sft-regressions", "post-training-overview")


@dataclass
class Question:
    key: str  # unique in the round: the card id, the problem id, or the part kind
    kind: str  # card | problem | prompt
    text: str
    keypoints: list[str] = field(default_factory=list)
    card: str | None = None
    problem: str | None = None
    minutes: float = 0.0  # coding: the countdown for this problem
    followups: list[str] = field(default_factory=list)
    why: str = ""  # resume questions: the claim and line they come from

    def to_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v not in (None, "", [])} | {"kind": self.kind}


@dataclass
class PlannedPart:
    kind: str
    minutes: float
    lines: tuple[int, ...]
    questions: list[Question]

    def to_dict(self) -> dict:
        return {"kind": self.kind, "minutes": self.minutes, "seed_lines": list(self.lines),
                "questions": [q.to_dict() for q in self.questions]}


@dataclass
class Round:
    template: str
    company: str
    round: int
    name: str
    seed: int
    lang: str
    parts: list[PlannedPart]

    @property
    def minutes(self) -> float:
        return sum(p.minutes for p in self.parts)

    def to_dict(self) -> dict:
        return {"template": self.template, "company": self.company, "round": self.round, "name": self.name,
                "seed": self.seed, "lang": self.lang, "minutes": self.minutes,
                "parts": [p.to_dict() for p in self.parts]}


def _card_question(card, lang: str) -> Question:
    side = card.side(lang)
    return Question(key=card.id, kind="card", text=side.question, keypoints=side.keypoints, card=card.id,
                    followups=[f.split(" — ", 1)[0].strip() for f in side.followups[:2]])


def plan_round(template: Template, bank, problems: dict, *, seed: int, lang: str = "zh",
               claims: list | None = None) -> Round:
    """`bank`: the card bank; `problems`: id -> Problem; `claims`: the resume check's, or None."""
    rng = random.Random(seed)
    # cards a later part names are kept for it: the resume part must not ask them first
    used: set[str] = {c for part in template.parts for c in part.cards}
    parts = []
    claim_queue = list(claims or [])
    for part in template.parts:
        qs: list[Question] = []
        if part.kind in PROMPTS:
            text, points = PROMPTS[part.kind][lang]
            qs.append(Question(key=part.kind, kind="prompt", text=text, keypoints=list(points)))
        elif part.kind == "resume":
            qs.extend(_resume_questions(part.questions, claim_queue, bank, used, lang))
        elif part.kind == "coding":
            ids = list(part.problems) or rng.sample(list(part.pool), part.draw)
            each = part.minutes / len(ids)
            for pid in ids:
                p = problems[pid]
                qs.append(Question(key=pid, kind="problem", text=p.title.get(lang) or p.title.get("en", pid),
                                   problem=pid, minutes=each))
        else:  # fundamentals, reverse
            if part.cards:
                qs.extend(_card_question(bank.cards[cid], lang) for cid in part.cards)
            else:
                fresh = [cid for cid in part.pool if cid not in used]
                for cid in rng.sample(fresh, min(part.draw, len(fresh))):
                    used.add(cid)
                    qs.append(_card_question(bank.cards[cid], lang))
        parts.append(PlannedPart(part.kind, part.minutes, part.lines, qs))
    return Round(template.id, template.company, template.round, template.name[lang], seed, lang, parts)


def _resume_questions(count: int, claims: list, bank, used: set[str], lang: str) -> list[Question]:
    out: list[Question] = []
    while claims and len(out) < count:
        claim = claims.pop(0)
        card = next((bank.get(c["id"]) for c in claim.cards if c["id"] not in used and bank.get(c["id"])), None)
        if card is None:
            continue
        used.add(card.id)
        q = _card_question(card, lang)
        q.why = (f"简历第 {claim.line} 行写了 {claim.topic}" if lang == "zh"
                 else f"line {claim.line} of the resume claims {claim.topic}")
        q.text = (f"你简历上写了 {claim.topic}。{q.text}" if lang == "zh" else f"Your resume mentions {claim.topic}. {q.text}")
        out.append(q)
    for cid in RESUME_FALLBACK:  # no resume, or fewer claims than questions
        if len(out) >= count:
            break
        if cid not in used and bank.get(cid):
            used.add(cid)
            out.append(_card_question(bank.cards[cid], lang))
    return out
