"""Amending a plan: propose amendments, the amendment's task list, decide not to amend, read the proposed
amendments as tracked changes, and every version of the child's plan, compared side by side in words.

The amendment itself is written with the draft plan's pages (sections, needs, outcomes, provision), sent from the
check page and issued from the final plan page: those views hand an amendment to plans.amendments.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from pathfinder.accounts.roles import CASE_STAFF, CASE_VIEWERS
from pathfinder.core.access import for_roles
from pathfinder.core.errors import ServiceError
from pathfinder.people.access import child_view
from pathfinder.plans import amendments, selectors
from pathfinder.plans.amendment_forms import AmendmentStartForm, CompareForm, NotAmendForm
from pathfinder.plans.changes import plan_content
from pathfinder.plans.models import PLAN_SECTIONS, Plan, PlanKind
from pathfinder.plans.tracked import tracked_changes
from pathfinder.plans.views.common import _context, _kw, _overview_url, _plan, _show_error

VERSION_READERS = CASE_VIEWERS  # staff and the family; advisers read only the plan their advice is for


def amendment_overview(request: HttpRequest, child, plan: Plan) -> HttpResponse:
    """The amendment's task list (called by the plan overview for an amendment being written)."""
    today = timezone.localdate()
    problems = amendments.amendment_problems_to_send(plan, today)
    return render(request, "plans/amendment_overview.html", _context(
        request, child, None, plan, tasks=selectors.plan_tasks(plan, problems), problems=problems,
        timeline=amendments.amendment_timeline_for(plan, today=today),
        representations=plan.representations.all(), section_titles=list(PLAN_SECTIONS.items()),
        page_title=f"Proposed amendments: {child.full_name}",
    ))


@for_roles(*CASE_STAFF)
@child_view("EHC plan: propose amendments")
def amend(request: HttpRequest, child, plan_id: int) -> HttpResponse:
    _, plan = _plan(child, plan_id)
    if not plan.is_final:
        raise Http404("Only the final plan can be amended")
    form = AmendmentStartForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            amendment = amendments.amendment_start(acting_user=request.user, plan=plan, **form.cleaned_data)
        except ServiceError as error:
            _show_error(form, error)
        else:
            messages.success(request, "Amendments proposed. Change the sections that need changing, then send the "
                                      "amendment notice to the family.")
            return redirect(_overview_url(amendment))
    return render(request, "core/form_page.html", {
        "form": form, "page_title": "Propose amendments to the plan", "caption": child.full_name,
        "intro": ["A copy of the plan is made for you to change. The plan stays in force until the amended plan "
                  "is issued. The family sees nothing until you send the amendment notice."],
        "back_url": reverse("plans:document", kwargs=_kw(plan)), "submit_text": "Propose amendments",
    })


