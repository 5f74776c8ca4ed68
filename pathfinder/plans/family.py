"""What the family sees about their draft plan: how long they have to comment, and whom to contact.

The last day to comment comes from the statutory timeline (its ``representations_close`` entry, SEND
Regulations 2014 reg 13(1)(a)), never from a number written here, so a change in the law or the council's
calendar reaches these pages too. A comment sent after that day is still kept and passed on, but marked late
and the family is told plainly what it does and does not do.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import transaction
from django.urls import reverse

import statutory
from pathfinder.assessments.facts import assessment_timeline_for
from pathfinder.assessments.models import Assessment
from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record
from pathfinder.core.errors import ServiceError
from pathfinder.notifications.kinds import link
from pathfinder.notifications.recipients import Recipient
from pathfinder.notifications.services import message_send
from pathfinder.plans import selectors
from pathfinder.plans.models import PLAN_SECTIONS, CommentKind, Plan, PlanKind, PlanStatus, Representation


@dataclass(frozen=True)
class CommentWindow:
    """The family's time to comment on the draft: from the day it was sent to ``last_day``, both included."""

    served_on: date
    last_day: date
    is_open: bool
    citation: str
    about: str = "the draft plan"
    period: str = ""  # the rule's duration ("15 days"); the page's default is the draft plan's period


@dataclass(frozen=True)
class Contact:
    """Whom the family should get in touch with: their caseworker, or the SEND team if none is assigned yet."""

    name: str
    is_caseworker: bool
    email: str = ""
    phone: str = ""


@dataclass(frozen=True)
class FamilyPlanSummary:
    """One line on the family's start page: the plan, one step away."""

    url: str
    is_final: bool
    window: CommentWindow | None
    may_comment: bool
    comment_url: str
    is_amendment: bool = False
    changes_url: str = ""  # an amendment: the proposed changes as tracked changes


def comment_window(assessment: Assessment | None, today: date) -> CommentWindow | None:
    """The window as the statutory timeline gives it, or None before the draft is sent (or for a plan with no
    assessment here: one transferred from another council)."""
    if assessment is None or not assessment.draft_served_on:
        return None
    entry = assessment_timeline_for(assessment, today=today).get("representations_close")
    if entry is None:
        return None
    return CommentWindow(served_on=entry.trigger, last_day=entry.due, is_open=today <= entry.due,
                         citation=entry.rule.citation)


def plan_comment_window(plan: Plan, today: date) -> CommentWindow | None:
    """The family's time to comment on this plan's draft, or on an amendment's proposed changes (reg 22(2)(c))."""
    if plan.kind == PlanKind.AMENDMENT:
        if not plan.draft_sent_on:
            return None
        entry = statutory.amendment_timeline(statutory.AmendmentFacts(notice_served=plan.draft_sent_on),
                                             today=today)["amendment_representations_close"]
        return CommentWindow(served_on=entry.trigger, last_day=entry.due, is_open=today <= entry.due,
                             citation=entry.rule.citation, about="the proposed changes",
                             period=entry.rule.duration_text)
    return comment_window(plan.assessment, today) if plan.assessment_id else None


def plan_contact(plan: Plan) -> Contact:
    """Whom the family contacts about this plan: the caseworker of the assessment it came from, or the team."""
    return caseworker_contact(selectors.origin_assessment(plan))


def caseworker_contact(assessment: Assessment | None) -> Contact:
    """The caseworker's name, email and phone; the SEND team's details fill any gap (and stand in for a plan
    with no assessment here)."""
    team = getattr(settings, "COUNCIL_CONTACTS", {}).get("send_team", {})
    worker = assessment.caseworker if assessment is not None else None
    if worker is None:
        return Contact(name=team.get("name", "The SEND team"), is_caseworker=False, email=team.get("email", ""),
                       phone=team.get("phone", ""))
    return Contact(name=worker.display_name, is_caseworker=True, email=worker.email or team.get("email", ""),
                   phone=worker.phone or team.get("phone", ""))


def family_plan_summary(user, child, plan: Plan | None, today: date) -> FamilyPlanSummary | None:
    """The plan for the family's start page, once they may read it (the draft has been sent to them). An amendment
    the family has not been sent, or one the council decided not to make, stands behind the plan it amends."""
    while plan is not None and plan.kind == PlanKind.AMENDMENT and (
            plan.status == PlanStatus.NOT_AMENDED or not selectors.plan_visible_to(user, plan)):
        plan = plan.amends
    if plan is None or not selectors.plan_visible_to(user, plan):
        return None
    kwargs = {"child_id": child.pk, "plan_id": plan.pk}
    is_final = plan.status == PlanStatus.FINAL
    return FamilyPlanSummary(
        url=reverse("plans:document", kwargs=kwargs), is_final=is_final,
        window=None if is_final else plan_comment_window(plan, today),
        may_comment=selectors.may_comment(user, plan, child, today), comment_url=reverse("plans:comment", kwargs=kwargs),
        is_amendment=plan.kind == PlanKind.AMENDMENT,
        changes_url=reverse("plans:changes", kwargs=kwargs) if plan.kind == PlanKind.AMENDMENT else "",
    )


def representation_add(*, acting_user, plan: Plan, text: str, today: date, section: str = "",
                       kind: str = CommentKind.GENERAL, meeting_times: str = "") -> Representation:
    """The family's comments on the draft: on one section, on the whole plan, or a request to meet an officer
    (reg 13(1)(a)). Kept even after their time to comment has ended (nothing they write is lost), but then marked
    late so that the caseworker sees it was not a representation within reg 13(1)(a)."""
    text = (text or "").strip()
    meeting_times = (meeting_times or "").strip()
    if kind not in CommentKind.values:
        raise ServiceError("Choose what your message is about")
    if kind == CommentKind.SECTION and section not in PLAN_SECTIONS:
        raise ServiceError("Choose the section of the plan your comment is about", field="section")
    if kind != CommentKind.SECTION:
        section = ""
    if not text and kind != CommentKind.MEETING:
        raise ServiceError("Enter your comments on this section" if section else "Enter your comments on the draft "
                           "plan", field="text")
    if plan.status != PlanStatus.DRAFT_SENT:
        raise ServiceError("Comments can be sent only while the draft plan is with you.")
    window = plan_comment_window(plan, today)
    late = window is not None and not window.is_open
    what = {CommentKind.MEETING: "asked for a meeting about the draft plan",
            CommentKind.SECTION: f"commented on section {section} of the draft plan"}.get(kind,
                                                                                        "commented on the draft plan")
    with transaction.atomic():
        comment = Representation.objects.create(
            plan=plan, author=acting_user, author_name=getattr(acting_user, "display_name", ""), text=text,
            after_window_closed=late, kind=kind, section=section, meeting_times=meeting_times,
        )
        audit_event_record(acting_user=acting_user, action=AuditAction.CREATE, child=plan.child,
                           obj=comment, what=what + (" after the time to comment" if late else ""))
        origin = selectors.origin_assessment(plan)
        caseworker = origin.caseworker if origin is not None else None
        if caseworker is not None:  # the caseworker hears that the family wrote (sent once this commits)
            message_send(to=Recipient.for_user(caseworker), kind="plans.family_wrote", child=plan.child, values={
                "link": link(reverse("plans:overview", kwargs={"child_id": plan.child_id, "plan_id": plan.pk}))})
    return comment
