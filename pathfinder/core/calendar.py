"""The council's working-day calendar: England's bank holidays plus one-off closed days it has added."""

from __future__ import annotations

import statutory


def council_calendar() -> statutory.WorkingDayCalendar:
    from pathfinder.core.models import NonWorkingDay

    extra = frozenset(NonWorkingDay.objects.values_list("day", flat=True))
    return statutory.WorkingDayCalendar(extra_non_working_days=extra)
