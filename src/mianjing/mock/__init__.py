"""Mock interview rounds shaped like the seed's real ones, the resume check, and the study plan.

templates.py  round templates (bank/mock/*.toml): loading and validation
planner.py    a template + the resume -> the concrete round (questions with card ids, problems)
runner.py     running a round (interactive or from an answers file) and scoring it
report.py     scores, the judgement, storing a round (migration 0005_mock_rounds) and its effects
resume.py     checking a resume against the seed's rules (resume_read.py reads the file)
study.py      the day-by-day study plan until the interview
"""
