"""The link on the child's record to their appeals and Tribunal orders (people does not know this app exists)."""

from __future__ import annotations

from django.urls import reverse

from pathfinder.accounts.roles import CASE_ROLES
from pathfinder.people.child_pages import RecordLink
from pathfinder.tribunal.models import Appeal, TribunalOrder


def tribunal_record_links(request, child) -> list[RecordLink]:
    """For case staff, once the child has an appealable decision, an appeal or duties after one."""
    if getattr(request.user, "role", None) not in CASE_ROLES:
        return []
    open_duties = TribunalOrder.objects.filter(child=child, duties__done_on__isnull=True, duties__applies=True)
    if not (child.appealable_decisions.exists() or Appeal.objects.filter(child=child).exists()
            or TribunalOrder.objects.filter(child=child).exists()):
        return []
    hint = "Duties after an appeal are still to do" if open_duties.exists() else "Appeals, orders and their duties"
    return [RecordLink(text="Appeals and Tribunal orders", url=reverse("tribunal:child", kwargs={"child_id": child.pk}),
                       hint=hint)]
