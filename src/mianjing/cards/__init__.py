"""Knowledge cards: verified bilingual answers to the catalogue's questions, reviewed with FSRS.

card.py       the dataclass and the parser of the file format (docs/card-format.md)
schema.py     validation, every problem named by file and field
catalogue.py  the numbered items of the seed, and the scope that covers each
bank.py       loads every card of bank/cards/<topic>/
checks.py     finds (statically) and runs the checks a card names
keypoints.py  offline matching of a typed answer against the key points, Chinese and English
review.py     FSRS-6 scheduling with an interview date, weakest cards, the plan
coverage.py   which catalogue items the cards and problems cover

Nothing here imports torch; only running a topic's checks may.
"""
