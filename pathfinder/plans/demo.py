"""The demo county's EHC plans: draft and final plans with their wording, and the consultations on drafts (s.39).

Each function is one step of the county that the demo app's county builder orchestrates. It is given the seeded random
generator, "today", the cases drawn so far and their assessments (pathfinder.assessments.demo), and draws in a
fixed order, so the same seed always gives the same plans.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from datetime import date, timedelta

import statutory
from pathfinder.assessments.demo import AREA_FOR_NEED
from pathfinder.assessments.models import Assessment
from pathfinder.people.demo import Setting
from pathfinder.plans import clock
from pathfinder.plans import demo_wording as wording
from pathfinder.plans.demo_amendments import build_amendments
from pathfinder.plans.models import Consultation, Plan, PlanNeed, PlanOutcome, PlanProvision, PlanStatus

__all__ = ["build_amendments", "build_consultations", "build_plan_sections", "build_plans"]

# The stages of the demo's simulated journey that have a plan, and the plan's status at each.
PLAN_STATUS_FOR_STAGE = {"drafting": PlanStatus.DRAFT, "draft_sent": PlanStatus.DRAFT_SENT,
                         "final_issued": PlanStatus.FINAL}


def build_plans(
    rng: random.Random, cases: Sequence[tuple], assessments: Sequence[Assessment], *, rich: bool
) -> tuple[list[Plan], list[tuple]]:
    """A plan for every case past the decision to issue: a draft, or final once issued.

    `cases` are (child, kind, timeline, primary need, setting, caseworker) as in pathfinder.assessments.demo, and
    `assessments` their rows. `rich=False` leaves the wording out of plans made before this year. Returns the
    plans and, for those with wording, (plan, child, timeline, need, setting, name) for the steps below.
    """
    plans: list[Plan] = []
    content = []
    for (child, kind, tl, need, setting, caseworker), a in zip(cases, assessments, strict=True):
        if tl.status not in PLAN_STATUS_FOR_STAGE:
            continue
        name = child.preferred_name or child.legal_first_name
        full = rich or kind == "request"
        plan = Plan(
            assessment=a, child=child, status=PLAN_STATUS_FOR_STAGE[tl.status],
            draft_sent_on=tl.draft_served_on, issued_on=tl.final_issued_on,
            placement_name=setting.name if setting and tl.status != "drafting" else "",
            placement_type=setting.institution_type if setting and tl.status != "drafting" else "",
            placement_urn=(setting.urn or setting.ukprn) if setting and tl.status != "drafting" else "",
            updated_by=caseworker,
        )
        if plan.issued_on is not None:
            clock.review_clock_start(plan, made_on=plan.issued_on)
        if full:
            plan.section_a = rng.choice(wording.SECTION_A).format(name=name)
            plan.section_c = rng.choice(wording.SECTION_C).format(name=name)
            plan.section_d = rng.choice(wording.SECTION_D).format(name=name)
            plan.section_j = ("A personal budget was discussed; the family chose not to have one at this time."
                              if rng.random() < 0.9 else "Direct payment for the short breaks in section H2.")
        plans.append(plan)
        if full:
            content.append((plan, child, tl, need, setting, name))
    Plan.objects.bulk_create(plans, batch_size=2000)
    return plans, content


def build_plan_sections(rng: random.Random, content: Sequence[tuple], *, today: date) -> dict[str, int]:
    """Needs (section B), outcomes (E) and provision (F, G, H), linked to each other, for build_plans' content."""
    needs, outcomes, provisions = [], [], []
    links = []  # (outcome, [needs]) and (provision, [needs], [outcomes])
    for plan, child, _tl, need, _setting, name in content:
        child_needs = [need] + [o for o in rng.sample(list(wording.NEEDS), 2) if o != need][: rng.randint(0, 1)]
        plan_needs = []
        for order, n in enumerate(child_needs, start=1):
            pn = PlanNeed(plan=plan, area=AREA_FOR_NEED[n], order=order,
                          description=rng.choice(wording.NEEDS[n]).format(name=name))
            needs.append(pn)
            plan_needs.append(pn)
        order = 0
        plan_outcomes = []
        over_14 = statutory.age_on(child.date_of_birth, today) >= 14
        for pn in plan_needs:
            for text in rng.sample(wording.OUTCOMES[pn.area], 2):
                order += 1
                po = PlanOutcome(plan=plan, description=text.format(name=name), order=order)
                outcomes.append(po)
                plan_outcomes.append(po)
                links.append(("o", po, [pn], []))
        if over_14:
            order += 1
            po = PlanOutcome(plan=plan, description=rng.choice(wording.PFA_OUTCOMES).format(name=name),
                             order=order, preparing_for_adulthood=True)
            outcomes.append(po)
            links.append(("o", po, plan_needs[:1], []))
        order = 0
        for pn in plan_needs:
            for p in rng.sample(wording.PROVISION_F[pn.area], 3):
                order += 1
                pp = PlanProvision(plan=plan, section="F", description=p.description, amount=p.amount,
                                   frequency=p.frequency, provided_by=p.provided_by, order=order)
                provisions.append(pp)
                links.append(("p", pp, [pn], [o for o in plan_outcomes if o.order <= order][:1]))
        for i, p in enumerate(rng.sample(wording.PROVISION_G, rng.randint(0, 2)), start=1):
            pp = PlanProvision(plan=plan, section="G", description=p.description, amount=p.amount,
                               frequency=p.frequency, provided_by=p.provided_by, order=i,
                               health_commissioner_agreed=True,
                               health_commissioner_agreed_by="Wealdmoor Integrated Care Board")
            provisions.append(pp)
            links.append(("p", pp, plan_needs[:1], []))
        if rng.random() < 0.3:
            section, p = rng.choice(wording.PROVISION_H)
            pp = PlanProvision(plan=plan, section=section, description=p.description, amount=p.amount,
                               frequency=p.frequency, provided_by=p.provided_by, order=1)
            provisions.append(pp)
            links.append(("p", pp, plan_needs[:1], []))
    PlanNeed.objects.bulk_create(needs, batch_size=5000)
    PlanOutcome.objects.bulk_create(outcomes, batch_size=5000)
    PlanProvision.objects.bulk_create(provisions, batch_size=5000)
    outcome_needs = PlanOutcome.needs.through
    provision_needs = PlanProvision.needs.through
    provision_outcomes = PlanProvision.outcomes.through
    on_rows, pn_rows, po_rows = [], [], []
    for kind, obj, linked_needs, linked_outcomes in links:
        if kind == "o":
            on_rows += [outcome_needs(planoutcome_id=obj.pk, planneed_id=n.pk) for n in linked_needs]
        else:
            pn_rows += [provision_needs(planprovision_id=obj.pk, planneed_id=n.pk) for n in linked_needs]
            po_rows += [provision_outcomes(planprovision_id=obj.pk, planoutcome_id=o.pk) for o in linked_outcomes]
    outcome_needs.objects.bulk_create(on_rows, batch_size=5000)
    provision_needs.objects.bulk_create(pn_rows, batch_size=5000)
    provision_outcomes.objects.bulk_create(po_rows, batch_size=5000)
    return {"needs": len(needs), "outcomes": len(outcomes), "provisions": len(provisions)}


