"""The Local Offer officer's pages for other directories' feeds: subscribe, harvest now, the harvest report and
its conflicts. Thin: forms in, harvest.services to act, the run row is the report."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from pathfinder.accounts.roles import Role
from pathfinder.core.access import for_roles
from pathfinder.core.errors import ServiceError
from pathfinder.core.forms import form_add_service_error
from pathfinder.directory.content import ServiceContent
from pathfinder.directory.harvest import services
from pathfinder.directory.harvest.forms import FeedSubscriptionForm
from pathfinder.directory.harvest.models import FeedSubscription, HarvestConflict, HarvestRun
from pathfinder.directory.harvest.writer import ITEMS_KEPT
from pathfinder.directory.web import present

OFFICER = Role.LOCAL_OFFER_OFFICER
REFRESH_SECONDS = 5


def _get(model, pk):
    try:
        return model.objects.get(pk=pk)
    except (model.DoesNotExist, ValidationError, ValueError):
        raise Http404 from None


@for_roles(OFFICER)
def feeds(request: HttpRequest) -> HttpResponse:
    """The feeds we bring services in from, and a form to add one (its address is tried before it is saved)."""
    form = FeedSubscriptionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            subscription = services.feed_subscription_create(acting_user=request.user, **form.cleaned_data)
        except ServiceError as error:
            form_add_service_error(form, error)
        else:
            messages.success(request, f"Subscribed to {subscription.name}. Harvest it now, or wait for tonight's.")
            return redirect("directory:feed", subscription_id=subscription.pk)
    return render(request, "directory/harvest/feeds.html", {
        "form": form, "subscriptions": list(FeedSubscription.objects.all()),
        "page_title": "Services from other directories",
    })


@for_roles(OFFICER)
def feed(request: HttpRequest, subscription_id: str) -> HttpResponse:
    """One feed: when it was last harvested, its harvests, and "Harvest now" (queued on the task queue)."""
    from pathfinder.directory.harvest.tasks import feed_harvest_task

    subscription = _get(FeedSubscription, subscription_id)
    if request.method == "POST":
        try:
            run = services.harvest_run_queue(acting_user=request.user, subscription=subscription,
                                             full=request.POST.get("full") == "1")
        except ServiceError as error:
            messages.error(request, error.message)
            return redirect("directory:feed", subscription_id=subscription.pk)
        feed_harvest_task.enqueue(run_id=str(run.pk))
        return redirect("directory:feed-run", run_id=run.pk)
    return render(request, "directory/harvest/feed.html", {
        "subscription": subscription, "runs": list(subscription.runs.all()[:20]),
        "service_count": subscription.services.count(),
        "page_title": f"Services from {subscription.name}",
    })


@for_roles(OFFICER)
def run_report(request: HttpRequest, run_id: str) -> HttpResponse:
    """What a harvest brought in, what it refused and why, and changes waiting for a decision."""
    run = _get(HarvestRun, run_id)
    running = run.status in (HarvestRun.Status.QUEUED, HarvestRun.Status.RUNNING)
    conflicts = list(run.conflict_rows.select_related("link__service", "decided_by").order_by("link__service__name"))
    return render(request, "directory/harvest/run.html", {
        "run": run, "subscription": run.subscription, "running": running,
        "refresh_seconds": REFRESH_SECONDS if running else None,
        "refused": [i for i in run.items if i["outcome"] == "refused"],
        "withdrawn": [i for i in run.items if i["outcome"] == "withdrawn"],
        "brought_in": [i for i in run.items if i["outcome"] in ("added", "updated", "returned")],
        "items_kept": ITEMS_KEPT,
        "listed_fewer": max(run.added, run.updated, run.refused, run.withdrawn) > ITEMS_KEPT,
        "conflicts": [
            (c, present.content_differences(ServiceContent.from_service(c.link.service),
                                            ServiceContent.from_data(c.incoming))
             if c.incoming is not None and not c.decision else [])
            for c in conflicts
        ],
        "page_title": "Harvest report" if not running else "Harvest in progress",
    })


@for_roles(OFFICER)
def conflict_decide(request: HttpRequest, conflict_id: str) -> HttpResponse:
    """Take the feed's version of a service edited here, or keep ours (POST only)."""
    conflict = _get(HarvestConflict, conflict_id)
    if request.method != "POST" or request.POST.get("decision") not in ("theirs", "ours"):
        return redirect("directory:feed-run", run_id=conflict.run_id)
    take_theirs = request.POST["decision"] == "theirs"
    try:
        services.harvest_conflict_resolve(acting_user=request.user, conflict=conflict, take_theirs=take_theirs)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        name, gone = conflict.link.service.name, conflict.kind == HarvestConflict.Kind.GONE
        if gone:
            messages.success(request, f"{name} is withdrawn from our Local Offer." if take_theirs
                             else f"{name} stays in our Local Offer.")
        else:
            messages.success(request, f"{name}: the other directory's version is published." if take_theirs
                             else f"{name}: our version is kept.")
    return redirect(reverse("directory:feed-run", args=[conflict.run_id]) + "#conflicts")
