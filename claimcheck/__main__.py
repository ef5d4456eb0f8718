"""python -m claimcheck."""
from __future__ import annotations

from .cli import main

main()
