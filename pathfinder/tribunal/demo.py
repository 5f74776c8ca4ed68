"""Appeals to the SEND Tribunal in the demo county (pathfinder.demo calls ``build_tribunal`` after
``disagreements.demo.build_disagreements``, which recorded the appealable decisions and the year's mediation).

England (spec 8): appeals are about 3 to 6% of appealable decisions; 59% are about a plan's contents, 27% about a
refusal to assess; councils lose most of the appeals decided (the Tribunal finds at least partly for the family in
about 19 of 20), and many are withdrawn or conceded first. So about one decision in 22 is appealed here, with
those proportions: appeals waiting for the council's response (some overdue), responded and waiting for a hearing,
a few not opposed (reg 45 duties from the day the Tribunal was told), withdrawn, and decided with orders (reg 44)
whose duties were done on time, done late, or are still open (some overdue now); ordered provision partly
delivered; a few health and social care recommendations; and mediation agreements on appealable matters running
on the order clocks (reg 42(2)). The demo caseworker's team always has an appeal waiting for its response and an
overdue duty, so the worklist and the manager's report show them.

Rows are written with bulk_create from a seeded random and ``today``; due dates come from ``statutory``
(tribunal_response_due, order_duties, unopposed_duties, recommendation_response_due, appeal_dates).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, timedelta

import statutory
from pathfinder.disagreements.constants import AppealableKind
from pathfinder.disagreements.demo import pick_by_mix, year_decisions
from pathfinder.disagreements.models import AppealableDecision
from pathfinder.disagreements.models_mediation import MediationCase
from pathfinder.tribunal.constants import AppealOutcome, AppealStatus, DutyBasis, RecommendationArea
from pathfinder.tribunal.duties import unopposed_kind
from pathfinder.tribunal.models import Appeal, OrderDuty, OrderedProvision, Recommendation, TribunalOrder

APPEAL_SHARE = 0.045
#: England's appeals by what was appealed (MoJ, 2023/24): contents 59%, refusal to assess 27%, the rest.
APPEAL_MIX = {"contents": 0.59, AppealableKind.NOT_TO_ASSESS: 0.27, AppealableKind.NOT_TO_ISSUE: 0.07,
              AppealableKind.TO_CEASE: 0.04, "other": 0.03}
CONTENTS = (AppealableKind.PLAN_CONTENTS, AppealableKind.AMENDED_PLAN_CONTENTS)
GROUNDS = {
    "contents": "Section F does not specify the therapy our child needs, and the school named in section I cannot "
                "meet their needs.",
    AppealableKind.NOT_TO_ASSESS: "The council refused to assess although our child is not making progress with "
                                  "the support school can give.",
    AppealableKind.NOT_TO_ISSUE: "The assessment showed our child needs provision the school cannot make from its "
                                 "own resources.",
    AppealableKind.TO_CEASE: "Our child still needs the plan: they are continuing in education and the outcomes "
                             "are not met.",
    "other": "The council should have amended the plan after the review: the needs have changed.",
}
PROVISION = ("Speech and language therapy: 1 hour a week from a qualified therapist",
             "Occupational therapy programme reviewed each term", "Full-time teaching assistant support in class")
RECOMMENDATIONS = {
    RecommendationArea.HEALTH: "The ICB should provide occupational therapy for sensory processing as set out in "
                               "the expert's report.",
    RecommendationArea.SOCIAL_CARE: "The council's social care team should provide short breaks of one weekend a "
                                    "month.",
}


def _group(kind: str) -> str:
    if kind in CONTENTS:
        return "contents"
    if kind in (AppealableKind.NOT_TO_ASSESS, AppealableKind.NOT_TO_ISSUE, AppealableKind.TO_CEASE):
        return kind
    return "other"


def _days(rng: random.Random, low: int, high: int) -> timedelta:
    return timedelta(days=rng.randint(low, high))


def _sections(rng: random.Random, kind: str) -> list[str]:
    if kind not in CONTENTS:
        return []
    return rng.choice((["B", "F", "I"], ["F"], ["F", "I"], ["I"], ["B", "F"], ["I"]))


def _order_kind(decision_kind: str, sections: Sequence[str], outcome: str) -> str:
    """What the Tribunal ordered: the appealed decision undone (reg 44), or ceasing confirmed (44(2)(a))."""
    if decision_kind == AppealableKind.TO_CEASE and outcome == AppealOutcome.DISMISSED:
        return statutory.OrderKind.CEASE
    if decision_kind == AppealableKind.NOT_TO_AMEND:
        return statutory.OrderKind.AMEND_CONTENTS
    return unopposed_kind(decision_kind, sections)


def _appeal(rng: random.Random, decision: AppealableDecision, serial: int, today: date,
            certificates: dict[int, date]) -> Appeal | None:
    notice = decision.notice_sent or decision.decided_on
    sections = _sections(rng, decision.kind)
    certificate = None
    if statutory.certificate_needed(decision.kind, sections):
        certificate = certificates.get(decision.pk) or notice + _days(rng, 7, 40)
    last_day = statutory.appeal_dates(notice, certificate_issued=certificate).appeal_by
    registered = (certificate or notice) + _days(rng, 5, 25)
    if registered > min(last_day, today):
        registered = min(last_day, today)
    if registered < (certificate or notice):
        return None
    notified = registered + _days(rng, 1, 6)
    if notified > today:
        return None
    return Appeal(
        decision=decision, child_id=decision.child_id, reference=f"EH{800 + serial % 100}/{notice:%y}/{serial:05d}",
        registered_on=registered, notified_on=notified, grounds=GROUNDS[_group(decision.kind)], sections=sections,
        certificate_needed=certificate is not None, certificate_on=certificate,
        response_due=statutory.tribunal_response_due(notified),
    )


def _progress(rng: random.Random, appeal: Appeal, today: date) -> None:
    """How far the appeal has gone by ``today``: responded, heard, decided, withdrawn or not opposed."""
    due = appeal.response_due
    if due + _days(rng, 14, 28) < today:  # long past: answered, mostly on time, a few days late now and then
        sent = due - _days(rng, 0, 8) if rng.random() < 0.85 else due + _days(rng, 1, 10)
        appeal.response_sent_on, appeal.status = max(appeal.notified_on, sent), AppealStatus.RESPONDED
    elif due <= today and rng.random() < 0.5:  # just overdue: half still waiting for the council's response
        appeal.response_sent_on, appeal.status = max(appeal.notified_on, due - _days(rng, 0, 8)), \
            AppealStatus.RESPONDED
    elif rng.random() < 0.12:
        appeal.not_opposed_on = appeal.notified_on + _days(rng, 5, 25)
        if appeal.not_opposed_on <= today:
            appeal.status, appeal.outcome = AppealStatus.NOT_OPPOSED, AppealOutcome.CONCEDED
            appeal.outcome_on = appeal.not_opposed_on
        else:
            appeal.not_opposed_on = None
        return
    if appeal.response_sent_on is None:
        return
    roll = rng.random()
    if roll < 0.18:
        withdrawn = appeal.response_sent_on + _days(rng, 5, 60)
        if withdrawn <= today:
            appeal.status, appeal.outcome, appeal.outcome_on = AppealStatus.WITHDRAWN, AppealOutcome.WITHDRAWN, \
                withdrawn
        return
    appeal.hearing_on = appeal.registered_on + _days(rng, 90, 150)
    if appeal.hearing_on > today:
        return
    appeal.outcome_on = appeal.hearing_on + _days(rng, 3, 14)
    if appeal.outcome_on > today:
        appeal.outcome_on = None
        return
    appeal.status = AppealStatus.DECIDED
    appeal.outcome = (AppealOutcome.DISMISSED if roll > 0.93 else
                      AppealOutcome.ALLOWED_IN_PART if roll > 0.6 else AppealOutcome.ALLOWED)


def _done_dates(rng: random.Random, deadlines: statutory.Deadlines, start: date, today: date,
                pattern: str = "") -> dict[str, date]:
    """Each duty done on time (most), late (some), or not yet. A ``pattern`` makes sure each shape is in the demo
    however small: "overdue" leaves the first duty already due undone, "on_time" and "late" do every due one so."""
    done = {}
    for item in deadlines:
        if item.due > today and (pattern or rng.random() < 0.7):
            continue
        roll = {"on_time": 0.0, "late": 0.7}.get(pattern, rng.random())
        if pattern == "overdue" and item.due < today:
            return done
        if roll < 0.65:
            on = max(start, item.due - _days(rng, 0, 12))
        elif roll < 0.88:
            on = item.due + _days(rng, 1, 30)
        else:
            continue
        if on <= today:
            done[item.step] = on
    return done


def _duties_for(rng: random.Random, order: TribunalOrder, today: date, pattern: str) -> list[OrderDuty]:
    def law(facts: statutory.DutyFacts) -> statutory.Deadlines:
        if order.basis == DutyBasis.UNOPPOSED:
            return statutory.unopposed_duties(order.kind, order.made_on, facts, today=today)
        return statutory.order_duties(order.kind, order.made_on, facts, today=today)

    first = law(statutory.DutyFacts())
    done = _done_dates(rng, first, order.made_on, today, pattern)
    if order.kind in (statutory.OrderKind.ASSESS, statutory.OrderKind.REASSESS) and "notify_will_assess" in done:
        order.decided_to_issue = rng.random() < 0.9 if rng.random() < 0.6 else None
        if order.decided_to_issue is False:
            done.pop("final_plan", None)
        else:
            done.pop("notify_no_plan", None)
    rows = []
    for item in law(statutory.DutyFacts(done=done, decided_to_issue=order.decided_to_issue)):
        rows.append(OrderDuty(order=order, step=item.step, label=item.label[:200], citation=item.rule.citation[:200],
                              due_on=item.due, done_on=done.get(item.step),
                              applies=item.status != statutory.NOT_APPLICABLE or item.step in done))
    return rows


def build_tribunal(rng: random.Random, *, today: date, demo: dict | None = None,
                   share: float = APPEAL_SHARE) -> dict[str, int]:
    """The year's appeals, orders, duties, provision and recommendations (see the module). Counts for progress."""
    decisions = year_decisions(today)
    caseworker = (demo or {}).get("caseworker")
    own_team = getattr(caseworker, "team_id", None)
    first = [d for d in decisions if own_team is not None and d.child.team_id == own_team]
    chosen = pick_by_mix(rng, decisions, round(len(decisions) * share), APPEAL_MIX, group=_group, first=first)
    certificates = {}
    for case in MediationCase.objects.filter(decision__in=[d.pk for d in chosen]).select_related("decision"):
        cert = statutory.certificate_date(statutory.MediationFacts(
            notice_sent=case.decision.notice_sent or case.decision.decided_on, adviser_certificate=case.adviser_certificate,
            deemed_certificate=case.deemed_certificate, mediator_certificate=case.mediator_certificate))
        if cert is not None:
            certificates[case.decision_id] = cert
    appeals = []
    for serial, decision in enumerate(chosen, start=1):
        appeal = _appeal(rng, decision, serial, today, certificates)
        if appeal is not None:
            _progress(rng, appeal, today)
            appeals.append(appeal)
    own = [a for a in appeals if a.decision.child.team_id == own_team]
    if own:  # the demo caseworker's team's latest appeal waits for the council's response
        latest = max(own, key=lambda a: (a.notified_on, a.reference))
        latest.status, latest.response_sent_on, latest.not_opposed_on = AppealStatus.REGISTERED, None, None
        latest.hearing_on, latest.outcome, latest.outcome_on = None, "", None
    Appeal.objects.bulk_create(appeals, batch_size=500)
    orders = [TribunalOrder(
        child_id=a.child_id, appeal=a, made_on=a.outcome_on, details="The Tribunal's order.",
        basis=DutyBasis.UNOPPOSED if a.outcome == AppealOutcome.CONCEDED else DutyBasis.ORDER,
        kind=_order_kind(a.decision.kind, a.sections, a.outcome),
    ) for a in appeals if a.outcome in (AppealOutcome.ALLOWED, AppealOutcome.ALLOWED_IN_PART, AppealOutcome.CONCEDED)
        or (a.outcome == AppealOutcome.DISMISSED and a.decision.kind == AppealableKind.TO_CEASE)]
    orders += _agreement_orders(today)
    TribunalOrder.objects.bulk_create(orders, batch_size=500)
    duties, provision, shapes = [], [], _shapes(orders, {d.child_id for d in first}, today)
    for order in orders:
        duties.extend(_duties_for(rng, order, today, shapes.get(id(order), "")))
        if order.kind in (statutory.OrderKind.AMEND_CONTENTS, statutory.OrderKind.MAKE_PLAN):
            for text in rng.sample(PROVISION, rng.randint(1, 2)):
                delivered = order.made_on + _days(rng, 20, 80)
                provision.append(OrderedProvision(
                    order=order, description=text, delivered_on=delivered if delivered <= today else None,
                    evidence="The school's provision map and the therapist's notes." if delivered <= today else ""))
    OrderDuty.objects.bulk_create(duties, batch_size=1000)
    OrderedProvision.objects.bulk_create(provision, batch_size=1000)
    TribunalOrder.objects.bulk_update([o for o in orders if o.decided_to_issue is not None], ["decided_to_issue"])
    recommendations = _recommendations(rng, appeals, today)
    return {"appeals": len(appeals), "appeals_decided": sum(a.status == AppealStatus.DECIDED for a in appeals),
            "not_opposed": sum(a.status == AppealStatus.NOT_OPPOSED for a in appeals), "orders": len(orders),
            "order_duties": len(duties), "ordered_provision": len(provision), "recommendations": recommendations}


