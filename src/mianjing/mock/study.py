"""The study plan: every part of the seed's advice (catalogue A01, lines 89-121) laid out day by day
until the interview, within a daily time budget.

Parts, in the order A01 gives them:
  cards-classic   fundamentals cards (Transformer, BERT, training, distributed, ...)
  cards-recent    recent topics (alignment, inference, RAG, multimodal, tools)
  reports         DeepSeek-V3, R1, Qwen2.5, Llama 3.1 (required); Kimi k1.5, MiniMax-01 (optional);
                  Qwen2.5-VL (required when the resume mentions multimodal work, else optional):
                  reading the PDF, then the report's cards
  hot100          LeetCode Hot 100, row by row, section by section
  model           the seven model hand-coding problems A01 names; the other model problems optional
  mocks           mock rounds in the last week
The plan is rebuilt from the current state on every call, so it adapts by construction: work not
done yet is simply scheduled again from today (missed days roll forward), solved problems and
learned cards (FSRS state Review) drop out, and what mock rounds found weak (cards answered under
half, problems not accepted since) goes to the very front. Nothing is ever scheduled on or after the
interview day; what does not fit is listed as unscheduled with the hours it would need.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

CLASSIC_TOPICS = ("fundamentals", "attention", "training", "distributed", "finetuning", "algorithms", "data", "career")
CARD_MINUTES = 10
REVIEW_MINUTES = 1.0  # per due card
PROBLEM_MINUTES = {"easy": 20, "medium": 30, "hard": 45}
MODEL_MINUTES = 40
MOCK_MINUTES = 60
READ_CHUNK = 60
# (report key, names zh/en, card id prefixes in the `reports` topic, reading minutes, required)
REPORTS = (
    ("deepseek-v3", "DeepSeek-V3", ("dsv3-", "deepseek-v2-vs-v3"), 180, True),
    ("deepseek-r1", "DeepSeek-R1", ("r1-",), 120, True),
    ("qwen2.5", "Qwen2.5", ("qwen25-pretraining", "qwen25-post-training", "qwen25-long-context", "qwen2-vs-qwen25"), 90, True),
    ("llama-3.1", "Llama 3.1", ("llama31-", "llama3-vs-llama31"), 150, True),
    ("kimi-k1.5", "Kimi k1.5", ("kimi-k15-",), 90, False),
    ("minimax-01", "MiniMax-01", ("minimax-01-", "llama4-10m-context"), 90, False),
    ("qwen2.5-vl", "Qwen2.5-VL", ("qwen25-vl-",), 90, False),  # required when the resume is multimodal
)
FOCUS_PREFIX = "focus-"  # R08-R12: what to look for across the reports
MODEL_REQUIRED = ("mha", "layernorm", "transformer-encoder-layer", "sinusoidal-pe", "rope", "swiglu", "rmsnorm")
MOCK_ROTATION = ("generic-1", "tencent-wxg-2", "douyin-1", "alibaba-ecommerce-1")
STREAM_WEIGHTS = {"cards": 0.3, "reports": 0.2, "hot100": 0.35, "model": 0.15}
PARTS = ("front", "cards-classic", "cards-recent", "reports", "hot100", "model", "mocks")


@dataclass
class Item:
    part: str
    kind: str  # card | problem | read | mock | review
    ref: str
    title: str
    minutes: float
    required: bool = True
    why: str = ""

    def to_dict(self) -> dict:
        d = {"part": self.part, "kind": self.kind, "ref": self.ref, "title": self.title, "minutes": self.minutes,
             "required": self.required}
        return d | ({"why": self.why} if self.why else {})


@dataclass
class Day:
    day: date
    budget: float
    items: list[Item] = field(default_factory=list)

    @property
    def used(self) -> float:
        return sum(i.minutes for i in self.items)

    def to_dict(self) -> dict:
        return {"date": self.day.isoformat(), "minutes": self.used, "budget": self.budget,
                "items": [i.to_dict() for i in self.items]}


@dataclass
class StudyPlan:
    today: date
    interview: date
    hours_per_day: float
    days: list[Day]
    unscheduled: list[Item]
    parts: dict[str, dict]

    @property
    def complete(self) -> bool:
        return not any(i.required for i in self.unscheduled)

    def to_dict(self) -> dict:
        short = sum(i.minutes for i in self.unscheduled if i.required)
        return {"today": self.today.isoformat(), "interview_date": self.interview.isoformat(),
                "hours_per_day": self.hours_per_day, "complete": self.complete,
                "required_hours_unscheduled": round(short / 60, 1),
                "parts": self.parts, "days": [d.to_dict() for d in self.days],
                "unscheduled": [i.to_dict() for i in self.unscheduled]}


@dataclass
class State:
    """What the user has done, read from the database by the caller."""
    learned_cards: set[str] = field(default_factory=set)
    solved_problems: set[str] = field(default_factory=set)
    weak_cards: list[str] = field(default_factory=list)  # from mock rounds
    failed_problems: list[str] = field(default_factory=list)  # from mock rounds
    redo_problems: list[str] = field(default_factory=list)  # solution revealed, due again
    reviews_due: dict[date, int] = field(default_factory=dict)
    multimodal: bool = False


def _card_items(cards, state: State, lang: str) -> tuple[list[Item], list[Item]]:
    from ..cards.bank import level_rank

    classic, recent = [], []
    for card in sorted(cards, key=lambda c: (level_rank(c.level), c.topic, c.id)):
        if card.topic == "reports" or card.id in state.learned_cards:
            continue
        part = "cards-classic" if card.topic in CLASSIC_TOPICS else "cards-recent"
        item = Item(part, "card", card.id, card.question(lang), CARD_MINUTES)
        (classic if part == "cards-classic" else recent).append(item)
    return classic, recent


def _report_items(cards, state: State, lang: str) -> list[Item]:
    out: list[Item] = []
    report_cards = [c for c in cards if c.topic == "reports"]
    for key, name, prefixes, read_minutes, required in REPORTS:
        required = required or (key == "qwen2.5-vl" and state.multimodal)
        mine = sorted((c for c in report_cards if c.id.startswith(prefixes)), key=lambda c: c.id)
        left = [c for c in mine if c.id not in state.learned_cards]
        if not left:
            continue
        if len(left) > len(mine) / 2:  # reading drops out once half of the report's cards are learned
            chunks = max(1, round(read_minutes / READ_CHUNK))
            for k in range(chunks):
                title = (f"读 {name} 技术报告原文（{k + 1}/{chunks}）" if lang == "zh"
                         else f"Read the {name} report ({k + 1}/{chunks})")
                out.append(Item("reports", "read", key, title, read_minutes / chunks, required))
        out.extend(Item("reports", "card", c.id, c.question(lang), CARD_MINUTES, required) for c in left)
    focus = [c for c in report_cards if c.id.startswith(FOCUS_PREFIX) and c.id not in state.learned_cards]
    out.extend(Item("reports", "card", c.id, c.question(lang), CARD_MINUTES) for c in sorted(focus, key=lambda c: c.id))
    # required first, keeping each report's own order
    return [i for i in out if i.required] + [i for i in out if not i.required]


def _problem_items(problems, state: State, lang: str) -> tuple[list[Item], list[Item]]:
    hot, model = [], []
    for p in sorted((p for p in problems if p.set_name == "hot100"), key=lambda p: p.set_row):
        if p.id in state.solved_problems:
            continue
        section = p.set.section.partition(" ")[0 if lang == "zh" else 2] or p.set.section
        hot.append(Item("hot100", "problem", p.id, f"#{p.set_row} {p.title.get(lang, p.id)} · {section}",
                        PROBLEM_MINUTES.get(p.difficulty, 30)))
    by_id = {p.id: p for p in problems}
    for pid in MODEL_REQUIRED:
        if pid in by_id and pid not in state.solved_problems:
            model.append(Item("model", "problem", pid, by_id[pid].title.get(lang, pid), MODEL_MINUTES))
    for p in sorted((p for p in problems if p.kind == "model" and p.id not in MODEL_REQUIRED), key=lambda p: p.id):
        if p.id not in state.solved_problems:
            model.append(Item("model", "problem", p.id, p.title.get(lang, p.id), MODEL_MINUTES, required=False))
    return hot, model


def _front(state: State, cards_by_id: dict, problems_by_id: dict, lang: str) -> list[Item]:
    out, seen = [], set()
    for pid in state.failed_problems + state.redo_problems:
        if pid in seen or pid not in problems_by_id:
            continue
        seen.add(pid)
        why = ("模拟面试没通过" if lang == "zh" else "failed in a mock round") if pid in state.failed_problems else (
            "看过题解，需要独立重做" if lang == "zh" else "solution revealed: solve it alone")
        out.append(Item("front", "problem", pid, problems_by_id[pid].title.get(lang, pid), 45, why=why))
    for cid in state.weak_cards:
        if cid in cards_by_id and cid not in seen and cid not in state.learned_cards:
            seen.add(cid)
            out.append(Item("front", "card", cid, cards_by_id[cid].question(lang), CARD_MINUTES,
                            why="模拟面试答得弱" if lang == "zh" else "weak in a mock round"))
    return out


def _interleave(streams: dict[str, list[Item]]) -> list[Item]:
    """Merge the streams so each gets its weight's share of the minutes as it goes."""
    spent = {k: 0.0 for k in streams}
    queues = {k: list(v) for k, v in streams.items() if v}
    out = []
    while queues:
        key = min(queues, key=lambda k: (spent[k] / STREAM_WEIGHTS[k], list(STREAM_WEIGHTS).index(k)))
        item = queues[key].pop(0)
        spent[key] += item.minutes
        out.append(item)
        if not queues[key]:
            del queues[key]
    return out


