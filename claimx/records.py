"""Plain data for what claimx finds: attributions, their parts, hedges, documents.

Offsets are character offsets into the original input, end exclusive: ``text[start:end]``
equals a span's ``text``. This module imports nothing else from claimx.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any, Callable

OffsetMap = Callable[[int, int], tuple[int, int]]  # (start, end) in parsed text -> original


@dataclass(frozen=True)
class Hedge:
    text: str
    start: int
    end: int
    category: str
    rule: str


@dataclass(frozen=True)
class Source:
    text: str
    start: int
    end: int
    resolved: str | None
    kind: str  # person|organization|media|pronoun|nominal|anonymous|unknown


@dataclass(frozen=True)
class Cue:
    text: str
    start: int
    end: int
    lemma: str
    type: str
    stance: str


@dataclass(frozen=True)
class Content:
    text: str
    start: int
    end: int
    spans: list[list[int]]
    quoted: bool


@dataclass(frozen=True)
class Addressee:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Attribution:
    id: int
    kind: str  # direct|indirect|mixed|according_to
    rule: str
    sentence: int
    source: Source | None
    cue: Cue
    content: Content
    addressee: Addressee | None
    hedges: list[Hedge] = field(default_factory=list)
    hedged: bool = False
    parent: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Attribution":
        return cls(
            id=data["id"], kind=data["kind"], rule=data["rule"], sentence=data["sentence"],
            source=Source(**data["source"]) if data.get("source") else None,
            cue=Cue(**data["cue"]),
            content=Content(**data["content"]),
            addressee=Addressee(**data["addressee"]) if data.get("addressee") else None,
            hedges=[Hedge(**h) for h in data.get("hedges", [])],
            hedged=data.get("hedged", False), parent=data.get("parent"),
        )


@dataclass
class DocumentResult:
    id: str
    attributions: list[Attribution] = field(default_factory=list)
    hedges: list[Hedge] = field(default_factory=list)
    error: str | None = None
    meta: dict[str, Any] | None = None
    text: str | None = None
    encoding: str | None = None
    input_format: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "error": self.error,
            "attributions": [a.to_dict() for a in self.attributions],
            "hedges": [asdict(h) for h in self.hedges],
        }
        for name in ("meta", "encoding", "input_format", "text"):
            if getattr(self, name) is not None:
                data[name] = getattr(self, name)
        return data


def remap_span(span: Any, text: str, mapping: OffsetMap) -> Any:
    """The same span with offsets mapped into ``text`` (the original) and its text re-sliced."""
    start, end = mapping(span.start, span.end)
    changes: dict[str, Any] = {"start": start, "end": end, "text": text[start:end]}
    if isinstance(span, Content):
        changes["spans"] = [list(mapping(s, e)) for s, e in span.spans]
    return replace(span, **changes)


def remap_attribution(attribution: Attribution, text: str, mapping: OffsetMap) -> Attribution:
    def move(span: Any) -> Any:
        return None if span is None else remap_span(span, text, mapping)

    return replace(
        attribution,
        source=move(attribution.source),
        cue=move(attribution.cue),
        content=move(attribution.content),
        addressee=move(attribution.addressee),
        hedges=[move(h) for h in attribution.hedges],
    )