def _shapes(orders: Sequence[TribunalOrder], own_children: set[int], today: date) -> dict[int, str]:
    """One order of each shape among those old enough to have a duty due: overdue on the demo caseworker's team
    (their worklist and the manager's report), one done on time, one done late; the rest are drawn."""
    due = sorted((o for o in orders if o.made_on < today), key=lambda o: (o.made_on, o.child_id))
    shapes: dict[int, str] = {}
    own = next((o for o in due if o.child_id in own_children), None)
    if own is not None:
        shapes[id(own)] = "overdue"
    rest = [o for o in due if id(o) not in shapes]
    for order, shape in zip(rest[:2], ("on_time", "late"), strict=False):
        shapes[id(order)] = shape
    return shapes


def _agreement_orders(today: date) -> list[TribunalOrder]:
    """Mediation agreements on appealable matters run on the order clocks from the agreement (reg 42(2))."""
    orders = []
    for case in (MediationCase.objects.filter(agreement_appealable=True, agreement_on__lte=today)
                 .select_related("decision").order_by("pk")):
        decision = case.decision
        kind = _order_kind(decision.kind, decision.sections or [], AppealOutcome.ALLOWED)
        orders.append(TribunalOrder(child_id=decision.child_id, basis=DutyBasis.MEDIATION, kind=kind,
                                    made_on=case.agreement_on, source_type="disagreements.mediation",
                                    source_id=str(case.pk), details=case.agreement_summary))
    return orders


def _recommendations(rng: random.Random, appeals: Sequence[Appeal], today: date) -> int:
    """Health or social care recommendations on about one decided appeal in eight (the extended appeals)."""
    made = []
    for appeal in appeals:
        if appeal.status != AppealStatus.DECIDED or appeal.outcome == AppealOutcome.DISMISSED or rng.random() > 0.12:
            continue
        area = rng.choice(list(RECOMMENDATIONS))
        due = statutory.recommendation_response_due(appeal.outcome_on)
        answered = rng.random() < 0.6 and due - _days(rng, 0, 10) <= today
        made.append(Recommendation(
            appeal=appeal, area=area, made_on=appeal.outcome_on, text=RECOMMENDATIONS[area], response_due=due,
            responded_on=min(today, due - _days(rng, 0, 10)) if answered else None,
            will_follow=True if answered else None,
            response="The ICB agreed to follow it and commissioned the therapy." if answered else ""))
    Recommendation.objects.bulk_create(made)
    return len(made)
