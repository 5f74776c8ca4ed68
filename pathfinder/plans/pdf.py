"""The final EHC plan as a tagged, accessible PDF (PDF/UA-1) made by WeasyPrint from the same sections as the web page."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string

from pathfinder.plans.final_notice import final_notice_context
from pathfinder.plans.models import Plan
from pathfinder.plans.selectors import labelled_items, origin_assessment

STYLESHEET = Path(__file__).with_name("pdf.css")


def plan_pdf_html(plan: Plan) -> str:
    """HTML for the PDF only (never served to a browser, so its embedded stylesheet is outside the CSP)."""
    assessment = origin_assessment(plan)  # an amended plan's section K is the first plan's advice
    return render_to_string("plans/pdf.html", {
        "plan": plan, "assessment": assessment, "child": plan.child, "items": labelled_items(plan),
        "advice": [a for a in assessment.advice_requests.all() if a.received_on] if assessment else [],
        **final_notice_context(plan),
    })


def plan_pdf_bytes(plan: Plan) -> bytes:
    from weasyprint import CSS, HTML  # imported here: it loads Pango, which the web process rarely needs

    html = plan_pdf_html(plan)
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(
        stylesheets=[CSS(filename=str(STYLESHEET))], pdf_variant="pdf/ua-1"
    )
