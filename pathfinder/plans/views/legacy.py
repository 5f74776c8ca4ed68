"""Plan addresses from before a plan had its own: /plans/children/<child>/assessments/<assessment>/<page>.

They redirect to the same page under /children/<child>/plans/<plan>/ (permanently for reading, and with 307 for a
form sent from a page opened before the change, so what was typed still arrives). The child is checked first, as on
every page of a child's record, so an old address confirms nothing to someone who may not see the child.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect, HttpResponseRedirect
from django.urls import reverse

from pathfinder.core.access import for_roles
from pathfinder.people.access import child_view
from pathfinder.plans import selectors
from pathfinder.plans.views.common import PLAN_READERS


class _TemporaryRedirect(HttpResponseRedirect):
    status_code = 307


@for_roles(*PLAN_READERS)
@child_view("EHC plan (old address)")
def old_address(request: HttpRequest, child, assessment_id: int, rest: str = "") -> HttpResponse:
    assessment = selectors.assessment_for_plan(child, assessment_id)
    if assessment is None:
        raise Http404("No such assessment for this child")
    plan = selectors.plan_of_assessment(assessment)
    if plan is None:
        target = reverse("plans:for-assessment", kwargs={"child_id": child.pk, "assessment_id": assessment.pk})
        target += "start/" if rest == "start/" else ""
    else:
        target = reverse("plans:overview", kwargs={"child_id": child.pk, "plan_id": plan.pk})
        target += "" if rest == "start/" else rest
    if request.GET:
        target += "?" + request.GET.urlencode()
    if request.method in ("GET", "HEAD"):
        return HttpResponsePermanentRedirect(target)
    return _TemporaryRedirect(target)
