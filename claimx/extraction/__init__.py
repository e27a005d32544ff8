"""From a parsed Doc to plain attribution and hedge records (dicts, offsets into doc.text).

``extract_doc`` runs the sentence constructions, then the document-level steps in order:
quotations widen contents, split quotes join, floating quotes attach, nesting, hedges.
"""
from __future__ import annotations

from typing import Any

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Token

from ..hedges import HedgeMatcher, Marker, anchor, is_ancestor
from ..lexicon import Lexicon, NotCue
from .attributions import INLINE_SPACE, SENTENCE_CONSTRUCTIONS, WORDS_TYPES, Candidate, Context
from .quotes import Quote, find_quotes
from .sources import Resolver, written_extent

Spans = list[tuple[int, int]]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _inside(a: tuple[int, int], spans: Spans) -> bool:
    return any(s <= a[0] and a[1] <= e for s, e in spans)


def _merge(spans: Spans) -> Spans:
    out: Spans = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


REPORTED_TYPES = {"speech", "writing", "according_to"}
FIRST_PERSON = {"i", "we", "you"}
READER = {"you"}


def _speakers_own_words(candidate: Candidate, quotes: list[Quote]) -> bool:
    """Inside a (closed) quotation everything is the quoted speaker's words, part of the
    quote's content: "“The board told us the plant would close,” the mayor said" is one
    attribution; after a mark left open only mental states are dropped, as it may be a typo.
    Outside one, a writer's "I think …" / "we want …" is an attribution PolNeAR marks (the
    writer as source), but "you know", "if you think …" address the reader. PolNeAR dev marks
    9 of the 70 attributions this drops inside quotations. A speaker label ("WALLACE: …") is
    no one's words but the transcript's, also inside the quotation a transcript is given in."""
    if candidate.rule.startswith("colon_quote"):
        return False
    inside = any(q.start < candidate.cue[0] < q.end for q in quotes)
    closed = any(q.closed and q.start < candidate.cue[0] < q.end for q in quotes)  # a mark left open may be a mismatch
    speaker = candidate.source_head.lower_ if candidate.source_head is not None else None
    mental = candidate.cue_type not in REPORTED_TYPES
    return closed or (inside and (mental or speaker in FIRST_PERSON)) or (mental and speaker in READER)


IMPERATIVE_BLOCKERS = {"nsubj", "nsubjpass", "csubj", "expl", "aux", "auxpass"}


def addresses_the_reader(verb: Token) -> bool:
    """An imperative is the writer talking to the reader, not a report: "Imagine she wins",
    "Don't forget that …", "Tell me this is fair" (a bare verb heading its sentence with no
    subject or auxiliary; "do n't" is the imperative's own negation)."""
    if verb.tag_ != "VB" or verb.dep_ != "ROOT":
        return False
    return not any(c.dep_ in IMPERATIVE_BLOCKERS and c.lower_ != "do" for c in verb.children)


def set_phrases(doc: Doc, phrases: list[NotCue]) -> set[int]:
    """Indices of the tokens inside a set phrase that attributes nothing ("it goes without
    saying", "let's say"); a word matches a token's lower-case text or lemma."""
    inside: set[int] = set()
    if not phrases or not len(doc):
        return inside
    strings = doc.vocab.strings
    by_first: dict[int, list[NotCue]] = {}
    for phrase in phrases:
        by_first.setdefault(strings.add(phrase.words[0]), []).append(phrase)
    # only tokens whose text or lemma is a first word are looked at (string hashes, no Token objects)
    for i, (lower, lemma) in enumerate(doc.to_array([LOWER, LEMMA]).tolist()):
        for phrase in by_first.get(lower, []) + (by_first.get(lemma, []) if lemma != lower else []):
            end = i + len(phrase.words)
            if end > len(doc) or not all(t.lower_ == w or t.lemma_.lower() == w for t, w in zip(doc[i:end], phrase.words)):
                continue
            if phrase.clause_start and not _opens_clause(doc[i]):
                continue
            inside.update(range(i, end))
    return inside


def _opens_clause(token: Token) -> bool:
    """First in its sentence, or after a punctuation mark or a conjunction ("…; that said, …")."""
    previous = next((t for t in reversed(token.doc[token.sent.start : token.i]) if not t.is_space), None)
    return previous is None or previous.is_punct or previous.pos_ == "CCONJ"


