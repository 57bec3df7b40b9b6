"""Mock interview rounds shaped like the seed's real ones, the resume check, and the study plan.

templates.py  round templates (bank/mock/*.toml): loading and validation
planner.py    a template + the resume -> the concrete round (questions with card ids, problems)
runner.py     running a round (interactive or from an answers file) and scoring it
history.py    the stored rounds (tables of migration 0005_mock_rounds) and what they feed back
resume.py     reading a resume and checking it against the seed's rules
study.py      the day-by-day study plan until the interview
"""
