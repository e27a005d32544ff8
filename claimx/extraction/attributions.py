"""Attribution constructions: one small function per way news attributes a claim.

Each construction takes a sentence (``Span``) and the document context and yields
``Candidate`` records naming the rule that made them. Offsets are into ``doc.text``.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Iterable, Iterator, NamedTuple

from spacy.tokens import Doc, Span, Token

from ..lexicon import CueRule, Lexicon
from .quotes import Quote
from .sources import Resolver, phrase_tokens

SUBJECT = {"nsubj", "nsubjpass", "csubj"}
PASSIVE_SUBJECT = "nsubjpass"
INHERIT_SUBJECT_DEPS = {"conj", "xcomp", "advcl", "pcomp"}
EXPLETIVES = {"it", "there"}
PARTICLE = "prt"
AUXILIARY_DEPS = {"aux", "auxpass", "neg"}
COMPLEMENTIZER = {"that"}
INVERTED_DEPS = {"parataxis", "ccomp", "advcl", "conj"}
ADDRESSEE_PREPOSITIONS = {"to"}
INTERVIEW_NOUNS = {"interview", "conversation", "statement", "call", "briefing", "appearance", "op-ed", "letter", "post", "tweet"}
OCCASION_NOUNS = {"interview", "conversation", "briefing", "appearance", "conference", "speech", "rally", "hearing", "event", "address", "session"}  # where one speaks; a statement or letter speaks itself
ACCORDING_EVIDENCE_NOUNS = {"word", "words", "statement", "account", "report", "data", "estimate", "estimates", "figures", "analysis", "calculations", "remarks", "comments", "testimony", "sources"}
VERB_POS = {"VERB", "AUX"}
TIME_LABELS = ("DATE", "TIME")  # entity labels that say when
INLINE_SPACE = " \t\u00a0"  # white space inside a line, with the no-break space scraped pages write
WORDS_TYPES = ("speech", "writing")  # cues whose content can be someone's very words (a quotation, a block of text)
CLOSING_TYPES = (*WORDS_TYPES, "evidence")  # cues that can follow their content in a clause of their own: "…, he said", "…, records show"
RELATIVE_TAGS = ("WDT", "WP")  # which, that, who
PRONOUN_TAGS = ("PRP", *RELATIVE_TAGS)  # "it was announced", "which was rejected": nothing to attribute
EDGE_TRIM_TAGS = {",", ":", ".", "HYPH", "NFP", "-LRB-", "-RRB-"}


@dataclass
class Candidate:
    rule: str
    cue: tuple[int, int]
    cue_lemma: str
    cue_type: str
    stance: str
    content: list[tuple[int, int]]
    source_head: Token | None = None
    source_tokens: list[Token] = field(default_factory=list)
    cue_head: Token | None = None  # the cue word itself (the verb of "has also said")
    addressee: tuple[int, int] | None = None
    sentence: int = 0
    extra_rules: list[str] = field(default_factory=list)
    clause_end: int = 0  # end of the cue's own clause ("said on Saturday at the gala")
    open_ended: bool = True  # a following cue-less quotation may be the same speaker's (not after a signature)
    relayed_by: Token | None = None  # the cue verb of the attribution passing this one on ("X reported, citing Y")


@dataclass
class Context:
    doc: Doc
    lexicon: Lexicon
    quotes: list[Quote]
    resolver: Resolver
    text: str  # doc.text, built once: Doc.text joins every token on each access
    _verbs: dict[int, list[Token]] = field(default_factory=dict)

    def verbs(self, sent: Span) -> list[Token]:
        """The sentence's verbs and auxiliaries, made once: most constructions look at nothing
        else, and a spaCy Token object is built anew on every access."""
        if sent.start not in self._verbs:
            self._verbs[sent.start] = [t for t in sent if t.pos_ in VERB_POS or _verb_by_its_arguments(t)]
        return self._verbs[sent.start]


# ------------------------------------------------------------------ token helpers


def _verb_by_its_arguments(token: Token) -> bool:
    """A word the tagger read as a noun that has a subject and a clause of its own, as only a
    verb has: "…, records show." (tagged as the compound noun "records show")."""
    if token.pos_ != "NOUN":
        return False
    deps = {c.dep_ for c in token.children}
    return "nsubj" in deps and "ccomp" in deps


def char_spans(tokens: Iterable[Token]) -> list[tuple[int, int]]:
    """Contiguous runs of tokens as character spans, punctuation trimmed at each edge."""
    ordered = sorted(tokens, key=lambda t: t.i)
    runs: list[list[Token]] = []
    for token in ordered:
        if runs and token.i == runs[-1][-1].i + 1:
            runs[-1].append(token)
        else:
            runs.append([token])
    spans = []
    for run in runs:
        while run and (run[0].is_space or run[0].tag_ in EDGE_TRIM_TAGS or _is_complementizer(run[0])):
            run = run[1:]
        while run and (run[-1].is_space or run[-1].tag_ in EDGE_TRIM_TAGS):
            run = run[:-1]
        if run:
            spans.append((run[0].idx, run[-1].idx + len(run[-1].text)))
    return spans


def _is_complementizer(token: Token) -> bool:
    return token.lower_ in COMPLEMENTIZER and (token.dep_ == "mark" or token.pos_ == "SCONJ")


def subtree_without(head: Token, excluded: Iterable[Token]) -> list[Token]:
    skip = {t.i for e in excluded for t in e.subtree}
    return [t for t in head.subtree if t.i not in skip]


def cue_tokens(verb: Token, lexicon: Lexicon | None = None) -> list[Token]:
    """The cue as a reader marks it: the verb with the auxiliaries, negation and adverbs right
    before it ("has also said", "did not deny", "often says"), a particle or an adverb of
    manner or time right after ("pointed out", "said sarcastically", "wrote back"), "in a
    statement" and a colon that opens the content ("said:"); and for a verb that a
    preceding verb governs directly ("tried to defend", "went on to say", "seemed to
    recognize", "kept saying"), that verb's cue too: PolNeAR marks 13 of 16 such cues so in
    150 train articles; likewise a predicate adjective's ("was quick to point out"), unless
    ``lexicon`` makes the adjective a cue of its own ("was reluctant to endorse": two)."""
    tokens = [verb] + [c for c in verb.children if c.dep_ == PARTICLE and c.i == verb.i + 1]
    tokens += [c for c in verb.children if c.i == tokens[-1].i + 1 and _manner_adverb(c)]
    tokens += next((list(c.subtree) for c in verb.children if c.i == tokens[-1].i + 1 and _in_a_statement(c)), [])
    after = tokens[-1].i + 1
    if after < len(verb.doc) and verb.doc[after].text == ":":
        tokens.append(verb.doc[after])
    left = {c.i: c for c in verb.lefts}
    start = verb.i
    named = getattr(_modal_read_as_name(verb), "i", None)  # "May said": the name is no auxiliary
    while start - 1 in left and start - 1 != named and (left[start - 1].dep_ in AUXILIARY_DEPS or _leading_adverb(left[start - 1])
                                 or _floating_quantifier(left[start - 1], left.get(start - 2))):
        start -= 1
    own = [left[j] for j in range(start, verb.i)] + tokens
    governor = _governing_verb_right_before(verb, start, lexicon) or _statement_issuer(verb)
    if governor is None:
        return own
    governed_by = cue_tokens(governor, lexicon)
    return governed_by + list(verb.doc[governed_by[-1].i + 1 : start]) + own


FLOATING_QUANTIFIERS = {"all", "both", "each"}


def _floating_quantifier(token: Token, before: Token | None) -> bool:
    """"have both argued", "are all seen as": a quantifier between the auxiliary and the cue
    verb, which the tagger calls a determiner, is part of the cue (PolNeAR train: 16 such gold
    cues keep it, 1 leaves it out)."""
    return token.lower_ in FLOATING_QUANTIFIERS and before is not None and before.dep_ in AUXILIARY_DEPS


def _governing_verb_right_before(verb: Token, start: int, lexicon: Lexicon | None = None) -> Token | None:
    """The verb governing an infinitive or gerund cue ("tried to", "went on to", "kept"), when
    nothing but its own particles and adverbs stands between them (not "called a news
    conference to say")."""
    governor = verb.head
    infinitive = verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.lefts))
    if infinitive and governor.pos_ == "ADJ" and governor.dep_ == "acomp":
        own_cue = lexicon is not None and lexicon.cue(governor.lemma_, "ADJ") is not None
        return None if own_cue else _copula_of_adjective(governor, start)
    if not infinitive or governor.i >= start or governor.pos_ not in VERB_POS:
        return None
    between = verb.doc[governor.i + 1 : start]
    return governor if all(t.head.i == governor.i and t.dep_ in (PARTICLE, "advmod") for t in between) else None


STATEMENT_GAP_MAX = 4  # words between the statement and its participle: "issued a statement Tuesday evening, saying"


def _statement_issuer(participle: Token) -> Token | None:
    """"issued a statement Tuesday saying", "put out a statement calling": the verb that put
    out the statement a participle cue hangs from (as the noun's clause or the verb's), with
    at most a time between them. PolNeAR marks the whole as the cue: 26 such gold cues on
    all train, 6 the participle or the verb alone."""
    if participle.tag_ != "VBG" or participle.dep_ not in ("acl", "advcl"):
        return None
    if participle.dep_ == "acl":
        statement = participle.head
    else:
        statement = next((c for c in participle.head.children if c.dep_ == "dobj" and c.i < participle.i), None)
    if statement is None or statement.dep_ != "dobj" or statement.lemma_.lower() not in CUE_STATEMENT_NOUNS:
        return None
    issuer = statement.head
    between = participle.doc[statement.i + 1 : participle.i]
    if issuer.pos_ != "VERB" or issuer.i > statement.i or len(between) > STATEMENT_GAP_MAX:
        return None
    return issuer if all(t.is_punct or t.ent_type_ in TIME_LABELS for t in between) else None


def _copula_of_adjective(adjective: Token, start: int) -> Token | None:
    """"was quick to point out", "are slightly more likely to say": the verb of a predicate
    adjective that governs the cue, when only the adjective and its modifiers stand between
    (PolNeAR train: 22 such gold cues take them in, 1 does not)."""
    copula = adjective.head
    if copula.i >= adjective.i or copula.pos_ not in VERB_POS:
        return None
    modifiers = {t.i for t in adjective.subtree if t.i <= adjective.i}  # "slightly more likely"
    between = adjective.doc[copula.i + 1 : start]
    return copula if all(t.i in modifiers or (t.head.i == copula.i and t.dep_ in ("advmod", "neg")) for t in between) else None


CUE_STATEMENT_NOUNS = {"statement"}  # "said in a statement": in the cue 47 times on all train, left out 22 ("in an interview": 22 and 36)


def _in_a_statement(prep: Token) -> bool:
    """"said in a statement", "wrote in a joint statement": the form the words took, which
    PolNeAR marks as part of the cue, right after the verb."""
    if prep.dep_ != "prep" or prep.lower_ != "in":
        return False
    noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return noun is not None and noun.lemma_.lower() in CUE_STATEMENT_NOUNS and all(
        t.dep_ in ("det", "poss", "amod", "compound") for t in noun.lefts) and not list(noun.rights)


TRAILING_CUE_ADVERBS = {"then", "again", "later", "earlier", "once", "twice", "back"}


def _manner_adverb(token: Token) -> bool:
    """"said sarcastically", "has said repeatedly", "wrote back": how or when the cue happened,
    right after the verb, which PolNeAR marks as part of the cue (29 more exact cues on all
    train). Not a name the tagger took for an adverb ("Skelly")."""
    if token.dep_ != "advmod" or token.pos_ != "ADV" or token.tag_ != "RB" or not token.is_lower:
        return False
    return token.lower_.endswith("ly") or token.lower_ in TRAILING_CUE_ADVERBS


LEADING_ADVERB_POS = ("ADV", "SCONJ", "ADP")  # the tagger's "since" in "has since said" is a conjunction


def _leading_adverb(token: Token) -> bool:
    """"also", "now", "repeatedly", "has since said" before a cue verb; not a question word
    ("when he said")."""
    return token.dep_ == "advmod" and token.pos_ in LEADING_ADVERB_POS and token.tag_ != "WRB"


def _modal_read_as_name(verb: Token) -> Token | None:
    """"“…,” May said", "Will wrote that …": a capitalised "May" or "Will" the tagger read as a
    modal is a name when the verb after it is finite, as no modal's verb is; it is the
    subject."""
    modal = next((c for c in verb.children if c.dep_ == "aux" and c.tag_ == "MD" and c.i < verb.i), None)
    if modal is None or not modal.is_title or modal.lower_ not in MODAL_NAMES:
        return None
    finite = [verb] + [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i > modal.i]
    return modal if any(t.tag_ in ("VBD", "VBZ") for t in finite) else None


MODAL_NAMES = {"may", "will"}  # Theresa May, George Will; "Can", "Must" name no one in the news