def extend_past_colon(candidate: Candidate, text: str) -> None:
    """"She said she has one quality: “Steadiness.”" — a content after its cue that stops at a
    colon goes on to the end of the line: the colon introduces more of the same claim."""
    if not candidate.content or candidate.content[0][0] < candidate.cue[1]:
        return
    colon = candidate.content[-1][1]
    while colon < len(text) and text[colon] in INLINE_SPACE:
        colon += 1
    if colon >= len(text) or text[colon] != ":":
        return
    newline = text.find("\n", colon)
    line_end = len(text) if newline < 0 else newline
    while line_end > colon + 1 and not (text[line_end - 1].isalnum() or text[line_end - 1] in LINE_END_MARKS):
        line_end -= 1
    start = colon + 1
    while start < line_end and text[start].isspace():
        start += 1
    if start < line_end:
        candidate.content = _merge(candidate.content + [(start, line_end)])
        candidate.extra_rules.append("past_colon")


LINE_END_MARKS = ".!?”\"'’»"


def _last_word(candidate: Candidate, doc: Doc) -> Token | None:
    """The token the content's last span ends on."""
    end = candidate.content[-1][1]
    last = doc.char_span(end - 1, end, alignment_mode="expand")
    return last[-1] if last is not None else None


def extend_over_split_sentence(candidate: Candidate, doc: Doc) -> None:
    """"Officials said she felt the talks | failed badly.": the parser ends a sentence on a
    word, with no full stop and no line break before the next one, where it lost its way in
    the middle of a sentence. A content after its cue that ends there goes on to the end of
    the next sentence."""
    if not candidate.content or candidate.content[0][0] < candidate.cue[1]:
        return
    word = _last_word(candidate, doc)
    if word is None or not (word.is_alpha or word.like_num):
        return
    sentence = word.sent
    if any(not t.is_space for t in doc[word.i + 1 : sentence.end]) or sentence.end >= len(doc) or "\n" in doc.text[word.idx : doc[sentence.end].idx]:
        return
    words = [t for t in doc[sentence.end].sent if not (t.is_punct or t.is_space)]
    if words:
        candidate.content[-1] = (candidate.content[-1][0], words[-1].idx + len(words[-1].text))
        candidate.extra_rules.append("split_sentence")


def without_trailing_according(candidate: Candidate, candidates: list[Candidate], text: str) -> None:
    """"Lee told aides the plan had failed, according to two people …": an "according to"
    phrase closing the content is another attribution's cue and source, which passes this
    whole claim on; it is no part of the content."""
    if not candidate.content:
        return
    start, end = candidate.content[-1]
    for other in candidates:
        if other is candidate or not other.rule.startswith("according_to") or not other.source_tokens:
            continue
        stop = max(other.cue[1], max(t.idx + len(t.text) for t in other.source_tokens))
        if start < other.cue[0] < end and not text[stop:end].strip(TRAILING_MARKS):
            cut = other.cue[0]
            while cut > start and (text[cut - 1].isspace() or text[cut - 1] in TRAILING_MARKS):
                cut -= 1
            candidate.content[-1] = (start, cut)
            return


TRAILING_MARKS = " ,;.()\u2014\u2013-"
CONJUNCTIONS = {"and", "or", "but", "nor"}


def source_without_circumstances(candidate: Candidate, cue_heads: set[int]) -> None:
    """What closes the source after a comma but says what the speaker did, not who they are,
    is left out, as PolNeAR marks it: a relative clause that is an attribution of its own
    ("O'Donnell, who said in an interview that …, recalled …": about 15 of 16 in 150 train
    articles) and a participle ("Trump, speaking to a veterans group, said …"). A relative
    clause that only describes stays ("Ms. Lee, who chairs the panel, said")."""
    tokens = candidate.source_tokens
    ids = {t.i for t in tokens}
    for token in tokens:
        attributing = token.dep_ == "relcl" and token.i in cue_heads
        circumstance = token.dep_ == "acl" and token.tag_ in ("VBG", "VBN")
        if not (attributing or circumstance) or token.head.i not in ids:
            continue
        clause = [t.i for t in token.subtree]
        comma = min(clause) - 1
        if comma in ids and token.doc[comma].text == "," and all(i in clause or i <= comma or token.doc[i].is_punct for i in ids):
            candidate.source_tokens = [t for t in tokens if t.i < comma]
            return


