"""Importing a plan another council sent (reg 15(3)): the child, the family and the plan, made here in one go.

Why a module of its own: the import is the one place a bundle becomes records. It trusts nothing it has not
checked (transfers.bundle: ZIP, manifest, checksums, schema), refuses a child we already know (a caseworker must
decide whether it is the same child), and saves everything or nothing.
"""

from __future__ import annotations

from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

import statutory
from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record
from pathfinder.core.errors import ServiceError
from pathfinder.documents.models import DocumentPurpose
from pathfinder.documents.services import document_receive
from pathfinder.people.codes import NeedType
from pathfinder.people.models import Child
from pathfinder.people.services import child_create, family_member_add
from pathfinder.plans.clock import review_clock_refresh
from pathfinder.plans.models import InstitutionType, Plan, PlanKind, PlanNeed, PlanOutcome, PlanProvision, PlanStatus
from pathfinder.transfers.bundle import PLAN_PDF, BundleRefused, bundle_open
from pathfinder.transfers.export import CHILD_FIELDS, FAMILY_FIELDS
from pathfinder.transfers.models import TransferIn

IDENTIFIER_WORDS = {"upn": "UPN", "nhs_number": "NHS number", "uln": "ULN"}


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def duplicate_child(child: dict) -> tuple[Child, str] | None:
    """A child already recorded here with one of the bundle's identifiers, or the same legal name and date of
    birth, and what matched. Searched across the whole council, not only the importer's team."""
    for field, words in IDENTIFIER_WORDS.items():
        value = (child.get(field) or "").strip()
        if value:
            found = Child.objects.filter(**{field: value}).order_by("pk").first()
            if found is not None:
                return found, f"the same {words}"
    found = Child.objects.filter(
        Q(legal_first_name__iexact=child["legal_first_name"].strip())
        & Q(legal_last_name__iexact=child["legal_last_name"].strip()),
        date_of_birth=_day(child["date_of_birth"]),
    ).order_by("pk").first()
    return (found, "the same name and date of birth") if found is not None else None


def _child(acting_user, data: dict, team) -> Child:
    needs = sorted(data["needs"], key=lambda n: n["rank"])
    return child_create(acting_user=acting_user, data={
        **{field: data[field] for field in CHILD_FIELDS}, "date_of_birth": _day(data["date_of_birth"]), "team": team,
        "setting_code": "", "setting_phase": "", "primary_need": needs[0]["need_type"] if needs else "",
        "secondary_need": needs[1]["need_type"] if len(needs) > 1 else "",
    })


def _plan(child: Child, data: dict, transferred_on: date, acting_user) -> Plan:
    plan = Plan(
        child=child, kind=PlanKind.TRANSFERRED_IN, status=PlanStatus.FINAL, issued_on=_day(data["issued_on"]),
        first_made_on=_day(data["first_made_on"]), last_reviewed_on=_day(data["last_reviewed_on"]),
        transferred_in_on=transferred_on, section_a=data["sections"]["A"], section_c=data["sections"]["C"],
        section_d=data["sections"]["D"], section_j=data["sections"]["J"], placement_name=data["placement"]["name"],
        placement_type=data["placement"]["type"], placement_urn=data["placement"]["urn"],
        updated_by=acting_user if getattr(acting_user, "is_authenticated", False) else None,
    )
    review_clock_refresh(plan)
    plan._change_reason = "Transferred from another council"
    plan.save()
    needs = {}
    for order, item in enumerate(data["needs"], 1):
        needs[item["ref"]] = PlanNeed.objects.create(plan=plan, area=item["area"], description=item["description"],
                                                     order=order)
    outcomes = {}
    for order, item in enumerate(data["outcomes"], 1):
        outcome = PlanOutcome.objects.create(plan=plan, description=item["description"], order=order,
                                             preparing_for_adulthood=item["preparing_for_adulthood"])
        outcome.needs.set(_refs(needs, item["needs"]))
        outcomes[item["ref"]] = outcome
    counters: dict[str, int] = {}
    for item in data["provision"]:
        counters[item["section"]] = counters.get(item["section"], 0) + 1
        provision = PlanProvision.objects.create(
            plan=plan, section=item["section"], description=item["description"], amount=item["amount"],
            frequency=item["frequency"], provided_by=item["provided_by"], order=counters[item["section"]],
            preparing_for_adulthood=item["preparing_for_adulthood"],
            health_commissioner_agreed=item["health_commissioner_agreed"],
            health_commissioner_agreed_by=item["health_commissioner_agreed_by"],
        )
        provision.needs.set(_refs(needs, item["needs"]))
        provision.outcomes.set(_refs(outcomes, item["outcomes"]))
    return plan


