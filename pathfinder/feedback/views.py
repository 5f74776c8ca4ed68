"""Families comment on the Local Offer; the officer moderates and responds; 'You said, we did' publishes it."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from pathfinder.accounts.roles import Role
from pathfinder.core.access import for_roles, public
from pathfinder.core.client_address import client_address
from pathfinder.core.errors import ServiceError, StaleEdit
from pathfinder.core.forms import form_add_service_error
from pathfinder.feedback import selectors, services
from pathfinder.feedback.constants import CommentStatus, CommentTopic
from pathfinder.feedback.forms import HONEYPOT_FIELD, CommentForm, ModerateForm, RespondForm, YearForm
from pathfinder.feedback.naming import names_in

OFFICER = Role.LOCAL_OFFER_OFFICER


def _public_service(service_id: str):
    """The published service a family is commenting on or reporting, or 404."""
    from pathfinder.directory.web.lookup import public_service_or_404

    return public_service_or_404(service_id)


def _refuse(form, error: ServiceError, comment) -> None:
    """Show why the decision was refused. A stale one keeps what was typed, now against the comment as saved,
    so saving again (after checking it) is a deliberate choice."""
    form_add_service_error(form, error)
    if isinstance(error, StaleEdit):
        form.data = form.data.copy()
        form.data["version"] = str(comment.version)


def _ip(request: HttpRequest) -> str | None:
    """The sender's real address (trusted proxies only), so a made-up X-Forwarded-For cannot dodge the limit."""
    return client_address(request)


@public
def comment_new(request: HttpRequest) -> HttpResponse:
    """Any family can comment, without signing in (reg 56(1))."""
    service = _public_service(request.GET["service"]) if request.GET.get("service") else None
    form = CommentForm(request.POST or None, about_service=service is not None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.comment_submit(
                topic=data.get("topic", CommentTopic.SERVICE), text=data["text"], name=data["name"],
                email=data["email"], sender_kind=data["sender_kind"],
                service_id=str(service.pk) if service else "", service_name=service.name if service else "",
                ip_address=_ip(request), honeypot=request.POST.get(HONEYPOT_FIELD, ""),
            )
        except ServiceError as error:
            form_add_service_error(form, error)
        else:
            return redirect("feedback:comment-sent")
    return render(request, "feedback/comment_form.html", {
        "form": form, "service": service, "honeypot": HONEYPOT_FIELD,
        "page_title": f"Comment on {service.name}" if service else "Comment on the Local Offer",
    })


@public
def comment_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "feedback/comment_sent.html", {"page_title": "Thank you for your comment"})


@public
def you_said_we_did(request: HttpRequest) -> HttpResponse:
    """Published comments with the council's responses and actions, a year at a time (reg 56(2), (3))."""
    years = selectors.published_years()
    form = YearForm(request.GET or None, years=years)
    year = years[0] if years else None
    if form.is_bound and form.is_valid() and form.cleaned_data.get("year"):
        year = form.cleaned_data["year"]
    comments = list(selectors.comments_published(year=year)) if year else []
    groups: dict[str, list] = {}
    for comment in comments:
        groups.setdefault(comment.get_topic_display(), []).append(comment)
    return render(request, "feedback/you_said_we_did.html", {
        "year_form": form, "year": year, "years": years, "groups": groups, "count": len(comments),
        "page_title": f"You said, we did: {year}" if year else "You said, we did",
    })


@for_roles(OFFICER)
def officer_comments(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", CommentStatus.RECEIVED)
    if status not in CommentStatus.values:
        status = CommentStatus.RECEIVED
    page = Paginator(selectors.comment_list(acting_user=request.user, status=status), 25).get_page(
        request.GET.get("page"))
    return render(request, "feedback/officer_comments.html", {
        "page": page, "status": status, "statuses": CommentStatus.choices,
        "counts": selectors.comment_counts(acting_user=request.user), "page_title": "Comments on the Local Offer",
    })


@for_roles(OFFICER)
def officer_comment(request: HttpRequest, comment_id: int) -> HttpResponse:
    comment = selectors.comment_get(acting_user=request.user, comment_id=comment_id)
    history = list(comment.history.select_related("history_user").order_by("-history_date")[:50])
    return render(request, "feedback/officer_comment.html", {
        "comment": comment, "history": history, "identifying": services.identifying_details(comment.text),
        "page_title": f"Comment received {comment.received_at:%-d %B %Y}",
    })


@for_roles(OFFICER)
def officer_comment_moderate(request: HttpRequest, comment_id: int) -> HttpResponse:
    comment = selectors.comment_get(acting_user=request.user, comment_id=comment_id)
    initial = {
        "decision": {"published": "publish", "accepted": "publish", "not_published": "refuse"}.get(comment.status),
        "published_text": comment.published_text or comment.text, "reason": comment.not_published_reason,
        "note": comment.not_published_note, "version": comment.version,
    }
    wording = request.POST.get("published_text", "") if request.method == "POST" else initial["published_text"]
    names = names_in(wording)
    form = ModerateForm(request.POST or None, initial=initial, ask_names=bool(names))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.comment_moderate(
                acting_user=request.user, comment=comment, publish=data["decision"] == "publish",
                published_text=data["published_text"], reason=data["reason"], note=data["note"],
                version=data["version"], names_checked=data.get("names_checked", False),
            )
        except ServiceError as error:
            _refuse(form, error, comment)
        else:
            messages.success(request, "Decision saved.")
            return redirect("feedback:officer-comment", comment_id=comment.pk)
    back = reverse("feedback:officer-comment", args=[comment.pk])
    return render(request, "feedback/officer_moderate.html", {
        "form": form, "comment": comment, "identifying": services.identifying_details(comment.text), "names": names,
        "back_url": back, "page_title": "Decide whether to publish",
    })


@for_roles(OFFICER)
def officer_comment_respond(request: HttpRequest, comment_id: int) -> HttpResponse:
    comment = selectors.comment_get(acting_user=request.user, comment_id=comment_id)
    form = RespondForm(request.POST or None, initial={
        "response": comment.response, "action": comment.action, "version": comment.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.comment_respond(acting_user=request.user, comment=comment, **form.cleaned_data)
        except ServiceError as error:
            _refuse(form, error, comment)
        else:
            messages.success(request, "Response saved. The comment is published on 'You said, we did'.")
            return redirect("feedback:officer-comment", comment_id=comment.pk)
    back = reverse("feedback:officer-comment", args=[comment.pk])
    return render(request, "core/form_page.html", {
        "form": form, "page_title": "The council's response", "caption": "Comment on the Local Offer",
        "intro": ["Published wording: " + comment.published_text] if comment.published_text else [],
        "back_url": back, "cancel_url": back, "submit_text": "Save and publish",
    })
