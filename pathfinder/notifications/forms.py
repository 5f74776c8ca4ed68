"""The "How we contact you" form."""

from __future__ import annotations

from django import forms

from pathfinder.accounts.models import ContactPreference
from pathfinder.core.forms import GOVUKForm


class ContactPreferenceForm(GOVUKForm):
    contact_preference = forms.ChoiceField(
        label="How should we tell you what happens next?", choices=ContactPreference.choices,
        widget=forms.RadioSelect, help_text="We will only tell you what has changed. You sign in to see the details.",
        error_messages={"required": "Select how we should contact you"},
    )
    phone = forms.CharField(
        label="Mobile phone number (for text messages)", required=False, max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel", "spellcheck": "false"}),
    )
    postal_address = forms.CharField(
        label="Postal address (for letters)", required=False, max_length=500,
        widget=forms.Textarea(attrs={"rows": 4, "autocomplete": "street-address"}),
    )
