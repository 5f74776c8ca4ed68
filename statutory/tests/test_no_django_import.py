"""The statutory package must stay plain Python: no module may import Django, directly or when imported."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]
REPO_ROOT = PACKAGE.parent


def _imported_modules(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", "")) in ("import_module", "__import__")
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            names.append(node.args[0].value)
    return names


def test_package_has_the_expected_modules() -> None:
    modules = {p.name for p in PACKAGE.glob("*.py")}
    assert {
        "__init__.py",
        "rules.py",
        "calendar.py",
        "people.py",
        "assessment.py",
        "assessment_facts.py",
        "assessment_checks.py",
        "deadlines.py",
        "exceptions.py",
        "plan_content.py",
        "plan_wording.py",
        "timeliness.py",
    } <= modules


def test_no_module_in_statutory_imports_django() -> None:
    files = sorted(PACKAGE.rglob("*.py"))
    assert len(files) >= 6
    offenders = [
        f"{path.relative_to(REPO_ROOT)} imports {name}"
        for path in files
        for name in _imported_modules(path)
        if name == "django" or name.startswith("django.")
    ]
    assert offenders == []


def test_importing_statutory_does_not_load_django() -> None:
    code = (
        "import sys, statutory, statutory.rules, statutory.calendar, statutory.people, "
        "statutory.assessment, statutory.timeliness, statutory.deadlines, statutory.plan_content\n"
        "loaded = sorted(m for m in sys.modules if m == 'django' or m.startswith('django.'))\n"
        "assert not loaded, loaded\n"
        "print('ok')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_package_never_reads_the_clock() -> None:
    """``today`` is always passed in, so no module may call date.today(), datetime.now() or similar."""
    forbidden = {"today", "now", "utcnow"}
    for path in sorted(PACKAGE.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        calls = [
            node.func.attr
            for node in ast.walk(tree)
            if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in forbidden
        ]
        assert calls == [], f"{path.name} reads the clock: {calls}"


def test_no_module_is_longer_than_400_lines() -> None:
    """Each module stays small enough to read as one piece of law (split by subject, as assessment.py was)."""
    long = {p.name: n for p in sorted(PACKAGE.glob("*.py")) if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}
    assert long == {}
