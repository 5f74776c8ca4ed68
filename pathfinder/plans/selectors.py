"""Read EHC plans. The child has already been permission-checked (people.access.child_view) before these run."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import statutory
from pathfinder.accounts.roles import CASE_STAFF, Role
from pathfinder.assessments.constants import AssessmentStatus
from pathfinder.assessments.models import Assessment
from pathfinder.plans import quality
from pathfinder.plans.models import Plan, PlanKind, PlanStatus
from pathfinder.plans.section_j_source import section_j_source


def assessment_for_plan(child, assessment_id: int) -> Assessment | None:
    """The assessment, only if it belongs to this (already permission-checked) child."""
    return (
        Assessment.objects.filter(child=child, pk=assessment_id)
        .select_related("child", "caseworker")
        .prefetch_related("advice_requests")
        .first()
    )


def plan_may_start(assessment: Assessment) -> bool:
    """A draft plan is started once the council has decided to issue one, and before a final plan is issued."""
    return assessment.status == AssessmentStatus.DECIDED_TO_ISSUE and not assessment.final_issued_on


def plan_of_assessment(assessment: Assessment) -> Plan | None:
    """The plan this assessment led to, if it has been started."""
    return Plan.objects.filter(assessment=assessment).only("pk", "child_id", "assessment_id").first()


def plans_of_child(child) -> list[Plan]:
    """The child's plans, newest first: the live one and the history of earlier ones."""
    return list(Plan.objects.filter(child=child).select_related("assessment").order_by("-issued_on", "-pk"))


def child_has_final_plan(child) -> bool:
    """Whether the child has a final EHC plan in force (a re-assessment may be asked for: reg 24)."""
    return Plan.objects.filter(child=child, status=PlanStatus.FINAL).exists()


def plan_get(child, plan_id: int) -> Plan | None:
    """The plan, only if it belongs to this (already permission-checked) child, with everything its pages read."""
    return (
        Plan.objects.filter(child=child, pk=plan_id)
        .select_related("child", "assessment", "assessment__child", "assessment__caseworker")
        .prefetch_related(
            "assessment__advice_requests", "needs", "outcomes__needs", "provisions__needs", "provisions__outcomes", "placement_requests",
            "consultations", "representations",
        )
        .first()
    )


def plan_visible_to(user, plan: Plan) -> bool:
    """Council staff see the plan as it is written; everyone else sees it only once the draft has been sent (an
    amendment dropped before its notice was served never reached the family)."""
    if user.role in CASE_STAFF:
        return True
    if plan.kind == PlanKind.AMENDMENT and plan.draft_sent_on is None:
        return False
    return plan.status != PlanStatus.DRAFT


def origin_assessment(plan: Plan) -> Assessment | None:
    """The assessment the plan first came from, through the plans it amends: its advice is section K and its
    caseworker the family's contact. None for a plan transferred in."""
    seen = 0
    while plan is not None and plan.assessment_id is None and plan.amends_id is not None and seen < 100:
        plan, seen = plan.amends, seen + 1
    return plan.assessment if plan is not None and plan.assessment_id else None


def may_comment(user, plan: Plan, child, today: date) -> bool:
    """Representations come from whoever holds the rights now: the parent, or the young person (CFA s.80)."""
    if plan.status != PlanStatus.DRAFT_SENT:
        return False
    who = child.decision_maker(today).who
    if user.role == Role.YOUNG_PERSON:
        return who == "young_person"
    if user.role == Role.PARENT:
        return who in ("parent", "representative")
    return False


def provision_label(section: str, index: int) -> str:
    return f"{section}{index}"


def labelled_items(plan: Plan) -> dict[str, list]:
    """Needs, outcomes and provision with their section numbers (B1, E2, F3...), as shown on the page."""
    needs = list(plan.needs.all())
    outcomes = list(plan.outcomes.all())
    provisions = list(plan.provisions.all())
    for i, need in enumerate(needs, 1):
        need.label = f"B{i}"
    for i, outcome in enumerate(outcomes, 1):
        outcome.label = f"E{i}"
    by_section: dict[str, list] = {"F": [], "G": [], "H1": [], "H2": []}
    for item in provisions:
        by_section.setdefault(item.section, []).append(item)
    for section, items in by_section.items():
        for i, item in enumerate(items, 1):
            item.label = f"{section}{i}"
    return {
        "needs": needs, "outcomes": outcomes, "provisions": provisions, **by_section,
        "need_labels": {n.pk: n.label for n in needs}, "outcome_labels": {o.pk: o.label for o in outcomes},
    }


