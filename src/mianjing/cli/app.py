"""Root of the `mianjing` command. Command groups live in sibling modules and register here."""

from __future__ import annotations

import typer

from . import calc, cards, judging, problems

app = typer.Typer(
    name="mianjing",
    help="面经 mianjing: practise LLM interviews. Hand-coding judged honestly (list/show/start/judge), "
    "verified bilingual cards with spaced repetition (cards/review/plan), exact calculators (calc).",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)

for module in (problems, judging, cards, calc):
    module.register(app)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