def span_of(tokens: list[Token]) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def find_subject(verb: Token) -> tuple[Token | None, bool]:
    """The verb's subject, climbing through conjoined and participial verbs ("…, adding that",
    "began by saying", "aside from saying"). Returns (subject, passive): a passive subject
    found higher up makes the verb passive only through conjoined verbs ("it was reported and
    widely believed"), not "was criticized for saying", whose subject did the saying."""
    if _fronted_participle(verb):
        return None, True  # "Asked about the plan, the mayor said …": the mayor was asked
    quoted = _object_before_as(verb)
    if quoted is not None:
        return quoted, False
    inverted = _subject_after_quotation(verb)
    if inverted is not None:
        return inverted, False
    named = _modal_read_as_name(verb)
    if named is not None and _nearest_subject(verb) is None:
        return named, False
    current = verb
    conjoined = True  # reached through conjoined verbs only: a passive subject stays passive
    for _ in range(4):
        child = _nearest_subject(current)
        if child is not None:
            if current.i != verb.i and _extraposed_it(child, current):
                return None, False  # "it is hard to imagine …": the writer's, no one's to name
            passive = child.dep_ == PASSIVE_SUBJECT and conjoined
            if passive and current.i != verb.i and verb.tag_ != "VBN" and child.lower_ not in EXPLETIVES:
                passive = False  # "Lee was asked about it and said that …": a finite verb has no share in "was"
            if passive and current.i == verb.i and _perfect_contraction(verb, child):
                passive = False  # "He's said he …" is "he has said"
            return child, passive
        governor = _governing_verb(current)
        if governor is None:
            break
        conjoined = conjoined and current.dep_ == "conj"
        current = governor
    if current.dep_ == "acl" and current.tag_ == "VBG" and current.head.pos_ in ("NOUN", "PROPN"):
        noun = current.head
        if noun.dep_ == "dobj" and noun.head.pos_ in VERB_POS:  # "issued a statement saying …": the issuer
            return find_subject(noun.head)[0], False
        occasion = noun.head.head if noun.dep_ == "pobj" else None  # "spoke at a news conference announcing …": the speaker
        if occasion is not None and noun.lemma_.lower() in OCCASION_NOUNS and occasion.pos_ in VERB_POS:
            return find_subject(occasion)[0], False
        return noun, False  # "polls showing that …", "staff members suggesting …": the noun speaks
    if current.dep_ == "acl" and current.tag_ == "VBD" and current.head.pos_ in ("NOUN", "PROPN") and current.head.i < current.i:
        if not any(c.dep_ == "relcl" and c.i < current.i for c in current.head.children):  # "Bannon, who Beck called …": Beck
            return _misread_finite_subject(current.head), False
    return None, False


def _misread_finite_subject(noun: Token) -> Token:
    """"— Lee called Wednesday for …", "Ann Park, who lost her seat, called for …": the parser
    hangs a past-tense verb on the noun before it as if it were a participle ("a group called
    X" is tagged VBN); the noun is its subject, or, when the noun sits in a relative clause,
    the noun that clause describes."""
    for ancestor in [noun, *noun.ancestors]:
        if ancestor.dep_ == "relcl" and ancestor.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return ancestor.head
    return noun


def _perfect_contraction(verb: Token, subject: Token) -> bool:
    """"He's said he will run", "She's argued that …": the parser reads "'s" as the passive
    "is", but a passive cue takes no clause with a subject of its own ("he's said to be ill",
    "it's said that …" are passive); so "'s" is "has" here."""
    if [c.lower_ for c in verb.children if c.dep_ == "auxpass" and c.i < verb.i] != ["'s"] or subject.lower_ in EXPLETIVES:
        return False
    return any(c.dep_ == "ccomp" and any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children) for c in verb.children)


def _nearest_subject(verb: Token) -> Token | None:
    """The verb's subject nearest before it, else nearest after it. The parser sometimes hangs
    two subjects from one verb, a word of the quotation or of a phrase in front as well as the
    speaker ("“The fact that he tried,” Lee said"); the speaker is the one next to the verb."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT]
    return min(subjects, key=lambda s: (s.i > verb.i, abs(verb.i - s.i)), default=None)


QUESTION_MARKS = {"if", "whether"}
PARTICIPLE_TIMES = {"when", "once", "after", "before", "if", "unless", "until"}  # "…, he said when asked whether …"


def _fronted_participle(verb: Token) -> bool:
    """"Asked if …, the mayor said", "When told of the vote, she …", "…, he said when asked
    whether …": a past participle before its clause or opened by "when", with no subject or
    auxiliary of its own, is passive; that clause's subject is its addressee, and who asked is
    named only by "by" ("Asked by reporters …")."""
    if verb.tag_ != "VBN" or verb.dep_ != "advcl" or any(c.dep_ in SUBJECT or c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    return verb.head.i > verb.i or any(c.lower_ in PARTICIPLE_TIMES and c.dep_ in ("advmod", "mark") for c in verb.children)


def _subject_after_quotation(verb: Token) -> Token | None:
    """"“… Deep trouble,” said Maria Lopez": a verb right after a closing quote mark with a
    subject after it is inverted, and that subject is the speaker. The parser often also
    hangs a word of the quotation from the verb as a subject ("trouble", "it"), which comes first."""
    if verb.i == 0 or not verb.doc[verb.i - 1].is_quote:
        return None
    subject = next((c for c in verb.rights if c.dep_ == "nsubj"), None)
    if subject is None and _reports_quotation_before(verb):  # "“…,” added a Democrat": the speaker read as the verb's object
        subject = next((c for c in verb.rights if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)
    return subject


def _reports_quotation_before(verb: Token) -> bool:
    """The verb's clausal complement comes before it and opens with a quote mark."""
    return any(c.dep_ == "ccomp" and c.i < verb.i and _opens_with_quote(c) for c in verb.children)


def _noun_subject_before(clause: Token) -> Token | None:
    """The clause's noun subject in front of its verb."""
    return next((c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i and c.pos_ in ("NOUN", "PROPN")), None)


def _opens_with_quote(clause: Token) -> bool:
    first = clause.left_edge
    return first.is_quote or (first.i > 0 and clause.doc[first.i - 1].is_quote)


def _extraposed_it(subject: Token, verb: Token) -> bool:
    """"It" standing in for a clause after "be" + adjective or noun: "it is difficult to
    imagine", "it was a mistake to say" (PolNeAR train: 56 such, 10 annotated, none with "it" as source)."""
    return subject.lower_ == "it" and verb.lemma_ == "be" and any(c.dep_ in ("acomp", "attr") for c in verb.children)


def _object_before_as(verb: Token) -> Token | None:
    """"Reuters quoted a senior official as saying …": the object of the verb that governs
    "as" + gerund is the gerund's subject, not the verb's own subject."""
    if verb.dep_ != "pcomp" or verb.head.lower_ != "as" or verb.head.head.i == verb.head.i:
        return None
    return next((c for c in verb.head.head.children if c.dep_ == "dobj"), None)


