"""The census day a manager builds the SEN2 return for."""

from __future__ import annotations

from datetime import date

from django import forms

from pathfinder.core.forms import GOVUKDateField, GOVUKForm

EARLIEST = date(2015, 1, 1)  # the first census after the 2014 law


class CensusForm(GOVUKForm):
    """Sent by GET, so a census day can be bookmarked and the page works without JavaScript."""

    census = GOVUKDateField(label="Census day", help_text="For example, 21 1 2027", error_name="the census day")

    def clean_census(self) -> date:
        census = self.cleaned_data["census"]
        if census < EARLIEST:
            raise forms.ValidationError("The census day must be in 2015 or later")
        return census
