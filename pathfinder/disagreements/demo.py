"""Disagreements in the demo county (pathfinder.demo calls ``build_disagreements`` after the plans, reviews,
ceasing and budgets): every bulk-written decision recorded as appealable (``appealable_decisions_rebuild``), then
a year of mediation in national proportions and a few Ombudsman complaints.

England, 2024 (spec 8): about 14,500 mediations held against about 150,000 requests and 100,000 new plans; 72% of
them about a request (a decision not to assess), 15% about not issuing a plan, 13% about anything else (contents,
ceasing). So about one decision in twenty goes to mediation here, weighted the same way, at every stage: families
who took only the adviser's certificate, mediation asked for and being arranged, arranged for a day to come, not
arranged in time (a deemed certificate), held with and without an agreement, agreements done. The demo
caseworker's team always has an open mediation and an Ombudsman remedy due, so their worklist shows both.

Rows are written with bulk_create (no services, no history rows) from a seeded random and ``today``. Every date
that is a statutory step is drawn relative to its trigger and then checked with ``statutory.mediation_problems``
(a case the law would refuse is not written); the clocks themselves are statutory's, read by the pages.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, timedelta

import statutory
from pathfinder.disagreements.constants import AppealableKind
from pathfinder.disagreements.mediation import mediation_facts
from pathfinder.disagreements.models import AppealableDecision
from pathfinder.disagreements.models_complaints import ComplaintStatus, Finding, OmbudsmanComplaint, Remedy
from pathfinder.disagreements.models_mediation import MediationCase, MediationStatus
from pathfinder.organisations.models import Organisation, OrganisationKind
from pathfinder.people.decisions import appealable_decisions_rebuild

#: Share of the year's appealable decisions that go to mediation (about 14,500 of about 250,000 in England).
MEDIATION_SHARE = 0.05
#: Where England's mediations were (2024): requests, assessments (not to issue), other.
MEDIATION_MIX = {AppealableKind.NOT_TO_ASSESS: 0.72, AppealableKind.NOT_TO_ISSUE: 0.15, "other": 0.13}
ISSUES = {
    AppealableKind.NOT_TO_ASSESS: "We think our child needs an EHC needs assessment: school has done all it can "
                                  "and the support in place is not enough.",
    AppealableKind.NOT_TO_ISSUE: "The assessment showed needs the school cannot meet from its own budget, so we "
                                 "think a plan is needed.",
    "other": "Section F is too vague about the speech and language therapy, and we disagree with the school named "
             "in section I.",
}
HEALTH_SOUGHT = "Occupational therapy for sensory needs, as the therapist's advice recommended."
AGREEMENT = "The council will look again at section F with the family and the speech and language therapist."
COMPLAINTS = (
    ("Provision in section F (speech and language therapy) was not delivered for a school term.",
     Finding.UPHELD_INJUSTICE, "Fault: the council did not secure the provision in the plan (CFA s.42).",
     ("Apologise to the family in writing", "Pay the family for the lost provision",
      "Review how the team checks that therapy in plans is being delivered")),
    ("The final plan was issued long after the time limit, with no exception to explain the delay.",
     Finding.UPHELD_NO_INJUSTICE, "Fault in the delay, but the child's placement was not affected.",
     ("Apologise to the family in writing",)),
    ("The annual review meeting was held but no decision was sent to the family.", None, "", ()),
)


def _year_start(today: date) -> date:
    return date(today.year - 1, today.month, min(today.day, 28))


def _days(rng: random.Random, low: int, high: int) -> timedelta:
    return timedelta(days=rng.randint(low, high))


def _group(kind: str) -> str:
    return kind if kind in (AppealableKind.NOT_TO_ASSESS, AppealableKind.NOT_TO_ISSUE) else "other"


def year_decisions(today: date) -> list[AppealableDecision]:
    """The appealable decisions whose notice went in the last year, with the child's team (one query)."""
    return list(AppealableDecision.objects.filter(notice_sent__gte=_year_start(today), notice_sent__lte=today)
                .select_related("child").order_by("pk"))


