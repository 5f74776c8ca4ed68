"""Helpers shared by the plan pages: find the plan under its child, show refused changes on the form."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from pathfinder.accounts.roles import CASE_PARTICIPANTS
from pathfinder.core.errors import ServiceError, StaleEdit
from pathfinder.core.forms import form_add_service_error
from pathfinder.plans import quality, representations, selectors
from pathfinder.plans.models import ProvisionSection

PLAN_READERS = CASE_PARTICIPANTS  # staff, the family and advisers read the plan (advisers: their own)
PROVISION_TITLES = {
    "F": "Section F: Special educational provision",
    "G": "Section G: Health provision",
    "H1": "Section H1: Social care provision (Chronically Sick and Disabled Persons Act 1970, section 2)",
    "H2": "Section H2: Other social care provision",
}


# -- helpers ----------------------------------------------------------------------------------------------------


def _kw(plan) -> dict:
    return {"child_id": plan.child_id, "plan_id": plan.pk}


def _overview_url(plan) -> str:
    return reverse("plans:overview", kwargs=_kw(plan))


def _plan(child, plan_id: int):
    """The plan, only if it is this (already permission-checked) child's, with the assessment it came from."""
    plan = selectors.plan_get(child, plan_id)
    if plan is None:
        raise Http404("No such plan for this child")
    return plan.assessment, plan


def _show_error(form, error: ServiceError, *, date_field: str | None = None) -> None:
    form_add_service_error(form, error, field_map={"on": date_field})


def _stale_form(form, plan) -> None:
    """After a stale save the user's text stays in the form; the hidden version moves on so that saving again is a
    deliberate choice made after reading the message."""
    data = form.data.copy()
    data["version"] = str(type(plan).objects.get(pk=plan.pk).version)
    form.data = data


def _saved(form, plan, call) -> bool:
    """Run one change to the plan. If it is refused, the message goes on the form and, after a stale save, the
    form shows the user's text against what is saved now; the caller then shows the form again."""
    try:
        call()
    except ServiceError as error:
        _show_error(form, error)
        if isinstance(error, StaleEdit):
            _stale_form(form, plan)
        return False
    return True


def _context(request, child, assessment, plan, **extra) -> dict:
    case_url = (reverse("assessments:case", kwargs={"child_id": child.pk, "assessment_id": assessment.pk})
                if assessment is not None else reverse("people:child", kwargs={"child_id": child.pk}))
    return {"child": child, "assessment": assessment, "plan": plan,
            "overview_url": _overview_url(plan) if plan is not None else None,
            "case_url": case_url,
            # The family's comments by section, shown on the overview and on each section's editing page.
            "family_comments": representations.comments_by_section(plan.representations.all()) if plan is not None
            else {},
            "highlight": quality.highlight_parts, "vague": quality.vague_wording, **extra}


def _editable_or_redirect(plan):
    return plan.is_editable


def _item_page(request, child, assessment, plan, form, *, template, title, items, **extra):
    return render(request, template, _context(request, child, assessment, plan, form=form, items=items,
                                              page_title=title, **extra))


def _removed(request, call, *, done: str, back: str, back_kwargs: dict, to: str, to_kwargs: dict) -> HttpResponse:
    """Remove one item from the plan; if refused (say, a stale version), say why on the item's page."""
    try:
        call(expected_version=_int(request.POST.get("version")))
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect(back, **back_kwargs)
    messages.success(request, done)
    return redirect(to, **to_kwargs)


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return -1


def _without(data: dict, *names: str) -> dict:
    return {k: v for k, v in data.items() if k not in names}


def _provision_section(section: str) -> str:
    if section not in ProvisionSection.values:
        raise Http404("No such section")
    return section


def _by_item(problems: list[quality.Problem]) -> dict[str, list[quality.Problem]]:
    grouped: dict[str, list[quality.Problem]] = {}
    for problem in problems:
        if problem.item_key:
            grouped.setdefault(problem.item_key, []).append(problem)
    return grouped
