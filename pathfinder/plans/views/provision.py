"""Provision in sections F, G, H1 and H2, and the check before the draft is sent."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from pathfinder.accounts.roles import CASE_STAFF
from pathfinder.core.access import for_roles
from pathfinder.core.errors import ServiceError
from pathfinder.people.access import child_view
from pathfinder.plans import amendments, forms, from_advice, quality, selectors, services, workflow
from pathfinder.plans.final_notice import period_text
from pathfinder.plans.views.common import (
    PROVISION_TITLES,
    _by_item,
    _context,
    _editable_or_redirect,
    _item_page,
    _kw,
    _overview_url,
    _plan,
    _provision_section,
    _removed,
    _saved,
    _show_error,
    _without,
)

# -- sections F, G, H1, H2: provision ---------------------------------------------------------------------------


@for_roles(*CASE_STAFF)
@child_view("draft plan provision")
def provision(request: HttpRequest, child, plan_id: int, section: str) -> HttpResponse:
    section = _provision_section(section)
    assessment, plan = _plan(child, plan_id)
    items = selectors.labelled_items(plan)
    form = forms.ProvisionForm(request.POST or None, section=section, needs=items["needs"], outcomes=items["outcomes"],
                               initial={"version": plan.version})
    if request.method == "POST" and _editable_or_redirect(plan) and form.is_valid():
        if _saved(form, plan,
                  lambda: services.plan_provision_add(acting_user=request.user, plan=plan, section=section,
                                        expected_version=form.cleaned_data["version"],
                                        **_without(form.cleaned_data, "version"))):
            messages.success(request, f"Provision added to section {section}.")
            return redirect("plans:provision", **_kw(plan), section=section)
    problems = quality.draft_problems(selectors.plan_snapshot(plan, on=timezone.localdate()))
    sections = ("H1", "H2") if section in ("H1", "H2") else (section,)
    return _item_page(request, child, assessment, plan, form, template="plans/provision.html",
                      title=PROVISION_TITLES[section], items=items, section=section, sections=sections,
                      problems_by_item=_by_item(problems), section_titles=PROVISION_TITLES,
                      advice_rows=from_advice.advice_provision_rows(plan) if plan.is_editable else [])


@for_roles(*CASE_STAFF)
@child_view("draft plan provision from advice")
def provision_from_advice(request: HttpRequest, child, plan_id: int, advice_provision_id: int) -> HttpResponse:
    """Add one piece of an adviser's recommended provision to the plan: the caseworker chooses the section and
    the needs it meets; the words are the adviser's, and the plan keeps the link back to the advice."""
    assessment, plan = _plan(child, plan_id)
    item = get_object_or_404(from_advice.advice_provision_for_plan(plan), pk=advice_provision_id)
    section = request.GET.get("section") if request.GET.get("section") in PROVISION_TITLES else "F"
    items = selectors.labelled_items(plan)
    form = forms.ProvisionFromAdviceForm(request.POST or None, needs=items["needs"],
                                         initial={"version": plan.version, "section": section})
    back_url = reverse("plans:provision", kwargs={**_kw(plan), "section": section})
    if not plan.is_editable:
        return redirect(back_url)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if _saved(form, plan, lambda: from_advice.plan_provision_from_advice(
                acting_user=request.user, plan=plan, advice_provision_id=item.pk, section=data["section"],
                needs=data["needs"], expected_version=data["version"])):
            messages.success(request, f"Provision from {item.advice.adviser_name} added to section {data['section']}.")
            return redirect("plans:provision", **_kw(plan), section=data["section"])
    return render(request, "plans/provision_from_advice.html", _context(
        request, child, assessment, plan, form=form, item=item, back_url=back_url,
        page_title="Add provision from advice to the plan",
    ))


