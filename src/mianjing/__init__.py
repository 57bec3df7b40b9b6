"""mianjing (面经): practice for LLM algorithm interviews.

Packages, by role:
  judge/     isolated grading of submitted code (controller, zygote, worker, wire, service)
  checkers/  pure comparisons of decoded answers against references
  problems/  the problem bank: finding, validating and self-checking problem folders
  cards/     the knowledge bank: card parsing, review scheduling (FSRS), coverage
  calc/      calculators for the numbers questions (no torch)
  store/     the local SQLite database (progress, reviews)
  cli/       the typer command line: parse, call, render
  bank/      content: problems/<id>/, cards/<topic>/, models/<preset>.json
"""

__version__ = "0.1.0"


def load_ipython_extension(ipython):  # `%load_ext mianjing` (needs the jupyter extra)
    from .jupyter import load_ipython_extension as load

    load(ipython)
