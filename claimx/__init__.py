"""claimx: who said what in English news — sources, cues, contents, addressees and hedges."""
from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

from .records import Attribution, DocumentResult, Hedge  # noqa: E402

__all__ = ["Attribution", "DocumentResult", "Hedge", "__version__", "extract", "extract_documents", "load"]
_API = ("extract", "extract_documents", "load")


def __getattr__(name: str) -> Any:
    """``claimx.extract`` and friends import spaCy on first use, so ``claimx --help`` and
    ``claimx --version`` start at once."""
    if name in _API:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'claimx' has no attribute {name!r}")
