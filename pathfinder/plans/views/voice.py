"""The child's own voice: the family's views, interests and aspirations (section A), saved as they go.

One page lists whose views there are (the parent's, the young person's, the child's recorded with a professional);
one form per person asks the five questions. Every press of either button saves every answer, so nothing typed is
lost; "Save and finish" also asks for the first answer. No JavaScript is needed.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from pathfinder.accounts.roles import CASE_PARTICIPANTS, FAMILY_ROLES
from pathfinder.core.access import for_roles
from pathfinder.core.errors import ServiceError, StaleEdit
from pathfinder.core.forms import form_add_service_error
from pathfinder.documents.uploads import upload_refusals
from pathfinder.people.access import child_view
from pathfinder.plans import child_views, forms
from pathfinder.plans.models import VIEWS_QUESTIONS, ChildViews, ViewsWhose


def _back(request) -> str:
    if request.user.role in FAMILY_ROLES:
        return reverse("family:home")
    return reverse("people:child", kwargs={"child_id": request.resolver_match.kwargs["child_id"]})


@for_roles(*CASE_PARTICIPANTS)
@child_view("views, interests and aspirations (section A)")
def views_list(request: HttpRequest, child) -> HttpResponse:
    records = child_views.views_of_child(child, request.user)
    own = child_views.whose_for(request.user)
    shown = [
        {"whose": whose, "title": label, "record": records.get(whose),
         "questions": child_views.questions(whose, child), "may_change": whose == own}
        for whose, label in ViewsWhose.choices if whose in child_views.readable_by(request.user)
    ]
    return render(request, "plans/views_list.html", {
        "child": child, "shown": shown, "own": own, "back_url": _back(request),
        "page_title": {"parent": "Your child's views", "young_person": "Your views"}.get(
            own, f"{child.full_name}'s views"),
    })


def _initial(record: ChildViews | None) -> dict:
    if record is None:
        return {"version": 0}
    return {"version": record.version, "recorded_how": record.recorded_how,
            **{name: getattr(record, name) for name in VIEWS_QUESTIONS}}


@for_roles(*CASE_PARTICIPANTS)
@child_view("views, interests and aspirations (section A): write")
def views_edit(request: HttpRequest, child, whose: str) -> HttpResponse:
    if whose not in ViewsWhose.values or whose != child_views.whose_for(request.user):
        raise Http404("Not your views to write")
    record = ChildViews.objects.filter(child=child, whose=whose).first()
    questions = child_views.questions(whose, child)
    with_how = whose == ViewsWhose.CHILD
    form = forms.ChildViewsForm(request.POST or None, request.FILES or None, questions=questions, with_how=with_how,
                                initial=_initial(record), **upload_refusals(request))
    saved_now = None
    if request.method == "POST" and form.is_valid():
        finishing = request.POST.get("action") == "finish"
        try:
            record = child_views.child_views_save(acting_user=request.user, child=child, whose=whose,
                                                  answers=form.cleaned_data,
                                                  expected_version=form.cleaned_data["version"],
                                                  upload=form.cleaned_data.get("file"),
                                                  upload_description=form.cleaned_data.get("file_description", ""))
        except StaleEdit as error:
            form_add_service_error(form, error)
            saved_now = ChildViews.objects.filter(child=child, whose=whose).first()
            form.data = {**form.data.dict(), "version": str(saved_now.version if saved_now else 0)}
        except ServiceError as error:
            form_add_service_error(form, error)
        else:
            missing = child_views.missing_answers(record, whose) if finishing else {}
            if not missing:
                messages.success(request, "Your answers have been saved. " + (
                    "Thank you: your caseworker can now read them." if finishing
                    else "You can come back and finish them at any time."))
                return redirect("plans:views", child_id=child.pk)
            # Saved, but not finished: the answers given are kept and the page asks for what is missing.
            form = forms.ChildViewsForm({**form.data.dict(), "version": str(record.version)}, questions=questions,
                                        with_how=with_how)
            form.is_valid()
            for name, message in missing.items():
                form.add_error(name, message)
            messages.success(request, "Your answers so far have been saved.")
    return render(request, "plans/views_edit.html", {
        "child": child, "form": form, "whose": whose, "record": record, "saved_now": saved_now,
        "questions": questions, "back_url": reverse("plans:views", kwargs={"child_id": child.pk}),
        "page_title": {"parent": "Your child's views", "young_person": "Your views"}.get(
            whose, f"Record {child.full_name}'s views with them"),
    })
