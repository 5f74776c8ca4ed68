"""The family's own page about the draft plan: sending comments, with the deadline and whom to contact.

Apart from the council's plan pages (plans.views). The page says plainly whether the time to comment is still open; once it
has ended it says so, and what the family can still do, rather than showing a past date as if it were ahead.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from pathfinder.accounts.roles import FAMILY_ROLES
from pathfinder.core.access import for_roles
from pathfinder.core.errors import ServiceError
from pathfinder.core.forms import form_add_service_error
from pathfinder.people.access import child_view
from pathfinder.plans import family, forms, selectors


@for_roles(*FAMILY_ROLES)
@child_view("comments on the draft plan")
def comment(request: HttpRequest, child, plan_id: int) -> HttpResponse:
    plan = selectors.plan_get(child, plan_id)
    today = timezone.localdate()
    if plan is None or not selectors.may_comment(request.user, plan, child, today):
        raise Http404("Comments are not open for this plan")
    assessment = plan.assessment
    kwargs = {"child_id": child.pk, "plan_id": plan.pk}
    window = family.comment_window(assessment, today)
    contact = family.caseworker_contact(assessment)
    form = forms.RepresentationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            comment = family.representation_add(acting_user=request.user, plan=plan, text=form.cleaned_data["text"],
                                                today=today)
        except ServiceError as error:
            form_add_service_error(form, error)
        else:
            sent_to = f"your caseworker, {contact.name}" if contact.is_caseworker else contact.name
            if comment.after_window_closed:
                messages.success(request, f"Your comments have been sent to {sent_to}. The time to comment had "
                                 "ended, so the final plan may be issued without waiting for them.")
            else:
                messages.success(request, f"Thank you. Your comments have been sent to {sent_to}.")
            return redirect("plans:document", **kwargs)
    return render(request, "plans/comment.html", {
        "form": form, "child": child, "assessment": assessment, "window": window, "contact": contact,
        "contacts": getattr(settings, "COUNCIL_CONTACTS", {}),
        "back_url": reverse("plans:document", kwargs=kwargs),
        "page_title": "Comment on the draft plan" if window is None or window.is_open
        else "The time to comment on the draft plan has ended",
    })
