"""A plan's reviews: /children/<child>/plans/<plan>/reviews/... Thin: parse the form, call one service, render.

Case staff do every step. A SENCO of the school running the review (an adviser who is a member of it) sees the
review and records the meeting and the report; anyone else who reached the child gets 404 for the review.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

import statutory
from pathfinder.accounts.roles import CASE_STAFF, Role
from pathfinder.assessments.letters import council_contacts
from pathfinder.core.access import for_roles
from pathfinder.core.errors import ServiceError, StaleEdit
from pathfinder.core.forms import form_add_service_error
from pathfinder.people.access import child_view
from pathfinder.plans.models import PlanStatus
from pathfinder.reviews import decisions, forms, selectors, workflow
from pathfinder.reviews.models import OPEN_STATUSES, Review

REVIEW_READERS = (*CASE_STAFF, Role.ADVISER)


def _plan(child, plan_id: int):
    plan = selectors.plan_for_child(child, plan_id)
    if plan is None:
        raise Http404("No such plan for this child")
    return plan


def _review(request, child, plan_id: int, review_id: int) -> Review:
    """The review, only for case staff or the school running it (404 for anyone else, as for a child)."""
    review = selectors.review_get(_plan(child, plan_id), review_id)
    if review is None or not selectors.user_runs_review(request.user, review):
        raise Http404("No such review")
    return review


def _review_url(review: Review) -> str:
    return reverse("reviews:review", kwargs={"child_id": review.plan.child_id, "plan_id": review.plan_id,
                                             "review_id": review.pk})


def _form_page(request, child, form, *, title: str, back: str, intro=(), template="core/form_page.html", **extra):
    return render(request, template, {"form": form, "page_title": title, "caption": child.full_name,
                                      "intro": list(intro), "back_url": back, "child": child, **extra})


def _act(request, child, review: Review, form, call: Callable[[], object], *, title: str, done: str, intro=(),
         template="core/form_page.html", **extra) -> HttpResponse:
    """Run one service from a valid form; a refusal goes on the form and nothing is saved."""
    if request.method == "POST" and form.is_valid():
        try:
            call()
        except ServiceError as error:
            form_add_service_error(form, error)
            if isinstance(error, StaleEdit):
                data = form.data.copy()
                data["version"] = str(Review.objects.get(pk=review.pk).version)
                form.data = data
        else:
            messages.success(request, done)
            return redirect(_review_url(review))
    return _form_page(request, child, form, title=title, back=_review_url(review), intro=intro,
                      template=template, review=review, **extra)


def _initial(review: Review) -> dict:
    return {"version": review.version}


# -- the plan's reviews, and starting one ----------------------------------------------------------------------


@for_roles(*CASE_STAFF)
@child_view("the plan's reviews")
def plan_reviews(request: HttpRequest, child, plan_id: int) -> HttpResponse:
    plan = _plan(child, plan_id)
    reviews = list(plan.reviews.order_by("-started_on", "-pk"))
    return render(request, "reviews/plan_reviews.html", {
        "child": child, "plan": plan, "reviews": reviews, "page_title": "Reviews of the EHC plan",
        "can_start": plan.status == PlanStatus.FINAL and not any(r.status in OPEN_STATUSES for r in reviews),
    })


@for_roles(*CASE_STAFF)
@child_view("review: start")
def start(request: HttpRequest, child, plan_id: int) -> HttpResponse:
    plan = _plan(child, plan_id)
    form = forms.ReviewStartForm(request.POST or None, initial={"started_on": timezone.localdate()})
    back = reverse("reviews:plan", kwargs={"child_id": child.pk, "plan_id": plan.pk})
    if request.method == "POST" and form.is_valid():
        try:
            review = workflow.review_start(acting_user=request.user, plan=plan, **form.cleaned_data)
        except ServiceError as error:
            form_add_service_error(form, error)
        else:
            messages.success(request, "Review started.")
            return redirect(_review_url(review))
    due = f" The plan must be reviewed by {plan.review_due_on:%-d %B %Y}." if plan.review_due_on else ""
    return _form_page(request, child, form, title="Start a review of the EHC plan", back=back,
                      intro=[f"Every EHC plan is reviewed at least once a year (Children and Families Act 2014, "
                             f"section 44).{due}"], submit_text="Start the review")


# -- one review ------------------------------------------------------------------------------------------------


@for_roles(*REVIEW_READERS)
@child_view("review")
def review_page(request: HttpRequest, child, plan_id: int, review_id: int) -> HttpResponse:
    review = _review(request, child, plan_id, review_id)
    today = timezone.localdate()
    facts = selectors.review_facts(review)
    timeline = statutory.review_timeline(facts, today=today)
    steps = [(d, statutory.review_step_explain(d)) for d in timeline]
    rights = statutory.appeal_dates(review.decided_on) if review.decision == "maintain" and review.decided_on else None
    return render(request, "reviews/review.html", {
        "child": child, "plan": review.plan, "review": review, "steps": steps, "today": today,
        "page_title": review.get_kind_display(), "is_staff": request.user.role in CASE_STAFF,
        "invitees": review.invitees.all(), "advice": review.advice.all(),
        "progress": review.progress.select_related("outcome"),
        "adulthood": statutory.review_covers_adulthood(facts, review.meeting_on or today),
        "can": {move.action for move in workflow.WORKFLOW.allowed(review)}, "rights": rights,
        "contacts": council_contacts() if rights else None,
    })


@for_roles(*CASE_STAFF)
@child_view("review: arrange the meeting")
def arrange(request: HttpRequest, child, plan_id: int, review_id: int) -> HttpResponse:
    review = _review(request, child, plan_id, review_id)
    form = forms.ArrangeForm(request.POST or None, initial=_initial(review))
    return _act(request, child, review, form, lambda: workflow.review_meeting_arrange(
        acting_user=request.user, review=review, meeting_on=form.cleaned_data["meeting_on"],
        meeting_place=form.cleaned_data["meeting_place"], invitees=form.invitees(),
        late_notice_reason=form.cleaned_data["late_notice_reason"], expected_version=form.cleaned_data["version"]),
        title="Arrange the review meeting", done="Meeting arranged. The family has been told the date.",
        intro=[f"Everyone must be invited at least {statutory.rule_in_force('review_invitation_notice', timezone.localdate()).duration_text} "
               "before the meeting (SEND Regulations 2014, regulation 20(3))."])


@for_roles(*CASE_STAFF)
@child_view("review: advice")
def advice(request: HttpRequest, child, plan_id: int, review_id: int) -> HttpResponse:
    review = _review(request, child, plan_id, review_id)
    form = forms.AdviceForm(request.POST or None, initial=_initial(review))
    return _act(request, child, review, form, lambda: workflow.review_advice_record(
        acting_user=request.user, review=review, **_without_version(form)), title="Record advice for the review",
        done="Advice recorded.",
        intro=["Advice must be sent to everyone invited before the meeting (SEND Regulations 2014, regulation 20(4))."])


def _without_version(form) -> dict:
    data = dict(form.cleaned_data)
    data["expected_version"] = data.pop("version")
    return data


@for_roles(*REVIEW_READERS)
@child_view("review: the meeting")
def meeting(request: HttpRequest, child, plan_id: int, review_id: int) -> HttpResponse:
    review = _review(request, child, plan_id, review_id)
    outcomes = list(review.plan.outcomes.all())
    form = forms.MeetingForm(request.POST or None, invitees=list(review.invitees.all()), outcomes=outcomes,
                             initial={**_initial(review), "held_on": review.meeting_on})
    return _act(request, child, review, form, lambda: workflow.review_meeting_record(
        acting_user=request.user, review=review, held_on=form.cleaned_data["held_on"],
        attended=[int(pk) for pk in form.cleaned_data["attended"]], progress=form.progress(),
        expected_version=form.cleaned_data["version"]), title="Record the review meeting",
        done="Meeting recorded.", intro=_meeting_intro(review))


def _meeting_intro(review: Review) -> list[str]:
    """What the meeting must consider (reg 20(5)), and preparing for adulthood from Year 9 (reg 20(6))."""
    intro = ["Say what progress has been made towards each outcome in section E of the plan."]
    facts = selectors.review_facts(review)
    if statutory.review_covers_adulthood(facts, review.meeting_on or timezone.localdate()):
        intro.append("The child is in Year 9 or above: say what progress has been made towards preparing for "
                     "adulthood (further education, work, living independently, health and friendships).")
    return intro


@for_roles(*REVIEW_READERS)
@child_view("review: the report")
def report(request: HttpRequest, child, plan_id: int, review_id: int) -> HttpResponse:
    review = _review(request, child, plan_id, review_id)
    form = forms.ReportForm(request.POST or None, initial=_initial(review))
    return _act(request, child, review, form, lambda: workflow.review_report_record(
        acting_user=request.user, review=review, **_without_version(form)), title="Record the review report",
        done="Report recorded.",
        intro=["The report goes to the council and everyone invited. It says what the meeting recommends and "
               "anything people disagreed about (SEND Regulations 2014, regulation 20(7) and (8))."])


@for_roles(*CASE_STAFF)
@child_view("review: keep the plan")
def decide(request: HttpRequest, child, plan_id: int, review_id: int) -> HttpResponse:
    review = _review(request, child, plan_id, review_id)
    form = forms.DecideForm(request.POST or None, initial={**_initial(review), "decided_on": timezone.localdate()})
    return _act(request, child, review, form, lambda: decisions.review_decide_maintain(
        acting_user=request.user, review=review, **_without_version(form)), title="Keep the plan as it is",
        done="Decision recorded. The family has been told, with their right to mediation and appeal.",
        intro=["The family is told the decision with their right to ask for mediation and to appeal to the "
               "Tribunal (SEND Regulations 2014, regulation 20(10)).", "To change the plan, go back and "
               "propose amendments instead."], submit_text="Keep the plan and tell the family")


@for_roles(*CASE_STAFF)
@child_view("review: propose amendments")
def amend(request: HttpRequest, child, plan_id: int, review_id: int) -> HttpResponse:
    review = _review(request, child, plan_id, review_id)
    form = forms.ReasonForm(request.POST or None, initial=_initial(review))
    return _act(request, child, review, form, lambda: decisions.review_amendment_propose(
        acting_user=request.user, review=review, reason=form.cleaned_data["reason"],
        expected_version=form.cleaned_data["version"]), title="Propose amendments to the plan",
        done="A draft amendment has been started. The decision is recorded when the amendment notice is sent.",
        intro=["The decision to amend is sent together with the proposed changes (regulation 22(2))."],
        submit_text="Propose amendments")


@for_roles(*CASE_STAFF)
@child_view("review: propose to cease")
def cease(request: HttpRequest, child, plan_id: int, review_id: int) -> HttpResponse:
    review = _review(request, child, plan_id, review_id)
    form = forms.CeaseProposeForm(request.POST or None,
                                  initial={**_initial(review), "proposed_on": timezone.localdate()})
    return _act(request, child, review, form, lambda: decisions.review_cessation_propose(
        acting_user=request.user, review=review, **_without_version(form)),
        title="Propose to cease the plan", submit_text="Propose to cease",
        done="The proposal to cease has been started. The decision is recorded when the cease notice is sent.",
        intro=["The family and the school are told and consulted before any decision (regulation 31)."])


@for_roles(*CASE_STAFF)
@child_view("review: cancel")
def cancel(request: HttpRequest, child, plan_id: int, review_id: int) -> HttpResponse:
    review = _review(request, child, plan_id, review_id)
    form = forms.ReasonForm(request.POST or None, initial=_initial(review))
    return _act(request, child, review, form, lambda: workflow.review_cancel(
        acting_user=request.user, review=review, reason=form.cleaned_data["reason"],
        expected_version=form.cleaned_data["version"]), title="Cancel the review", done="Review cancelled.",
        intro=["Cancelling does not count as a review: the plan must still be reviewed by its date."],
        submit_text="Cancel the review")

