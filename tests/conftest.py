from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    import claimx

    return claimx.load()


@pytest.fixture(scope="session")
def run(nlp):
    """Extract from a text written for the test; returns the attributions."""
    import claimx

    def _run(text: str):
        return claimx.extract(text, nlp)

    return _run


@pytest.fixture(scope="session")
def run_document(nlp):
    import claimx

    def _run(text: str):
        return next(claimx.extract_documents([("t", text)], nlp))

    return _run