def plan_snapshot(plan: Plan, *, on: date, as_final: bool = False) -> quality.PlanSnapshot:
    """The plan as plain values for quality.draft_problems."""
    items = labelled_items(plan)
    child = plan.child
    return quality.PlanSnapshot(
        is_draft=not as_final,
        needs=tuple(quality.NeedSnapshot(key=str(n.pk), label=f"{n.label}: {n.area}") for n in items["needs"]),
        outcomes=tuple(
            quality.OutcomeSnapshot(
                key=str(o.pk), label=o.label, description=o.description,
                need_keys=tuple(str(n.pk) for n in o.needs.all()), preparing_for_adulthood=o.preparing_for_adulthood,
            )
            for o in items["outcomes"]
        ),
        provisions=tuple(
            quality.ProvisionSnapshot(
                key=str(p.pk), section=p.section, label=p.label, description=p.description, amount=p.amount,
                frequency=p.frequency, provided_by=p.provided_by, need_keys=tuple(str(n.pk) for n in p.needs.all()),
                preparing_for_adulthood=p.preparing_for_adulthood,
                health_commissioner_agreed=p.health_commissioner_agreed,
                outcome_keys=tuple(str(o.pk) for o in p.outcomes.all()),
            )
            for p in items["provisions"]
        ),
        placement_name=plan.placement_name,
        placement_type=plan.placement_type,
        section_j=plan.section_j,
        year_9_or_above=statutory.is_year_9_or_above(child.date_of_birth, on),
        # From the agreed personal budget (budgets, through plans.section_j_source); None: not known, not checked.
        has_direct_payment=_has_direct_payment(plan),
    )


def _has_direct_payment(plan: Plan) -> bool | None:
    source = section_j_source(plan)
    return None if source is None else source.has_direct_payment


@dataclass(frozen=True)
class Task:
    section: str
    title: str
    href_name: str
    href_kwargs: dict
    status: str  # "completed", "incomplete", "cannot_start", "optional"
    hint: str = ""


def plan_tasks(plan: Plan, problems: list[quality.Problem]) -> list[Task]:
    """The draft plan as a GOV.UK task list: one task per section A to K."""
    items = labelled_items(plan)
    with_problems = {p.section for p in problems}
    has_needs = bool(items["needs"])

    def status(done: bool, section: str | tuple[str, ...], *, needs_b: bool = False) -> str:
        if needs_b and not has_needs:
            return "cannot_start"
        sections = (section,) if isinstance(section, str) else section
        if done and not (with_problems & set(sections)):
            return "completed"
        return "incomplete"

    kw = {"child_id": plan.child_id, "plan_id": plan.pk}
    origin = origin_assessment(plan)  # an amendment's advice is the first plan's
    case_kw = {"child_id": plan.child_id, "assessment_id": origin.pk if origin else None}
    g_needed = bool(plan.section_c.strip())
    h_needed = bool(plan.section_d.strip())
    advice_received = [a for a in origin.advice_requests.all() if a.received_on] if origin else []
    return [
        Task("A", "A: Views, interests and aspirations", "plans:section", {**kw, "section": "a"},
             status(bool(plan.section_a.strip()), "A")),
        Task("B", "B: Special educational needs", "plans:needs", kw, status(has_needs, "B")),
        Task("C", "C: Health needs", "plans:section", {**kw, "section": "c"}, status(bool(plan.section_c.strip()), "C"),
             hint="Write “No health needs related to special educational needs” if there are none"),
        Task("D", "D: Social care needs", "plans:section", {**kw, "section": "d"},
             status(bool(plan.section_d.strip()), "D"),
             hint="Write “No social care needs” if there are none"),
        Task("E", "E: Outcomes", "plans:outcomes", kw, status(bool(items["outcomes"]), "E", needs_b=True)),
        Task("F", "F: Special educational provision", "plans:provision", {**kw, "section": "F"},
             status(bool(items["F"]), "F", needs_b=True)),
        Task("G", "G: Health provision", "plans:provision", {**kw, "section": "G"},
             status(bool(items["G"]) or not g_needed, "G", needs_b=True),
             hint="Must be agreed by the health commissioner"),
        Task("H", "H1 and H2: Social care provision", "plans:provision", {**kw, "section": "H1"},
             status(bool(items["H1"] or items["H2"]) or not h_needed, ("H1", "H2"), needs_b=True)),
        Task("I", "I: School or other placement", "plans:placements", kw, "completed", hint=(
            f"Names {plan.placement_name or plan.get_placement_type_display()}: changed when the amended plan is "
            "issued, if the amendments change it")) if plan.kind == PlanKind.AMENDMENT and plan.placement_type else
        Task("I", "I: School or other placement", "plans:placements", kw, "cannot_start",
             hint="Left blank in the draft. Named in the final plan, after the family has asked for a school "
             "and schools have been consulted"),
        Task("J", "J: Personal budget and direct payments", "plans:section", {**kw, "section": "j"},
             "completed" if plan.section_j.strip() and "J" not in with_problems else "optional",
             hint="Only if there is a personal budget or direct payment"),
        Task("K", "K: Advice and information", "assessments:case" if origin else "plans:document",
             case_kw if origin else kw, "completed" if advice_received else "incomplete",
             hint=f"{len(advice_received)} advice received, listed as appendices" if advice_received
             else "No advice received yet"),
    ]
