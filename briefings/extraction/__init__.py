"""The parts of article extraction (see ``briefings.extract``): text, dates, numbers, names, rules.

Each module is a small, separately testable step; ``briefings.extract`` puts them together.
"""
