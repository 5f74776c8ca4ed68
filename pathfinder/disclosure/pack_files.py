"""The subject access pack as files: JSON (the documented structure) and a tagged, accessible PDF (PDF/UA-1).

The PDF is made by WeasyPrint the way the final plan is (plans.pdf), from the same plain values as the JSON, so
the two never disagree about what is in the pack.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string

STYLESHEET = Path(__file__).with_name("pack.css")

#: The pack's parts in the order the PDF shows them, with their headings.
SECTIONS = (
    ("record", "The child's record"),
    ("involvements", "Who is involved"),
    ("assessments", "Requests and EHC needs assessments"),
    ("plans", "EHC plans"),
    ("reviews", "Annual reviews"),
    ("transfers", "Moves between councils"),
    ("views", "Views of the child and family"),
    ("requests_made_online", "Requests made online"),
    ("documents", "Documents"),
    ("letters_and_messages", "Letters and messages sent"),
    ("history_of_changes", "History of changes"),
    ("who_has_looked", "Who has looked at the record"),
)


def pack_json(pack: dict[str, Any]) -> bytes:
    return json.dumps(pack, indent=2, ensure_ascii=False, default=str).encode("utf-8")


def label(key: str) -> str:
    """A field name as a heading: "received_on" -> "Received on"."""
    return key.replace("_", " ").strip().capitalize()


def pack_pdf_html(pack: dict[str, Any], child_name: str) -> str:
    return render_to_string("disclosure/pack_pdf.html", {
        "pack": pack, "sections": SECTIONS, "child_name": child_name, "label": label,
    })


def pack_pdf(pack: dict[str, Any], child_name: str) -> bytes:
    from weasyprint import CSS, HTML  # imported here: it loads Pango, which the web process rarely needs

    return HTML(string=pack_pdf_html(pack, child_name), base_url=str(settings.BASE_DIR)).write_pdf(
        stylesheets=[CSS(filename=str(STYLESHEET))], pdf_variant="pdf/ua-1"
    )
