"""No statutory period is written outside ``statutory/`` (issue item 24).

Why: a period written into a view, a template or a letter does not change when the law does, and the appeal
date was once "2 months" worked out in two views with no rule for a last day that is not a working day. This
scans the project's Python (string literals other than docstrings, and date arithmetic with a literal amount)
and its templates for the periods of the rule book: "6 weeks", "15 days", "2 months", timedelta(days=42),
add_months(x, 2) and so on. Tests, migrations and ``statutory/`` itself are not scanned.

``NOT_STATUTORY`` lists the few hits that are not statutory periods, each with why. ``TO_MOVE`` is for a
statutory period that cannot move at once (it is empty: keep it so, and never add to it to make a change pass).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from statutory import RULES
from statutory.exceptions import CLOSURE_LEAD_DAYS, MIN_CONTINUOUS_DAYS

ROOT = Path(__file__).resolve().parents[2]
SCANNED = ("pathfinder", "config", "bench")
CALLS = frozenset({"timedelta", "relativedelta", "add_months", "add_calendar_days", "add_weeks", "add_working_days"})
UNIT_WORDS = {"weeks": "week", "days": "day", "calendar_days": "day", "working_days": "working day", "months": "month"}


def _statutory_periods() -> tuple[frozenset[tuple[int, str]], frozenset[int]]:
    """(amount, unit word) pairs of every rule and exception condition, and the same as whole days."""
    pairs: set[tuple[int, str]] = {(MIN_CONTINUOUS_DAYS // 7, "week"), (CLOSURE_LEAD_DAYS // 7, "week")}
    days: set[int] = {MIN_CONTINUOUS_DAYS}
    for rule in RULES.rules:
        pairs.add((rule.amount, UNIT_WORDS[rule.unit]))
        if rule.unit == "weeks":
            days.add(rule.amount * 7)
        elif rule.unit in ("days", "calendar_days"):
            days.update({rule.amount, rule.amount - 1} if rule.begins_with_trigger else {rule.amount})
    return frozenset(pairs), frozenset(days)


PAIRS, DAYS = _statutory_periods()
TEXT = re.compile(r"\b(\d+)[ -](working days?|weeks?|days?|months?)\b", re.IGNORECASE)

#: (path, what was found) -> why it is not a statutory period.
NOT_STATUTORY: dict[tuple[str, str], str] = {
    ("pathfinder/feedback/demo.py", "6 week"): "a family's made-up comment quoting a waiting list",
    ("pathfinder/demo/timeline.py", "timedelta(days=28)"): "synthetic data: a gap between two demo decisions",
    # 35 days is also 5 weeks (reg 44(2)(c)(i), (d); reg 45):
    ("pathfinder/demo/timeline.py", "timedelta(days=35)"): "synthetic data: a demo decision to assess, 5 weeks "
                                                           "after the request (inside the 6 weeks of reg 5(1))",
    # "12 months" and "6 months" are also the annual review (CFA s.44(1)) and the under-5s prompt (CoP 9.178):
    ("pathfinder/demo/management/commands/load_demo.py", "12 months"): "the demo's span of requests (help text)",
    ("pathfinder/directory/jinja2/directory/officer_home.html", "12 months"): "the Local Offer's own check cycle",
    ("pathfinder/directory/jinja2/directory/provider_home.html", "12 months"): "the Local Offer's own check cycle",
    ("pathfinder/directory/jinja2/directory/service_manage.html", "12 months"): "the Local Offer's own check cycle",
    ("pathfinder/feedback/demo.py", "12 months"): "synthetic data: the span of the demo's comments",
    ("pathfinder/insights/jinja2/insights/manager_home.html", "12 months"): "the default reporting period",
    ("pathfinder/plans/demo_wording.py", "12 months"): "a made-up outcome's own time frame",
    ("pathfinder/plans/demo_wording.py", "6 months"): "a made-up paediatric appointment and outcome",
}

#: Statutory periods still written outside statutory/ (none: never add to this).
TO_MOVE: frozenset[tuple[str, str]] = frozenset()


def _is_statutory_text(amount: str, unit: str) -> bool:
    word = unit.lower().rstrip("s")
    return (int(amount), word) in PAIRS


def _statutory_amount(function: str, amount: int) -> bool:
    """Whether ``function(start, amount)`` counts a period of the rule book."""
    if function == "add_months":
        return (abs(amount), "month") in PAIRS
    if function == "add_weeks":
        return abs(amount) * 7 in DAYS
    if function == "add_working_days":
        return (abs(amount), "working day") in PAIRS
    return abs(amount) in DAYS


def _docstring_ids(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                ids.add(id(first.value))
    return ids


def _python_hits(source: str) -> set[str]:
    tree = ast.parse(source)
    skip = _docstring_ids(tree)
    hits: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name not in CALLS:
                continue
            for keyword in node.keywords:
                value = keyword.value
                if isinstance(value, ast.Constant) and isinstance(value.value, int):
                    days = value.value * (7 if keyword.arg == "weeks" else 1)
                    if keyword.arg in ("days", "weeks") and days in DAYS or keyword.arg == "months":
                        hits.add(f"{name}({keyword.arg}={value.value})")
            for arg in node.args[1:]:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, int) and _statutory_amount(name, arg.value):
                    hits.add(f"{name}(..., {arg.value})")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            hits.update(m.group(0) for m in TEXT.finditer(node.value) if _is_statutory_text(*m.groups()))
    return hits


def _template_hits(source: str) -> set[str]:
    text = re.sub(r"\{#.*?#\}", "", source, flags=re.DOTALL)
    return {m.group(0) for m in TEXT.finditer(text) if _is_statutory_text(*m.groups())}


def scan(root: Path = ROOT) -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for base in SCANNED:
        for path in sorted((root / base).rglob("*")):
            rel = path.relative_to(root).as_posix()
            if "/tests/" in rel or "/migrations/" in rel or not path.is_file():
                continue
            if path.suffix == ".py":
                hits = _python_hits(path.read_text(encoding="utf-8"))
            elif path.suffix in (".html", ".txt"):
                hits = _template_hits(path.read_text(encoding="utf-8"))
            else:
                continue
            found.update((rel, hit) for hit in hits)
    return found


def test_no_new_statutory_period_is_written_outside_statutory() -> None:
    new = sorted(scan() - set(NOT_STATUTORY) - TO_MOVE)
    assert new == [], (
        "Statutory periods written outside statutory/: read them from statutory.RULES instead "
        f"(rule.duration_text, rule.due_from, statutory.appeal_dates): {new}"
    )


def test_the_scanner_finds_what_it_looks_for(tmp_path: Path) -> None:
    app = tmp_path / "pathfinder" / "letters"
    app.mkdir(parents=True)
    (app / "views.py").write_text(
        '"""Docstrings may explain: the family has 2 months."""\n'
        "from datetime import timedelta\n"
        "appeal_by = add_months(sent, 2)\n"
        "due = received + timedelta(days=42)\n"
        "tomorrow = add_calendar_days(today, 1)\n"
        "session = timedelta(days=3)\n"
        'intro = "Decide within 6 weeks."\n'
        'hint = "Comments within 15 days."\n'
        'other = "Checked every 9 months."\n'
    )
    (app / "letter.html").write_text("{# 20 weeks in a comment #}<p>Appeal within 2 months.</p>")
    assert scan(tmp_path) == {
        ("pathfinder/letters/views.py", "add_months(..., 2)"),
        ("pathfinder/letters/views.py", "timedelta(days=42)"),
        ("pathfinder/letters/views.py", "6 weeks"),
        ("pathfinder/letters/views.py", "15 days"),
        ("pathfinder/letters/letter.html", "2 months"),
    }