def _trailing_participle(verb: Token) -> bool:
    """", arguing that …", ", citing …" after a clause (or after a quotation closing on a
    comma: "…,” adding …"): the parser often hangs it inside the reported clause, but it
    belongs to the clause that reports it."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or verb.i == 0:
        return False
    before = verb.doc[verb.i - 1]
    return before.text == "," or (before.is_quote and verb.i > 1 and verb.doc[verb.i - 2].text == ",")  # '…,” adding


def _reporting_clause_verb(head: Token) -> Token | None:
    """The verb whose clause a trailing participle's head sits in: up through clausal
    complements ("said he doubted it, arguing") and the clause of a noun that is a verb's
    object ("rejected the idea that it would fail, saying"), else None."""
    current, reporting = head, None
    while True:
        if current.dep_ == "ccomp" and current.head.pos_ in VERB_POS:
            current = current.head
        elif current.dep_ == "acl" and current.head.dep_ == "dobj" and current.head.head.pos_ in VERB_POS:
            current = current.head.head
        else:
            return reporting
        reporting = current


def _governing_verb(verb: Token) -> Token | None:
    """The verb whose subject ``verb`` shares: its head for a conjoined, open-complement or
    adverbial verb; through the preposition for a gerund ("by saying", "aside from saying")."""
    if verb.dep_ not in INHERIT_SUBJECT_DEPS or verb.head.i == verb.i:
        return None
    head = verb.head
    if _trailing_participle(verb):
        reporting = _reporting_clause_verb(head)
        if reporting is not None:
            return reporting  # "Perdue said he doubted it, arguing that …": Perdue argued, not "he"
    while verb.dep_ == "pcomp" and head.dep_ == "conj" and head.pos_ == "ADP" and head.head.i != head.i:
        head = head.head  # "for his role … and for saying": the first of the conjoined prepositions
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.i != head.i:
        head = head.head
        if head.pos_ not in VERB_POS and head.dep_ == "advmod":
            head = head.head
    if verb.dep_ == "xcomp" and head.pos_ == "ADJ" and head.dep_ == "acomp" and head.head.pos_ in VERB_POS:
        head = head.head  # "officials were quick to point out": through the adjective to its verb
    return head if head.pos_ in VERB_POS else None


def _misattached_report(verb: Token, lexicon: Lexicon) -> bool:
    """A second speech verb the parser conjoined into the first one's content: "Lee said he
    would run and added that …", "He says the answer was X and says he …": a subjectless
    speech verb with a clause of its own, conjoined to the head of a clause a speech verb
    reports. It reports too, with the first verb's subject, and is no part of what the first
    verb reports (unless a quotation opens between them)."""
    head = verb.head
    if verb.dep_ != "conj" or head.dep_ != "ccomp" or head.head.i == head.i or any(c.dep_ in SUBJECT for c in verb.children):
        return False
    if any(t.is_quote for t in verb.doc[head.i : verb.i]):
        return False  # "… approached her “and said, …”": the quoted words go on
    rules = (lexicon.cue(verb.lemma_, "VERB"), lexicon.cue(head.head.lemma_, "VERB"))
    return all(r is not None and r.type in WORDS_TYPES for r in rules) and any(c.dep_ == "ccomp" for c in verb.children)


def _unmarked_subject(verb: Token) -> Token | None:
    """A name right before a subjectless verb, left inside a preceding phrase by a missing
    comma: "In a meeting with the board of the Post Smith said that …"."""
    if verb.i == 0 or any(c.dep_ in SUBJECT for c in verb.children):
        return None
    previous = verb.doc[verb.i - 1]
    if previous.pos_ == "PROPN" and previous.ent_type_ in ("PERSON", "ORG") and previous.dep_ == "pobj":
        return previous
    if previous.dep_ == "compound" and previous.head.i == verb.i and previous.pos_ in ("NOUN", "PROPN") and verb.tag_ in FINITE_VERB_TAGS:
        return previous  # "…, court records show.": the parser took the subject for part of a noun ending in the verb
    return None


FINITE_VERB_TAGS = ("VBD", "VBZ", "VBP")
CORE_DEPS = {"nsubj", "nsubjpass", "dobj", "attr", "dative", "oprd"}  # a noun in one of these roles belongs to another verb
MODIFIER_DEPS = {"compound", "poss", "amod"}  # a word inside a noun phrase, not its head


def _cue_clause_start(verb: Token, over_quote_marks: bool = False) -> int:
    """Where a cue clause with no subject starts: the cue and the adverbs the verb hangs in
    front of it ("…, last week said", "…, bluntly suggested"), and the closing quote marks
    right before it if asked ("…,” says")."""
    doc, start = verb.doc, verb.sent.start
    left = min(t.i for t in cue_tokens(verb))
    while left - 1 >= start and doc[left - 1].head.i == verb.i and (
            doc[left - 1].dep_ in ("advmod", "npadvmod") or (over_quote_marks and doc[left - 1].is_quote)):
        left -= 1
    return left


def _stranded_subject(verb: Token) -> Token | None:
    """"After a day of talks, Senator Lee, the minority leader, said …": a finite cue verb with
    no subject right after a noun phrase that the parser hung inside the phrase before it (as a
    conjunct or apposition of its last noun) or inside the claim. The noun phrase must start
    the sentence or follow a comma, and end right before the cue (or its comma)."""
    if _fronted_participle(verb) or any(c.dep_ == "auxpass" for c in verb.children):
        return None  # "was asked about …": the one asked is no speaker
    if verb.tag_ not in FINITE_VERB_TAGS and not any(c.dep_ in AUXILIARY_DEPS and c.tag_ in (*FINITE_VERB_TAGS, "MD") and c.i < verb.i for c in verb.children):
        return None
    doc, sent = verb.doc, verb.sent
    left = _cue_clause_start(verb)
    end = left - 2 if left > sent.start and doc[left - 1].text == "," else left - 1
    best = None
    for token in doc[sent.start : end + 1]:
        right = token.right_edge.i - 1 if token.right_edge.i == end + 1 and doc[end + 1].text == "," else token.right_edge.i  # "Lee, 44, said": the comma hangs from Lee
        if right != end or token.pos_ not in ("PROPN", "NOUN") or token.dep_ in CORE_DEPS | MODIFIER_DEPS:
            continue
        start = token.left_edge.i
        if any(t.pos_ in VERB_POS for t in doc[start : token.i]):
            continue  # a clause, not a noun phrase
        opens = start == sent.start or doc[start - 1].text == "," or (start - 1 == sent.start and doc[start - 1].pos_ == "CCONJ")
        if opens and (best is None or start < best.left_edge.i):
            best = token
    return best


def _speaker_in_misread_clause(verb: Token) -> tuple[Token, Token, bool] | None:
    """A subjectless cue verb after a comma whose complement before it has a noun subject that
    opens the sentence: no clause before the comma can be what a verb without a speaker
    reports, so the parser misread one of two things. "One attendee, who asked not to be
    named, said …", "Lee, meanwhile, who chairs the board, said …": the speaker and a clause
    about them. "Kasich offered him a job, then says …", "Lee is happy to be the “standard,”
    says she …": one speaker doing two things. (The speaker, the misread clause, whether it
    is about the speaker: set off from them by a comma.)"""
    if any(c.dep_ in SUBJECT | {"expl"} for c in verb.children):
        return None
    doc = verb.doc
    comma = _cue_clause_start(verb, over_quote_marks=True) - 1  # "…, then says", "…,” says"
    if comma <= verb.sent.start or doc[comma].text != ",":
        return None
    for clause in (c for c in verb.children if c.dep_ == "ccomp" and c.right_edge.i == comma - 1):
        speaker = _noun_subject_before(clause)
        if speaker is not None and speaker.left_edge.i == verb.sent.start:
            return speaker, clause, any(t.text == "," for t in doc[speaker.i + 1 : clause.i])
    return None


def _speaker_read_as_clause_subject(verb: Token) -> tuple[Token, Token] | None:
    """"“…,” said Lee, half joking." / "“…,” said the clerk, who did not want to be named.":
    a subjectless cue right after a closing quote mark, reporting that quotation, with a
    clause after it whose subject starts right after the verb. The parser read the speaker as
    the subject of a second thing said; the speaker and that misread clause."""
    doc = verb.doc
    if verb.i == 0 or not doc[verb.i - 1].is_quote or any(c.dep_ in SUBJECT | {"expl", "dobj"} for c in verb.children):
        return None
    if not _reports_quotation_before(verb):
        return None
    for clause in (c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i):
        speaker = _noun_subject_before(clause)
        if speaker is not None and speaker.left_edge.i == verb.i + 1:
            return speaker, clause
    return None


SPEAKER_AFTER_QUOTE_MAX = 10  # words of "“…,” Berg, an aide to the mayor, said"
CLOSING_PUNCTUATION = (",", ".", "?", "!")


def _speaker_inside_quotation_clause(verb: Token) -> tuple[Token, Token] | None:
    """"“…,” Berg, an aide to the mayor, said Monday.": a subjectless cue right after a noun
    phrase that follows a closing quote mark, which the parser hung inside the quoted clause
    (as an apposition of its last word). Returns the closing mark and the phrase's head, the
    speaker."""
    doc = verb.doc
    mark = next((t for t in reversed(doc[max(0, verb.i - SPEAKER_AFTER_QUOTE_MAX - 2) : verb.i]) if t.is_quote), None)
    if mark is None or mark.i == 0 or doc[mark.i - 1].text not in CLOSING_PUNCTUATION or doc[mark.i - 1].whitespace_:
        return None  # the mark closing a quoted statement (",”"), not a quoted name ("“Vote Yes” buttons")
    words = [t for t in doc[mark.i + 1 : verb.i] if not (t.is_punct or t.is_space)]
    if not words or words[0].pos_ not in ("PROPN", "NOUN", "DET") or any(t.pos_ in VERB_POS for t in words):
        return None
    speaker = _phrase_head(doc[mark.i + 1 : verb.i])
    return (mark, speaker) if speaker is not None and speaker.head.i < mark.i else None  # hung from a word of the quoted clause


def _phrase_head(span: Span) -> Token | None:
    """The one word of ``span`` (punctuation aside) that hangs from outside it, if one does."""
    heads = [t for t in span if not (t.is_punct or t.is_space) and not span.start <= t.head.i < span.end]
    return heads[0] if len(heads) == 1 else None


def agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def addressee_of(verb: Token, rule: CueRule | None) -> tuple[int, int] | None:
    if _fronted_participle(verb):
        asked = next((c for c in verb.head.children if c.dep_ in SUBJECT), None)
        return span_of(phrase_tokens(asked)) if asked is not None else None
    for child in verb.children:
        if rule is not None and rule.addressee and child.dep_ in ("dobj", "dative") and child.i > verb.i:
            return span_of(phrase_tokens(child))
        if child.dep_ == "prep" and child.lower_ in ADDRESSEE_PREPOSITIONS:
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if objects and objects[0].pos_ in ("PROPN", "NOUN", "PRON"):
                return span_of(phrase_tokens(objects[0]))
        if child.dep_ == "prep" and child.lower_ == "in":
            for pobj in (g for g in child.children if g.dep_ == "pobj" and g.lower_ in INTERVIEW_NOUNS):
                for prep in (g for g in pobj.children if g.dep_ == "prep" and g.lower_ in ("with", "on", "to")):
                    for target in (g for g in prep.children if g.dep_ == "pobj"):
                        return span_of(phrase_tokens(target))
    return None


def quote_at(quotes: list[Quote], offset: int, slack: int = 0) -> Quote | None:
    for quote in quotes:
        if quote.start - slack <= offset <= quote.start + slack or quote.start <= offset < quote.end:
            return quote
    return None


def _next_token(doc: Doc, index: int) -> Token | None:
    for token in doc[index + 1 :]:
        if not token.is_space:
            return token
    return None


def _quoted_speaker(verb: Token, subject: Token | None) -> tuple[Token, Token] | None:
    """The speaker between a closing quote mark and the cue, when the cue has no subject or
    one from inside the quotation ("“We lost,” Lee, 58, told AFP", with "told" conjoined to
    "lost" and its subject "We")."""
    found = _speaker_inside_quotation_clause(verb)
    if found is None or (subject is not None and subject.i > found[0].i):
        return None
    return found


def _previous_token(doc: Doc, index: int) -> Token | None:
    for token in reversed(doc[:index]):
        if not token.is_space:
            return token
    return None


# ------------------------------------------------------------------ constructions


def speech_verb_clauses(sent: Span, context: Context) -> Iterator[Candidate]:
    """A cue verb with a clausal complement on either side: "X said (that) …", "…, X said",
    "…, said X", "X told Y …"; participles ("…, adding that …") and conjoined verbs inherit
    the subject. Passive agentless cues ("it was reported that …") have no source."""
    for verb in context.verbs(sent):
        rule = context.lexicon.cue(verb.lemma_, "VERB")
        if rule is None or rule.type == "according_to" or _naming_participle(verb, rule):
            continue
        raised = not rule.addressee and any(c.dep_ == PASSIVE_SUBJECT for c in verb.children)  # "X is said to …"
        complements = [c for c in verb.children if (c.dep_ in rule.complements or (raised and c.dep_ == "xcomp")) and _is_clausal(c, rule)]
        if not complements and _fronted_participle(verb):  # "Asked if he was bullied, …": the parser's advcl is the question
            complements = [c for c in verb.children if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in QUESTION_MARKS for m in c.children)]
        if not complements:
            continue
        content_tokens = [t for c in complements for t in _without_misattached_reports(c, context.lexicon)]
        cited = {u.i for t in content_tokens if getattr(_cited_for(t, context), "i", None) == verb.i for u in t.subtree}
        content_tokens = [t for t in content_tokens if t.i not in cited]  # "…, citing X" is an attribution of its own
        if any(c.dep_ == "oprd" for c in complements):  # "called the charges false": object + predicate
            content_tokens = _object_to_predicate(verb, content_tokens)
        subject, passive = find_subject(verb.head.head if _misattached_report(verb, context.lexicon) else verb)
        source_head = agent(verb) if passive else subject or _unmarked_subject(verb)
        quoted_speaker = _quoted_speaker(verb, source_head) if not passive else None
        if quoted_speaker is not None:  # what follows the closing mark is the speaker, no part of the content
            closing_mark, source_head = quoted_speaker
            content_tokens = [t for t in content_tokens if t.i <= closing_mark.i]
        repairable = not passive and quoted_speaker is None  # the repairs below look for a speaker the parse misplaced
        misread_after = _speaker_read_as_clause_subject(verb) if source_head is None and repairable else None
        if misread_after is not None:  # "“…,” said Lee, half joking": the parser's clause after the cue is the speaker's
            source_head, clause = misread_after
            content_tokens = [t for t in content_tokens if not clause.left_edge.i <= t.i <= clause.right_edge.i]
        stranded = _stranded_subject(verb) if source_head is None and repairable else None
        if stranded is not None:  # the parser hung the speaker inside a fronted phrase or the claim
            source_head = stranded
            content_tokens = [t for t in content_tokens if not stranded.left_edge.i <= t.i <= stranded.right_edge.i]
        misread = _speaker_in_misread_clause(verb) if source_head is None and repairable else None
        about_speaker = False
        if misread is not None:  # "Lee, who chairs the board, said …" read as a clause the verb reports
            source_head, clause, about_speaker = misread
            content_tokens = [t for t in content_tokens if not clause.left_edge.i <= t.i <= clause.right_edge.i]
        elif source_head is None and not passive and verb.dep_ == "conj":
            shared = _speaker_in_misread_clause(verb.head)  # "Lee praised it, denounced X and said …"
            source_head = shared[0] if shared is not None else None
        if rule.raising:
            if any(c.pos_ in VERB_POS and context.lexicon.cue(c.lemma_, "VERB") is not None for c in complements):
                continue  # "X seems to think …": the cue is "seems to think", and X its source
            if any(c.lemma_ not in RAISED_LIGHT_VERBS and _kept_by_cue_model(c, context) is not None for c in complements):
                continue  # "X seemed to blame the network": the same, with a verb the cue model keeps
            if verb.tag_ == "VBG" or any(c.dep_ == "neg" for c in verb.children):
                continue  # "his attempt at appearing calm", "cannot seem to …": no impression reported
            source_head = None  # "X seems to …": the writer's impression of X, no one's claim
        if source_head is not None and source_head.dep_ == "expl":
            source_head = None
        if _inscription(rule, source_head):
            continue
        if (passive or rule.raising) and subject is not None and subject.lower_ not in EXPLETIVES:
            content_tokens = list(subject.subtree) + content_tokens  # "X is said to …": X belongs to the content
        content_tokens = _fronted_adjuncts(verb, source_head, content_tokens, context.lexicon) + content_tokens
        content_tokens += clause_rest(verb, content_tokens, context.lexicon)
        name = "raising_verb" if rule.raising else "passive_cue_clause" if passive else "speech_verb_clause"
        candidate = _candidate(name, verb, rule, content_tokens, source_head, sent, context)
        if quoted_speaker is not None:
            candidate.source_tokens = [t for t in candidate.source_tokens if t.i > quoted_speaker[0].i]
        if about_speaker:  # the speaker with the clause about them, up to the comma
            candidate.source_tokens = list(sent.doc[source_head.left_edge.i : clause.right_edge.i + 1])
        yield candidate


def _inscription(rule: CueRule, source_head: Token | None) -> bool:
    """"A sign that read “…”", "a shirt which reads …": what a thing bears written on it, named
    in a relative clause, is a label, not anyone's claim ("the statement read: …" still is)."""
    return rule.inscription and source_head is not None and source_head.tag_ in RELATIVE_TAGS


RAISED_LIGHT_VERBS = ("be", "have")  # "seems to be …", "appears to have …": still the writer's impression
FRONTED_ADJUNCT_DEPS = {"advcl", "prep", "npadvmod", "advmod"}


def _fronted_adjuncts(verb: Token, source_head: Token | None, content_tokens: list[Token], lexicon: Lexicon) -> list[Token]:
    """"After the court ruled, Jones said, most such laws were safe": a cue clause set off by
    commas inside the sentence leaves what comes before it to the content, though the parser
    hangs it from the cue verb. Only when a comma closes the cue clause before the content."""
    if source_head is None or not content_tokens:
        return []
    content_start = min(t.i for t in content_tokens)
    closing = _previous_token(verb.doc, content_start)
    if content_start < verb.i or closing is None or closing.text != "," or closing.i <= verb.i:
        return []
    return _adjuncts_before_speaker(verb, source_head, lexicon)


def _adjuncts_before_speaker(verb: Token, source_head: Token, lexicon: Lexicon) -> list[Token]:
    """The phrases the parser hung from the cue verb in front of its speaker, when a comma
    sets the speaker off from them ("After the court ruled, | Jones said"): they belong to
    the claim, not to the cue clause."""
    clause_start = _start_after_comma(verb, source_head)
    if clause_start is None:
        return []
    adjuncts = [c for c in verb.children if c.i < clause_start and c.dep_ in FRONTED_ADJUNCT_DEPS]
    return [t for a in adjuncts if not _how_said(a, lexicon) for t in a.subtree]


def _start_after_comma(verb: Token, speaker: Token) -> int | None:
    """Where the cue clause (the speaker and the verb) starts, when a comma sets it off from
    what comes before ("After the vote, | Lee said"); else None."""
    clause_start = min(verb.i, *(t.i for t in speaker.subtree))
    if clause_start == 0 or verb.doc[clause_start - 1].text != ",":
        return None
    return clause_start


def _how_said(adjunct: Token, lexicon: Lexicon) -> bool:
    """"Speaking to reporters, …", "Writing on Facebook, …": a participle of a cue verb tells
    how the cue happened, not what was said."""
    return adjunct.dep_ == "advcl" and adjunct.tag_ in ("VBG", "VBN") and lexicon.cue(adjunct.lemma_, "VERB") is not None


