"""Telling professionals what happens next with advice: an organisation's administrators of a new request, a
member of a request given to them or passed on, and the caseworker of advice that has arrived.

Why a module apart from services.py: who is told is a rule of its own (administrators, not every member; nobody
told of what they did themselves), and the services stay a list of changes. Each function is called inside the
service's transaction, so message_send queues the message with the change and it goes only once that commits.
Only a due date, a count and a link: the details are behind sign-in (notifications.kinds).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.urls import reverse

from pathfinder.assessments import messages
from pathfinder.assessments.advice_rules import advice_due_on
from pathfinder.assessments.models import AdviceRequest
from pathfinder.notifications.kinds import link
from pathfinder.notifications.recipients import Recipient
from pathfinder.notifications.services import message_send
from pathfinder.organisations.selectors import memberships_active

_OWN = object()  # "the advice's own document", as distinct from None (a correction without a document)


def _administrators(organisation, on: date) -> list:
    rows = (memberships_active(on).filter(organisation=organisation, is_administrator=True)
            .select_related("user").order_by("pk"))
    return [row.user for row in rows if row.user.is_active]


def organisation_tell_new_request(advice: AdviceRequest, *, acting_user, on: date) -> int:
    """A request asked of an organisation: its administrators are told it is in the queue, and a member it was
    given to at once is told it is theirs. Returns how many were told."""
    due = advice_due_on(advice)
    if advice.organisation is None or due is None:
        return 0
    queue = link(reverse("assessments:organisation-queue", kwargs={"organisation_id": advice.organisation_id}))
    told = 0
    for user in _administrators(advice.organisation, on):
        if user.pk in (advice.assigned_to_id, acting_user.pk):
            continue  # the named member hears that it is theirs, below
        message_send(to=Recipient.for_user(user), kind=messages.ADVICE_FOR_ORGANISATION.key,
                     child=advice.assessment.child, values={"due_on": due, "link": queue})
        told += 1
    if advice.assigned_to is not None:
        told += member_tell_given(advice, to_user=advice.assigned_to, acting_user=acting_user)
    return told


def member_tell_given(advice: AdviceRequest, *, to_user, acting_user) -> int:
    """A request given to a member by someone else: they are told it is theirs and when it is due. A member who
    took it themselves, or a request put back in the queue, tells nobody."""
    due = advice_due_on(advice)
    if to_user is None or due is None or to_user.pk == getattr(acting_user, "pk", None):
        return 0
    message_send(to=Recipient.for_user(to_user), kind=messages.ADVICE_GIVEN_TO_YOU.key,
                 child=advice.assessment.child,
                 values={"due_on": due, "link": link(reverse("assessments:advice-give",
                                                             kwargs={"advice_id": advice.pk}))})
    return 1


def member_tell_passed(passed: Iterable[AdviceRequest], *, to_user) -> int:
    """A leaving colleague's open requests passed to ``to_user``: one message saying how many, and when the first
    is due (not one message for each). Back to the queue (None) or nothing passed tells nobody."""
    passed = list(passed)
    dues = [due for due in (advice_due_on(advice) for advice in passed) if due is not None]
    if to_user is None or not passed or not dues:
        return 0
    message_send(to=Recipient.for_user(to_user), kind=messages.ADVICE_PASSED_TO_YOU.key,
                 values={"passed_requests": len(passed), "due_on": min(dues),
                         "link": link(reverse("assessments:adviser-home"))})
    return 1


def caseworker_tell_advice_arrived(advice: AdviceRequest, *, acting_user, document=_OWN) -> int:
    """Advice recorded or sent, or a correction to it: the case's caseworker is told it has arrived (and that its
    document, the advice's own unless another is given, is still being checked for viruses, if it is). A
    caseworker who recorded it themselves is not told."""
    assessment = advice.assessment
    caseworker = assessment.caseworker
    if caseworker is None or not caseworker.is_active or caseworker.pk == getattr(acting_user, "pk", None):
        return 0
    document = advice.document if document is _OWN else document
    checking = document is not None and not document.is_clean
    kind = messages.ADVICE_ARRIVED_CHECKING if checking else messages.ADVICE_ARRIVED
    case = reverse("assessments:case", kwargs={"child_id": assessment.child_id, "assessment_id": assessment.pk})
    message_send(to=Recipient.for_user(caseworker), kind=kind.key, child=assessment.child,
                 values={"link": link(case)})
    return 1
