"""The evidence bundle for an appeal: the case's own records as one paginated, indexed, tagged PDF (PDF/UA-1).

Why from the records and not uploads: the Tribunal wants the decisions, the advice, the plans and the letters the
council relied on, and those are already here with their dates. Each part starts on a new page; the index gives
the page each part starts on (WeasyPrint's ``target-counter``). Each final plan is the plan's own PDF content
(``plans.pdf.plan_pdf_html``), so the bundle shows the plan exactly as the family received it.
"""

from __future__ import annotations

import re
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string

from pathfinder.plans.models import PlanStatus
from pathfinder.plans.pdf import STYLESHEET as PLAN_STYLESHEET
from pathfinder.plans.pdf import plan_pdf_html
from pathfinder.tribunal.models import Appeal

STYLESHEET = Path(__file__).with_name("bundle.css")
_MAIN = re.compile(r"<main>(.*)</main>", re.DOTALL)


def _plan_body(plan) -> str:
    """The plan's PDF content without its own document wrapper (its <main>), to sit inside the bundle."""
    found = _MAIN.search(plan_pdf_html(plan))
    return found.group(1) if found else ""


def bundle_html(appeal: Appeal) -> str:
    """HTML for the bundle only (never served to a browser)."""
    child = appeal.child
    assessments = list(child.assessments.order_by("received_on", "pk").prefetch_related("advice_requests"))
    advice = [a for s in assessments for a in s.advice_requests.all() if a.received_on]
    plans = [p for p in child.plans.order_by("issued_on", "pk") if p.status != PlanStatus.DRAFT and p.issued_on]
    return render_to_string("tribunal/bundle.html", {
        "appeal": appeal, "child": child, "assessments": assessments, "advice": advice,
        "plans": [(p, _plan_body(p)) for p in plans],
        "decisions": list(child.appealable_decisions.order_by("decided_on", "pk")),
    })


def bundle_pdf_bytes(appeal: Appeal) -> bytes:
    from weasyprint import CSS, HTML  # imported here: it loads Pango, which the web process rarely needs

    return HTML(string=bundle_html(appeal), base_url=str(settings.BASE_DIR)).write_pdf(
        stylesheets=[CSS(filename=str(PLAN_STYLESHEET)), CSS(filename=str(STYLESHEET))], pdf_variant="pdf/ua-1"
    )