def extend_over_conjunction(candidate: Candidate, doc: Doc, lexicon: Lexicon, cue_heads: set[int]) -> None:
    """"… promising to support and in many cases expand the programs": a content ending on a
    conjunction lost its second conjunct to the parser, which hung it higher up (from the
    cue's own verb); the content goes on to the end of that conjunct, unless the conjunct is
    a cue of its own ("outlined her budget and vowed to …": a second claim, not more of this
    one), and then the conjunction is left out."""
    conjunction = _last_word(candidate, doc) if candidate.content else None
    if conjunction is None or conjunction.dep_ != "cc" or conjunction.lower_ not in CONJUNCTIONS:
        return
    following = next((t for t in doc[conjunction.i + 1 : conjunction.sent.end] if not t.is_space), None)
    if following is None:
        return
    conjunct = following
    while conjunct.dep_ != "conj" and conjunct.head.i != conjunct.i and conjunct.head.i > conjunction.i:
        conjunct = conjunct.head
    if conjunct.dep_ != "conj":
        return
    if conjunct.i in cue_heads or lexicon.cue(conjunct.lemma_, "VERB") is not None:
        before = next((t for t in reversed(doc[: conjunction.i]) if not (t.is_punct or t.is_space)), None)
        if before is not None and before.idx >= candidate.content[-1][0]:  # the conjunction joins the next claim: it ends this span
            candidate.content[-1] = (candidate.content[-1][0], before.idx + len(before.text))
        return
    words = [t for t in conjunct.subtree if t.i > conjunction.i and not (t.is_punct or t.is_space)]
    if words:
        candidate.content = _merge(candidate.content[:-1] + [(candidate.content[-1][0], max(t.idx + len(t.text) for t in words))])
        candidate.extra_rules.append("second_conjunct")


def widen_to_quotes(candidate: Candidate, quotes: list[Quote]) -> None:
    """A content that overlaps a quotation takes all of it, unless the quotation holds the cue."""
    spans = list(candidate.content)
    for quote in quotes:
        q = (quote.start, quote.end)
        if _overlaps(q, candidate.cue) or not any(_overlaps(q, s) for s in spans):
            continue
        spans = [(min(s, q[0]), max(e, q[1])) if _overlaps(q, (s, e)) else (s, e) for s, e in spans]
    candidate.content = _merge(spans)


def join_split_quote(candidate: Candidate, quotes: list[Quote], text: str) -> None:
    """“A,” he said, “B.” — one attribution whose content has two parts: the quotation on the
    other side of the cue clause joins it. After the cue: the quotation right after the cue and
    source (or the cue's whole clause), or, when the first part stops at a comma or dash
    ("“A,”"), the next quotation in the same sentence. Before the cue: a quotation that stops at
    a comma or dash, when the content is a quotation ("“A,” he told the paper, “B.”"). A title
    the cue clause names ("he said on CNN's “State of the Union.”") is neither part."""
    if not candidate.content:
        return
    core = [candidate.cue] + [(t.idx, t.idx + len(t.text)) for t in candidate.source_tokens]
    core_start, core_end = min(s for s, _ in core), max(e for _, e in core)
    if candidate.content[-1][1] <= candidate.cue[0]:
        for after in sorted({core_end, max(core_end, candidate.clause_end)}):
            position = after
            while position < len(text) and text[position] in SPLIT_GAP:
                position += 1
            quote = next((q for q in quotes if q.start == position), None)
            if quote is not None and "\n" not in text[after:position] and not _overlaps((quote.start, quote.end), candidate.cue) and not _is_title(quote, text):
                _join(candidate, (quote.start, quote.end))
                return
        first = next((q for q in quotes if q.end == candidate.content[-1][1] and q.closed), None)
        titles = [q for q in quotes if q.start >= core_end and _is_title(q, text)]
        second = next((q for q in quotes if q.start >= core_end and q not in titles), None)
        if first is not None and second is not None and _ends_open(first, text):
            gap = text[core_end : second.start]
            for title in (t for t in titles if t.end <= second.start):  # "said on CNN's “This Week,” “B”": the title is gap too
                gap = gap.replace(text[title.start : title.end], "", 1)
            if len(gap) <= LONGEST_SPLIT_GAP and not any(mark in gap for mark in "\n.!?"):
                _join(candidate, (second.start, second.end))
    elif candidate.content[0][0] >= candidate.cue[1] and any(q.start == candidate.content[0][0] for q in quotes):
        position = core_start
        while position > 0 and text[position - 1] in SPLIT_GAP:
            position -= 1
        quote = next((q for q in quotes if q.end == position and q.closed), None)
        if quote is not None and "\n" not in text[position:core_start] and _ends_open(quote, text):
            _join(candidate, (quote.start, quote.end))