def _refs(known: dict, refs: list[str]) -> list:
    missing = [ref for ref in refs if ref not in known]
    if missing:
        raise BundleRefused("schema", f"The bundle's plan refers to {', '.join(missing)}, which it does not contain. "
                            "Ask the other council to send a complete bundle.")
    return [known[ref] for ref in refs]


def _received_pdf(content: bytes, sender: str, child: Child, acting_user):
    """The old council's PDF, kept as a file sent to us: checked for what it is and virus-checked before anyone
    can open it (documents.document_receive), not trusted as one Pathfinder made."""
    upload = SimpleUploadedFile(f"EHC plan from {sender}.pdf", content, content_type="application/pdf")
    try:
        return document_receive(upload, child, DocumentPurpose.PLAN_PDF, acting_user, frozenset({"pdf"}))
    except ServiceError as error:
        raise BundleRefused("pdf", f"The plan PDF in the bundle cannot be kept: {error.message}") from None


def _check_values(bundle: dict) -> None:
    """What the schema cannot say: real dates, and codes this system knows (SEN2 need types, institution types)."""
    plan, child = bundle["plan"], bundle["child"]
    days = [bundle["move_on"], bundle["generated_on"], child["date_of_birth"], plan["first_made_on"],
            plan["last_reviewed_on"], plan["issued_on"], *(a["received_on"] for a in bundle["advice"])]
    for value in days:
        try:
            _day(value)
        except ValueError:
            raise BundleRefused("schema", f"The bundle has a date that does not exist ({value}). Ask the other "
                                "council to send it again.") from None
    unknown = [n["need_type"] for n in child["needs"] if n["need_type"] not in NeedType.values]
    if plan["placement"]["type"] and plan["placement"]["type"] not in InstitutionType.values:
        unknown.append(plan["placement"]["type"])
    if unknown:
        raise BundleRefused("schema", f"The bundle uses a code this system does not know ({', '.join(unknown)}). "
                            "Ask the other council which need or type of school it means.")


def transfer_in_import(*, acting_user, bundle_file, team, transferred_on: date) -> TransferIn:
    """Check the bundle and make the child, family and final plan here, or refuse and save nothing."""
    content = bundle_file.read() if hasattr(bundle_file, "read") else bytes(bundle_file)
    opened = bundle_open(content)
    bundle = opened.bundle
    _check_values(bundle)
    if transferred_on > timezone.localdate():
        raise ServiceError("The date the plan was transferred to us cannot be in the future", field="transferred_on")
    if transferred_on < _day(bundle["plan"]["first_made_on"]):
        raise ServiceError("The plan cannot be transferred before it was first made", field="transferred_on")
    with transaction.atomic():
        clash = duplicate_child(bundle["child"])
        if clash is not None:
            found, what = clash
            raise BundleRefused(
                "duplicate", f"A child with {what} is already recorded here (record {found.pk}, {found.full_name}). "
                "Nothing was imported. A caseworker should check whether this is the same child before going on.")
        child = _child(acting_user, bundle["child"], team)
        for member in bundle["family"]:
            family_member_add(acting_user=acting_user, child=child, data={f: member[f] for f in FAMILY_FIELDS})
        plan = _plan(child, bundle["plan"], transferred_on, acting_user)
        sender = bundle["sending_council"]
        pdf = _received_pdf(opened.files[PLAN_PDF], sender["name"], child, acting_user)
        Plan.objects.filter(pk=plan.pk).update(final_pdf=pdf)  # derived output: no new version or history row
        plan.final_pdf = pdf
        notice_rule = statutory.rule_in_force("transfer_in_notice", transferred_on)
        transfer = TransferIn.objects.create(
            child=child, plan=plan, from_la_code=sender["la_code"], from_la_name=sender["name"],
            from_contacts=sender["contacts"], move_on=_day(bundle["move_on"]), transferred_on=transferred_on,
            notice_due_on=notice_rule.due_from(transferred_on), advice=bundle["advice"], bundle_sha256=opened.sha256,
            imported_by=acting_user if getattr(acting_user, "is_authenticated", False) else None,
        )
        audit_event_record(acting_user=acting_user, action=AuditAction.CREATE, child=child, obj=transfer,
                           what=f"imported the plan transferred from {sender['name']} ({sender['la_code']})")
    return transfer
