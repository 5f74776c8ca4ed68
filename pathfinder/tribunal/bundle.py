"""The evidence bundle for an appeal: the case's own records, the notices and letters the council sent, and the
documents kept about the child, as one paginated, indexed, tagged PDF (PDF/UA-1).

Why from the records: the Tribunal wants the decisions, the advice, the plans and the letters the council relied
on, and those are already here with their dates. Each part starts on a new page; the index gives the page each part
starts on (WeasyPrint's ``target-counter``). Each final plan is the plan's own PDF content
(``plans.pdf.plan_pdf_html``), so the bundle shows the plan exactly as the family received it. Uploaded PDFs are
drawn, page by page, onto pages the layout reserved for them (``bundle_pdf``), so every page number the index and
the footers give is WeasyPrint's own. What goes in, and for whom, is ``bundle_parts``.
"""

from __future__ import annotations

import re
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string

from pathfinder.assessments.letters import council_contacts
from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record
from pathfinder.plans.models import PlanStatus
from pathfinder.plans.pdf import STYLESHEET as PLAN_STYLESHEET
from pathfinder.plans.pdf import plan_pdf_html
from pathfinder.tribunal import bundle_parts
from pathfinder.tribunal.bundle_parts import Upload
from pathfinder.tribunal.models import Appeal

STYLESHEET = Path(__file__).with_name("bundle.css")
_MAIN = re.compile(r"<main>(.*)</main>", re.DOTALL)


def _plan_body(plan) -> str:
    """The plan's PDF content without its own document wrapper (its <main>), to sit inside the bundle."""
    found = _MAIN.search(plan_pdf_html(plan))
    return found.group(1) if found else ""


def bundle_html(appeal: Appeal, *, user=None, uploads: list[Upload] | None = None) -> str:
    """HTML for the bundle only (never served to a browser). ``user`` decides which documents go in (none without
    one); ``uploads`` may be given when the caller has already chosen them."""
    child = appeal.child
    assessments = list(child.assessments.order_by("received_on", "pk").prefetch_related("advice_requests"))
    advice = [a for s in assessments for a in s.advice_requests.all() if a.received_on]
    plans = [p for p in child.plans.order_by("issued_on", "pk") if p.status != PlanStatus.DRAFT and p.issued_on]
    chosen = bundle_parts.uploads(child, user) if uploads is None else uploads
    return render_to_string("tribunal/bundle.html", {
        "appeal": appeal, "child": child, "assessments": assessments, "advice": advice,
        "plans": [(p, _plan_body(p)) for p in plans],
        "decisions": list(child.appealable_decisions.order_by("decided_on", "pk")),
        "notices": bundle_parts.notices(child), "letters": bundle_parts.letters(child), "contacts": council_contacts(),
        "uploads": chosen, "shown": [u for u in chosen if u.in_bundle],
    })


def bundle_pdf_bytes(appeal: Appeal, *, user=None) -> bytes:
    """The bundle as a PDF. Built whole in memory before anything is sent: a document that cannot be merged was
    already listed as supplied separately (``bundle_parts``), so the file is never half made."""
    from weasyprint import CSS, HTML  # imported here: it loads Pango, which the web process rarely needs

    from pathfinder.tribunal.bundle_pdf import merge_uploads, reserved_pages

    chosen = bundle_parts.uploads(appeal.child, user)
    options = {"pdf_variant": "pdf/ua-1"}
    document = HTML(string=bundle_html(appeal, user=user, uploads=chosen), base_url=str(settings.BASE_DIR)).render(
        stylesheets=[CSS(filename=str(PLAN_STYLESHEET)), CSS(filename=str(STYLESHEET))], **options)
    placements = reserved_pages(document.pages)
    if len(placements) != sum(u.pages for u in chosen):  # a page not reserved would shift every later number
        raise RuntimeError("The bundle's layout did not reserve a page for every uploaded page")
    content = merge_uploads(document.write_pdf(**options), placements,
                            {u.document.pk: u.content for u in chosen if u.pages})
    included = [u for u in chosen if u.in_bundle]
    if included and user is not None:
        audit_event_record(acting_user=user, action=AuditAction.DOWNLOAD, child=appeal.child, obj=appeal,
                           what=f"put {len(included)} document(s) in the evidence bundle for appeal {appeal.reference}")
    return content