def _without_misattached_reports(clause: Token, lexicon: Lexicon) -> list[Token]:
    """The clause's tokens without a speech verb conjoined into it (and the conjunction)."""
    reports = [c for c in clause.children if _misattached_report(c, lexicon)]
    if not reports:
        return list(clause.subtree)
    first = min(t.i for r in reports for t in r.subtree)
    cut = {t.i for r in reports for t in r.subtree} | {c.i for c in clause.children if c.dep_ in ("cc", "punct") and first - 3 < c.i < first}
    return [t for t in clause.subtree if t.i not in cut]


def _relay_rule(verb: Token, context: Context) -> CueRule | None:
    rule = context.lexicon.cue(verb.lemma_, "VERB") if verb.pos_ in VERB_POS else None
    return rule if rule is not None and rule.relay else None


def _relays(noun: Token, context: Context) -> list[Token]:
    """The participles relaying what ``noun`` said ("cited by CNN"): attributions of their own."""
    return [c for c in noun.children if c.dep_ == "acl" and _relay_rule(c, context) and any(g.dep_ == "agent" for g in c.children)]


def quoted_as_saying(sent: Span, context: Context) -> Iterator[Candidate]:
    """"Reuters quoted a senior official as saying …", "the minister was quoted by Reuters as
    saying …": the relaying verb is an attribution whose content is the person quoted with
    what they said; the gerund is that person's own attribution, nested in it. Without an
    agent ("was quoted as saying") there is no relay, only the quoted person's attribution."""
    for verb in context.verbs(sent):
        rule = _relay_rule(verb, context)
        if rule is None:
            continue
        gerund = next((g for p in verb.children if p.dep_ == "prep" and p.lower_ == "as" for g in p.children
                       if g.dep_ == "pcomp" and g.pos_ in VERB_POS and context.lexicon.cue(g.lemma_, "VERB")), None)
        if gerund is None:
            continue
        subject, passive = find_subject(verb)
        quoted = subject if passive else next((c for c in verb.children if c.dep_ == "dobj"), None)
        source_head = agent(verb) if passive else subject
        if quoted is None or source_head is None:
            continue
        content_tokens = list(quoted.subtree) + list(gerund.head.subtree)
        yield _candidate("quoted_as_saying", verb, rule, content_tokens, source_head, sent, context)


def citing(sent: Span, context: Context) -> Iterator[Candidate]:
    """"Reuters, citing two officials, reported that …", "…, citing people familiar with the
    talks": the reporter passes on what the cited people said. The cited are the source of
    the report's content, as an attribution nested in the report (not inside its content,
    so the link is kept explicitly)."""
    for verb in context.verbs(sent):
        reporter = _cited_for(verb, context)
        if reporter is None:
            continue
        cited = next(c for c in verb.children if c.dep_ == "dobj")
        relay = {t.i for t in verb.subtree}
        content_tokens = [t for c in reporter.children if c.dep_ == "ccomp" for t in c.subtree if t.i not in relay]
        candidate = _candidate("citing", verb, _relay_rule(verb, context), content_tokens, cited, sent, context)
        candidate.relayed_by = reporter
        yield candidate


def _cited_for(verb: Token, context: Context) -> Token | None:
    """The reporting verb a participle "citing X" hangs from, directly or from inside its
    clausal content; None when ``verb`` is not such a participle."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or _relay_rule(verb, context) is None:
        return None
    cited = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if cited is None or not _could_speak(cited, context):
        return None  # "citing the release of prisoners": evidence, not a source
    head = verb.head
    if head.dep_ == "ccomp" and head.head.i != head.i:
        head = head.head
    rule = context.lexicon.cue(head.lemma_, "VERB") if head.pos_ in VERB_POS else None
    if rule is None or rule.type not in WORDS_TYPES or not any(c.dep_ == "ccomp" for c in head.children):
        return None
    return head


def _could_speak(noun: Token, context: Context) -> bool:
    """A person, organisation, outlet or anonymous source ("two officials", "Reuters", "a
    senior diplomat"), not a thing."""
    if noun.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or noun.pos_ in ("PROPN", "PRON"):
        return True
    words = context.lexicon.source_kind_words
    return noun.lemma_.lower() in words("anonymous") | words("media") | words("nominal")


def relayed_by(sent: Span, context: Context) -> Iterator[Candidate]:
    """"Advisers to the president, cited by CNN, claim that …": the participle relays the
    claim of the noun it modifies. Its source is the agent, its content the claim (the
    clause without the participle), in which the claim nests as an attribution of its own."""
    for verb in context.verbs(sent):
        rule = _relay_rule(verb, context)
        if rule is None or verb.dep_ != "acl" or verb.head.dep_ not in ("nsubj", "nsubjpass"):
            continue
        by = next((c for c in verb.children if c.dep_ == "agent"), None)
        outlet = next((g for g in by.children if g.dep_ == "pobj"), None) if by is not None else None
        claim = verb.head.head
        if outlet is None or claim.pos_ not in VERB_POS or context.lexicon.cue(claim.lemma_, "VERB") is None:
            continue
        relay = {t.i for t in verb.subtree}
        content_tokens = [t for t in claim.subtree if t.i not in relay]
        candidate = _candidate("relayed_by", verb, rule, content_tokens, outlet, sent, context)
        candidate.cue = (candidate.cue[0], by.idx + len(by.text))
        yield candidate


def _naming_participle(verb: Token, rule: CueRule) -> bool:
    """"a group called Lashkar-e-Taiba", "the program, called EB-5": a past participle
    modifying a noun, with no one doing the calling, names the noun; nobody is quoted. The
    tagger calls some of these participles past tenses ("a blog called the Feed"): a verb
    that can name (its rule takes an object and predicate) right after a common noun it
    modifies names it too."""
    if verb.dep_ != "acl" or any(c.dep_ == "agent" for c in verb.children):
        return False
    misread = verb.tag_ == "VBD" and verb.head.i == verb.i - 1 and verb.head.pos_ == "NOUN" and "oprd" in rule.complements
    return verb.tag_ == "VBN" or misread


def prepositional_cues(sent: Span, context: Context) -> Iterator[Candidate]:
    """A cue verb whose content is the object of a preposition the rule names: "called for a
    ban", "called on X to resign", "pointed to the report", "asked about the budget". The
    preposition is part of the cue; an infinitive after the object and the rest of the cue's
    clause ("called for a boycott after the company closed its plant") join the content."""
    for verb in context.verbs(sent):
        rule = context.lexicon.cue(verb.lemma_, "VERB")
        if rule is None or not rule.prepositions or _has_clausal_complement(verb, rule):
            continue
        for prep, objects in _prepositional_objects(verb, rule):
            between = [t for t in sent.doc[verb.i + 1 : prep.i] if not _when_said(t, verb)]
            if any(t.pos_ not in ("ADV", "PART") for t in between) or any(o.ent_type_ in TIME_LABELS for o in objects):
                continue  # "called a meeting on Monday", "called on Monday": not the phrasal cue; "responded on Monday to" is
            content_tokens = [t for o in objects for t in o.subtree if t.i != prep.i]
            content_tokens += [t for c in verb.children if c.dep_ == "xcomp" and c.i > prep.i for t in c.subtree]
            content_tokens += clause_rest(verb, content_tokens, context.lexicon)
            subject, passive = find_subject(verb)
            source_head = agent(verb) if passive else subject or _stranded_subject(verb)
            candidate = _candidate("prepositional_cue", verb, rule, content_tokens, source_head, sent, context)
            candidate.cue = (candidate.cue[0], prep.idx + len(prep.text))
            yield candidate
            break


def _when_said(token: Token, verb: Token) -> bool:
    """A word of a time phrase hung from the verb: "responded on Sunday to …", "called Monday for …"."""
    phrase = next((a for a in [token, *token.ancestors] if a.head.i == verb.i and a.i != verb.i), None)
    return phrase is not None and _when(phrase)


def _prepositional_objects(verb: Token, rule: CueRule) -> Iterator[tuple[Token, list[Token]]]:
    """Each preposition of the rule after the verb, with its objects. "called for the UN to
    act": the parser reads that "for" as the mark of an infinitive clause hung from the verb,
    and the clause is the object (the mark itself is no part of it)."""
    for child in verb.children:
        if child.i < verb.i:
            continue
        if child.dep_ == "prep" and child.lower_ in rule.prepositions:
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects:
                yield child, objects
        elif child.dep_ == "advcl" and "for" in rule.prepositions:
            mark = child.left_edge
            if mark.lower_ == "for" and mark.dep_ == "mark" and mark.head.i == child.i:
                yield mark, [child]


PREDICATE_VERBS = {"be", "remain", "become", "grow", "stay"}  # "was critical of", "remained hopeful that", "grew wary of"


def adjective_cues(sent: Span, context: Context) -> Iterator[Candidate]:
    """"X has been critical of Y", "X remains hopeful that …", "X was eager to …": an adjective
    after a copula, whose entry names the complements or prepositions that carry the content.
    The cue runs from the copula (with its auxiliaries and adverbs) to the adjective and its
    preposition; the copula's subject is the source. Without a complement ("Experts are
    skeptical.") nothing is reported."""
    for adjective in sent:
        if adjective.pos_ != "ADJ" or not (_predicate_adjective(adjective) or _made_adjective(adjective)):
            continue
        rule = context.lexicon.cue(adjective.lemma_, "ADJ")
        if rule is None:
            continue
        copula = adjective.head
        subject, passive = find_subject(copula)
        if subject is None or passive or subject.lower_ in EXPLETIVES:
            continue
        end = adjective
        clauses = [c for c in adjective.children if c.i > adjective.i and c.dep_ in rule.complements and _is_clausal(c, rule) and not _reason_or_time(c)]
        content_tokens = [t for c in clauses for t in c.subtree]
        if not clauses:
            prep = next((c for c in adjective.children if c.dep_ == "prep" and c.i > adjective.i and c.lower_ in rule.prepositions), None)
            objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")] if prep is not None else []
            if not objects:
                continue
            end, content_tokens = prep, [t for o in objects for t in o.subtree]
        candidate = _candidate("adjective_cue", adjective, rule, content_tokens, subject, sent, context)
        candidate.cue = (span_of(cue_tokens(copula))[0], end.idx + len(end.text))
        yield candidate


def _reason_or_time(clause: Token) -> bool:
    """An adverbial clause opened by anything but "that" ("because …", "when …"): the parser
    also hangs "made it clear that …" as an adverbial clause of the adjective."""
    return clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ != "that" for m in clause.children)


def _predicate_adjective(adjective: Token) -> bool:
    return adjective.dep_ == "acomp" and adjective.head.lemma_ in PREDICATE_VERBS


MAKING_VERBS = {"make"}  # "made (it) clear that …"


def _made_adjective(adjective: Token) -> bool:
    """"made it clear that …", "made clear that …": the adjective the verb makes its object,
    which the parser hangs from the verb (as a clause or a predicate) with "it" as its subject."""
    return adjective.dep_ in ("ccomp", "oprd") and adjective.head.lemma_ in MAKING_VERBS and adjective.head.i < adjective.i


CONTINUATION_DEPS = {"conj", "cc", "advcl", "prep", "npadvmod", "oprd", "dobj", "punct"}


def clause_rest(verb: Token, content_tokens: list[Token], lexicon: Lexicon) -> list[Token]:
    """What the parser hung from the cue verb after its content ("promising to meet and in
    some cases exceed his goals", "imposed sanctions on terrorists, freezing their assets"):
    the content goes on to the end of the verb's clause, unless a cue of its own follows
    ("…, adding that …"). A time the clause ends on says when the cue happened ("on
    Friday") and stays out; one with more of the predicate after it ("proposed a levy last
    year on coal plants") is part of what was said."""
    if not content_tokens:
        return []
    end = max(t.i for t in content_tokens)
    if end < verb.i:
        return []
    rest: list[Token] = []
    held: list[Token] = []  # a time and the marks after it, kept only if the clause goes on
    for child in verb.children:
        if child.i <= end:
            continue
        if child.dep_ not in CONTINUATION_DEPS or lexicon.cue(child.lemma_, "VERB") is not None:
            break
        if _when(child) or (held and child.dep_ == "punct"):
            held.extend(child.subtree)
            continue
        rest.extend(held + list(child.subtree))
        held = []
    return rest


def _when(adjunct: Token) -> bool:
    """"on Friday", "last week": when the cue happened, not part of what was said."""
    if adjunct.dep_ == "npadvmod":
        return adjunct.ent_type_ in TIME_LABELS
    return adjunct.dep_ == "prep" and any(o.dep_ == "pobj" and o.ent_type_ in TIME_LABELS for o in adjunct.children)  # not "for winning on Saturday"


