"""claimcheck: typed numeric claims from financial articles, cross-checked for contradictions."""
from __future__ import annotations

__version__ = "0.1.0"
