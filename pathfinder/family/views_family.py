"""The family's own pages: the start page, the case as a timeline, and (for a young person) who else may see it.

The start page keeps the address it had in plans (/children/family/); it now lives here with the rest of the
family portal and adds the plain-English timeline. Thin views: the words come from family.case_story.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from pathfinder.accounts.roles import FAMILY_ROLES, Role
from pathfinder.audit.services import audit_reads
from pathfinder.core.access import for_roles
from pathfinder.core.errors import ServiceError
from pathfinder.family import consent as consent_services
from pathfinder.family.case_sections import case_sections
from pathfinder.family.case_story import case_story
from pathfinder.people.access import child_view
from pathfinder.people.models import FamilyMember, ParentAccessConsent
from pathfinder.people.selectors import children_visible_to
from pathfinder.plans.family import family_plan_summary
from pathfinder.reviews.family import family_review


def _plan_for(request: HttpRequest, child, today):
    plan = child.plans.select_related("assessment").order_by("-pk").first()
    return family_plan_summary(request.user, child, plan, today)


@for_roles(*FAMILY_ROLES)
def family_home(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    items = []
    for child in children_visible_to(request.user, today=today):
        items.append({"story": case_story(child, request.user, today), "plan": _plan_for(request, child, today)})
    audit_reads(request, [item["story"].child for item in items], "start page (progress of the request)")
    # A parent whose child's rights have passed, and who has not been given the young person's consent, is told
    # why the case has gone and how it can come back, rather than shown an empty page.
    shown = {item["story"].child.pk for item in items}
    rights_passed = [m.child for m in FamilyMember.objects.filter(user=request.user).select_related("child")
                     if m.child_id not in shown and consent_services.consent_needed(m, today)]
    audit_reads(request, rights_passed, "start page (the young person now decides who sees the case)")
    return render(request, "family/home.html", {
        "items": items, "rights_passed": rights_passed, "today": today,
        "is_young_person": request.user.role == Role.YOUNG_PERSON,
        "page_title": "Your child's support" if request.user.role == Role.PARENT else "Your support",
    })


@for_roles(*FAMILY_ROLES)
@child_view("case timeline (family)")
def case(request: HttpRequest, child) -> HttpResponse:
    today = timezone.localdate()
    story = case_story(child, request.user, today)
    return render(request, "family/case.html", {
        "story": story, "plan": _plan_for(request, child, today), "today": today,
        "review": family_review(child, today), "sections": case_sections(child, today),
        "is_young_person": request.user.role == Role.YOUNG_PERSON,
        "page_title": "Your case" if request.user.role == Role.YOUNG_PERSON else f"{child.full_name}'s case",
    })


@for_roles(Role.YOUNG_PERSON)
@child_view("who may see my case (young person)")
@require_http_methods(["GET", "POST"])
def sharing(request: HttpRequest, child) -> HttpResponse:
    """The young person says which family members may go on seeing their case."""
    if child.user_id != request.user.pk:
        raise Http404("Only the young person decides this")
    members = list(child.family_members.filter(user__isnull=False).order_by("name"))
    if request.method == "POST":
        member = next((m for m in members if str(m.pk) == request.POST.get("member")), None)
        if member is None:
            raise Http404("No such family member")
        try:
            if request.POST.get("choice") == "yes":
                consent_services.parent_access_consent_give(acting_user=request.user, member=member)
                messages.success(request, f"{member.name} can now see your case.")
            else:
                current = consent_services.consent_current(member)
                if current is not None:
                    consent_services.parent_access_consent_withdraw(acting_user=request.user, consent=current)
                messages.success(request, f"{member.name} can no longer see your case.")
        except ServiceError as error:
            messages.error(request, error.message)
        return redirect("family:sharing", child_id=child.pk)
    rows = [{"member": m, "consent": consent_services.consent_current(m)} for m in members]
    return render(request, "family/sharing.html", {
        "child": child, "rows": rows, "page_title": "Who can see your case",
        "history": ParentAccessConsent.objects.filter(child=child).select_related("family_member")[:20],
    })
