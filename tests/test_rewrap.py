"""tools/rewrap.py (hard-wraps a corpus for the robustness measurement) against unwrap_lines."""
import importlib.util

from claimx.repair import unwrap_lines
from conftest import ROOT

spec = importlib.util.spec_from_file_location("rewrap", ROOT / "tools" / "rewrap.py")
rewrap = importlib.util.module_from_spec(spec)
spec.loader.exec_module(rewrap)

PARAGRAPHS = (
    "Officials in the northern province said on Tuesday that the new bridge, closed since a flood"
    " in March, would reopen to traffic in May after repairs that cost the council far more than"
    " it had planned.\n\n“We are ready for the first cars,” the chief engineer told reporters at"
    " the site, adding that Dr. Ann Lee's team had checked every cable twice."
)


def test_rewrap_keeps_length_and_line_width():
    wrapped = rewrap.rewrap(PARAGRAPHS, 40)
    assert len(wrapped) == len(PARAGRAPHS) and wrapped.count("\n") > PARAGRAPHS.count("\n")
    assert all(len(line) <= 40 for line in wrapped.split("\n"))


def test_unwrapping_a_wrapped_text_gives_back_the_original():
    for width in (30, 50, 72):
        assert unwrap_lines(rewrap.rewrap(PARAGRAPHS, width)) == PARAGRAPHS