LONGEST_SPLIT_GAP = 120  # characters of cue clause between the two parts ("he told reporters on Friday, ")
SPLIT_GAP = " ,;:—–-."


TITLE_WORDS = {"the", "a", "an", "of", "and", "to", "in", "on", "for", "with"}


def _is_title(quote: Quote, text: str) -> bool:
    """A programme or book the cue clause names ("said on NBC's ''Meet the Press.''"): a few
    capitalised words in quotation marks right after a possessive or "on"; no second part of
    what was said."""
    words = text[quote.start : quote.end].strip("“”‘’\"'`«»‹› .,").split()
    before = _word_before(text, quote.start)
    named_after = before.endswith(("'s", "’s")) or before.lower() == "on"
    return named_after and 0 < len(words) <= 5 and all(w[:1].isupper() or w.lower() in TITLE_WORDS for w in words)


def _word_before(text: str, position: int) -> str:
    """The last whitespace-delimited word before ``position`` ("" at the start), read
    backwards: no copy of the text before it, which is most of the document."""
    end = position
    while end > 0 and text[end - 1].isspace():
        end -= 1
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:end]


def _ends_open(quote: Quote, text: str) -> bool:
    """The quotation stops mid-sentence: a comma or dash just inside its closing mark."""
    body = text[quote.start : quote.end].rstrip("”’\"'»› ")
    return body.endswith((",", "—", "–", "-", "…"))


def _join(candidate: Candidate, span: tuple[int, int]) -> None:
    candidate.content = _merge(candidate.content + [span])
    candidate.extra_rules.append("split_quote")


def _clause_end(candidate: Candidate) -> int:
    ends = [candidate.cue[1], candidate.clause_end, candidate.content[-1][1]]
    if candidate.source_tokens:
        ends.append(candidate.source_tokens[-1].idx + len(candidate.source_tokens[-1].text))
    return max(ends)


GAP_MARKS = INLINE_SPACE + "\n.,;:"  # white space, and the marks a sentence ends on


def attach_floating_quotes(candidates: list[Candidate], quotes: list[Quote], doc: Doc, text: str) -> None:
    """A quotation that is a whole sentence or paragraph with no cue of its own, right after a
    quoted attribution or reported speech ("X says the plan will fail. “…”"; nothing but
    punctuation and at most one paragraph break between), belongs to the same speaker."""
    taken = [s for c in candidates for s in c.content] + [c.cue for c in candidates]
    candidates = [c for c in candidates if c.open_ended]
    for quote in quotes:
        span = (quote.start, quote.end)
        if not quote.closed or any(_overlaps(span, t) for t in taken) or not _stands_alone(span, doc):
            continue
        previous = [c for c in candidates if _clause_end(c) <= quote.start]
        if not previous:
            continue
        speaker = max(previous, key=_clause_end)
        gap = text[_clause_end(speaker) : quote.start]
        if gap.count("\n") > 2 or gap.strip(GAP_MARKS) or not (_is_quoted(speaker, quotes) or speaker.cue_type in WORDS_TYPES):
            continue
        speaker.content = _merge(speaker.content + [span])
        speaker.extra_rules.append("floating_quote")


def _stands_alone(span: tuple[int, int], doc: Doc) -> bool:
    """The quotation starts a sentence and ends one."""
    first = doc.char_span(span[0], span[1], alignment_mode="expand")
    if first is None or len(first) == 0:
        return False
    end_token = first[-1]
    following = doc[end_token.i + 1] if end_token.i + 1 < len(doc) else None
    ends = following is None or following.is_sent_start or following.is_space or following.is_punct
    # is_sent_start, not Token.sent: .sent walks the sentence, quadratic in one huge sentence
    return bool(first[0].is_sent_start) and ends


