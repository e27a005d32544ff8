"""claimx: who said what in English news — sources, cues, contents, addressees and hedges."""
from __future__ import annotations

__version__ = "0.1.0"

from .api import extract, extract_documents, load  # noqa: E402
from .records import Attribution, DocumentResult, Hedge  # noqa: E402

__all__ = ["Attribution", "DocumentResult", "Hedge", "__version__", "extract", "extract_documents", "load"]
