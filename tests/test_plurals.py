"""A count shown next to a noun agrees with it: "1 day overdue", never "1 days overdue" (issue item 12).

Why a scan: the wrong form came from templates writing ``{{ days }} days``. Every such count goes through the
``plural`` helper (config.jinja2env.plural) instead; this fails on a template, or a Python f-string, that puts
a variable straight in front of a plural noun.
"""

from __future__ import annotations

import re
from pathlib import Path

from config.jinja2env import plural

ROOT = Path(__file__).resolve().parents[1]
NOUNS = (
    "days|weeks|months|years|hours|minutes|steps|cases|requests|services|comments|children|items|results|"
    "problems|plans|rows|people|advisers|reviews|consultations|exceptions|documents|files|pages|changes"
)
TEMPLATE = re.compile(r"\{\{[^}]*\}\}\s*(?:" + NOUNS + r")\b")
FSTRING = re.compile(r"\{[^{}:]+(?::[^{}]*)?\}\s(?:" + NOUNS + r")\b")


#: Developer console output of the demo loaders: counts in the thousands, never shown to a user.
NOT_SCANNED = ("pathfinder/demo/",)


def _hits(root: Path = ROOT) -> list[str]:
    found = []
    for base in ("pathfinder", "config"):
        for path in sorted((root / base).rglob("*")):
            rel = path.relative_to(root).as_posix()
            if "/tests/" in rel or "/migrations/" in rel or rel.startswith(NOT_SCANNED) or not path.is_file():
                continue
            if path.suffix == ".html":
                pattern = TEMPLATE
            elif path.suffix == ".py":
                pattern = FSTRING
            else:
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                found.extend(f"{rel}:{number}: {m.group(0)}" for m in pattern.finditer(line))
    return found


def test_no_count_is_written_straight_before_a_plural_noun() -> None:
    assert _hits() == []


def test_the_scan_catches_the_old_mistake(tmp_path: Path) -> None:
    (tmp_path / "pathfinder").mkdir()
    (tmp_path / "pathfinder" / "case.html").write_text("<p>{{ -days }} days overdue. {{ plural(n, 'day') }}</p>")
    (tmp_path / "pathfinder" / "views.py").write_text('text = f"{count:,} requests"\nok = f"{plural(n, \'day\')}"\n')
    assert _hits(tmp_path) == ["pathfinder/case.html:1: {{ -days }} days", "pathfinder/views.py:1: {count:,} requests"]


def test_plural_agrees() -> None:
    assert plural(1, "day") == "1 day"
    assert plural(2, "day") == "2 days"
    assert plural(0, "day") == "0 days"
    assert plural(1, "child", "children") == "1 child"
