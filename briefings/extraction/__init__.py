"""The parts of article extraction (see ``briefings.extract``): text, dates, numbers, names,
rules, one sentence's reading (``sentences``) and the whole article's (``reader``).

Each module is a small, separately testable step; ``briefings.extract`` puts them together.
"""
