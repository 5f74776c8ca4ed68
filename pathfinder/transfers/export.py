"""A plan as a transfer bundle (docs/transfer-bundle.md): what the old council sends the new one (reg 15(2)).

Why read straight from the models: the bundle must carry everything the new council needs to treat the plan as
its own from the day of the transfer (reg 15(3)): the child, the family and how to reach them, every section of
the plan, its review clock and the advice it was made from. The same content is shown in the PDF.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings

from pathfinder.documents.models import DocumentPurpose, documents_storage
from pathfinder.documents.services import document_store_generated
from pathfinder.plans.models import Plan
from pathfinder.plans.selectors import labelled_items
from pathfinder.transfers.bundle import FORMAT, PLAN_PDF, VERSION, bundle_zip
from pathfinder.transfers.models import TransferOut

CHILD_FIELDS = ("legal_first_name", "legal_last_name", "preferred_name", "sex", "upn", "uln", "nhs_number", "address",
                "postcode", "first_language", "communication_needs", "setting_name", "setting_urn", "setting_ukprn")
FAMILY_FIELDS = ("name", "relationship", "has_parental_responsibility", "is_representative", "receives_notices",
                 "email", "phone", "address", "postcode", "contact_preference", "needs_interpreter", "language")


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _child(child) -> dict:
    return {
        **{field: getattr(child, field) for field in CHILD_FIELDS},
        "date_of_birth": child.date_of_birth.isoformat(),
        "needs": [{"rank": need.rank, "need_type": need.need_type} for need in child.ranked_needs()],
    }


def _plan(plan: Plan) -> dict:
    items = labelled_items(plan)
    need_refs, outcome_refs = items["need_labels"], items["outcome_labels"]
    return {
        "first_made_on": _iso(plan.first_made_on or plan.issued_on),
        "last_reviewed_on": _iso(plan.last_reviewed_on),
        "issued_on": _iso(plan.issued_on),
        "sections": {"A": plan.section_a, "C": plan.section_c, "D": plan.section_d, "J": plan.section_j},
        "needs": [{"ref": n.label, "area": n.area, "description": n.description} for n in items["needs"]],
        "outcomes": [
            {"ref": o.label, "description": o.description, "preparing_for_adulthood": o.preparing_for_adulthood,
             "needs": sorted((need_refs[n.pk] for n in o.needs.all()), key=_ref_order)}
            for o in items["outcomes"]
        ],
        "provision": [
            {"ref": p.label, "section": p.section, "description": p.description, "amount": p.amount,
             "frequency": p.frequency, "provided_by": p.provided_by, "preparing_for_adulthood": p.preparing_for_adulthood,
             "health_commissioner_agreed": p.health_commissioner_agreed,
             "health_commissioner_agreed_by": p.health_commissioner_agreed_by,
             "needs": sorted((need_refs[n.pk] for n in p.needs.all()), key=_ref_order),
             "outcomes": sorted((outcome_refs[o.pk] for o in p.outcomes.all()), key=_ref_order)}
            for section in ("F", "G", "H1", "H2") for p in items[section]
        ],
        "placement": {"name": plan.placement_name, "type": plan.placement_type, "urn": plan.placement_urn},
    }


def _ref_order(ref: str) -> tuple[str, int]:
    head = ref.rstrip("0123456789")
    return head, int(ref[len(head):])


def _advice(plan: Plan) -> list[dict]:
    if plan.assessment is None:
        return []
    return [
        {"kind": a.kind, "kind_label": a.get_kind_display(), "adviser_name": a.adviser_name,
         "adviser_organisation": a.adviser_organisation, "received_on": _iso(a.received_on), "summary": a.summary,
         "needs": [n.description for n in a.needs_seen.all()], "outcomes": [o.description for o in a.outcomes.all()],
         "provision": [{"description": p.description, "amount": p.amount, "frequency": p.frequency,
                        "provided_by": p.provided_by} for p in a.provisions.all()]}
        for a in plan.assessment.advice_requests.order_by("kind", "pk") if a.received_on
    ]


def bundle_content(transfer: TransferOut, *, generated_on: date) -> dict:
    """bundle.json for this move (schema transfer-bundle-1.json)."""
    plan, child = transfer.plan, transfer.child
    contacts = settings.COUNCIL_CONTACTS
    return {
        "format": FORMAT,
        "version": VERSION,
        "generated_on": generated_on.isoformat(),
        "move_on": transfer.move_on.isoformat(),
        "sending_council": {"la_code": settings.COUNCIL_LA_CODE, "name": settings.COUNCIL_NAME,
                            "contacts": {"send_team": dict(contacts["send_team"])}},
        "receiving_council": {"la_code": transfer.to_la_code, "name": transfer.to_la_name},
        "child": _child(child),
        "family": [{field: getattr(m, field) for field in FAMILY_FIELDS} for m in child.family_members.order_by("pk")],
        "plan": _plan(plan),
        "advice": _advice(plan),
        "files": [{"name": PLAN_PDF, "what": "The EHC plan as issued, for people to read", "content_type": "application/pdf"}],
    }


def plan_pdf_for_bundle(plan: Plan) -> bytes:
    """The stored final plan PDF. A plan with none yet (its PDF job has not run) is rendered now and kept as the
    plan's PDF, while it is still final, so every later copy of the bundle carries the same bytes."""
    if plan.final_pdf_id is None:
        from pathfinder.plans.pdf import plan_pdf_bytes

        content = plan_pdf_bytes(plan)
        document = document_store_generated(content, f"EHC plan - {plan.child.full_name}.pdf", plan.child,
                                            DocumentPurpose.PLAN_PDF)
        Plan.objects.filter(pk=plan.pk).update(final_pdf=document)  # derived output: no version or history row
        plan.final_pdf = document
        return content
    with documents_storage().open(plan.final_pdf.stored_name, "rb") as stored:
        return stored.read()


def transfer_bundle_bytes(transfer: TransferOut, *, generated_on: date) -> bytes:
    """The ZIP: the same content and day always make the same bytes (bundle.bundle_zip)."""
    return bundle_zip(bundle_content(transfer, generated_on=generated_on),
                      {PLAN_PDF: plan_pdf_for_bundle(transfer.plan)})
