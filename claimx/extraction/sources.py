"""Sources: the noun phrase as written, its kind, and the name it refers to.

Resolution is narrow and rule-based (no coreference model is installable here): surnames
expand to the fullest earlier name, pronouns and role nouns ("the Russian leader", "the
publication") go to the most recent plausible mention, preferring subjects.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from spacy.tokens import Doc, Span, Token

from ..lexicon import Lexicon

SUBJECT_DEPS = {"nsubj", "nsubjpass"}
CLAUSE_MODIFIER_DEPS = {"advcl"}  # left out of a source phrase (relative clauses stay in)
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
PERSON_PRONOUNS = {"he", "she", "him", "her"}
GROUP_PRONOUNS = {"they", "it", "them"}
FIRST_SECOND_PERSON = {"i", "we", "you", "me", "us"}
MALE_TITLES = {"mr.", "mr", "sir"}
FEMALE_TITLES = {"mrs.", "mrs", "ms.", "ms", "miss", "madam"}
TRIM_TAGS = {"``", "''", ",", ":", ".", "-LRB-", "-RRB-", "HYPH", "NFP"}
PERSON_LABELS = {"PERSON"}
GROUP_LABELS = {"ORG", "GPE", "NORP"}
SUBJECT_WINDOW = 4  # sentences back in which a subject mention is preferred


def _trimmed(tokens: list[Token]) -> list[Token]:
    while tokens and (_edge_mark(tokens[0]) or _focus(tokens[0], tokens)):
        tokens = tokens[1:]
    while tokens and (_edge_mark(tokens[-1]) or _focus(tokens[-1], tokens)):
        tokens = tokens[:-1]
    return tokens


FOCUS_WORDS = {"even": "first", "just": "first", "meanwhile": "first", "ultimately": "first", "all": "last", "both": "last"}  # left out: all train +30 exact sources, -4 ("just", "meanwhile", "ultimately": +2 net)


def _focus(token: Token, tokens: list[Token]) -> bool:
    """A focus word at the phrase's edge that is not its head: "even Trump", "the senators
    all", "Lee and Kim both". "Only" and reflexives ("Obama himself") stay: the gold keeps
    them more often than not."""
    edge = FOCUS_WORDS.get(token.lower_)
    return len(tokens) > 1 and token.dep_ != "ROOT" and edge == ("first" if token.i == tokens[0].i else "last" if token.i == tokens[-1].i else None)


def _edge_mark(token: Token) -> bool:
    """Punctuation at a phrase's edge, but not a noun written as a sign ("42%" said …)."""
    return (token.is_punct and token.tag_ != "NN") or token.is_space or token.tag_ in TRIM_TAGS


def phrase_tokens(head: Token, outside: Token | None = None, without: Iterable[Token] = ()) -> list[Token]:
    """The noun phrase of ``head`` as PolNeAR marks sources: with its relative and
    participial clauses ("a poll released last week", "Don Fowler, who led the party"), but
    without adverbial clauses, without a clause holding ``outside`` (the cue) and without the
    children in ``without`` (a relay: "Advisers, cited by CNN," are the advisers)."""
    excluded: set[int] = set()
    dropped = {t.i for t in without}
    for child in head.children:
        if child.dep_ in CLAUSE_MODIFIER_DEPS or child.i in dropped or _time_after(head, child) or (outside is not None and any(t.i == outside.i for t in child.subtree)):
            excluded.update(t.i for t in child.subtree)
    index = {t.i for t in head.subtree if t.i not in excluded}
    left = right = head.i
    while left - 1 in index:
        left -= 1
    while right + 1 in index:
        right += 1
    return _trimmed(list(head.doc[left : right + 1])) or [head]


def _time_after(head: Token, child: Token) -> bool:
    """A day that ends the source tells when the cue happened, not who spoke: "the report on
    Wednesday", "Trump last week" (not "a letter on Monday from the agency"). Other time
    phrases mostly date the source itself ("a poll in February", "an aide in 2009") and
    stay: all train +9 exact sources, -4 against leaving out every time phrase."""
    if child.i < head.i or any(c.i > child.i for c in head.rights):
        return False
    if child.dep_ == "prep" and child.lower_ == "on":
        words = [t for t in child.subtree if t.i != child.i]
    elif child.dep_ == "npadvmod" and child.left_edge.lower_ == "last":
        words = list(child.subtree)
    else:
        return False
    return bool(words) and all(t.ent_type_ in ("DATE", "TIME") for t in words)