def _object_to_predicate(verb: Token, predicate_tokens: list[Token]) -> list[Token]:
    """"called her vote in favor of the war a mistake": everything from the object to the end
    of the predicate, also what the parser hung from the verb in between; "what economists
    call a tax": the "what" in front, and the predicate."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects:
        return predicate_tokens
    start = min(t.i for o in objects for t in o.subtree)
    end = max(t.i for t in predicate_tokens)
    if start < verb.i:
        return [o for o in objects if o.lower_ == "what"] + predicate_tokens
    return [t for t in verb.doc[start : end + 1] if t.i != verb.i]


def _has_clausal_complement(verb: Token, rule: CueRule) -> bool:
    """The verb has the clause its rule takes as content: what is said is named already."""
    return any(c.dep_ in rule.complements and _is_clausal(c, rule) for c in verb.children)


def _that_clause(child: Token) -> bool:
    """"the claim that …", "doubts that …": a clause hung from a noun, opened by "that"."""
    return child.dep_ in ("acl", "ccomp") and any(g.lower_ == "that" and g.dep_ == "mark" for g in child.children)


def _is_clausal(child: Token, rule: CueRule) -> bool:
    if child.dep_ == "xcomp":
        return any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children) or child.pos_ in VERB_POS
    if child.dep_ == "dobj":
        return len(list(child.subtree)) > 1
    return True


SET_OFF_MARKS = (",", "—", "–")


def cue_clause(verb: Token) -> list[Token]:
    """The cue clause set inside or after its claim, without the paragraph break the parser
    hangs from a final period; what follows its closing comma goes on with the claim ("…,
    experts say, including a clause that …")."""
    clause = [t for t in verb.subtree if not t.is_space]
    closing = next((c for c in verb.children if c.i > verb.i and c.dep_ == "punct" and c.text in SET_OFF_MARKS), None)
    if closing is None:
        return clause
    rest = [c for c in verb.children if c.i > closing.i and not c.is_punct]
    return [t for t in clause if t.i <= closing.i] if rest else clause


def inverted_clauses(sent: Span, context: Context) -> Iterator[Candidate]:
    """The parser hung the cue under the content ("The plan is dead, he said, …" parsed with
    "said" as a parataxis of "is"): the content is the head's clause without the cue's."""
    for verb in context.verbs(sent):
        if verb.dep_ not in INVERTED_DEPS:
            continue
        rule = context.lexicon.cue(verb.lemma_, "VERB")
        if rule is None or rule.type not in CLOSING_TYPES:
            continue
        if any(c.dep_ in rule.complements for c in verb.children):
            continue
        head = verb.head
        if head.i > verb.i or head.pos_ not in VERB_POS or context.lexicon.cue(head.lemma_, "VERB"):
            continue
        subject = _inverted_subject(verb)
        if subject is None or not _set_off(verb, subject) or _speaker_inside_quotation_clause(verb) is not None:
            continue  # "“…,” Lee, 58, told AFP": the speaker comes first, "AFP" is told
        inside = {t.i for t in cue_clause(verb)}
        content_tokens = [t for t in head.subtree if t.i not in inside]
        yield _candidate("inverted_cue_clause", verb, rule, content_tokens, subject, sent, context)


ANSWER_WORDS = {"yes": {"to"}, "no": {"to"}, "so": set(), "same": {"of", "for", "about"}}  # and the prepositions that go on with them


def short_answers(sent: Span, context: Context) -> Iterator[Candidate]:
    """A speech verb whose content is one word of answer: "46 percent said yes", "the mayor
    said no (to the plan)", "half said so", "a third said the same of the governor"."""
    for verb in context.verbs(sent):
        rule = context.lexicon.cue(verb.lemma_, "VERB")
        if rule is None or rule.type not in WORDS_TYPES:
            continue
        answer = _next_token(sent.doc, cue_tokens(verb)[-1].i)
        if answer is not None and answer.lower_ == "the":
            answer = _next_token(sent.doc, answer.i)
        if answer is None or answer.lower_ not in ANSWER_WORDS or answer.head.i != verb.i:  # not "said no comment"
            continue
        subject, passive = find_subject(verb)
        if subject is None or passive or subject.i == answer.i:
            continue
        tokens = list(answer.subtree)
        following = _next_token(sent.doc, tokens[-1].i)
        if following is not None and following.head.i == verb.i and following.lower_ in ANSWER_WORDS[answer.lower_]:
            tokens += list(following.subtree)  # "said no to the war", "the same for Ms. Lee": the parser hangs it from the verb
        yield _candidate("short_answer", verb, rule, tokens, subject, sent, context)


def reportative_adverbs(sent: Span, context: Context) -> Iterator[Candidate]:
    """"X reportedly did Y", "Reportedly, X …": an adverb that says its clause was reported, by
    no one named. The clause without the adverb is the content, and there is no source; not
    on a cue verb of its own ("reportedly said" is that verb's cue)."""
    for token in sent:
        rule = context.lexicon.cue(token.lemma_, "ADV") if token.pos_ == "ADV" and token.dep_ == "advmod" else None
        head = token.head
        if rule is None or head.pos_ not in VERB_POS or context.lexicon.cue(head.lemma_, "VERB") is not None:
            continue
        content_tokens = [t for t in head.subtree if t.i != token.i and not (t.is_punct and t.head.i == token.i)]
        yield _candidate("reportative_adverb", token, rule, content_tokens, None, sent, context)


FRAGMENT_DEPS = {"nsubj", "advcl", "dep", "npadvmod", "dobj", "attr", "prep", "advmod"}
CIRCUMSTANCE_DEPS = {"prep", "advmod"}


def fronted_fragments(sent: Span, context: Context) -> Iterator[Candidate]:
    """A claim the parser broke before a cue closing the sentence: "More money for the
    schools, the mayor said.", "Tax rules unclear on who pays, experts say.", "Those who borrow
    struggle, even with a job, he said on Monday.", "…, said the director." The parser hangs
    the pieces from the cue (as a second subject, a clause or loose dependents); everything
    before the cue clause's comma is the content."""
    for verb in context.verbs(sent):
        closing = _closing_cue_clause(verb, sent, context)
        if closing is None:
            continue
        rule, subject, comma = closing
        fronted = [c for c in verb.children if c.i < comma.i and c.i != subject.i and not (c.is_punct or c.is_space)]
        if not fronted or any(c.dep_ not in FRAGMENT_DEPS for c in fronted) or fronted[0].left_edge.i != sent.start:
            continue
        if all(c.dep_ in CIRCUMSTANCE_DEPS or _when(c) for c in fronted):
            continue  # "In a speech last July, he said:" tells when and where, the words come after
        content_tokens = [t for t in sent.doc[sent.start : comma.i] if not t.is_space]
        yield _candidate("fronted_fragment", verb, rule, content_tokens, subject, sent, context)


CLOSING_MARKS = (".", "!", "?")


def closing_cue_clauses(sent: Span, context: Context) -> Iterator[Candidate]:
    """", she said." closing a sentence whose claim the parser read with the cue inside it
    (hung from a verb of the claim, with a word of the claim as a second subject): everything
    before the cue clause's comma is the content."""
    doc = sent.doc
    last = next((t for t in reversed(sent) if not t.is_space), None)
    if last is None or last.text not in CLOSING_MARKS:
        return
    for verb in context.verbs(sent):
        if verb.dep_ == "ROOT" or verb.tag_ == "VBG" and not any(c.dep_ == "aux" for c in verb.children):
            continue  # a root cue is the other constructions'; "…, said the mayor, smiling" tells how it was said
        closing = _closing_cue_clause(verb, sent, context)
        if closing is None or verb.right_edge.i - closing[2].i > INVERTED_CLAUSE_MAX:
            continue
        rule, subject, comma = closing
        content_tokens = [t for t in doc[sent.start : comma.i] if not t.is_space]
        yield _candidate("closing_cue_clause", verb, rule, content_tokens, subject, sent, context)


def _closing_cue_clause(verb: Token, sent: Span, context: Context) -> tuple[CueRule, Token, Token] | None:
    """A speech or evidence cue with no clause of its own in a cue clause closing its
    sentence ("…, she said.", "…, records show."): its rule, its subject and the comma before
    the clause."""
    rule = context.lexicon.cue(verb.lemma_, "VERB")
    if rule is None or rule.type not in CLOSING_TYPES or _has_clausal_complement(verb, rule):
        return None
    subject = _closing_subject(verb)
    comma = _closing_comma(verb, subject, sent) if subject is not None else None
    return (rule, subject, comma) if comma is not None else None


def _closing_comma(verb: Token, subject: Token, sent: Span) -> Token | None:
    """The comma before a cue clause that closes its sentence ("…, he said (on Monday).",
    "…, said the mayor."): what the clause goes on with after the cue says when, at most."""
    comma = _previous_token(sent.doc, min(verb.i, subject.left_edge.i))
    if comma is None or comma.text != "," or comma.i <= sent.start:
        return None
    after = [c for c in verb.rights if not (c.is_punct or c.is_space) and c.i != subject.i]
    if any(not _when(c) for c in after) or any(not (t.is_punct or t.is_space) for t in sent.doc[verb.right_edge.i + 1 : sent.end]):
        return None
    return comma


def _closing_subject(verb: Token) -> Token | None:
    """The speaker of a closing cue clause: "…, the mayor said" (the nearer subject, as in
    "People like her, he said") or "…, said the mayor"."""
    before = next((c for c in reversed(list(verb.lefts)) if c.dep_ == "nsubj"), None)
    if before is not None and (before.i == verb.i - 1 or all(t.dep_ in AUXILIARY_DEPS or _leading_adverb(t) for t in verb.doc[before.right_edge.i + 1 : verb.i])):
        return before
    return next((c for c in verb.rights if c.dep_ == "nsubj"), None)


AS_CLAUSE_MAX = 8  # tokens from "as" to the cue
FINITE_TAGS = {*FINITE_VERB_TAGS, "VBN", "NNS"}  # NNS: the tagger's reading of "notes" in "as the paper notes"


def as_clauses(sent: Span, context: Context) -> Iterator[Candidate]:
    """"As X noted, …", "…, as X said (on Tuesday)." and "As reported by X, …". Matched on the
    surface (as + subject + cue + comma or end), since the parser often misreads the short
    clause ("the publication notes" as one noun phrase)."""
    tokens = [t for t in sent if not t.is_space]
    for position, as_token in enumerate(tokens):
        if as_token.lower_ != "as" or (position > 0 and tokens[position - 1].text != ","):
            continue
        window = tokens[position + 1 : position + 2 + AS_CLAUSE_MAX]
        stop = next((i for i, t in enumerate(window) if t.is_punct), len(window))
        if stop < 2 or (stop == len(window) and position + 1 + stop < len(tokens)):
            continue
        clause = window[:stop]
        at = next((i for i, t in enumerate(clause) if (t.pos_ in VERB_POS or t.tag_ in FINITE_TAGS) and context.lexicon.cue(t.lemma_, "VERB")), None)
        if at is None:
            continue
        cue, after = clause[at], clause[at + 1 :]
        rule = context.lexicon.cue(cue.lemma_, "VERB")
        told = list(itertools.takewhile(lambda t: t.pos_ != "ADP" and t.ent_type_ not in TIME_LABELS, after))
        addressee = span_of(told) if rule.addressee and _names_an_addressee(told) else None
        if addressee is not None:  # "As Lee told the Daily News (on Monday), …"
            after = after[len(told) :]
        if (after and not (after[0].pos_ == "ADP" or after[0].ent_type_ in TIME_LABELS)) or any(t.pos_ in VERB_POS for t in after):
            continue  # after the cue only when and where: "as The Times reported on Tuesday", not "as she seeks reelection"
        speaker = _before_the_cue(clause[:at])  # "as police have said": "have" is the cue's
        if at == 0 and cue.tag_ == "VBN" and len(clause) > 2 and clause[1].lower_ == "by":
            subject_tokens = clause[2:]  # "As reported by the Daily Star, …"
        elif at > 0 and cue.tag_ in FINITE_TAGS and _names_a_speaker(speaker):
            subject_tokens = speaker
        else:
            continue
        if position == 0:
            content_tokens = tokens[position + stop + 2 :]
        else:
            content_tokens = tokens[: position - 1]
            closing = tokens[position + 1 + stop] if position + 1 + stop < len(tokens) else None
            if closing is not None and closing.text in SET_OFF_MARKS:
                content_tokens += tokens[position + stop + 2 :]  # "The plan, as Lee noted, is dead": the claim goes on
        content = char_spans(content_tokens)
        if not content:
            continue
        yield Candidate(
            rule=f"as_clause:{rule.id}", cue=span_of([cue]), cue_lemma=rule.lemma, cue_type=rule.type, stance=rule.stance,
            content=content, source_head=subject_tokens[-1], source_tokens=subject_tokens,
            sentence=context.resolver.sentence_of.get(sent.start, 0), clause_end=cue.idx + len(cue.text), addressee=addressee,
        )


ADDRESSEE_WORD_POS = {"DET", "PROPN", "NOUN", "PRON", "ADJ", "PART"}


def _names_an_addressee(words: list[Token]) -> bool:
    """The words after "told" in an as-clause are a noun phrase: who was told."""
    return bool(words) and words[0].pos_ in ("DET", "PROPN", "NOUN", "PRON") and all(t.pos_ in ADDRESSEE_WORD_POS for t in words)


def _before_the_cue(words: list[Token]) -> list[Token]:
    """The words before a cue verb without the auxiliaries and adverbs ``cue_tokens`` gives the
    cue ("as police have said", "as the paper recently noted")."""
    while words and (words[-1].dep_ in AUXILIARY_DEPS or _leading_adverb(words[-1])):
        words = words[:-1]
    return words


def _names_a_speaker(words: list[Token]) -> bool:
    """"The Times", "the head of the agency", "officials": a noun phrase, not "might be",
    "you very aptly" or "everyone who could"."""
    return bool(words) and (words[-1].pos_ in ("NOUN", "PROPN", "PRON", "NUM") and words[0].pos_ not in ("ADP", "PART")
            and not any(t.pos_ in VERB_POS or t.tag_ in RELATIVE_TAGS for t in words))


INVERTED_CLAUSE_MAX = 8  # words in a parenthetical cue clause (", the former senator said on Monday,")


def _set_off(verb: Token, subject: Token) -> bool:
    """A parenthetical cue clause: short, after a comma, dash or closing quote."""
    clause = [t for t in verb.subtree if not (t.is_punct or t.is_space)]
    first = min(verb.i, subject.i, *(t.i for t in subject.subtree))
    before = verb.doc[first - 1] if first > 0 else None
    return len(clause) <= INVERTED_CLAUSE_MAX and before is not None and (before.text in (",", "—", "–", "-") or before.is_quote)


def _inverted_subject(verb: Token) -> Token | None:
    """The speaker after an inverted cue: "…, said Peskov" / "…, writes Ynet" (which the
    parser may hang on the cue as its object). The cue must follow a comma or dash."""
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    for child in verb.children:
        if child.dep_ == "nsubj":
            return child if child.i > verb.i or verb.dep_ != "conj" else None
    if before is None or before.text not in (",", "—", "–", "-"):
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i and c.pos_ in ("PROPN", "NOUN")), None)


