"""The period a manager counts timeliness over."""

from __future__ import annotations

from pathfinder.core.forms import GOVUKDateField, GOVUKForm


class PeriodForm(GOVUKForm):
    """From and to dates, both included. Sent by GET so a period can be bookmarked and works without JavaScript."""

    period_start = GOVUKDateField(label="From", help_text="For example, 1 1 2025", error_name="the start date")
    period_end = GOVUKDateField(label="To", help_text="For example, 31 12 2025", error_name="the end date")

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", "The ‘to’ date must be the same as or after the ‘from’ date")
        return data