def core_tokens(head: Token, tokens: list[Token]) -> list[Token]:
    """The phrase without the head's relative and participial clauses: what names the source
    ("officials who spoke to Reuters" are officials, not a medium)."""
    clauses = {t.i for child in head.children if child.dep_ in ("relcl", "acl") for t in child.subtree}
    core = [t for t in tokens if t.i not in clauses]
    return _trimmed(core) or [head]


def written_extent(tokens: list[Token]) -> tuple[int, int]:
    """Character span of a source phrase, with the ")" that closes a "(" it opened
    ("Sen. David Perdue (R-Ga.)"): edge trimming drops brackets."""
    doc, last = tokens[0].doc, tokens[-1]
    written = doc[tokens[0].i : last.i + 1].text
    following = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if following is not None and following.text == ")" and written.count("(") > written.count(")"):
        last = following
    return tokens[0].idx, last.idx + len(last.text)


@dataclass(frozen=True)
class Mention:
    name: str
    start: int
    sentence: int
    subject: bool
    label: str  # PERSON, ORG, MEDIA
    gender: str | None


class Resolver:
    """Mentions of named people and organisations in one Doc, in order, with full names."""

    def __init__(self, doc: Doc, lexicon: Lexicon) -> None:
        self.media_words = lexicon.source_kind_words("media")
        self.role_words = lexicon.source_kind_words("nominal")
        self.anonymous_words = lexicon.source_kind_words("anonymous")
        self.given_names = {"female": lexicon.source_kind_words("female_given_name"), "male": lexicon.source_kind_words("male_given_name")}
        self.entities = list(doc.ents)  # Doc.ents builds new spans on every access
        self.entity_at = {i: ent for ent in self.entities for i in range(ent.start, ent.end)}
        self.sentence_of = {}
        for number, sent in enumerate(doc.sents):
            self.sentence_of[sent.start] = number
        self.mentions: list[Mention] = []
        self.descriptors: dict[str, str] = {}  # "russian leader" -> the name it was resolved to
        full_names: list[str] = []
        for ent in map(_with_given_names, self.entities):
            sentence = self._sentence(ent.root)
            subject = ent.root.dep_ in SUBJECT_DEPS
            if ent.root.lower_ in self.media_words and ent.label_ in PERSON_LABELS | GROUP_LABELS:
                self.mentions.append(Mention(_clean(ent.text), ent.start_char, sentence, subject, "MEDIA", None))
            elif ent.label_ in PERSON_LABELS:
                name = self._full_name(self._person_name(ent), full_names)
                if " " in name:
                    full_names.append(name)
                self.mentions.append(Mention(name, ent.start_char, sentence, subject, "PERSON", self._gender(ent, name)))
            elif ent.label_ in GROUP_LABELS:
                label = "MEDIA" if self.is_media(ent) else "ORG"
                self.mentions.append(Mention(_clean(ent.text), ent.start_char, sentence, subject, label, None))

    def _gender(self, ent: Span, name: str) -> str | None:
        """From a title before the name or at its start ("Mr. Trump", "Mrs. Clinton"), else from
        the given name ("Hillary Clinton", and "Clinton" once she was named in full)."""
        before = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
        first = name.split()[0].lower() if " " in name else ""
        for word in (before, first):
            if word in MALE_TITLES:
                return "male"
            if word in FEMALE_TITLES:
                return "female"
        return next((gender for gender, names in self.given_names.items() if first in names), None)

    def _person_name(self, ent: Span) -> str:
        """The name without a role the model took into the entity ("Chancellor Angela Merkel",
        "Minister Theresa May" of "Prime Minister Theresa May"); a role alone stays."""
        words = ent.text.split()
        while len(words) > 1 and words[0].lower() in self.role_words:
            words = words[1:]
        return _clean(" ".join(words))

    def _sentence(self, token: Token) -> int:
        return self.sentence_of.get(token.sent.start, 0)

    def is_media(self, span: Span) -> bool:
        return any(t.lower_ in self.media_words for t in span if t.pos_ in ("PROPN", "NOUN"))

    @staticmethod
    def _full_name(name: str, full_names: list[str]) -> str:
        if " " in name:
            for full in reversed(full_names):
                if full.endswith(" " + name.split()[-1]) and len(full) > len(name):
                    return full if name.split()[0][-1] == "." else name
            return name
        for full in reversed(full_names):
            if full.split()[-1] == name:
                return full
        return name

    def person_names(self) -> list[str]:
        return [m.name for m in self.mentions if m.label == "PERSON"]

    def latest(self, before: int, sentence: int, labels: set[str], gender: str | None = None) -> str | None:
        candidates = [m for m in self.mentions if m.start < before and m.label in labels]
        if gender:
            candidates = [m for m in candidates if m.gender in (None, gender)]
        if not candidates:
            return None
        subjects = [m for m in candidates if m.subject and sentence - m.sentence <= SUBJECT_WINDOW]
        if subjects and subjects[-1].sentence >= candidates[-1].sentence - 1:
            return subjects[-1].name
        return candidates[-1].name

    def resolve(self, head: Token, tokens: list[Token], depth: int = 0) -> str | None:
        tokens = core_tokens(head, tokens)
        start = tokens[0].idx
        sentence = self._sentence(head)
        entity = _with_given_names(self.entity_at[head.i]) if head.i in self.entity_at else None
        if entity is not None and entity.label_ in PERSON_LABELS:
            return self._full_name(self._person_name(entity), [m.name for m in self.mentions if " " in m.name])
        if entity is not None and entity.label_ in GROUP_LABELS:
            return _clean(entity.text)
        lower = head.lower_
        if lower in RELATIVE_PRONOUNS and depth < 2 and head.head.dep_ == "relcl":
            antecedent = head.head.head
            return self.resolve(antecedent, phrase_tokens(antecedent), depth + 1)
        if lower in PERSON_PRONOUNS:
            return self.latest(start, sentence, {"PERSON"}, "male" if lower in ("he", "him") else "female")
        if lower in GROUP_PRONOUNS:
            return self.latest(start, sentence, {"ORG", "MEDIA"})
        if head.pos_ in ("NOUN", "PROPN") and tokens[0].lower_ in ("the", "this", "that"):
            descriptor = " ".join(t.lower_ for t in tokens[1:])
            if descriptor in self.descriptors:  # "the Russian leader" again: the same person
                return self.descriptors[descriptor]
            resolved = None
            if lower in self.media_words:
                resolved = self.latest(start, sentence, {"MEDIA"})
            elif lower in self.role_words and lower not in self.anonymous_words:
                resolved = self.latest(start, sentence, {"PERSON"})
            if resolved:
                self.descriptors[descriptor] = resolved
            return resolved
        if head.pos_ == "PROPN" or (head.is_title and len(tokens) == 1):  # a headline's "Pence" may be tagged NOUN
            full = self._full_name(head.text, [m.name for m in self.mentions if " " in m.name])
            return full if head.pos_ == "PROPN" or full != head.text else None
        return None

    def kind(self, head: Token, tokens: list[Token]) -> str:
        tokens = core_tokens(head, tokens)
        span = head.doc[tokens[0].i : tokens[-1].i + 1]
        labels = {e.label_ for e in self.entities if e.start >= span.start and e.end <= span.end}
        # what the head itself names: "the Russian leader" is no organisation, "a spokesman
        # for Donald Trump" no person of that name
        named = {self.entity_at[head.i].label_} if head.i in self.entity_at else set()
        lower = head.lower_
        if head.pos_ == "PRON" or lower in RELATIVE_PRONOUNS | PERSON_PRONOUNS | GROUP_PRONOUNS | FIRST_SECOND_PERSON:
            return "pronoun"
        if lower in self.media_words and head.pos_ == "PROPN":
            return "media"
        if "PERSON" in named:
            return "person"
        if self.is_media(span) and (labels & GROUP_LABELS or head.pos_ == "PROPN" or lower in self.media_words):
            return "media"
        if named & GROUP_LABELS or head.pos_ == "PROPN":
            return "organization"
        if head.lemma_.lower() in self.anonymous_words:
            return "anonymous"
        if head.pos_ == "NOUN":
            return "nominal"
        return "unknown"


def _with_given_names(ent: Span) -> Span:
    """The entity with proper-noun compounds the model left outside it ("Dmitry" + "Peskov")."""
    start = ent.start
    while start > 0 and ent.doc[start - 1].pos_ == "PROPN" and ent.doc[start - 1].dep_ == "compound" and ent.doc[start - 1].head.i in range(ent.start, ent.end):
        start -= 1
    return ent if start == ent.start else Span(ent.doc, start, ent.end, label=ent.label_)


def _clean(name: str) -> str:
    name = name.strip(" \n\t“”\"'‘’«»")
    if name.lower().endswith("’s") or name.lower().endswith("'s"):
        name = name[:-2]
    return name
