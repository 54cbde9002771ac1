"""`python -m bot` serves on Telegram (same as `sitrep run`)."""

import sys

from bot.cli import main

sys.exit(main())