def _is_quoted(candidate: Candidate, quotes: list[Quote]) -> bool:
    return any(_inside((q.start, q.end), candidate.content) for q in quotes)


def kind_of(candidate: Candidate, quotes: list[Quote]) -> str:
    if candidate.cue_type == "according_to":
        return "according_to"
    quoted = [q for q in quotes if _inside((q.start, q.end), candidate.content)]
    if not quoted:
        return "indirect"
    inside = sum(q.end - q.start for q in quoted)
    total = sum(e - s for s, e in candidate.content)
    return "direct" if inside >= total - 3 * len(candidate.content) else "mixed"


def parents(candidates: list[Candidate]) -> list[int | None]:
    """The innermost other attribution whose content holds this one's cue, or the one that
    passes it on ("X reported, citing Y, that …": Y's attribution is X's)."""
    result: list[int | None] = []
    for index, candidate in enumerate(candidates):
        if candidate.relayed_by is not None:
            relay = next((i for i, other in enumerate(candidates) if other.cue_head is not None and other.cue_head.i == candidate.relayed_by.i), None)
            if relay is not None:
                result.append(relay)
                continue
        best, best_size = None, None
        for other_index, other in enumerate(candidates):
            if other_index == index or not _inside(candidate.cue, other.content):
                continue
            size = sum(e - s for s, e in other.content)
            if best_size is None or size < best_size:
                best, best_size = other_index, size
        result.append(best)
    return result


def cue_after_hedges(candidate: Candidate, markers: list[Marker], doc: Doc) -> None:
    """"allegedly told", "also reportedly expressed": the adverbs before a cue verb are part of
    the cue, except a hedge marker, which is reported as the attribution's hedge instead; the
    cue starts after the last one."""
    head = candidate.cue_head
    if head is None:
        return
    for marker in markers:
        if marker.end > head.i or doc[marker.start].idx < candidate.cue[0]:
            continue
        if all(t.pos_ == "ADV" for t in doc[marker.start : marker.end]):
            candidate.cue = (doc[marker.end].idx, candidate.cue[1])


def reported_within(candidates: list[Candidate], parent_of: list[int | None]) -> list[Candidate]:
    """"Trump said he plans to …", "she said she thinks …", "he said she attacked him": a
    belief, intention, stance or other mental state inside another attribution's content is
    part of what was reported, not an attribution of its own; reported speech inside it stays
    (nesting), unless only the cue model found it: a verb with an object inside what someone
    said is mostly part of what they said (7 right, 31 wrong on dev and train150)."""
    return [c for c, parent in zip(candidates, parent_of) if parent is None or (c.cue_type in REPORTED_TYPES and not c.rule.startswith("learned_cue"))]


def claims_hedge(candidate: Candidate, cue: Token | None, span: tuple[int, int], verb: Token) -> bool:
    """A marker (its character ``span`` and the ``verb`` it hangs from) is in scope of an
    attribution (its ``cue`` word) when it sits in the source, cue or addressee, hangs from the
    cue's verb (or a verb governing it), or lies inside the content."""
    own = [candidate.cue] + ([candidate.addressee] if candidate.addressee else [])
    if candidate.source_tokens:
        own.append((candidate.source_tokens[0].idx, candidate.source_tokens[-1].idx + len(candidate.source_tokens[-1].text)))
    if any(_overlaps(span, s) for s in own):
        return True
    if _inside(span, candidate.content):
        return True
    if cue is None:
        return False
    return verb.i == cue.i or (is_ancestor(verb, cue) and not _inside((verb.idx, verb.idx + 1), candidate.content))


def _cue_word(candidate: Candidate, doc: Doc) -> Token | None:
    cue = doc.char_span(candidate.cue[0], candidate.cue[1], alignment_mode="expand")
    return cue.root if cue is not None and len(cue) else None


def _hedge_record(marker: Marker, doc: Doc, text: str) -> dict[str, Any]:
    start = doc[marker.start].idx
    end = doc[marker.end - 1].idx + len(doc[marker.end - 1].text)
    return {"text": text[start:end], "start": start, "end": end, "category": marker.category, "rule": marker.rule}


def _span_record(text: str, span: tuple[int, int]) -> dict[str, Any]:
    return {"text": text[span[0] : span[1]], "start": span[0], "end": span[1]}


