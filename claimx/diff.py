"""What changed between two claimx runs over the same documents: attributions added,
removed and changed, matched by document id and cue offsets."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# the fields compared for an attribution found in both runs (the id may shift harmlessly)
COMPARED = ("kind", "source", "cue", "content", "addressee", "hedges", "hedged", "rule")


def _key(attribution: dict[str, Any]) -> tuple[int, int]:
    return attribution["cue"]["start"], attribution["cue"]["end"]


@dataclass
class Change:
    document: str
    change: str  # added, removed, changed
    cue: str
    offset: int
    fields: list[str] = field(default_factory=list)
    old: dict[str, Any] | None = None
    new: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None}


def diff_documents(old: dict[str, dict[str, Any]], new: dict[str, dict[str, Any]]) -> list[Change]:
    changes: list[Change] = []
    for doc_id in sorted(set(old) | set(new)):
        before = {_key(a): a for a in old.get(doc_id, {}).get("attributions", [])}
        after = {_key(a): a for a in new.get(doc_id, {}).get("attributions", [])}
        for key in sorted(set(before) | set(after)):
            a, b = before.get(key), after.get(key)
            if a is None:
                changes.append(Change(doc_id, "added", b["cue"]["text"], key[0], new=b))
            elif b is None:
                changes.append(Change(doc_id, "removed", a["cue"]["text"], key[0], old=a))
            else:
                fields = [f for f in COMPARED if a.get(f) != b.get(f)]
                if fields:
                    changes.append(Change(doc_id, "changed", a["cue"]["text"], key[0], fields, a, b))
    return changes
