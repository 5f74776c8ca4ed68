"""A parent's or young person's start page: their child's progress, in plain words.

It reads the child's record, the latest request for an assessment and the plan, so it lives here in `plans`, the
highest of the three layers it needs (people < assessments < plans), not in `people`.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from pathfinder.accounts.roles import FAMILY_ROLES, Role
from pathfinder.assessments.facts import assessment_timeline_for
from pathfinder.audit.services import audit_reads
from pathfinder.core.access import for_roles
from pathfinder.people.selectors import children_visible_to
from pathfinder.plans.family import caseworker_contact, family_plan_summary


@for_roles(*FAMILY_ROLES)
def family_home(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    children = []
    for child in children_visible_to(request.user):
        assessment = child.assessments.order_by("-received_on").first()
        timeline = assessment_timeline_for(assessment, today=today) if assessment else None
        plan = child.plans.select_related("assessment").order_by("-pk").first()
        children.append({"child": child, "assessment": assessment, "timeline": timeline,
                         "decision_maker": child.decision_maker(today),
                         "plan": family_plan_summary(request.user, child, plan, today),
                         "contact": caseworker_contact(assessment) if assessment else None})
    audit_reads(request, [c["child"] for c in children], "start page (progress of the request)")
    return render(request, "plans/family_home.html", {"children": children, "page_title": "Your child's support"
                  if request.user.role == Role.PARENT else "Your support"})
