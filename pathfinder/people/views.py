from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

import statutory
from pathfinder.accounts.roles import CASE_PARTICIPANTS as ALL_CASE_ROLES
from pathfinder.accounts.roles import CASE_STAFF, CASE_VIEWERS
from pathfinder.audit.models import AuditEvent
from pathfinder.audit.services import audit_reads
from pathfinder.core.access import for_roles
from pathfinder.people import child_pages, services
from pathfinder.people.access import child_view
from pathfinder.people.duplicates import DuplicateIdentifiers, ask_to_confirm, clashes_for_record, confirmed_from
from pathfinder.people.forms import ChildForm, FamilyMemberForm
from pathfinder.people.search import child_search
from pathfinder.people.selectors import can_change_case, can_see_whole_record, children_visible_to


@for_roles(*CASE_STAFF)
def child_list(request: HttpRequest) -> HttpResponse:
    """Find a child by name, date of birth, UPN, NHS number or ULN, among the children this user may see."""
    query = request.GET.get("q", "").strip()
    children = children_visible_to(request.user).select_related("team").order_by("legal_last_name", "legal_first_name")
    children = child_search(children, query)
    page = Paginator(children, 25).get_page(request.GET.get("page"))
    audit_reads(request, page.object_list, "child search results")
    return render(request, "people/child_list.html", {"page": page, "query": query, "page_title": "Find a child"})


@for_roles(*CASE_STAFF)
def child_new(request: HttpRequest) -> HttpResponse:
    initial = {"team": request.user.team_id, "first_language": "English"}
    form = ChildForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            child = services.child_create(acting_user=request.user, data=form.cleaned_data,
                                          confirmed=confirmed_from(request.POST))
        except DuplicateIdentifiers as error:
            ask_to_confirm(request, form, error)
        else:
            return redirect("people:child", child_id=child.pk)
    return render(request, "core/form_page.html", {
        "form": form, "page_title": "Add a child or young person", "submit_text": "Save and continue",
        "cancel_url": reverse("people:child-list"),
    })


@for_roles(*ALL_CASE_ROLES)
@child_view("child's record")
def child_detail(request: HttpRequest, child) -> HttpResponse:
    today = timezone.localdate()
    other_page = child_pages.page_for(request.user.role)
    if other_page is not None:
        return other_page(request, child)
    assessments = child.assessments.select_related("caseworker", "plan").order_by("-received_on")
    return render(request, "people/child_detail.html", {
        "child": child,
        "needs": child.ranked_needs(),
        "family": child.family_members.all(),
        "record_links": child_pages.record_links(request, child),
        "assessments": assessments,
        "decision_maker": child.decision_maker(today),
        "rights_pass_on": statutory.compulsory_school_age_end(child.date_of_birth),
        "year_group": statutory.national_curriculum_year(child.date_of_birth, today),
        "age": statutory.age_on(child.date_of_birth, today),
        "can_change": can_change_case(request.user),
        "duplicates": clashes_for_record(request, child) if can_change_case(request.user) else [],
        "whole_record": can_see_whole_record(request.user),
        "page_title": child.full_name,
    })


@for_roles(*CASE_STAFF)
@child_view("child's record (to change it)")
def child_edit(request: HttpRequest, child) -> HttpResponse:
    needs = child.ranked_needs()
    initial = {field: getattr(child, field) for field in services.CHILD_FIELDS}
    initial["team"] = child.team_id
    initial["primary_need"] = needs[0].need_type if needs else ""
    initial["secondary_need"] = needs[1].need_type if len(needs) > 1 else ""
    form = ChildForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.child_update(acting_user=request.user, child=child, data=form.cleaned_data,
                                  confirmed=confirmed_from(request.POST))
        except DuplicateIdentifiers as error:
            ask_to_confirm(request, form, error)
        else:
            return redirect("people:child", child_id=child.pk)
    return render(request, "core/form_page.html", {
        "form": form, "page_title": f"Change {child.full_name}'s record", "submit_text": "Save changes",
        "back_url": reverse("people:child", args=[child.pk]), "cancel_url": reverse("people:child", args=[child.pk]),
    })


@for_roles(*CASE_STAFF)
@child_view("family members (to add one)")
def family_member_new(request: HttpRequest, child) -> HttpResponse:
    form = FamilyMemberForm(request.POST or None, initial={"has_parental_responsibility": True,
                                                           "receives_notices": True, "contact_preference": "email"})
    if request.method == "POST" and form.is_valid():
        services.family_member_add(acting_user=request.user, child=child, data=form.cleaned_data)
        return redirect("people:child", child_id=child.pk)
    return render(request, "core/form_page.html", {
        "form": form, "page_title": "Add a family member", "caption": child.full_name,
        "back_url": reverse("people:child", args=[child.pk]), "submit_text": "Save",
    })


@for_roles(*CASE_STAFF)
@child_view("history of changes")
def child_history(request: HttpRequest, child) -> HttpResponse:
    """Who changed what, and when: field-level history kept by simple-history."""
    entries = []
    records = list(child.history.select_related("history_user").order_by("-history_date")[:200])
    for newer, older in zip(records, records[1:] + [None], strict=False):
        changes = []
        if older is not None:
            delta = newer.diff_against(older)
            changes = [(c.field.replace("_", " "), c.old, c.new) for c in delta.changes]
        entries.append({"record": newer, "changes": changes})
    return render(request, "people/child_history.html", {
        "child": child, "entries": entries, "page_title": f"History of changes: {child.full_name}",
    })


@for_roles(*CASE_VIEWERS)
@child_view("who has looked at this record")
def child_access_log(request: HttpRequest, child) -> HttpResponse:
    """Answers "who has looked at this record": every read and change, newest first."""
    events = AuditEvent.objects.filter(child=child).select_related("actor").order_by("-occurred_at")
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    return render(request, "people/child_access_log.html", {
        "child": child, "page": page, "page_title": f"Who has looked at {child.full_name}'s record",
    })
