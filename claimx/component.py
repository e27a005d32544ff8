"""The spaCy components: ``claimx`` (attributions and hedges as plain data on the Doc) and
``claimx_paragraphs`` (a newline starts a sentence, so a headline never merges with the
next line). Both are registered through the ``spacy_factories`` entry point.

Results live in ``doc._.claimx`` as a plain dict ``{"attributions": [...], "hedges": [...],
"error": None | str}`` with offsets into ``doc.text``, so DocBin and ``n_process`` just work.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from .extraction import extract_doc
from .hedges import HedgeMatcher
from .lexicon import Lexicon, load_lexicon

EXTENSION = "claimx"

if not Doc.has_extension(EXTENSION):
    Doc.set_extension(EXTENSION, default=None)


class ClaimxComponent:
    def __init__(self, nlp: Language, name: str, lexicon_paths: list[str]) -> None:
        self.name = name
        self.lexicon_paths = list(lexicon_paths)
        self.lexicon: Lexicon = load_lexicon(self.lexicon_paths)
        self.hedge_matcher = HedgeMatcher(nlp.vocab, self.lexicon)

    def __call__(self, doc: Doc) -> Doc:
        try:
            attributions, hedges = extract_doc(doc, self.lexicon, self.hedge_matcher)
            doc._.set(EXTENSION, {"attributions": attributions, "hedges": hedges, "error": None})
        except Exception as error:  # extraction must never lose the rest of a batch
            doc._.set(EXTENSION, {"attributions": [], "hedges": [], "error": f"extraction failed: {type(error).__name__}: {error}"})
        return doc


@Language.factory("claimx", default_config={"lexicon_paths": []})
def make_claimx(nlp: Language, name: str, lexicon_paths: list[str]) -> ClaimxComponent:
    return ClaimxComponent(nlp, name, lexicon_paths)


@Language.component("claimx_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break, and never right after a word within a line
    (run before the parser, which respects both). The parser alone splits "5:45 p.m.⏎⏎Ohio
    Gov. John Kasich said" after "Ohio", or "9:42 | p.m.": a sentence needs a mark before it
    (a word ending on a period, "U.S.", still ends one), unless a line in capitals runs into
    the text."""
    for token in doc[:-1]:
        following = doc[token.i + 1]
        if token.is_space and "\n" in token.text:
            following.is_sent_start = True
        elif not token.is_space and token.text[-1].isalnum() and not following.is_space and not _ends_capitals(token, following):
            following.is_sent_start = False
    return doc


def _ends_capitals(token: Token, following: Token) -> bool:
    """"… FEELING THE BERN As the race tightens": a headline in capitals run into the text."""
    return token.is_upper and len(token.text) > 1 and following.is_title


def make_paragraphs(nlp: Language, name: str):
    return paragraph_boundaries