@for_roles(*CASE_STAFF)
@child_view("draft plan provision")
def provision_edit(request: HttpRequest, child, plan_id: int, section: str, provision_id: int) -> HttpResponse:
    section = _provision_section(section)
    assessment, plan = _plan(child, plan_id)
    item = get_object_or_404(plan.provisions, pk=provision_id, section=section)
    items = selectors.labelled_items(plan)
    form = forms.ProvisionForm(request.POST or None, section=section, needs=items["needs"], outcomes=items["outcomes"],
                               initial={
                                   "description": item.description, "amount": item.amount,
                                   "frequency": item.frequency, "provided_by": item.provided_by,
                                   "needs": [str(n.pk) for n in item.needs.all()],
                                   "outcomes": [str(o.pk) for o in item.outcomes.all()],
                                   "preparing_for_adulthood": item.preparing_for_adulthood,
                                   "health_commissioner_agreed": item.health_commissioner_agreed,
                                   "health_commissioner_agreed_by": item.health_commissioner_agreed_by,
                                   "version": plan.version,
                               })
    if request.method == "POST" and form.is_valid():
        if _saved(form, plan,
                  lambda: services.plan_provision_update(acting_user=request.user, provision=item,
                                           expected_version=form.cleaned_data["version"],
                                           **_without(form.cleaned_data, "version"))):
            messages.success(request, f"Provision saved in section {section}.")
            return redirect("plans:provision", **_kw(plan), section=section)
    text = " ".join(str(form[name].value() or "") for name in ("description", "amount", "frequency"))
    return render(request, "plans/item_edit.html", _context(
        request, child, assessment, plan, form=form,
        back_url=reverse("plans:provision", kwargs={**_kw(plan), "section": section}),
        remove_url=reverse("plans:provision-remove", kwargs={**_kw(plan), "section": section,
                                                             "provision_id": item.pk}),
        flags=quality.vague_wording(text), page_title=f"Change provision in section {section}",
        remove_text="Remove this provision",
    ))


@for_roles(*CASE_STAFF)
@child_view("draft plan provision")
@require_POST
def provision_remove(request: HttpRequest, child, plan_id: int, section: str, provision_id: int) -> HttpResponse:
    section = _provision_section(section)
    assessment, plan = _plan(child, plan_id)
    item = get_object_or_404(plan.provisions, pk=provision_id, section=section)
    return _removed(
        request, lambda **version: services.plan_provision_remove(acting_user=request.user, provision=item, **version),
        done="Provision removed.", back="plans:provision-edit",
        back_kwargs={**_kw(plan), "section": section, "provision_id": item.pk},
        to="plans:provision", to_kwargs={**_kw(plan), "section": section},
    )


# -- check and send ---------------------------------------------------------------------------------------------


@for_roles(*CASE_STAFF)
@child_view("draft plan check before sending")
def check(request: HttpRequest, child, plan_id: int) -> HttpResponse:
    assessment, plan = _plan(child, plan_id)
    form = forms.SendDraftForm(request.POST or None,
                               initial={"version": plan.version, "served_on": timezone.localdate()})
    problems = quality.draft_problems(selectors.plan_snapshot(plan, on=timezone.localdate()))
    send = workflow.plan_draft_send
    if plan.is_amendment:
        problems = amendments.amendment_problems_to_send(plan, timezone.localdate())
        form.fields["served_on"].label = "Date the amendment notice is sent to the family"
        send = _amendment_send
    if request.method == "POST" and form.is_valid():
        try:
            send(acting_user=request.user, plan=plan, on=form.cleaned_data["served_on"],
                 expected_version=form.cleaned_data["version"])
        except workflow.PlanProblems as error:
            problems = error.problems
            form.add_error(None, error.message)
        except ServiceError as error:
            _show_error(form, error, date_field="served_on")
        else:
            messages.success(request, f"Amendment notice sent. The family has "
                                      f"{period_text('amendment_representations_close')} to comment and ask for a "
                                      "school." if plan.is_amendment else
                                      f"Draft plan sent. The family has {period_text('representations_close')} to "
                                      "comment and ask for a school.")
            return redirect(_overview_url(plan))
    sendable = workflow.WORKFLOW.can(plan, "send_draft")
    return render(request, "plans/check.html", _context(
        request, child, assessment, plan, form=form, problems=problems, sendable=sendable,
        items=selectors.labelled_items(plan),
        page_title="Check the amendments before sending" if plan.is_amendment else "Check the draft plan before sending",
    ))


def _amendment_send(*, acting_user, plan, on, expected_version):
    return amendments.amendment_notice_send(acting_user=acting_user, amendment=plan, on=on,
                                            expected_version=expected_version)
