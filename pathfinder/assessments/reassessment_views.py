"""Pages for a re-assessment: record the request from the child's final plan, and decide whether to re-assess.

Everything after the decision (advice, the new plan, exceptions, the notice) uses the assessment's own pages.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

import statutory
from pathfinder.accounts.roles import CASE_STAFF, Role
from pathfinder.assessments.letters import period_text
from pathfinder.assessments.reassessment import child_has_final_plan, reassessment_request_create
from pathfinder.assessments.reassessment_forms import ReassessmentDecisionForm, ReassessmentRequestForm
from pathfinder.assessments.transitions import assessment_transition
from pathfinder.core.access import for_roles
from pathfinder.core.errors import ServiceError
from pathfinder.core.forms import form_add_service_error
from pathfinder.people.access import child_view


def _case_url(assessment) -> str:
    return reverse("assessments:case", kwargs={"child_id": assessment.child_id, "assessment_id": assessment.pk})


@for_roles(*CASE_STAFF)
@child_view("request for a re-assessment")
def reassessment_new(request: HttpRequest, child) -> HttpResponse:
    """Record a request for a re-assessment (reg 24(1)); reached from the child's final plan."""
    if not child_has_final_plan(child):
        raise Http404("This child has no final EHC plan")
    form = ReassessmentRequestForm(
        request.POST or None, team=child.team,
        initial={"caseworker": request.user.pk if request.user.role == Role.CASEWORKER else None},
    )
    if request.method == "POST" and form.is_valid():
        try:
            assessment = reassessment_request_create(acting_user=request.user, child=child, **form.cleaned_data)
        except ServiceError as error:
            form_add_service_error(form, error, field_map={"on": "received_on"})
        else:
            messages.success(request, f"Request recorded. We must tell the family by "
                                      f"{assessment.decision_due_on.day} {assessment.decision_due_on:%B %Y} "
                                      "whether we will re-assess.")
            return redirect(_case_url(assessment))
    today = timezone.localdate()
    decide = statutory.rule_in_force("reassessment_decision", today)
    final = statutory.rule_in_force("reassessment_final", today)
    return render(request, "core/form_page.html", {
        "form": form, "page_title": "Record a request for a re-assessment", "caption": child.full_name,
        "intro": [
            "The parent, the young person or the school can ask us to assess the child's needs again. The plan "
            "stays in place meanwhile.",
            f"We must decide whether to re-assess within {period_text('reassessment_decision')} of the request "
            f"({decide.citation}). If we do, the new plan is due within {period_text('reassessment_final')} of "
            f"telling the family ({final.citation}).",
        ],
        "back_url": reverse("people:child", args=[child.pk]), "submit_text": "Record the request",
    })


def decide_reassess(request: HttpRequest, child, assessment) -> HttpResponse:
    """The decision page for a re-assessment (called by views.decide_assess, which checks roles and audits)."""
    form = ReassessmentDecisionForm(request.POST or None, initial={"version": assessment.version})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        action = "decide_to_assess" if data["decision"] == "yes" else "refuse"
        try:
            assessment_transition(assessment=assessment, action=action, acting_user=request.user,
                                  on=data["decided_on"], expected_version=data["version"], reasons=data["reasons"],
                                  too_soon=bool(data.get("too_soon")))
        except ServiceError as error:
            form_add_service_error(form, error, field_map={"on": "decided_on"})
        else:
            if action == "refuse":
                return redirect("assessments:notice", child_id=child.pk, assessment_id=assessment.pk)
            messages.success(request, "Decision recorded. The family has been told when the new plan is due.")
            return redirect(_case_url(assessment))
    today = timezone.localdate()
    window = statutory.rule_in_force("reassessment_refusal_window", today)
    last = assessment.last_assessment_on
    intro = [
        f"The decision must be sent within {period_text('reassessment_decision')} of the request "
        f"({statutory.rule_in_force('reassessment_decision', today).citation}).",
        (f"The last assessment ended on {last.day} {last:%B %Y}. " if last else "We have no date for the last "
         "assessment. ")
        + (f"This request came within {window.duration_text} of it, so you may refuse it as too soon "
           f"({window.citation})." if statutory.may_refuse_as_too_soon(assessment.received_on, last)
           else "It cannot be refused as too soon: a refusal needs other reasons."),
        "A refusal comes with the right to appeal to the Tribunal.",
    ]
    return render(request, "core/form_page.html", {
        "form": form, "page_title": "Decide whether to re-assess", "caption": child.full_name, "intro": intro,
        "back_url": _case_url(assessment), "submit_text": "Record the decision",
    })
