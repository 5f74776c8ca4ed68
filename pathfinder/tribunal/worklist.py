"""Tribunal work on the caseworker's worklist (see core.worklist): the council's response to an appeal, each duty
of an order (reg 44), of an appeal not opposed (reg 45) or of a mediation agreement (reg 42(2)), and the response
to a health or social care recommendation. Each is due on the law's date and overdue after it; a duty excused by a
reg 44(3) exception is shown as excused. Only the caseworker's own cases: the children their team is involved with.
"""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from pathfinder.accounts.roles import Role
from pathfinder.core.worklist import WorklistItem, register_worklist_provider
from pathfinder.people.selectors import children_visible_to
from pathfinder.tribunal.constants import OPEN_APPEAL_STATUSES
from pathfinder.tribunal.duties import order_deadlines
from pathfinder.tribunal.models import Appeal, OrderDuty, Recommendation, TribunalOrder

HESC_RULES = "Tribunal Procedure (First-tier Tribunal) (HESC) Rules 2008, r.21"
HESC_URL = "https://www.legislation.gov.uk/uksi/2008/2699/rule/21"
REG_44_URL = "https://www.legislation.gov.uk/uksi/2014/1530/regulation/44"
RECOMMENDATIONS = "SEND (First-tier Tribunal Recommendations Power) Regulations 2017, reg 6"
RECOMMENDATIONS_URL = "https://www.legislation.gov.uk/uksi/2017/1306/regulation/6"


def _lower_first(text: str) -> str:
    """"Make and maintain an EHC plan" as "make and maintain an EHC plan": the initialism keeps its capitals."""
    return text[:1].lower() + text[1:]


def _appeal_url(appeal: Appeal) -> str:
    return reverse("tribunal:appeal", kwargs={"child_id": appeal.child_id, "appeal_id": appeal.pk})


def _order_url(order: TribunalOrder) -> str:
    return reverse("tribunal:order", kwargs={"child_id": order.child_id, "order_id": order.pk})


def duty_items(orders, today: date) -> list[WorklistItem]:
    """Each open duty of these orders, with the law's status (so an excused duty says so)."""
    items = []
    for order in orders:
        deadlines = order_deadlines(order, today)
        for duty in order.duties.all():
            if duty.done_on is not None or not duty.applies:
                continue
            status = deadlines.get(duty.step)
            items.append(WorklistItem(
                child=order.child, title=f"{duty.label} ({_lower_first(order.get_kind_display())})", due=duty.due_on,
                url=_order_url(order), reason=duty.citation, reason_url=REG_44_URL, today=today,
                overdue=duty.due_on < today, excused=bool(status and status.exception_applies),
                sort_key=(order.child.legal_last_name, duty.pk),
            ))
    return items


@register_worklist_provider
def tribunal_steps(user, today: date) -> list[WorklistItem]:
    if getattr(user, "role", None) != Role.CASEWORKER:
        return []
    children = children_visible_to(user, today=today)
    items: list[WorklistItem] = []
    for appeal in (Appeal.objects.filter(child__in=children, status__in=OPEN_APPEAL_STATUSES,
                                         response_sent_on__isnull=True).select_related("child")):
        items.append(WorklistItem(
            child=appeal.child, title=f"Send the council's response to appeal {appeal.reference}",
            due=appeal.response_due, url=_appeal_url(appeal), reason=HESC_RULES, reason_url=HESC_URL, today=today,
            sort_key=(appeal.child.legal_last_name, appeal.pk),
        ))
    open_orders = (TribunalOrder.objects.filter(child__in=children, duties__done_on__isnull=True,
                                                duties__applies=True).distinct()
                   .select_related("child").prefetch_related("duties", "exceptions"))
    items.extend(duty_items(open_orders, today))
    for rec in (Recommendation.objects.filter(appeal__child__in=children, responded_on__isnull=True)
                .select_related("appeal__child")):
        items.append(WorklistItem(
            child=rec.appeal.child, title=f"Respond to the Tribunal's {rec.get_area_display().lower()} recommendation",
            due=rec.response_due, url=_appeal_url(rec.appeal), reason=RECOMMENDATIONS,
            reason_url=RECOMMENDATIONS_URL, today=today, sort_key=(rec.appeal.child.legal_last_name, rec.pk),
        ))
    return items


def overdue_duties(children, today: date) -> list[OrderDuty]:
    """Duties past their date and not done, oldest first (the manager's page)."""
    return list(OrderDuty.objects.filter(order__child__in=children, done_on__isnull=True, applies=True,
                                         due_on__lt=today).select_related("order__child").order_by("due_on", "pk"))
