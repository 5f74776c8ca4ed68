"""The officer's form to subscribe to another directory's Open Referral UK API."""

from __future__ import annotations

from django import forms

from pathfinder.core.forms import GOVUKForm


class FeedSubscriptionForm(GOVUKForm):
    error_names = {"base_url": "the API address"}

    name = forms.CharField(
        label="Whose directory is it?", max_length=200,
        help_text="For example, Eastshire County Council's Local Offer",
        error_messages={"required": "Enter whose directory it is"},
    )
    base_url = forms.URLField(
        label="Address of its Open Referral UK API", max_length=500, assume_scheme="https",
        help_text="The address that ends before /services, like https://example.gov.uk/api/oruk/",
        error_messages={"required": "Enter the address of the API",
                        "invalid": "Enter the address of the API, starting https://"},
    )
    website = forms.URLField(
        label="Its website (optional)", max_length=500, required=False, assume_scheme="https",
        help_text="Where families can read that directory. Each service brought in from it links there.",
        error_messages={"invalid": "Enter the website's address, starting https://"},
    )