# A "sentence" longer than this is a failed segmentation (a list, a table, quote-mark soup),
# not prose; the constructions are quadratic in sentence length, so it is left out.
LONGEST_SENTENCE = 300


def extract_doc(doc: Doc, lexicon: Lexicon, hedge_matcher: HedgeMatcher) -> tuple[list[dict], list[dict]]:
    text = doc.text  # Doc.text joins every token: build it once
    quotes = find_quotes(doc)
    resolver = Resolver(doc, lexicon)
    context = Context(doc, lexicon, quotes, resolver, text)
    candidates: list[Candidate] = []
    claimed_words: set[int] = set()  # words of the cues an earlier construction made an attribution of
    idioms = set_phrases(doc, lexicon.not_cues)
    for sent in doc.sents:
        if len(sent) > LONGEST_SENTENCE:
            continue
        for construction in SENTENCE_CONSTRUCTIONS:
            for candidate in construction(sent, context):
                if not candidate.content or _speakers_own_words(candidate, quotes):
                    continue
                if candidate.cue_head is not None and (candidate.cue_head.i in idioms or addresses_the_reader(candidate.cue_head)):
                    continue
                cue_words = {t.i for t in doc.char_span(*candidate.cue, alignment_mode="expand") or ()}
                if candidate.cue_head is not None:
                    cue_words.add(candidate.cue_head.i)
                if cue_words & claimed_words:  # one attribution per cue word: the earlier construction keeps it
                    continue
                claimed_words |= cue_words
                candidates.append(candidate)
    cue_heads = {c.cue_head.i for c in candidates if c.cue_head is not None}
    for candidate in candidates:
        without_trailing_according(candidate, candidates, text)
        source_without_circumstances(candidate, cue_heads)
        extend_past_colon(candidate, text)
        extend_over_split_sentence(candidate, doc)
        extend_over_conjunction(candidate, doc, lexicon, cue_heads)
        widen_to_quotes(candidate, quotes)
        join_split_quote(candidate, quotes, text)
    candidates.sort(key=lambda c: c.cue[0])
    attach_floating_quotes(candidates, quotes, doc, text)
    markers = hedge_matcher(doc)
    for candidate in candidates:
        cue_after_hedges(candidate, markers, doc)
    candidates = reported_within(candidates, parents(candidates))
    parent_of = parents(candidates)
    scopes = [((doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1].text)), anchor(doc[m.start])) for m in markers]
    in_scope = [[claims_hedge(candidate, cue, span, verb) for span, verb in scopes]
               for candidate, cue in ((c, _cue_word(c, doc)) for c in candidates)]
    records = []
    for index, candidate in enumerate(candidates):
        children = [i for i, p in enumerate(parent_of) if p == index]
        hedges = [
            _hedge_record(m, doc, text)
            for j, m in enumerate(markers)
            if in_scope[index][j] and not any(in_scope[c][j] for c in children)
        ]
        records.append(_record(index, candidate, parent_of[index], hedges, quotes, resolver, doc, text))
    return records, [_hedge_record(m, doc, text) for m in markers]


def _record(index: int, candidate: Candidate, parent: int | None, hedges: list[dict], quotes: list[Quote],
            resolver: Resolver, doc: Doc, text: str) -> dict[str, Any]:
    source = None
    if candidate.source_head is not None and candidate.source_tokens:
        tokens = candidate.source_tokens
        start, end = written_extent(tokens)
        source = {
            **_span_record(text, (start, end)),
            "resolved": resolver.resolve(candidate.source_head, tokens),
            "kind": resolver.kind(candidate.source_head, tokens),
        }
    content = candidate.content
    rule = "+".join([candidate.rule, *candidate.extra_rules])
    return {
        "id": index,
        "kind": kind_of(candidate, quotes),
        "rule": rule,
        "sentence": candidate.sentence,
        "source": source,
        "cue": {**_span_record(text, candidate.cue), "lemma": candidate.cue_lemma, "type": candidate.cue_type, "stance": candidate.stance},
        "content": {
            **_span_record(text, (content[0][0], content[-1][1])),
            "spans": [list(s) for s in content],
            "quoted": any(_overlaps((q.start, q.end), s) for q in quotes for s in content),
        },
        "addressee": _span_record(text, candidate.addressee) if candidate.addressee else None,
        "hedges": hedges,
        "hedged": bool(hedges),
        "parent": parent,
    }