def build_consultations(
    rng: random.Random, content: Sequence[tuple], *, today: date,
    settings_by_kind: Mapping[str, list[Setting]],
) -> int:
    """The schools and colleges consulted on each draft sent (s.39), and their replies so far.

    `content` is build_plans' content; the second school asked is drawn from `settings_by_kind`.
    """
    rows = []
    for plan, _child, tl, _need, setting, _name in content:
        if not tl.draft_served_on:
            continue
        if setting is None or not setting.institution_type:
            continue
        options = [setting] + rng.sample(settings_by_kind.get(setting.kind, [setting]), 1)
        for i, institution in enumerate(options[: rng.randint(1, 2)]):
            sent = tl.draft_served_on + timedelta(days=rng.randint(0, 3))
            if sent > today:
                continue
            replied = sent + timedelta(days=rng.randint(5, 15) if rng.random() < 0.6 else rng.randint(16, 30))
            if tl.final_issued_on and replied > tl.final_issued_on:
                replied = tl.final_issued_on
            if replied > today:
                replied = None
            can_meet = None if replied is None else (i == 0 or rng.random() < 0.4)
            rows.append(Consultation(
                plan=plan, institution_name=institution.name, institution_type=institution.institution_type,
                sent_on=sent, responded_on=replied, can_meet_needs=can_meet,
                response=("We can meet the needs set out in the draft plan with the provision in section F."
                          if can_meet else "We cannot meet these needs: our site is not accessible for the "
                          "child's equipment." if can_meet is False else ""),
            ))
    Consultation.objects.bulk_create(rows, batch_size=5000)
    return len(rows)
