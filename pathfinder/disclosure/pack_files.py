"""The subject access pack as files: JSON (the documented structure) and a tagged, accessible PDF (PDF/UA-1).

The PDF is made by WeasyPrint the way the final plan is (plans.pdf), from the same plain values as the JSON, so
the two never disagree about what is in the pack.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from pathfinder.plans.pdf import STYLESHEET as PLAN_STYLESHEET

STYLESHEET = Path(__file__).with_name("pack.css")  # added to the plan's own print stylesheet

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
    ("subject_access_requests", "Requests for this information"),
    ("history_of_changes", "History of changes"),
    ("who_has_looked", "Who has looked at the record"),
)


def pack_json(pack: dict[str, Any]) -> bytes:
    return json.dumps(pack, indent=2, ensure_ascii=False, default=str).encode("utf-8")


_ACRONYMS = {"id": "ID", "upn": "UPN", "uln": "ULN", "nhs": "NHS", "la": "LA", "urn": "URN", "ukprn": "UKPRN",
             "ehc": "EHC", "ids": "IDs", "sen2": "SEN2"}
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


def label(key: str) -> str:
    """A field name as a heading: "received_on" -> "Received on", "nhs_number" -> "NHS number"."""
    words = [_ACRONYMS.get(word, word) for word in key.split("_") if word]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def shown(value: Any) -> str:
    """A value as the family reads it: yes or no, dates in words, "Not recorded" for nothing."""
    if value is None or value == "":
        return "Not recorded"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, str) and _DATE.match(value):
        day = date.fromisoformat(value)
        return f"{day.day} {day:%B %Y}"
    if isinstance(value, str) and _DATETIME.match(value):
        moment = datetime.fromisoformat(value)
        moment = timezone.localtime(moment) if timezone.is_aware(moment) else moment
        return f"{moment.day} {moment:%B %Y at %H:%M}"
    return str(value)


def pack_pdf_html(pack: dict[str, Any], child_name: str) -> str:
    return render_to_string("disclosure/pack_pdf.html", {
        "pack": pack, "sections": SECTIONS, "child_name": child_name, "label": label, "shown": shown,
    })


def pack_pdf(pack: dict[str, Any], child_name: str) -> bytes:
    from weasyprint import CSS, HTML  # imported here: it loads Pango, which the web process rarely needs

    return HTML(string=pack_pdf_html(pack, child_name), base_url=str(settings.BASE_DIR)).write_pdf(
        stylesheets=[CSS(filename=str(PLAN_STYLESHEET)), CSS(filename=str(STYLESHEET))], pdf_variant="pdf/ua-1"
    )
