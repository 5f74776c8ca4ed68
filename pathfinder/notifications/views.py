"""The outbox, the letters to print, "How we contact you", and GOV.UK Notify's delivery-status callback."""

from __future__ import annotations

import hmac
import json

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from pathfinder.accounts.roles import EVERY_ROLE, MESSAGE_READERS, Role
from pathfinder.audit.services import audit_reads
from pathfinder.core.access import for_roles, public
from pathfinder.core.errors import ServiceError
from pathfinder.core.forms import form_add_service_error
from pathfinder.notifications import services
from pathfinder.notifications.forms import ContactPreferenceForm
from pathfinder.notifications.kinds import council_values
from pathfinder.notifications.models import Channel, Message, MessageStatus
from pathfinder.notifications.notify import notify_configured
from pathfinder.notifications.preferences import contact_preference_change
from pathfinder.notifications.scope import children_by_ids, visible_child_ids

PER_PAGE = 50


def messages_for(user) -> QuerySet[Message]:
    """The messages a reader may see: every one for the administrator; for case staff, those about children they
    may see and those sent to them."""
    messages = Message.objects.select_related("recipient")
    if user.role == Role.ADMINISTRATOR:
        return messages
    return messages.filter(Q(child_id__in=visible_child_ids(user, timezone.localdate())) | Q(recipient=user))


def _shown(request: HttpRequest, page, what: str) -> None:
    audit_reads(request, children_by_ids({m.child_id for m in page}), what)


@for_roles(*MESSAGE_READERS)
def outbox(request: HttpRequest) -> HttpResponse:
    """Every message, newest first: what was sent to whom, by which channel, and what became of it."""
    page = Paginator(messages_for(request.user), PER_PAGE).get_page(request.GET.get("page"))
    _shown(request, page, "Messages to the family (outbox)")
    return render(request, "notifications/outbox.html", {
        "page": page, "notify_on": notify_configured(), "page_title": "Messages",
        "letters_waiting": messages_for(request.user).filter(status=MessageStatus.LETTER_TO_PRINT).count(),
    })


@for_roles(*MESSAGE_READERS)
def letters(request: HttpRequest) -> HttpResponse:
    """Letters waiting to be printed and posted, for people who chose letters."""
    waiting = messages_for(request.user).filter(channel=Channel.LETTER, status=MessageStatus.LETTER_TO_PRINT)
    page = Paginator(waiting.order_by("created_at", "pk"), PER_PAGE).get_page(request.GET.get("page"))
    _shown(request, page, "Letters to print")
    return render(request, "notifications/letters.html", {"page": page, "page_title": "Letters to print"})


def _letter(request: HttpRequest, message_id: int) -> Message:
    return get_object_or_404(messages_for(request.user).filter(channel=Channel.LETTER), pk=message_id)


@for_roles(*MESSAGE_READERS)
def letter(request: HttpRequest, message_id: int) -> HttpResponse:
    """One letter, laid out to print on the council's letterhead."""
    message = _letter(request, message_id)
    _shown(request, [message], "A letter to the family")
    return render(request, "notifications/letter.html", {
        "message": message, "contacts": settings.COUNCIL_CONTACTS, "council": council_values(),
        "page_title": "Letter to print",
    })


@require_POST
@for_roles(*MESSAGE_READERS)
def letter_printed(request: HttpRequest, message_id: int) -> HttpResponse:
    message = _letter(request, message_id)
    try:
        services.letter_mark_printed(acting_user=request.user, message=message)
    except ServiceError:
        pass  # printed already (two people at once): the list shows it gone either way
    return redirect("notifications:letters")


@for_roles(*EVERY_ROLE)
def preferences(request: HttpRequest) -> HttpResponse:
    """How we contact you: email, text message or letter."""
    user = request.user
    form = ContactPreferenceForm(request.POST or None, initial={
        "contact_preference": user.contact_preference, "phone": user.phone, "postal_address": user.postal_address,
    })
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            contact_preference_change(acting_user=user, preference=data["contact_preference"], phone=data["phone"],
                                      postal_address=data["postal_address"])
        except ServiceError as error:
            form_add_service_error(form, error)
        else:
            return redirect(f"{request.path}?saved=1")
    return render(request, "notifications/preferences.html", {
        "form": form, "saved": request.GET.get("saved") == "1" and not form.errors, "page_title": "How we contact you",
    })


def _bearer_ok(request: HttpRequest) -> bool:
    expected = settings.GOVUK_NOTIFY_CALLBACK_TOKEN
    given = request.headers.get("Authorization", "")
    return bool(expected) and hmac.compare_digest(given.encode(), f"Bearer {expected}".encode())


@csrf_exempt
@require_POST
@public
def notify_callback(request: HttpRequest) -> HttpResponse:
    """GOV.UK Notify tells us what became of a message. Only with the bearer token we gave Notify."""
    if not settings.GOVUK_NOTIFY_CALLBACK_TOKEN:
        raise Http404("Delivery-status callbacks are not set up")
    if not _bearer_ok(request):
        return JsonResponse({"error": "Not allowed"}, status=401)
    try:
        data = json.loads(request.body)
        notify_id, status = str(data["id"]), str(data["status"])
    except (ValueError, KeyError, TypeError):
        return JsonResponse({"error": "Expected JSON with id and status"}, status=400)
    services.message_delivery_record(notify_id=notify_id, notify_status=status)
    return JsonResponse({"ok": True})
