"""Reading appeals and orders for pages: always through the child the page has already checked (child_view)."""

from __future__ import annotations

from django.http import Http404

from pathfinder.tribunal.models import Appeal, OrderDuty, OrderedProvision, Recommendation, TribunalOrder


def appeals_for_child(child) -> list[Appeal]:
    return list(Appeal.objects.filter(child=child).select_related("decision").order_by("-registered_on", "-pk"))


def orders_for_child(child) -> list[TribunalOrder]:
    """Every set of duties for the child: orders, appeals not opposed and mediation agreements."""
    return list(TribunalOrder.objects.filter(child=child).select_related("appeal").prefetch_related("duties")
                .order_by("-made_on", "-pk"))


def appeal_get(child, appeal_id: int) -> Appeal:
    """The child's appeal, or 404 (an id from another child's record is not confirmed to exist)."""
    appeal = Appeal.objects.filter(child=child, pk=appeal_id).select_related("decision", "child").first()
    if appeal is None:
        raise Http404("No such appeal for this child")
    return appeal


def order_get(child, order_id: int) -> TribunalOrder:
    order = (TribunalOrder.objects.filter(child=child, pk=order_id).select_related("appeal", "child")
             .prefetch_related("duties", "exceptions", "provision").first())
    if order is None:
        raise Http404("No such order for this child")
    return order


def duty_get(order: TribunalOrder, duty_id: int) -> OrderDuty:
    duty = order.duties.filter(pk=duty_id).first()
    if duty is None:
        raise Http404("No such duty on this order")
    return duty


def provision_get(order: TribunalOrder, item_id: int) -> OrderedProvision:
    item = order.provision.filter(pk=item_id).first()
    if item is None:
        raise Http404("No such provision on this order")
    return item


def recommendation_get(appeal: Appeal, recommendation_id: int) -> Recommendation:
    row = appeal.recommendations.filter(pk=recommendation_id).first()
    if row is None:
        raise Http404("No such recommendation on this appeal")
    return row