def pick_by_mix(rng: random.Random, decisions: Sequence[AppealableDecision], total: int, mix: dict,
                group=_group, first: Sequence[AppealableDecision] = ()) -> list[AppealableDecision]:
    """About ``total`` decisions drawn in the proportions of ``mix`` (by ``group(kind)``), never more than a group
    has; ``first`` (the demo caseworker's team's) are taken first where their group still has room."""
    pools: dict[str, list[AppealableDecision]] = {}
    for d in decisions:
        pools.setdefault(group(d.kind), []).append(d)
    chosen: list[AppealableDecision] = []
    taken: set[int] = set()
    for key, share in mix.items():
        pool = pools.get(key, [])
        want = min(len(pool), max(1, round(total * share))) if pool else 0
        own = [d for d in first if group(d.kind) == key][:max(1, want // 4)] if want else []
        rest = [d for d in pool if d.pk not in {o.pk for o in own}]
        picked = own + rng.sample(rest, max(0, min(len(rest), want - len(own))))
        chosen.extend(d for d in picked if d.pk not in taken)
        taken.update(d.pk for d in picked)
    return chosen


def _mediation(rng: random.Random, decision: AppealableDecision, today: date, service_id: int | None,
               force_open: bool = False) -> MediationCase | None:
    notice = decision.notice_sent or decision.decided_on
    case = MediationCase(decision=decision, mediation_service_id=service_id, adviser_contacted=notice + _days(rng, 3, 45),
                         issues=ISSUES[_group(decision.kind)])
    if case.adviser_contacted > today:
        return None
    roll = 0.5 if force_open else rng.random()
    if roll < 0.2:  # the family did not want mediation: the adviser's certificate lets them appeal
        case.wants_mediation, case.adviser_certificate = False, case.adviser_contacted + _days(rng, 0, 2)
        case.status = MediationStatus.CERTIFICATE
        return case
    case.wants_mediation, case.council_informed = True, case.adviser_contacted + _days(rng, 1, 10)
    case.status = MediationStatus.COUNCIL_INFORMED
    case.health_in_issue = rng.random() < 0.2
    if case.health_in_issue:
        case.health_sought = HEALTH_SOUGHT
        case.health_notified = case.council_informed + _days(rng, 0, 5)  # sometimes late: the worklist shows it
    if force_open or case.council_informed + _days(rng, 5, 10) > today:
        return case  # the council has been told; mediation not yet arranged
    if roll < 0.28:  # the council could not arrange it in time: a deemed certificate
        case.council_cannot_arrange = case.council_informed + _days(rng, 10, 25)
        case.status = MediationStatus.CANNOT_ARRANGE
        if case.council_cannot_arrange + _days(rng, 0, 3) <= today:
            case.deemed_certificate = case.council_cannot_arrange + _days(rng, 0, 2)
            case.status = MediationStatus.CERTIFICATE
        return case
    case.arranged_for = case.council_informed + _days(rng, 14, 34)  # a few beyond the 30 days (reg 36)
    case.status = MediationStatus.ARRANGED
    if case.arranged_for > today:
        return case
    case.mediation_held, case.status = case.arranged_for, MediationStatus.HELD
    if rng.random() < 0.4:
        case.agreement_on = case.mediation_held
        case.agreement_appealable = rng.random() < 0.5
        case.agreement_summary = AGREEMENT
    if case.mediation_held + _days(rng, 0, 4) > today:
        return case
    case.mediator_certificate = case.mediation_held + _days(rng, 0, 3)
    case.status = MediationStatus.CERTIFICATE
    if case.agreement_appealable is False and rng.random() < 0.93:
        done = case.agreement_on + _days(rng, 3, 20)
        if done <= today:
            case.agreement_done, case.status = done, MediationStatus.AGREEMENT_DONE
    return case


def build_mediations(rng: random.Random, decisions: Sequence[AppealableDecision], *, today: date,
                     own_team: int | None, share: float = MEDIATION_SHARE) -> list[MediationCase]:
    """A year of mediation on ``decisions`` (see the module)."""
    service = Organisation.objects.filter(kind=OrganisationKind.MEDIATION).order_by("pk").first()
    service_id = service.pk if service else None
    first = [d for d in decisions if own_team is not None and d.child.team_id == own_team]
    chosen = pick_by_mix(rng, decisions, round(len(decisions) * share), MEDIATION_MIX, first=first)
    own = [d for d in chosen if own_team is not None and d.child.team_id == own_team]
    # The demo caseworker's team's latest disputed decision has a mediation the council must arrange now.
    latest = max(own, key=lambda d: (d.notice_sent or d.decided_on, d.pk)) if own else None
    cases = []
    for decision in chosen:
        case = _mediation(rng, decision, today, service_id, force_open=decision is latest)
        if case is not None and not statutory.mediation_problems(mediation_facts(case)):
            cases.append(case)
    MediationCase.objects.bulk_create(cases, batch_size=500)
    return cases


def build_complaints(rng: random.Random, decisions: Sequence[AppealableDecision], *, today: date,
                     own_team: int | None) -> tuple[int, int]:
    """Three Ombudsman complaints on the demo caseworker's team's children (or any): one decided with a remedy
    overdue, one decided and closed, one still being looked into. Returns (complaints, remedies)."""
    children = [d.child for d in decisions if own_team is None or d.child.team_id == own_team] or \
        [d.child for d in decisions]
    if not children:
        return 0, 0
    complaints, remedies = [], []
    for n, (text, finding, summary, remedy_texts) in enumerate(COMPLAINTS):
        received = today - _days(rng, 60, 200)
        status = ComplaintStatus.INVESTIGATING if finding is None else (
            ComplaintStatus.CLOSED if n == 1 else ComplaintStatus.DECIDED)
        complaint = OmbudsmanComplaint(
            child=children[(n * 7) % len(children)], reference=f"25 0{rng.randint(10, 99)} {rng.randint(100, 999)}",
            received_on=received, complaint=text, status=status, finding=finding or "",
            finding_on=received + _days(rng, 30, 50) if finding else None, finding_summary=summary)
        complaints.append(complaint)
        for m, remedy in enumerate(remedy_texts):
            due = complaint.finding_on + _days(rng, 20, 60)
            done = None if status == ComplaintStatus.DECIDED and m > 0 else min(today, due - _days(rng, 0, 10))
            remedies.append((complaint, Remedy(description=remedy, due_on=due, done_on=done)))
    OmbudsmanComplaint.objects.bulk_create(complaints)
    for complaint, remedy in remedies:
        remedy.complaint = complaint
    Remedy.objects.bulk_create([r for _, r in remedies])
    return len(complaints), len(remedies)


def build_disagreements(rng: random.Random, *, today: date, demo: dict | None = None,
                        share: float = MEDIATION_SHARE) -> dict[str, int]:
    """Record the bulk-written decisions, then the year's mediation and complaints. Counts for the progress line."""
    recorded = appealable_decisions_rebuild()  # the decisions the bulk-written rows hold, as the services record
    decisions = year_decisions(today)
    caseworker = (demo or {}).get("caseworker")
    own_team = getattr(caseworker, "team_id", None)
    cases = build_mediations(rng, decisions, today=today, own_team=own_team, share=share)
    complaints, remedies = build_complaints(rng, decisions, today=today, own_team=own_team)
    return {"appealable_decisions": recorded, "mediations": len(cases),
            "mediations_held": sum(c.mediation_held is not None for c in cases),
            "ombudsman_complaints": complaints, "remedies": remedies}
