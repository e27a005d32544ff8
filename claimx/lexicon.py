"""Load and validate the rule files in ``models/`` (cue lexicon, hedge lexicon, cue model).

Rules are data: every entry is one JSON object per line with an ``id`` and a ``source``
(where the entry comes from). Unknown keys, missing keys, bad values and duplicate ids are
errors that name the file and line. This module imports nothing else from claimx.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

CUE_TYPES = ("speech", "writing", "according_to", "belief", "intention", "evidence", "knowledge", "perception", "stance")
STANCES = ("neutral", "distancing", "endorsing", "denial")
HEDGE_CATEGORIES = (
    "reportative",
    "epistemic",
    "doxastic",
    "conditional",
    "investigation",
    "anonymous_source",
    "weasel",
    "distancing_cue",
)
CONTENT_DEPS = ("ccomp", "xcomp", "dobj", "oprd", "pcomp", "advcl", "prep", "acomp")
CUE_POS = ("VERB", "NOUN", "ADP", "ADJ", "ADV")

TOKEN_PATTERN_KEYS = {
    "ORTH", "TEXT", "LOWER", "LEMMA", "POS", "TAG", "DEP", "ENT_TYPE", "IS_PUNCT", "IS_ALPHA",
    "IS_TITLE", "IS_LOWER", "IS_UPPER", "IS_SENT_START", "LENGTH", "OP", "MORPH", "NORM", "SHAPE",
}


class LexiconError(ValueError):
    """A rule file has an invalid entry; the message names the file and line."""


@dataclass(frozen=True)
class CueRule:
    id: str
    lemma: str
    pos: str
    type: str
    stance: str
    complements: tuple[str, ...]
    addressee: bool
    source: str
    file: str
    prepositions: tuple[str, ...] = ()  # "called for X", "pointed to X": the object of one is the content
    relay: bool = False  # passes on another's words: "Reuters quoted X as saying", "officials cited by CNN"
    frames: tuple[str, ...] = ()  # a noun after one of these frames a clause as its source: "In a poll released Monday, X led"
    raising: bool = False  # the subject is part of the content and no one is the source: "X seems to …", "X appears ready"
    inscription: bool = False  # also says what an object bears written on it: "a sign that read “…”" is a label, no claim


@dataclass(frozen=True)
class HedgeRule:
    id: str
    pattern: Any  # a phrase (str) or a spaCy token pattern (list of dicts)
    category: str | None  # None for pseudo entries
    pseudo: bool
    source: str
    file: str

    def token_pattern(self) -> list[dict]:
        if isinstance(self.pattern, str):
            return [{"LOWER": word} for word in self.pattern.lower().split()]
        return self.pattern


@dataclass(frozen=True)
class BoilerplateRule:
    id: str
    regex: str
    source: str
    file: str

    def compiled(self) -> re.Pattern[str]:
        return re.compile(self.regex, re.IGNORECASE)


SOURCE_KINDS = ("anonymous", "media", "nominal", "female_given_name", "male_given_name", "section_label")  # given names: gender for pronouns; section labels: no source ("UPDATE:")


@dataclass(frozen=True)
class CueModel:
    """A linear model over named features of a verb and its argument (see
    ``extraction.attributions.verb_features``): a verb no rule claimed is a cue when the
    logistic of its summed weights reaches ``threshold``. Threshold 1 switches it off."""
    id: str
    weights: dict[str, float]
    threshold: float
    type: str  # cue.type of what it finds when the cue lexicon does not know the verb
    source: str
    file: str

    def probability(self, features: Iterable[str]) -> float:
        score = sum(self.weights.get(feature, 0.0) for feature in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


@dataclass(frozen=True)
class NotCue:
    """A set phrase with a cue verb that attributes nothing ("it goes without saying", "let's
    say"): a cue inside it is dropped. Each word matches a token's text or lemma. With
    ``clause_start`` the phrase counts only where it opens a clause ("That said, …"), not
    after a noun whose relative clause it is ("a sign that said …")."""
    id: str
    words: tuple[str, ...]
    source: str
    file: str
    clause_start: bool = False


@dataclass(frozen=True)
class SourceWords:
    id: str
    kind: str
    words: frozenset[str]
    source: str
    file: str


@dataclass
class Lexicon:
    cues: dict[tuple[str, str], CueRule] = field(default_factory=dict)  # (lemma, pos) -> rule
    hedges: list[HedgeRule] = field(default_factory=list)
    boilerplate: list[BoilerplateRule] = field(default_factory=list)
    source_words: dict[str, SourceWords] = field(default_factory=dict)  # kind -> words
    cue_model: CueModel | None = None
    not_cues: list[NotCue] = field(default_factory=list)

    def source_kind_words(self, kind: str) -> frozenset[str]:
        entry = self.source_words.get(kind)
        return entry.words if entry else frozenset()

    def cue(self, lemma: str, pos: str) -> CueRule | None:
        return self.cues.get((lemma.lower(), pos))

    def entries(self) -> Iterable[CueRule | HedgeRule]:
        yield from self.cues.values()
        yield from self.hedges
        yield from self.boilerplate
        yield from self.source_words.values()
        yield from self.not_cues
        if self.cue_model is not None:
            yield self.cue_model


CUE_KEYS = {"id": str, "lemma": str, "pos": str, "type": str, "stance": str, "source": str}
CUE_OPTIONAL = {"complements": list, "addressee": bool, "prepositions": list, "relay": bool, "frames": list, "raising": bool, "inscription": bool}
HEDGE_KEYS = {"id": str, "pattern": (str, list), "source": str}
HEDGE_OPTIONAL = {"category": str, "pseudo": bool}
BOILERPLATE_KEYS = {"id": str, "regex": str, "source": str}
SOURCE_WORD_KEYS = {"id": str, "kind": str, "words": list, "source": str}
CUE_MODEL_KEYS = {"id": str, "weights": dict, "threshold": (int, float), "type": str, "source": str}
NOT_CUE_KEYS = {"id": str, "not_a_cue": str, "source": str}
NOT_CUE_OPTIONAL = {"clause_start": bool}
PHRASE_WORD = re.compile(r"'?\w+|[^\w\s]")  # "let's say" -> let, 's, say, as the tokenizer splits it


def parse_not_cue(where: str, path: Path, record: dict) -> NotCue:
    _check_keys(where, record, NOT_CUE_KEYS, NOT_CUE_OPTIONAL)
    words = tuple(PHRASE_WORD.findall(record["not_a_cue"].lower()))
    if len(words) < 2:
        raise LexiconError(f"{where}: 'not_a_cue' is a phrase of two or more words")
    return NotCue(id=record["id"], words=words, source=record["source"], file=str(path), clause_start=record.get("clause_start", False))


def parse_source_words(where: str, path: Path, record: dict) -> SourceWords:
    _check_keys(where, record, SOURCE_WORD_KEYS, {})
    _check_choice(where, "kind", record["kind"], SOURCE_KINDS)
    if not all(isinstance(w, str) and w for w in record["words"]):
        raise LexiconError(f"{where}: 'words' must be a list of non-empty strings")
    words = frozenset(w.lower() for w in record["words"])
    return SourceWords(id=record["id"], kind=record["kind"], words=words, source=record["source"], file=str(path))


def parse_boilerplate(where: str, path: Path, record: dict) -> BoilerplateRule:
    _check_keys(where, record, BOILERPLATE_KEYS, {})
    try:
        re.compile(record["regex"])
    except re.error as error:
        raise LexiconError(f"{where}: bad regex ({error})") from None
    return BoilerplateRule(id=record["id"], regex=record["regex"], source=record["source"], file=str(path))


def parse_cue_model(where: str, path: Path, record: dict) -> CueModel:
    _check_keys(where, record, CUE_MODEL_KEYS, {})
    _check_choice(where, "type", record["type"], CUE_TYPES)
    weights = record["weights"]
    if not all(isinstance(w, (int, float)) and not isinstance(w, bool) for w in weights.values()):
        raise LexiconError(f"{where}: 'weights' maps feature names to numbers")
    if not 0 <= record["threshold"] <= 1:
        raise LexiconError(f"{where}: 'threshold' is a probability, from 0 to 1")
    return CueModel(id=record["id"], weights={k: float(v) for k, v in weights.items()}, threshold=float(record["threshold"]),
                    type=record["type"], source=record["source"], file=str(path))


def _records(path: Path, text: str) -> Iterable[tuple[int, dict]]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise LexiconError(f"{path}:{number}: not valid JSON ({error.msg})") from None
        if not isinstance(record, dict):
            raise LexiconError(f"{path}:{number}: each line must be a JSON object")
        yield number, record


def _check_keys(where: str, record: dict, required: dict, optional: dict) -> None:
    unknown = set(record) - set(required) - set(optional)
    if unknown:
        raise LexiconError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    for key, kind in required.items():
        if key not in record:
            raise LexiconError(f"{where}: missing key {key!r}")
    for key, kind in {**required, **optional}.items():
        if key in record and not isinstance(record[key], kind):
            raise LexiconError(f"{where}: {key!r} has the wrong type")


def _check_choice(where: str, key: str, value: str, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise LexiconError(f"{where}: {key} {value!r} is not one of {', '.join(choices)}")


def parse_cue(where: str, path: Path, record: dict) -> CueRule:
    _check_keys(where, record, CUE_KEYS, CUE_OPTIONAL)
    _check_choice(where, "pos", record["pos"], CUE_POS)
    _check_choice(where, "type", record["type"], CUE_TYPES)
    _check_choice(where, "stance", record["stance"], STANCES)
    complements = tuple(record.get("complements", ["ccomp"]))
    for dep in complements:
        _check_choice(where, "complement", dep, CONTENT_DEPS)
    prepositions = tuple(record.get("prepositions", []))
    frames = tuple(record.get("frames", []))
    for key, words in (("prepositions", prepositions), ("frames", frames)):
        if not all(isinstance(word, str) and word.isalpha() and word.islower() for word in words):
            raise LexiconError(f"{where}: {key!r} must be lower-case words")
    if frames and record["pos"] != "NOUN":
        raise LexiconError(f"{where}: 'frames' is for nouns (the preposition before the noun: 'in a poll')")
    return CueRule(
        id=record["id"], lemma=record["lemma"].lower(), pos=record["pos"], type=record["type"],
        stance=record["stance"], complements=complements, addressee=record.get("addressee", False),
        source=record["source"], file=str(path), prepositions=prepositions, relay=record.get("relay", False), frames=frames,
        raising=record.get("raising", False), inscription=record.get("inscription", False),
    )


def parse_hedge(where: str, path: Path, record: dict) -> HedgeRule:
    _check_keys(where, record, HEDGE_KEYS, HEDGE_OPTIONAL)
    pseudo = record.get("pseudo", False)
    category = record.get("category")
    if pseudo and category is not None:
        raise LexiconError(f"{where}: a pseudo entry has no category")
    if not pseudo:
        if category is None:
            raise LexiconError(f"{where}: missing key 'category'")
        _check_choice(where, "category", category, HEDGE_CATEGORIES)
    pattern = record["pattern"]
    if isinstance(pattern, str) and not pattern.strip():
        raise LexiconError(f"{where}: empty pattern")
    if isinstance(pattern, list):
        if not pattern or not all(isinstance(t, dict) and t for t in pattern):
            raise LexiconError(f"{where}: a token pattern is a non-empty list of non-empty objects")
        for token in pattern:
            bad = set(token) - TOKEN_PATTERN_KEYS
            if bad:
                raise LexiconError(f"{where}: unknown token attribute(s) {', '.join(sorted(bad))}")
    return HedgeRule(id=record["id"], pattern=pattern, category=category, pseudo=pseudo, source=record["source"], file=str(path))


def _add_file(lexicon: Lexicon, path: Path, text: str, seen: dict[str, str]) -> None:
    for number, record in _records(path, text):
        where = f"{path}:{number}"
        rule_id = record.get("id")
        if not isinstance(rule_id, str) or not rule_id:
            raise LexiconError(f"{where}: missing key 'id'")
        if rule_id in seen:
            raise LexiconError(f"{where}: duplicate id {rule_id!r} (first in {seen[rule_id]})")
        seen[rule_id] = where
        if "lemma" in record:
            rule = parse_cue(where, path, record)
            lexicon.cues[(rule.lemma, rule.pos)] = rule
        elif "words" in record:
            entry = parse_source_words(where, path, record)
            lexicon.source_words[entry.kind] = entry
        elif "regex" in record:
            lexicon.boilerplate.append(parse_boilerplate(where, path, record))
        elif "not_a_cue" in record:
            lexicon.not_cues.append(parse_not_cue(where, path, record))
        elif "weights" in record:
            model = parse_cue_model(where, path, record)
            if lexicon.cue_model is not None:
                raise LexiconError(f"{where}: a second cue model ({lexicon.cue_model.id!r} is loaded); give it that id to replace it")
            lexicon.cue_model = model
        else:
            lexicon.hedges.append(parse_hedge(where, path, record))


BUNDLED = ("cues.jsonl", "hedges.jsonl", "boilerplate.jsonl", "sources.jsonl", "cue_model.jsonl")


def bundled_files() -> list[tuple[Path, str]]:
    """The rule files shipped in the package (``models/`` in the source tree)."""
    root = resources.files("claimx.models")
    return [(Path(str(root / name)), (root / name).read_text(encoding="utf-8")) for name in BUNDLED]


def load_lexicon(extra: Iterable[str | Path] = ()) -> Lexicon:
    """The bundled rules plus user files; a user entry with a bundled id replaces it."""
    lexicon = Lexicon()
    seen: dict[str, str] = {}
    for path, text in bundled_files():
        _add_file(lexicon, path, text, seen)
    for user_path in extra:
        path = Path(user_path)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise LexiconError(f"{path}: cannot read lexicon ({error})") from None
        overrides = {r.get("id") for _, r in _records(path, text)}
        lexicon.hedges = [h for h in lexicon.hedges if h.id not in overrides]
        lexicon.cues = {k: c for k, c in lexicon.cues.items() if c.id not in overrides}
        lexicon.boilerplate = [b for b in lexicon.boilerplate if b.id not in overrides]
        lexicon.source_words = {k: w for k, w in lexicon.source_words.items() if w.id not in overrides}
        lexicon.not_cues = [n for n in lexicon.not_cues if n.id not in overrides]
        if lexicon.cue_model is not None and lexicon.cue_model.id in overrides:
            lexicon.cue_model = None
        for rule_id in overrides:
            seen.pop(rule_id, None)
        _add_file(lexicon, path, text, seen)
    return lexicon
