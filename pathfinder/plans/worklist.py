"""Meeting requests from families about their draft plan, and amendments' dates, on the caseworker's worklist.

A family may ask to meet an officer to talk about the draft (SEND Regulations 2014, reg 13(1)(a)); the meeting
should happen while they can still comment, so the item is due on the last day of their time to comment.
Only the caseworker's own cases, as for the assessment's steps.
"""

from __future__ import annotations

from datetime import date

from django.db.models import Q
from django.urls import reverse

from pathfinder.core.worklist import WorklistItem, register_worklist_provider
from pathfinder.plans.amendments import amendment_timeline_for
from pathfinder.plans.family import plan_comment_window
from pathfinder.plans.models import (
    DRAFT_STATUSES,
    CommentKind,
    CommentStatus,
    Plan,
    PlanKind,
    PlanStatus,
    Representation,
)


@register_worklist_provider
def meeting_requests(user, today: date) -> list[WorklistItem]:
    """Every open request for a meeting on a draft plan of the user's own cases."""
    rows = (Representation.objects.filter(kind=CommentKind.MEETING, status=CommentStatus.OPEN,
                                          plan__status=PlanStatus.DRAFT_SENT)
            .filter(Q(plan__assessment__caseworker=user) | Q(plan__amends__assessment__caseworker=user))
            .select_related("plan__child", "plan__assessment").order_by("created_at", "pk"))
    items = []
    for row in rows:
        plan = row.plan
        window = plan_comment_window(plan, today)
        url = reverse("plans:comment-answer", kwargs={"child_id": plan.child_id, "plan_id": plan.pk,
                                                      "comment_id": row.pk})
        items.append(WorklistItem(
            child=plan.child, title=f"Arrange the meeting the family asked for about the {plan.draft_name}",
            due=window.last_day if window else row.created_at.date(), url=url,
            reason=window.citation if window else "SEND Regulations 2014, reg 13(1)(a)", today=today,
            notes=(f"Times that suit them: {row.meeting_times}",) if row.meeting_times else (),
            sort_key=(plan.child.legal_last_name, row.pk),
        ))
    return items


@register_worklist_provider
def amendment_steps(user, today: date) -> list[WorklistItem]:
    """Each amendment being written on the user's own cases (the caseworker of the child's assessment), with its
    next statutory date: the notice within 4 weeks of the review meeting it came from (reg 20(10), reg 22(2)), then
    the amended plan or the decision not to amend within 8 weeks of the notice (reg 22(3))."""
    own = Plan.objects.filter(kind=PlanKind.AMENDMENT, status__in=DRAFT_STATUSES,
                              child__assessments__caseworker=user).distinct().select_related("child")
    items = []
    for plan in own:
        timeline = amendment_timeline_for(plan, today=today)
        step = timeline.get("amendment_final") if plan.status == PlanStatus.DRAFT_SENT else timeline.get(
            "amendment_notice")
        if step is None or not step.is_open:
            continue
        title = ("Issue the amended plan, or tell the family it will not be amended"
                 if step.step == "amendment_final" else "Send the amendment notice with the proposed amendments")
        items.append(WorklistItem(
            child=plan.child, title=title, due=step.due, today=today, reason=step.citation,
            reason_url=step.rule.url,
            url=reverse("plans:overview", kwargs={"child_id": plan.child_id, "plan_id": plan.pk}),
            notes=(f"{step.rule.duration_text} from {step.trigger_label} on {step.trigger:%-d %B %Y}",),
            sort_key=(plan.child.legal_last_name, plan.pk),
        ))
    return items