@for_roles(*CASE_STAFF)
@child_view("EHC plan: decide not to amend")
def not_amend(request: HttpRequest, child, plan_id: int) -> HttpResponse:
    _, plan = _plan(child, plan_id)
    if not (plan.is_amendment and plan.is_editable):
        raise Http404("Not an amendment being written")
    form = NotAmendForm(request.POST or None, initial={"version": plan.version, "decided_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            amendments.amendment_not_make(acting_user=request.user, amendment=plan, on=form.cleaned_data["decided_on"],
                                          reasons=form.cleaned_data["reasons"],
                                          expected_version=form.cleaned_data["version"])
        except ServiceError as error:
            _show_error(form, error, date_field="decided_on")
        else:
            messages.success(request, "Decision recorded. The plan stays as it is." + (
                " The family has been told why, and how to appeal." if plan.draft_sent_on else ""))
            return redirect("plans:versions", child_id=child.pk)
    sent = bool(plan.draft_sent_on)
    return render(request, "core/form_page.html", {
        "form": form, "page_title": "Decide not to amend the plan", "caption": child.full_name,
        "intro": ["The plan stays as it is. The family is told why, and that they can appeal to the Tribunal "
                  "(SEND Regulations 2014, regulation 22(4))." if sent else
                  "The amendment notice has not been sent, so the family has not seen these amendments. They are "
                  "kept with the reasons, but nothing is sent."],
        "back_url": _overview_url(plan), "submit_text": "Decide not to amend",
    })


def _readable(request, plan: Plan) -> Plan:
    if not selectors.plan_visible_to(request.user, plan):
        raise Http404("No plan to show yet")
    return plan


@for_roles(*VERSION_READERS)
@child_view("EHC plan: proposed amendments as tracked changes")
def changes(request: HttpRequest, child, plan_id: int) -> HttpResponse:
    """The amendment against the plan it amends, section by section, words added and removed."""
    _, plan = _plan(child, plan_id)
    if not plan.is_amendment or plan.amends is None:
        raise Http404("Not an amendment")
    _readable(request, plan)
    return render(request, "plans/tracked_changes.html", _context(
        request, child, None, plan, before=plan.amends, after=plan,
        sections=tracked_changes(plan_content(plan.amends), plan_content(plan)),
        timeline=amendments.amendment_timeline_for(plan, today=timezone.localdate()),
        may_comment=selectors.may_comment(request.user, plan, child, timezone.localdate()),
        show_dates=request.user.role in CASE_STAFF,
        back_url=reverse("plans:document", kwargs=_kw(plan)),
        page_title="What would change in the plan" if not plan.is_final else "What changed in the plan",
    ))


STATUS_WORDS = {"final": "used now", "replaced": "old", "not_amended": "not made", "draft_sent": "changes sent",
                "draft": "being written", "ceased": "ended", "transferred": "moved", "stopped": "stopped"}


def _label(plan: Plan) -> str:
    """How a version is named in the compare lists, in plain words: "Changes, 10 November 2026 (not made)"."""
    when = plan.issued_on or plan.draft_sent_on or plan.not_amended_on
    kind = {PlanKind.AMENDMENT: "Changes", PlanKind.TRANSFERRED_IN: "Plan from another council"}.get(
        plan.kind, "First plan")
    return f"{kind}{f', {when:%-d %B %Y}' if when else ''} ({STATUS_WORDS.get(plan.status, plan.status)})"


def _versions(request, child) -> list[Plan]:
    return [p for p in selectors.plans_of_child(child) if selectors.plan_visible_to(request.user, p)]


@for_roles(*VERSION_READERS)
@child_view("EHC plan versions")
def versions(request: HttpRequest, child) -> HttpResponse:
    """Every plan of the child, newest first: the first plan, each amendment, with dates, status and why."""
    plans = _versions(request, child)
    if not plans:
        raise Http404("No plan to show yet")
    choices = [(p.pk, _label(p)) for p in plans]
    form = CompareForm(initial={"before": plans[1].pk if len(plans) > 1 else plans[0].pk, "after": plans[0].pk},
                       versions=choices)
    return render(request, "plans/versions.html", _context(
        request, child, None, None, plans=plans, form=form, labels=dict(choices), page_title="Versions of the plan",
    ))


@for_roles(*VERSION_READERS)
@child_view("EHC plan versions compared")
def compare(request: HttpRequest, child) -> HttpResponse:
    """Two versions of the plan as tracked changes (a GET form: nothing is saved)."""
    plans = {p.pk: p for p in _versions(request, child)}
    if not plans:
        raise Http404("No plan to show yet")
    form = CompareForm(request.GET or None, versions=[(pk, _label(p)) for pk, p in plans.items()])
    if not form.is_valid():
        return render(request, "plans/versions.html", _context(
            request, child, None, None, plans=list(plans.values()), form=form,
            labels={pk: _label(p) for pk, p in plans.items()}, page_title="Versions of the plan",
        ))
    before, after = plans[form.cleaned_data["before"]], plans[form.cleaned_data["after"]]
    return render(request, "plans/tracked_changes.html", _context(
        request, child, None, after, before=before, after=after,
        sections=tracked_changes(plan_content(before), plan_content(after)), timeline=None,
        back_url=reverse("plans:versions", kwargs={"child_id": child.pk}),
        before_label=_label(before), after_label=_label(after), page_title="Compare two versions of the plan",
    ))