QUOTING_DEPS = ("dobj", "xcomp", "oprd")  # the phrase a quotation can be part of


def quote_cue(sent: Span, context: Context) -> Iterator[Candidate]:
    """A cue verb with no clausal complement next to a quotation: "He said: “…”", "X told Y:
    “…”", "“…” — said X." The content is the whole quotation, over sentences if it runs on."""
    doc = sent.doc
    for verb in context.verbs(sent):
        rule = context.lexicon.cue(verb.lemma_, "VERB")
        if rule is None or rule.type not in WORDS_TYPES or not rule.complements:
            continue  # "spoke to reporters. “…”": a verb that takes no clause names no words either
        if _has_clausal_complement(verb, rule):
            continue
        subject, passive = find_subject(verb)
        if passive:
            continue
        quoted_speaker = _quoted_speaker(verb, subject)
        if quoted_speaker is not None:
            subject = quoted_speaker[1]
        quote = None
        right_after = _next_token(doc, cue_tokens(verb)[-1].i)
        if right_after is not None and right_after.is_quote:  # the quotation is the object: condemned “…”
            quote = next((q for q in context.quotes if q.start == right_after.idx), None)
        if quote is None:
            clause_end = max(t.i for t in verb.subtree if not (t.is_punct or t.is_space) or t.i == verb.i)
            after = _next_token(doc, clause_end)
            if after is not None and after.text in (":", ",", "—", "–"):
                after = _next_token(doc, after.i)
            quote = quote_at(context.quotes, after.idx) if after is not None else None
        if quote is None or quote.start < verb.idx:
            quote = _quote_before(context.quotes, verb, subject)
        if quote is None or _scare_quote(quote, context.text) or _has_own_content(verb, rule, quote) or _inscription(rule, subject):
            continue
        if subject is not None and quote.start <= subject.idx < quote.end:
            subject = _speaker_outside(verb, quote)  # ", telling the crowd, “Some people …”": the parser's subject is the quotation's
        stranded = char_spans(_subject_before_cue_clause(verb, subject)) if quote.start > verb.idx else []
        yield _candidate("quote_cue", verb, rule, [], subject, sent, context, content=stranded + [_with_quoting_phrase(verb, rule, quote)])


def _speaker_outside(verb: Token, quote: Quote) -> Token | None:
    """The subject of the verb a participle or conjoined cue hangs from, when the parser gave
    the cue a subject inside the quotation it introduces; else no one."""
    if verb.dep_ not in INHERIT_SUBJECT_DEPS or verb.head.i == verb.i or verb.head.pos_ not in VERB_POS:
        return None
    subject, passive = find_subject(verb.head)
    return subject if subject is not None and not passive and not quote.start <= subject.idx < quote.end else None


def _subject_before_cue_clause(verb: Token, speaker: Token | None) -> list[Token]:
    """"An economic downturn, he said, “could be a good time …”": the quoted clause's subject,
    left outside the quotation in front of a cue clause set off by commas (the parser hangs
    the cue from the quoted verb); without it the content is no whole claim."""
    if speaker is None or verb.dep_ != "parataxis" or verb.head.i < verb.i:
        return []
    clause_start = _start_after_comma(verb, speaker)
    if clause_start is None:
        return []
    return [t for c in verb.head.children if c.dep_ in SUBJECT and c.i < clause_start for t in c.subtree]


def _with_quoting_phrase(verb: Token, rule: CueRule, quote: Quote) -> tuple[int, int]:
    """The quotation, or the object phrase it is part of: "admitted “one or two instances”
    where …", "asked actors to act “whiter.”" (the one told, "told CNN “…”", is no part)."""
    objects = [c for c in verb.children if c.i > verb.i and c.dep_ in QUOTING_DEPS and not (rule.addressee and c.dep_ == "dobj")]
    tokens = [t for c in objects for t in c.subtree if not (t.is_punct or t.is_space)]
    if not tokens:
        return quote.start, quote.end
    start, end = span_of(sorted(tokens, key=lambda t: t.i))
    if not (quote.start < end and start < quote.end):  # the phrase is elsewhere
        return quote.start, quote.end
    return min(start, quote.start), max(end, quote.end)


def block_quotations(sent: Span, context: Context) -> Iterator[Candidate]:
    """A speech or writing verb closing its paragraph with a colon, and the next paragraph is
    what was said: "The governor added:" then the paragraph, a block quotation the page set off
    without quote marks (a quoted one is quote_cue's). Also "wrote the following:"."""
    words = [t for t in sent if not t.is_space]
    if not words or words[-1].text != ":":
        return
    colon = words[-1]
    verb = colon.head if colon.head.pos_ == "VERB" else colon.head.head  # "wrote the following:" hangs it from the object
    paragraph = _next_paragraph(colon)
    rule = context.lexicon.cue(verb.lemma_, "VERB")
    if not paragraph or paragraph[0].is_quote or verb.pos_ != "VERB" or rule is None or rule.type not in WORDS_TYPES:
        return
    if _has_clausal_complement(verb, rule) or _names_its_object(verb, rule):
        return
    subject, passive = find_subject(verb)
    if not passive:
        yield _candidate("block_quotation", verb, rule, [], subject, sent, context, content=[span_of(paragraph)])


def _next_paragraph(token: Token) -> list[Token]:
    """The words of the paragraph after the one ``token`` ends (nothing if another line follows
    on the same paragraph break, or the text ends)."""
    rest = token.doc[token.i + 1 :]
    if not len(rest) or not (rest[0].is_space and "\n" in rest[0].text):
        return []
    return [t for t in _to_line_end(rest[0]) if not t.is_space]


POINTING_OBJECTS = {"following", "this", "these"}  # "wrote the following:", "said this:"


def _names_its_object(verb: Token, rule: CueRule) -> bool:
    """"described the plan:" names what was said; "wrote the following:", "said this:" and
    "released the following statement:" point at the paragraph instead."""
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    pointing = lambda o: o.lower_ in POINTING_OBJECTS or any(g.lower_ == "following" for g in o.children)  # noqa: E731
    return not rule.addressee and not all(pointing(o) for o in objects)


def _has_own_content(verb: Token, rule: CueRule, quote: Quote) -> bool:
    """The cue already names what was said, so the quotation next to it is not its content:
    "has not mentioned Machado", "accusing her of …", "spoke out about the death" — an object
    outside the quotation (unless it is the addressee: "told reporters: “…”") or the object of
    one of the rule's prepositions."""
    for child in verb.children:
        outside = not quote.start <= child.idx < quote.end
        if child.dep_ == "dobj" and outside and not rule.addressee:
            return True
        if child.dep_ == "prep" and child.lower_ in rule.prepositions and outside and any(g.dep_ == "pobj" for g in child.children):
            return True
    return False


SHORTEST_QUOTED_STATEMENT = 4  # words; shorter quoted phrases are mostly scare quotes or labels


def _scare_quote(quote: Quote, text: str) -> bool:
    """A few quoted words that do not end a sentence ("calling it “appropriate assistance”")
    name or mock a phrase; they are not what the cue's speaker said. Opening a sentence and
    closing on a comma ("“To a point,” she said.") they are an answer, not a label."""
    body = text[quote.start : quote.end].strip("“”\"'‘’«»` ")
    if len(body.split()) >= SHORTEST_QUOTED_STATEMENT or body.endswith((".", "!", "?")):
        return False
    return not (body.endswith(",") and _opens_sentence(quote, text))


SENTENCE_ENDS = ("\n", ".", "!", "?")


def _opens_sentence(quote: Quote, text: str) -> bool:
    before = text[: quote.start].rstrip(INLINE_SPACE).rstrip("”\"'’»")
    return not before or before.endswith(SENTENCE_ENDS)


def _inside_quote(spans: list[tuple[int, int]], quote: Quote) -> bool:
    return bool(spans) and all(quote.start <= start and end <= quote.end for start, end in spans)


def _phrase_start(head: Token) -> int:
    """Where the noun phrase headed by ``head`` starts ("Ms. Moore", "the senator"), not
    counting punctuation or a quotation the parser hung from it."""
    tokens = [t for t in phrase_tokens(head) if not (t.is_punct or t.is_space)]
    return min((t.i for t in tokens), default=head.i)


def _quote_before(quotes: list[Quote], verb: Token, subject: Token | None) -> Quote | None:
    """A quotation that ends just before the cue clause ("“…,” he said"), in the same
    paragraph, and either in the cue's sentence or closing on a mark that leaves the sentence
    open ("“Why?” he asked"): a quotation that ends a paragraph or a sentence of its own
    ("… and we will win it.” The coach spoke of …") is someone's earlier words."""
    first = min([verb.i] + ([_phrase_start(subject)] if subject is not None else []))
    doc = verb.doc
    index = first - 1
    while index >= 0 and (doc[index].is_punct and doc[index].text not in ("”", '"', "''", "»", "’") or doc[index].is_space):
        if "\n" in doc[index].text:
            return None
        index -= 1
    if index < 0:
        return None
    end = doc[index].idx + len(doc[index].text)
    for quote in quotes:
        if quote.end == end and quote.closed:
            inside = doc.text[quote.start : quote.end].rstrip("”\"'»’ ")
            if quote.end <= verb.sent.start_char and inside.endswith(".") and not _bare_cue_sentence(verb, subject):
                return None
            return quote
    return None


def _bare_cue_sentence(verb: Token, subject: Token | None) -> bool:
    """"“…” The mayor said.": a sentence of nothing but the cue clause, which says nothing of its
    own, so the quotation before it is what was said."""
    own = {t.i for t in subject.subtree} if subject is not None else set()
    own |= {t.i for c in verb.children if c.dep_ in ("aux", "auxpass") or _when(c) or _leading_adverb(c) for t in c.subtree}  # not "did not elaborate"
    return verb.dep_ == "ROOT" and all(t.i == verb.i or t.i in own or t.is_punct or t.is_space for t in verb.sent)


def according_to(sent: Span, context: Context) -> Iterator[Candidate]:
    """"According to X, …", "…, according to X", "X – according to Y's words – …"."""
    for token in sent:
        if token.lower_ != "according":
            continue
        to = next((c for c in token.children if c.lower_ == "to"), None)
        if to is None:
            continue
        target = next((c for c in to.children if c.dep_ == "pobj"), None)
        if target is None:
            continue
        owner = next((c for c in target.children if c.dep_ == "poss"), None)
        source_head = owner if owner is not None and target.lemma_.lower() in ACCORDING_EVIDENCE_NOUNS | {"word"} else target
        head = token.head if token.head.i != token.i else None
        while head is not None and head.dep_ == "conj" and head.i < token.i:  # "A and has B, according to X": both
            head = head.head
        if head is None:
            hung = _clause_hung_from_source(token, target, sent)  # the claim the parser hung inside "to X"
            content_tokens = hung or [t for t in sent if t.i not in {x.i for x in token.subtree}]
        else:
            subject = _subject_in_source(target, head)
            hung = list(subject.subtree) if subject is not None else []
            content_tokens = sorted(hung + subtree_without(head, [token]), key=lambda t: t.i)
        content = char_spans(t for t in content_tokens if not t.is_space)
        if not content:
            continue
        cue_span = (token.idx, to.idx + len(to.text))
        yield Candidate(
            rule="according_to", cue=cue_span, cue_lemma="according to", cue_type="according_to",
            stance="neutral", content=content, source_head=source_head,
            source_tokens=[t for t in phrase_tokens(source_head) if not hung or t.i < hung[0].i - 1] if source_head is not owner else [owner],
            sentence=context.resolver.sentence_of.get(sent.start, 0),
        )


def _subject_in_source(target: Token, verb: Token) -> Token | None:
    """"According to the polls, majorities of voters want …" parsed with "majorities" as a
    conjunct or apposition inside the source's phrase and "want" without a subject: the
    phrase after the comma, running up to the verb, is the claim's subject."""
    if verb.pos_ not in VERB_POS or any(c.dep_ in SUBJECT for c in verb.children) or target.i > verb.i:
        return None
    doc = verb.doc
    for conjunct in target.subtree:
        if conjunct.dep_ not in ("conj", "appos") or conjunct.i > verb.i or doc[conjunct.left_edge.i - 1].text != ",":
            continue
        if conjunct.right_edge.i + 1 == verb.i and not any(c.dep_ == "cc" for c in conjunct.head.children):
            return conjunct
    return None


