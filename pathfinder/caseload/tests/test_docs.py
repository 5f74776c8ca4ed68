"""The template's documentation names every file and column the code reads and writes."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

from pathfinder.caseload.template import FILES


def test_the_template_doc_names_every_file_and_column():
    text = (Path(settings.BASE_DIR) / "docs" / "caseload-template.md").read_text()
    for file, columns in FILES.items():
        section = text.split(f"### {file}.csv", 1)[1].split("###", 1)[0]
        for column in columns:
            assert f"| `{column.name}` |" in section, f"{file}.csv {column.name}"
        for code in (code for column in columns for code in column.codes):
            assert f"| `{code}` |" in text, code


def test_readme_links_the_migration_guide():
    readme = (Path(settings.BASE_DIR) / "README.md").read_text()
    assert "(docs/migrating-in.md)" in readme and "(docs/caseload-template.md)" in readme