def build_plan(*, today: date, interview: date, hours_per_day: float, cards, problems, state: State,
               lang: str = "zh", mock_rotation: tuple[str, ...] = MOCK_ROTATION) -> StudyPlan:
    if interview <= today:
        raise ValueError(f"the interview date {interview} is not after today ({today})")
    if not 0.5 <= hours_per_day <= 16:
        raise ValueError(f"--hours-per-day must be between 0.5 and 16, got {hours_per_day:g}")
    budget = hours_per_day * 60
    n_days = (interview - today).days
    days = [Day(today + timedelta(days=i), budget) for i in range(n_days)]
    # daily reviews of what is already scheduled (at most a third of the day)
    for d in days:
        due = state.reviews_due.get(d.day, 0)
        if due:
            minutes = min(due * REVIEW_MINUTES, budget / 3)
            d.items.append(Item("reviews", "review", "due", (f"复习 {due} 张到期卡片" if lang == "zh"
                                                             else f"review {due} due cards"), minutes))
    # mock rounds: every other day of the last week, the last one on the eve of the interview
    last_week = [d for d in days if (interview - d.day).days <= 7]
    mock_days = last_week[::-1][::2][::-1]
    for k, d in enumerate(mock_days):
        template = mock_rotation[k % len(mock_rotation)]
        company, _, rnd = template.rpartition("-")
        title = f"mianjing mock run --company {company} --round {rnd}"
        d.items.append(Item("mocks", "mock", template, title, min(MOCK_MINUTES, d.budget - d.used)))
    cards_by_id = {c.id: c for c in cards}
    problems_by_id = {p.id: p for p in problems}
    front = _front(state, cards_by_id, problems_by_id, lang)
    skip = {i.ref for i in front}
    classic, recent = _card_items(cards, state, lang)
    reports = _report_items(cards, state, lang)
    hot, model = _problem_items(problems, state, lang)
    streams = {"cards": classic + recent, "reports": reports, "hot100": hot, "model": model}
    streams = {k: [i for i in v if i.ref not in skip] for k, v in streams.items()}
    required = _interleave({k: [i for i in v if i.required] for k, v in streams.items()})
    optional = _interleave({k: [i for i in v if not i.required] for k, v in streams.items()})
    queue = front + required + optional
    unscheduled: list[Item] = []
    floor: dict[str, int] = {}  # a part's items keep their order: never before the part's last day
    for item in queue:  # first fit from there, so other parts' short items fill the gaps
        start = floor.get(item.part, 0)
        k = next((k for k in range(start, len(days)) if days[k].budget - days[k].used >= item.minutes), None)
        if k is None:
            unscheduled.append(item)
        else:
            days[k].items.append(item)
            floor[item.part] = k
    parts = {}
    for name in PARTS:
        placed = [(d.day, i) for d in days for i in d.items if i.part == name]
        left = [i for i in unscheduled if i.part == name]
        parts[name] = {"scheduled": len(placed), "unscheduled": len(left),
                       "required_unscheduled": sum(1 for i in left if i.required),
                       "last_day": max(day for day, _ in placed).isoformat() if placed else None}
    return StudyPlan(today, interview, hours_per_day, days, unscheduled, parts)


def load_state(conn, cards, *, now=None, multimodal: bool = False) -> State:
    """The user's progress, from the database, as `build_plan` needs it."""
    from datetime import datetime, timezone

    from ..cards.review import Reviewer, local_date
    from ..store import reviews as store
    from ..store.guides import redo_due
    from ..store.progress import statuses
    from .report import failed_problems, weak_cards

    now = now or datetime.now(timezone.utc)
    learned = {c for c, row in store.all_states(conn).items() if row.state == 2}  # fsrs.State.Review
    solved = {p for p, s in statuses(conn).items() if s == "solved"}
    reviewer = Reviewer(conn)
    due: dict = {}
    today = local_date(now)
    for m in reviewer.memories(list(cards), now):
        if m.due is not None:
            day = max(local_date(m.due), today)
            due[day] = due.get(day, 0) + 1
    return State(learned, solved, weak_cards(conn), failed_problems(conn), [h.problem for h in redo_due(conn, now)],
                 due, multimodal)