def _clause_hung_from_source(according: Token, target: Token, sent: Span) -> list[Token]:
    """"According to X, the budget reeks of waste." parsed with "According" as the root and the
    claim hung inside the source's phrase: the words after the comma that ends "to X", when
    "According" opens the sentence and the whole sentence is its phrase."""
    if according.i != sent.start or according.right_edge.i < sent.end - 2:
        return []
    comma = next((t for t in sent.doc[target.i + 1 : sent.end] if t.text == ","), None)
    return [t for t in sent.doc[comma.i + 1 : sent.end] if not t.is_space] if comma is not None else []


def framing_prepositions(sent: Span, context: Context) -> Iterator[Candidate]:
    """A clause framed by a source named in a preposition before it: "In a poll released
    Monday, Clinton led by five points"; a poll's name ("In the Harbor Poll, …") frames the same
    way. The noun's rule lists the prepositions (``frames``).
    A clause whose verb is a cue of its own ("In the survey, most voters said …") is what the
    poll reports, and the voters' attribution nests in it; when a name or pronoun is that
    verb's subject ("In its poll, the institute found …"), the poll is theirs and the clause's
    cue says it. After the verb ("Clinton leads in the latest survey") the phrase mostly tells
    where a number stands, and PolNeAR train marks few of them (6 of 16 in 150 articles)."""
    for preposition in sent:
        head = preposition.head
        if preposition.dep_ != "prep" or preposition.pos_ != "ADP" or head.pos_ not in VERB_POS or preposition.i > head.i:
            continue
        noun = next((c for c in preposition.children if c.dep_ == "pobj"), None)
        rule = context.lexicon.cue(noun.lemma_, "NOUN") if noun is not None and noun.pos_ in ("NOUN", "PROPN") else None
        if rule is None or preposition.lower_ not in rule.frames or _issuer_speaks(head, context):
            continue
        opening = [c for c in head.children if c.dep_ == "cc" and c.i < preposition.i]  # "Yet in a poll, …"
        content = char_spans(t for t in subtree_without(head, [preposition, *opening]) if not t.is_space)
        if not content:
            continue
        yield Candidate(
            rule=f"framing_preposition:{rule.id}", cue=span_of([preposition]), cue_lemma=preposition.lower_,
            cue_type=rule.type, stance=rule.stance, content=content, cue_head=preposition,
            source_head=noun, source_tokens=phrase_tokens(noun),
            sentence=context.resolver.sentence_of.get(sent.start, 0),
        )


def _issuer_speaks(verb: Token, context: Context) -> bool:
    """A cue verb whose subject is a name or a pronoun: the one who ran the poll speaks."""
    if context.lexicon.cue(verb.lemma_, "VERB") is None:
        return False
    subject, _ = find_subject(verb)
    return subject is not None and (subject.pos_ in ("PROPN", "PRON") or subject.ent_type_ in ("ORG", "PERSON"))


def noun_cues(sent: Span, context: Context) -> Iterator[Candidate]:
    """A cue noun with a that-clause: "X's claim that …", "the statement from X that …"; a noun
    with a subject is a verb the tagger misread ("Trump claims that …")."""
    for noun in sent:
        if noun.pos_ != "NOUN":
            continue
        rule = context.lexicon.cue(noun.lemma_, "NOUN")
        if rule is None:
            continue
        clauses = [c for c in noun.children if _that_clause(c)]
        if not clauses:
            continue
        source_head = next((c for c in noun.children if c.dep_ in ("poss", "nsubj")), None) or _misread_subject(noun)
        if source_head is None:
            for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("from", "by", "of")):
                source_head = next((g for g in prep.children if g.dep_ == "pobj"), None)
        content_tokens = [t for c in clauses for t in c.subtree]
        verb = _verb_framing(noun)
        subject = find_subject(verb)[0] if verb is not None else None
        if subject is not None and source_head is not None and _own_claim(source_head, subject):
            source_head = None  # "Lee reiterated his claim that …": Lee's claim, with the verb in the cue
        if source_head is None and verb is not None:  # "officials voiced concern that …", "said in a statement that …": the verb's subject, and the verb in the cue
            candidate = _candidate("noun_cue", noun, rule, content_tokens, subject, sent, context)
            candidate.cue = (_framed_cue_start(noun, verb, context), candidate.cue[1])
            yield candidate
            continue
        yield _candidate("noun_cue", noun, rule, content_tokens, source_head, sent, context)


CLAIM_PREPOSITIONS = {"in", "with", "to", "at", "about", "on"}  # not "after / amid / over allegations": when, not whose


def _verb_framing(noun: Token) -> Token | None:
    """The verb whose object the cue noun is ("voiced concern that …") or that takes it
    through a preposition ("said in a statement that …", "responded to reports that …",
    "bristled at the suggestion that …")."""
    if noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
        return noun.head
    prep = noun.head
    if noun.dep_ == "pobj" and prep.dep_ == "prep" and prep.lower_ in CLAIM_PREPOSITIONS and prep.head.pos_ == "VERB" and prep.head.i < prep.i:
        return prep.head
    return None


OWNER_PRONOUNS = {"his": ("he", False), "her": ("she", False), "their": ("they", True)}  # the subject pronoun, plural


def _own_claim(owner: Token, subject: Token) -> bool:
    """"Lee reiterated his claim that …", "she doubled down on her claim that …": a possessive
    pronoun that agrees with the verb's named or pronoun subject is that subject, and the
    verb is part of the cue (PolNeAR marks "reiterated his claim")."""
    if owner.lower_ not in OWNER_PRONOUNS or subject.dep_ == "nsubjpass":
        return False
    pronoun, plural = OWNER_PRONOUNS[owner.lower_]
    if subject.pos_ == "PRON":
        return subject.lower_ == pronoun
    named = subject.pos_ == "PROPN" or subject.ent_type_ == "PERSON"
    return named and plural == (subject.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subject.children))


def _framed_cue_start(noun: Token, verb: Token, context: Context) -> int:
    """Where a cue noun's cue starts: at the verb's cue ("voiced concern", "said in a
    statement"), or at the preposition when the verb says nothing ("marched in the hope that
    …") or stands apart from it ("spoke with the senator about reports that …")."""
    verb_cue = cue_tokens(verb)
    if noun.dep_ == "pobj" and (context.lexicon.cue(verb.lemma_, "VERB") is None or noun.head.i != verb_cue[-1].i + 1):
        return noun.head.idx
    return verb_cue[0].idx


def _misread_subject(noun: Token) -> Token | None:
    """"Trump claims that …" parsed as a noun phrase, the name a compound of "claims": a plural
    noun with no determiner, the name right before it, is a verb with its subject."""
    if noun.tag_ != "NNS" or any(c.dep_ in ("det", "poss", "amod", "nummod") for c in noun.children):
        return None
    return next((c for c in noun.children if c.dep_ == "compound" and c.i == noun.i - 1 and c.pos_ == "PROPN"), None)


def colon_quotes(sent: Span, context: Context) -> Iterator[Candidate]:
    """A headline, lead or transcript line "Name: what they said" (up to four proper nouns,
    an upper-case speaker label as in "WALLACE: …", or a reporting noun: "Poll: …"); the
    content runs to the end of the line."""
    tokens = [t for t in sent if not t.is_space]
    while tokens and tokens[0].is_quote:
        tokens = tokens[1:]
    for position, token in enumerate(tokens[:6]):
        if token.text != ":":
            continue
        before, after = tokens[:position], [t for t in _to_line_end(token) if not t.is_space]
        if not before or len(before) > 4 or len(after) < 3 or _section_label(before, context):
            return
        known = _named_elsewhere(before, context) or _claim_noun_label(before, context) or _headline_speaker(before, after, context)
        if not known and not all(t.pos_ == "PROPN" or _speaker_label(t) for t in before):
            return
        named = known or any(t.ent_type_ in ("PERSON", "ORG") for t in before)  # a name the tagger runs past the colon too
        located = any(e.label_ == "GPE" for e in sent.ents if e.end <= token.i)  # "WASHINGTON:" is a dateline
        if not (named or (all(_speaker_label(t) for t in before) and not located)):
            return
        content = char_spans(after)
        if content:
            yield _punctuation_cue("colon_quote", (token.idx, token.idx + 1), ":", content, _label_speaker(before), sent, context)
        return


LABEL_FUNCTION_POS = {"DET", "ADP", "AUX", "PART", "CCONJ", "PUNCT"}


def _section_label(words: list[Token], context: Context) -> bool:
    """"UPDATE:", "Editor's note:", "STAT OF THE WEEK:": a label that opens a section of the
    page, every word of it but the function words a section word of the lexicon; it names
    no speaker."""
    labels = context.lexicon.source_kind_words("section_label")
    content = [t for t in words if t.pos_ not in LABEL_FUNCTION_POS]
    return bool(content) and all(t.lower_ in labels for t in content)


def _claim_noun_label(words: list[Token], context: Context) -> bool:
    """"Poll: Clinton Leads …", "New Report: …": a capitalised label ending on a noun that
    reports (a noun cue: poll, survey, report, study …) speaks for what follows."""
    return all(t.text[:1].isupper() for t in words) and context.lexicon.cue(words[-1].lemma_, "NOUN") is not None


LABEL_POS = {"PROPN", "NOUN", "ADJ", "DET", "ADP", "PART", "NUM"}


def _headline_speaker(words: list[Token], after: list[Token], context: Context) -> bool:
    """"Party insiders: Lee will win", "Lee campaign: …", "Lee to voters: …": a line opening
    on a noun phrase (no verb in it) that names someone (a person, organisation or group, or
    a noun for a source: insiders, newspaper, spokesman) and a colon, with a clause after it,
    gives what the phrase says. Section labels ("Correction:", "Breaking:") name no one."""
    speaker = _label_speaker(words)
    if not (words[0].text[:1].isupper() and speaker and all(t.pos_ in LABEL_POS for t in words) and words[-1].pos_ in ("PROPN", "NOUN")):
        return False
    if not any(t.pos_ in VERB_POS for t in after) or (words[0].i > 0 and "\n" not in words[0].doc[words[0].i - 1].text):
        return False
    names = any(t.ent_type_ in ("PERSON", "ORG", "NORP") for t in speaker)
    return names or any(speaker[-1].lemma_.lower() in context.lexicon.source_kind_words(kind) for kind in ("anonymous", "media", "nominal"))


def _label_speaker(words: list[Token]) -> list[Token]:
    """The speaker in a colon label, without the one spoken to or about: "Lee to voters"."""
    return words[: next((i for i, t in enumerate(words) if i and t.pos_ == "ADP" and t.lower_ != "of"), len(words))]


def _named_elsewhere(words: list[Token], context: Context) -> bool:
    """"Pence: …" in a headline the model does not tag: the name of a person the article
    mentions elsewhere ("Mike Pence"), or a full name whose surname it mentions ("Ann Lee:" and
    "Lee said"). Places are left out: "WASHINGTON:" is a dateline."""
    text = " ".join(t.text for t in words)
    full_name = len(words) > 1 and all(t.pos_ == "PROPN" for t in words)
    return any(
        m.name == text or m.name.endswith(" " + text) or (full_name and text.endswith(" " + m.name))
        for m in context.resolver.mentions if m.label == "PERSON"
    )


def _speaker_label(token: Token) -> bool:
    return token.is_alpha and token.is_upper and len(token.text) > 1


def _to_line_end(token: Token) -> list[Token]:
    """The tokens after ``token`` up to the end of its line (paragraph)."""
    out = []
    for following in token.doc[token.i + 1 :]:
        if following.is_space and "\n" in following.text:
            break
        out.append(following)
    return out


SIGNATURE_DASHES = ("―", "—", "–", "--")


def dash_signatures(sent: Span, context: Context) -> Iterator[Candidate]:
    """A quotation signed after a dash at the end of its line: "“…” ― Sonya Herridge", also
    with the dash glued to the closing mark ("“…”― Name", one token for the tokenizer)."""
    doc = sent.doc
    for token in sent:
        glued = len(token.text) == 2 and token.text[0] in GLUED_CLOSERS and token.text[1] in SIGNATURE_DASHES
        if token.text not in SIGNATURE_DASHES and not glued:
            continue
        before = token if glued else _previous_token(doc, token.i)
        name = [t for t in _to_line_end(token) if not (t.is_space or t.text in (".", ","))]
        if before is None or not before.is_quote and not glued or not name or len(name) > 4 or not all(t.pos_ == "PROPN" for t in name):
            continue
        quote_end = token.idx + 1 if glued else before.idx + len(before.text)
        quote = next((q for q in context.quotes if q.end == quote_end and q.closed), None)
        if quote is None:
            continue
        dash = (token.idx + len(token.text) - 1, token.idx + len(token.text)) if glued else (token.idx, token.idx + len(token.text))
        candidate = _punctuation_cue("dash_signature", dash, token.text[-1], [(quote.start, quote.end)], name, sent, context)
        candidate.open_ended = False  # the signature closes the quotation; the next one is someone else's
        yield candidate


