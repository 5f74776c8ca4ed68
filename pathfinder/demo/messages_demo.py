"""Which demo cases told whom what: notices for the demo caseworker's cases, the demo parent, the adviser and the
demo organisations' members."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from django.urls import reverse

import statutory
from pathfinder.accounts.models import User
from pathfinder.assessments.family_messages import family_link, family_recipients
from pathfinder.assessments.models import AdviceRequest, Assessment
from pathfinder.assessments.services import advice_due_on
from pathfinder.notifications.demo import DemoNotice
from pathfinder.notifications.kinds import link
from pathfinder.notifications.recipients import Recipient
from pathfinder.organisations.selectors import memberships_active

CASES = 15


def _family(assessment: Assessment, kind: str, values: dict, on: date) -> Iterator[DemoNotice]:
    for to in family_recipients(assessment.child, on):
        yield DemoNotice(to=to, kind=kind, values={"link": family_link(), **values}, on=on,
                         child_id=assessment.child_id)


def demo_notices(demo: dict[str, User], *, today: date) -> list[DemoNotice]:
    """What the demo county's families were told about the demo caseworker's and the demo parent's cases."""
    cases = list(
        Assessment.objects.filter(caseworker=demo["caseworker"], received_on__gte=today.replace(year=today.year - 1))
        .select_related("child").order_by("-received_on", "pk")[:CASES]
    )
    parent_case = (Assessment.objects.filter(child__family_members__user=demo["parent"])
                   .select_related("child").order_by("-received_on").first())
    if parent_case is not None and parent_case not in cases:
        cases.append(parent_case)
    notices: list[DemoNotice] = []
    for a in cases:
        notices += _family(a, "assessments.request_received", {"date": a.received_on, "decide_by": a.decision_due_on},
                           a.received_on)
        if a.decided_to_assess and a.decision_to_assess_on:
            notices += _family(a, "assessments.decided_to_assess", {"decide_by": a.not_issue_due_on},
                               a.decision_to_assess_on)
        elif a.decided_to_assess is False and a.decision_to_assess_on:
            notices += _family(a, "assessments.refused", {}, a.decision_to_assess_on)
        if a.draft_served_on:
            notices += _family(a, "plans.draft_sent",
                               {"last_day": statutory.representations_last_day(a.draft_served_on)}, a.draft_served_on)
        if a.final_issued_on:
            notices += _family(a, "plans.final_issued", {"date": a.final_issued_on}, a.final_issued_on)
    adviser = demo["adviser"]
    for advice in AdviceRequest.objects.filter(adviser=adviser, received_on__isnull=True).select_related("assessment"):
        due = advice_due_on(advice)
        if due is not None:
            notices.append(DemoNotice(to=Recipient.for_user(adviser), kind="assessments.advice_requested",
                                      values={"due_on": due, "link": link(reverse("assessments:adviser-home"))},
                                      on=advice.requested_on, child_id=advice.assessment.child_id))
    notices += organisation_notices(demo, today=today)
    return [n for n in notices if n.on <= today and all(v is not None for v in n.values.values())]


def organisation_notices(demo: dict[str, User], *, today: date) -> Iterator[DemoNotice]:
    """The demo organisations' administrators told of requests in their queues, members of requests given to
    them, and the demo caseworker of advice that arrived on their cases (assessments.adviser_messages)."""
    queued = (AdviceRequest.objects.filter(organisation__isnull=False, received_on__isnull=True, reused_existing=False)
              .select_related("assessment").order_by("-requested_on", "pk")[:CASES])
    admins: dict[int, list[User]] = {}
    for membership in memberships_active(today).filter(is_administrator=True).select_related("user"):
        admins.setdefault(membership.organisation_id, []).append(membership.user)
    for advice in queued:
        due = advice_due_on(advice)
        queue = link(reverse("assessments:organisation-queue", kwargs={"organisation_id": advice.organisation_id}))
        for admin in admins.get(advice.organisation_id, []):
            if admin.pk != advice.assigned_to_id:
                yield DemoNotice(to=Recipient.for_user(admin), kind="assessments.advice_for_organisation",
                                 values={"due_on": due, "link": queue}, on=advice.requested_on,
                                 child_id=advice.assessment.child_id)
        if advice.assigned_to_id:
            yield DemoNotice(to=Recipient.for_user(advice.assigned_to), kind="assessments.advice_given_to_you",
                             values={"due_on": due, "link": link(reverse("assessments:advice-give",
                                                                         kwargs={"advice_id": advice.pk}))},
                             on=advice.requested_on, child_id=advice.assessment.child_id)
    arrived = (AdviceRequest.objects.filter(assessment__caseworker=demo["caseworker"], received_on__isnull=False,
                                            reused_existing=False)
               .select_related("assessment").order_by("-received_on", "pk")[:5])
    for advice in arrived:
        case = reverse("assessments:case", kwargs={"child_id": advice.assessment.child_id,
                                                   "assessment_id": advice.assessment_id})
        yield DemoNotice(to=Recipient.for_user(demo["caseworker"]), kind="assessments.advice_arrived",
                         values={"link": link(case)}, on=advice.received_on, child_id=advice.assessment.child_id)
