"""Direct payment money alerts on the caseworker's worklist (core.worklist). Importing this module registers the
provider; budgets.apps imports it at start-up.

Only the caseworker's own cases (the plan's assessment is theirs). None of these is a statutory deadline, so none
is shown as overdue except a held payment whose day has passed (a family is waiting for money).
"""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from pathfinder.budgets.alerts import UNSIGNED, alerts_for, direct_payments_of_caseworker
from pathfinder.budgets.models_money import DirectPayment
from pathfinder.core.worklist import WorklistItem, register_worklist_provider

WHY = {
    "unspent": "The council's alert for unspent direct payment money (its personal budget settings)",
    "unsigned": "No payment before the direct payment agreement is signed",
    "not_bought": "Provision in the plan paid for and not bought (the council's personal budget settings)",
}


def money_alerts(user, today: date) -> list[WorklistItem]:
    """The money alerts on the user's own cases."""
    alerts = alerts_for(direct_payments_of_caseworker(user), today)
    if not alerts:
        return []
    dps = {dp.pk: dp for dp in DirectPayment.objects.filter(pk__in={a.direct_payment_id for a in alerts})
           .select_related("request__child")}
    items = []
    for alert in alerts:
        dp = dps[alert.direct_payment_id]
        child = dp.request.child
        items.append(WorklistItem(
            child=child, title=alert.title, due=alert.due, today=today, reason=WHY[alert.kind],
            url=reverse("budgets:money", kwargs={"child_id": child.pk, "direct_payment_id": dp.pk}),
            overdue=alert.kind == UNSIGNED and alert.due < today, notes=(alert.detail,),
            sort_key=(child.legal_last_name, dp.pk)))
    return items


register_worklist_provider(money_alerts)