GLUED_CLOSERS = "”\"’»"


def _punctuation_cue(rule_name: str, cue: tuple[int, int], mark: str, content: list[tuple[int, int]], source: list[Token],
                     sent: Span, context: Context) -> Candidate:
    """A speech attribution whose cue is a punctuation mark (":" after a name, a signing dash)."""
    return Candidate(
        rule=rule_name, cue=cue, cue_lemma=mark, cue_type="speech", stance="neutral",
        content=content, source_head=source[-1], source_tokens=source, sentence=context.resolver.sentence_of.get(sent.start, 0),
    )


def _candidate(rule_name: str, cue: Token, rule: CueRule, content_tokens: list[Token], source_head: Token | None,
               sent: Span, context: Context, content: list[tuple[int, int]] | None = None) -> Candidate:
    cue_toks = cue_tokens(cue, context.lexicon)
    skip = {t.i for t in cue_toks}
    spans = content if content is not None else char_spans(t for t in content_tokens if t.i not in skip)
    in_content = lambda t: any(s <= t.idx < e for s, e in spans)  # noqa: E731
    clause = [t for t in cue.subtree if t.i >= cue.i and not in_content(t) and not (t.is_punct or t.is_space)]
    return Candidate(
        rule=f"{rule_name}:{rule.id}",
        cue=span_of(cue_toks), cue_lemma=cue.lemma_.lower(), cue_type=rule.type, stance=rule.stance,
        content=spans, cue_head=cue,
        source_head=source_head,
        source_tokens=phrase_tokens(source_head, outside=cue, without=_relays(source_head, context)) if source_head is not None else [],
        addressee=addressee_of(cue, rule) if cue.pos_ in VERB_POS else None,
        sentence=context.resolver.sentence_of.get(sent.start, 0),
        clause_end=max(t.idx + len(t.text) for t in clause) if clause else cue.idx + len(cue.text),
    )


def parenthetical_cues(sent: Span, context: Context) -> Iterator[Candidate]:
    """A cue clause set off by commas inside the claim it reports: "A majority, Mr. Obama
    said, have come to believe …", "But to prevent problems, he said, officials should …".
    The parser hangs the cue from the claim's verb (parataxis); the content is the claim
    without the cue clause, and with any phrase in front of the speaker that the parser hung
    from the cue ("After the vote, Lee said, talks …")."""
    doc = sent.doc
    for verb in context.verbs(sent):
        if verb.dep_ != "parataxis":
            continue
        rule = context.lexicon.cue(verb.lemma_, "VERB")
        if rule is None or rule.type == "according_to":
            continue
        if _has_clausal_complement(verb, rule):
            continue
        subject, passive = find_subject(verb)
        if subject is None or passive:
            continue
        fronted = {t.i for t in _adjuncts_before_speaker(verb, subject, context.lexicon)}  # "After the vote, | Lee said, …"
        clause = [t for t in cue_clause(verb) if t.i not in fronted]
        before = _previous_token(doc, clause[0].i)
        after = _next_token(doc, clause[-1].i)
        if clause[0].is_punct:
            before = clause[0]
        if clause[-1].is_punct:
            after = clause[-1]
        if before is None or before.text not in SET_OFF_MARKS or after is None or after.text not in (*SET_OFF_MARKS, "."):
            continue
        inside = {t.i for t in clause} | {t.i for c in verb.head.children if c.i < clause[0].i and _how_said(c, context.lexicon) for t in c.subtree}
        content_tokens = [t for t in verb.head.subtree if t.i not in inside]
        yield _candidate("parenthetical_cue", verb, rule, content_tokens, subject, sent, context)


LEARNED_ARGUMENT_DEPS = ("ccomp", "xcomp", "dobj")  # in this order of preference; then a prepositional object, a passive subject


def verb_argument(verb: Token) -> tuple[str, list[Token], Token | None] | None:
    """What a verb the rules did not claim might attribute: its clausal complement, else its
    object, else the object of a preposition right after it, else the subject of a passive
    ("the deal was rejected by Congress", the agent its source), unless that is a pronoun.
    (dependency, tokens, preposition)."""
    later = [c for c in verb.children if c.i > verb.i]
    for dep in LEARNED_ARGUMENT_DEPS:
        child = next((c for c in later if c.dep_ == dep), None)
        if child is not None:
            told = [t for c in later if c.dep_ == "dobj" and c.i < child.i for t in c.subtree]  # "asked the court to intervene"
            return dep, told + list(child.subtree), None
    for prep in (c for c in later if c.dep_ == "prep"):
        objects = [g for g in prep.children if g.dep_ in ("pobj", "pcomp")]
        between = verb.doc[verb.i + 1 : prep.i]
        timed = any(o.ent_type_ in TIME_LABELS for o in objects)  # "called at noon"
        if objects and not timed and all(t.pos_ in ("ADV", "PART") for t in between):  # "looked closely at", not "looked, for once, at"
            return "prep", [t for o in objects for t in o.subtree], prep
    subject = _passive_subject(verb)
    if subject is not None and subject.tag_ not in PRONOUN_TAGS and subject.lower_ != "that":  # not "which was rejected"
        return PASSIVE_SUBJECT, list(subject.subtree), None
    return None


def _passive_subject(verb: Token) -> Token | None:
    """The passive subject in front of the verb: "the plan" in "the plan was rejected"."""
    return next((c for c in verb.children if c.dep_ == PASSIVE_SUBJECT and c.i < verb.i), None)


def _kept_by_cue_model(verb: Token, context: Context) -> VerbReading | None:
    """The verb's reading when the cue model keeps it as a cue of its own, else None."""
    model = context.lexicon.cue_model
    reading = read_verb(verb) if model is not None and model.threshold < 1 else None
    return reading if reading is not None and model.probability(reading.features) >= model.threshold else None


LONGEST_CLAUSE_BUCKET = 6  # clause length is a feature in buckets of five tokens, the last open-ended


def verb_features(verb: Token, dep: str, preposition: Token | None, source: Token | None, passive: bool) -> list[str]:
    """The named features the cue model weighs: the verb's lemma alone and with the argument's
    dependency, preposition, kind of subject and the verb's own dependency; tag and dependency;
    the subject's lemma and kind (entity type, pronoun, part of speech), the kind also with the
    argument's dependency; passive; clause length."""
    lemma = verb.lemma_.lower()
    if source is None:
        kind = "none"
    elif source.pos_ == "PRON":
        kind = "PRON:" + source.lower_
    else:
        kind = source.ent_type_ or source.pos_
    features = [
        "bias", f"lemma={lemma}", f"lemma_dep={lemma}_{dep}", f"dep={dep}", f"tag={verb.tag_}", f"verb_dep={verb.dep_}",
        f"subject={kind}", f"lemma_subject={lemma}_{'PRON' if kind.startswith('PRON:') else kind}", f"passive={passive}",
        f"dep_subject={dep}_{kind}", f"lemma_verb_dep={lemma}_{verb.dep_}",
        f"clause_length={min(sum(1 for _ in verb.subtree) // 5, LONGEST_CLAUSE_BUCKET)}",
    ]
    if preposition is not None:
        features.append(f"lemma_prep={lemma}_{preposition.lower_}")
    if source is not None:
        features.append(f"subject_lemma={source.lemma_.lower()}")
    return features


class VerbReading(NamedTuple):
    """A verb read as a possible cue: its argument, subject and the model's features."""
    dep: str
    tokens: list[Token]
    preposition: Token | None
    source_head: Token | None
    features: list[str]


def read_verb(verb: Token) -> VerbReading | None:
    argument = verb_argument(verb) if verb.pos_ == "VERB" else None
    if argument is None:
        return None
    dep, tokens, preposition = argument
    subject, passive = find_subject(verb)
    source_head = agent(verb) if passive else subject or _stranded_subject(verb)
    if source_head is not None and any(t.i == source_head.i for t in tokens):
        return None  # "“…,” opined the Plain Dealer": its speaker is no argument of its own
    return VerbReading(dep, tokens, preposition, source_head, verb_features(verb, dep, preposition, source_head, passive))


def learned_verb_cues(sent: Span, context: Context) -> Iterator[Candidate]:
    """Any other verb with an argument, kept when the cue model scores it high enough:
    "Trump is defending his tweets", "Republicans are slamming Kaine". PolNeAR annotates such
    stances by the thousand, too many verbs and too dependent on context for a list. Runs
    after the rule constructions, which keep the verbs they claim."""
    model = context.lexicon.cue_model
    if model is None or model.threshold >= 1:
        return
    for verb in context.verbs(sent):
        reading = _kept_by_cue_model(verb, context)
        if reading is None or _statement_cue_after(verb, context):
            continue
        known = context.lexicon.cue(verb.lemma_, "VERB")
        rule = CueRule(id=model.id, lemma=verb.lemma_.lower(), pos="VERB", type=known.type if known else model.type,
                       stance=known.stance if known else "neutral", complements=(reading.dep,), addressee=False,
                       source=model.source, file=model.file)
        rest_after = [verb] if reading.dep == PASSIVE_SUBJECT else reading.tokens  # "Lee was criticized for …": what follows goes with Lee
        tokens = reading.tokens + clause_rest(verb, rest_after, context.lexicon)
        passive_subject = _passive_subject(verb) if reading.dep != PASSIVE_SUBJECT else None
        if passive_subject is not None:  # "Rubio was asked to name …": the one asked is part of what is reported
            tokens = list(passive_subject.subtree) + tokens
        candidate = _candidate("learned_cue", verb, rule, tokens, reading.source_head, sent, context)
        if any(_scare_quote(q, context.text) and _inside_quote(candidate.content, q) for q in context.quotes):
            continue  # tweeted “fake news”: a label, not a statement
        if reading.preposition is not None:
            candidate.cue = (candidate.cue[0], reading.preposition.idx + len(reading.preposition.text))
        carried = _carried_on_verb(verb) if reading.dep == "xcomp" else None
        if carried is not None:  # "continued to portray X as …": the cue runs to the verb carried on
            candidate.cue = (candidate.cue[0], carried.idx + len(carried.text))
            candidate.content = char_spans(t for t in tokens if t.i > carried.i)
        light = _light_verb_object(verb, context.lexicon) if reading.dep == "dobj" else None
        if light is not None:  # "expressed doubts about the plan": the cue runs to the preposition
            head, content_tokens = light
            candidate.cue = (candidate.cue[0], head.idx + len(head.text))
            candidate.content = char_spans(content_tokens)
        yield candidate


def _statement_cue_after(verb: Token, context: Context) -> bool:
    """"issued a statement expressing …": the participle is the cue, and the issuing verb
    part of it, when the participle is a cue verb or one the model keeps."""
    statements = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in CUE_STATEMENT_NOUNS]
    participles = [c for s in statements for c in s.children if c.dep_ == "acl"] + [c for c in verb.children if c.dep_ == "advcl"]
    return any(getattr(_statement_issuer(p), "i", None) == verb.i and (context.lexicon.cue(p.lemma_, "VERB") is not None or _kept_by_cue_model(p, context) is not None)
               for p in participles)


CATENATIVE_VERBS = {"continue", "try", "attempt"}  # PolNeAR train: the gold cue takes "to V" 15 of 15, 6 of 7, 4 of 6 times


def _carried_on_verb(verb: Token) -> Token | None:
    """"continued to portray", "tried to paint": the infinitive right after a verb that only
    carries it on, which PolNeAR marks as part of the cue, its object the content."""
    if verb.lemma_.lower() not in CATENATIVE_VERBS:
        return None
    infinitive = next((c for c in verb.children if c.dep_ == "xcomp" and c.i == verb.i + 2 and c.pos_ == "VERB"), None)
    if infinitive is None or verb.doc[verb.i + 1].lower_ != "to":
        return None
    return infinitive if any(t.i > infinitive.i for t in infinitive.subtree) else None


LIGHT_VERB_PREPOSITIONS = {"about", "of", "on", "over", "with"}  # not "in Politico", "to co-workers": where, to whom


def _light_verb_object(verb: Token, lexicon: Lexicon) -> tuple[Token, list[Token]] | None:
    """A verb whose object is a claim noun with a preposition or clause of its own: "expressed
    doubts about the plan", "made no mention of the vote", "shared their concerns over …". The
    noun and its preposition are part of the cue, as PolNeAR marks them; what follows is the
    content. (The last cue word, the content's tokens.)"""
    noun = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    rule = lexicon.cue(noun.lemma_, "NOUN") if noun is not None and noun.pos_ == "NOUN" else None
    if rule is None or rule.frames:
        return None
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in LIGHT_VERB_PREPOSITIONS:
            objects = [t for g in child.children if g.dep_ in ("pobj", "pcomp") for t in g.subtree]
            return (child, objects) if objects else None
        if _that_clause(child):
            return noun, list(child.subtree)
    return None


SENTENCE_CONSTRUCTIONS = (quoted_as_saying, relayed_by, citing, speech_verb_clauses, prepositional_cues, inverted_clauses, fronted_fragments, closing_cue_clauses, adjective_cues, short_answers, reportative_adverbs, as_clauses, quote_cue, block_quotations, according_to, framing_prepositions, noun_cues, colon_quotes,
                          parenthetical_cues, dash_signatures, learned_verb_cues)
