"""The caseworker answers the family's comments on the draft plan, one by one, and marks each dealt with."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from pathfinder.accounts.roles import CASE_STAFF
from pathfinder.core.access import for_roles
from pathfinder.core.errors import ServiceError, StaleEdit
from pathfinder.people.access import child_view
from pathfinder.plans import forms, representations
from pathfinder.plans.models import Representation
from pathfinder.plans.views.common import _context, _kw, _plan, _show_error

# Where each section is changed, so that the answer page can link straight to it.
SECTION_PAGES = {"A": ("plans:section", {"section": "a"}), "B": ("plans:needs", {}), "C": ("plans:section",
                 {"section": "c"}), "D": ("plans:section", {"section": "d"}), "E": ("plans:outcomes", {}),
                 "F": ("plans:provision", {"section": "F"}), "G": ("plans:provision", {"section": "G"}),
                 "H1": ("plans:provision", {"section": "H1"}), "H2": ("plans:provision", {"section": "H2"}),
                 "I": ("plans:placements", {}), "J": ("plans:section", {"section": "j"})}


def section_page_url(plan, section: str) -> str | None:
    """The page where the caseworker changes the section a comment is about (none for K, made from advice)."""
    if section not in SECTION_PAGES:
        return None
    name, extra = SECTION_PAGES[section]
    return reverse(name, kwargs={**_kw(plan), **extra})


@for_roles(*CASE_STAFF)
@child_view("family's comment on the draft plan: answer")
def answer(request: HttpRequest, child, plan_id: int, comment_id: int) -> HttpResponse:
    assessment, plan = _plan(child, plan_id)
    comment = get_object_or_404(Representation, plan=plan, pk=comment_id)
    form = forms.AnswerForm(request.POST or None, initial={"version": comment.version, "reply": comment.reply,
                                                           "dealt_with": not comment.is_open})
    saved_now = None
    if request.method == "POST" and form.is_valid():
        try:
            representations.representation_answer(
                acting_user=request.user, representation=comment, reply=form.cleaned_data["reply"],
                dealt_with=form.cleaned_data["dealt_with"], expected_version=form.cleaned_data["version"],
            )
        except StaleEdit as error:
            _show_error(form, error)
            saved_now = Representation.objects.get(pk=comment.pk)
            form.data = {**form.data.dict(), "version": str(saved_now.version)}
        except ServiceError as error:
            _show_error(form, error)
        else:
            messages.success(request, "Your answer has been saved. The family can read it with the draft plan.")
            return redirect(reverse("plans:overview", kwargs=_kw(plan)) + "#family-comments")
    return render(request, "plans/comment_answer.html", _context(
        request, child, assessment, plan, form=form, comment=comment, saved_now=saved_now,
        section_url=section_page_url(plan, comment.section), page_title="Answer the family's comment",
    ))
