"""Every table in every template sits in an accessible scroll region, so a wide table scrolls inside itself at
320 px (WCAG 1.4.10 reflow) instead of making the whole page scroll sideways, and a keyboard user can scroll it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = sorted(p for p in (ROOT / "pathfinder").rglob("jinja2/**/*.html"))
# PDF templates are rendered by WeasyPrint to paper, where nothing scrolls.
PAPER = {"plans/pdf.html", "disclosure/pack_pdf.html", "tribunal/bundle.html"}
REGION = re.compile(
    r'<div class="pf-table-scroll" role="region" aria-label="[^"]+" tabindex="0">\s*<table\b', re.S
)


def _screen_templates() -> list[Path]:
    return [p for p in TEMPLATES if "<table" in p.read_text() and p.as_posix().split("/jinja2/")[1] not in PAPER]


def test_there_are_tables_to_check():
    assert len(_screen_templates()) >= 15


@pytest.mark.parametrize("path", _screen_templates(), ids=lambda p: p.as_posix().split("/jinja2/")[1])
def test_every_table_is_in_a_labelled_focusable_scroll_region(path: Path):
    text = path.read_text()
    tables = len(re.findall(r"<table\b", text))
    assert len(REGION.findall(text)) == tables, f"{path}: wrap each <table> in a pf-table-scroll region"
    assert text.count("</table>") == tables


def test_the_region_scrolls_and_shows_focus():
    scss = (ROOT / "frontend" / "pathfinder.scss").read_text()
    rule = re.search(r"\.pf-table-scroll \{([^}]*)\}", scss).group(1)
    assert "overflow-x: auto" in rule
    assert "position: relative" in rule  # visually hidden text in cells stays inside the region
    assert re.search(r"\.pf-table-scroll:focus \{[^}]*outline: \$govuk-focus-width solid \$govuk-focus-colour", scss)
