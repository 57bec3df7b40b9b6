"""Schema migrations, applied in order, each once, each in its own transaction.

Append new migrations at the end; never edit or reorder an applied one.
"""

from __future__ import annotations

MIGRATIONS: list[tuple[str, str]] = [
    (
        "0001_submissions",
        """
        CREATE TABLE submissions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            problem TEXT NOT NULL,
            created_at TEXT NOT NULL,           -- ISO 8601, UTC
            code TEXT NOT NULL,
            verdict TEXT NOT NULL,
            passed INTEGER NOT NULL,
            total INTEGER NOT NULL,
            time_ms REAL NOT NULL,
            cases_json TEXT NOT NULL            -- per-case results, as the JSON report has them
        );
        CREATE INDEX submissions_problem ON submissions(problem, created_at);
        """,
    ),
    (
        "0002_reviews",
        """
        -- FSRS memory state per knowledge card (the card id is the card file's name)
        CREATE TABLE card_state (
            fsrs_id INTEGER PRIMARY KEY AUTOINCREMENT,  -- the integer card_id fsrs.Card/ReviewLog use
            card TEXT NOT NULL UNIQUE,
            state INTEGER NOT NULL,             -- fsrs.State: 1 learning, 2 review, 3 relearning
            step INTEGER,
            stability REAL,
            difficulty REAL,
            due TEXT NOT NULL,                  -- ISO 8601, UTC
            last_review TEXT,
            reps INTEGER NOT NULL DEFAULT 0,
            lapses INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX card_state_due ON card_state(due);
        -- every rating ever given: the input fsrs.Optimizer needs to fit the user's own parameters
        CREATE TABLE card_reviews (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            card TEXT NOT NULL,
            fsrs_id INTEGER NOT NULL REFERENCES card_state(fsrs_id),
            rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
            reviewed_at TEXT NOT NULL,          -- ISO 8601, UTC
            duration_ms INTEGER,
            lang TEXT,
            answer TEXT,                        -- what the user typed (may be empty)
            keypoints_hit INTEGER,
            keypoints_total INTEGER,
            desired_retention REAL NOT NULL,
            due_after TEXT NOT NULL
        );
        CREATE INDEX card_reviews_card ON card_reviews(card, reviewed_at);
        CREATE TABLE review_settings (
            key TEXT PRIMARY KEY,               -- e.g. interview_date
            value TEXT NOT NULL
        );
        """,
    ),
    (
        "0003_guide_events",
        """
        -- hints shown and solutions revealed before an accepted submission (mianjing hint / solution --reveal)
        CREATE TABLE guide_events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            problem TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('hint', 'reveal')),
            level INTEGER,                      -- hints: which hint (1-based); NULL for a reveal
            lang TEXT,
            created_at TEXT NOT NULL            -- ISO 8601, UTC
        );
        CREATE INDEX guide_events_problem ON guide_events(problem, created_at);
        """,
    ),
    (
        "0004_web_drafts",
        """
        -- the web editor's unsaved work, one draft per problem (autosaved; submissions keep their own code)
        CREATE TABLE drafts (
            problem TEXT PRIMARY KEY,
            code TEXT NOT NULL,
            updated_at TEXT NOT NULL            -- ISO 8601, UTC
        );
        """,
    ),
    (
        "0005_mock_rounds",
        """
        -- mock interview rounds (mianjing mock run) and what each question scored
        CREATE TABLE mock_rounds (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            template TEXT NOT NULL,             -- e.g. tencent-wxg-2
            seed INTEGER NOT NULL,
            started_at TEXT NOT NULL,           -- ISO 8601, UTC
            finished_at TEXT NOT NULL,
            score REAL NOT NULL,                -- 0..1, overall
            judgement TEXT NOT NULL,
            report_json TEXT NOT NULL           -- the whole report, as `mock run --json` prints it
        );
        CREATE TABLE mock_items (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            mock INTEGER NOT NULL REFERENCES mock_rounds(id),
            part TEXT NOT NULL,                 -- intro, paper, resume, fundamentals, coding, reverse
            kind TEXT NOT NULL CHECK (kind IN ('card', 'problem', 'prompt')),
            ref TEXT NOT NULL,                  -- card id, problem id, or the part kind
            score REAL,                         -- key-point coverage 0..1, or 1/0 accepted for problems
            verdict TEXT,                       -- problems only
            seconds REAL NOT NULL,
            over_time INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX mock_items_ref ON mock_items(kind, ref);
        """,
    ),
]
