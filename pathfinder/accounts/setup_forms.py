"""Forms for setting up an authenticator through an invitation and for deciding a change of role."""

from __future__ import annotations

from django import forms

from pathfinder.accounts.forms import VerifyForm


class SetUpForm(VerifyForm):
    """The invitation link alone is not enough: the new member of staff also gives the password they were given."""

    password = forms.CharField(
        label="Password", widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}), strip=False,
        help_text="The password your administrator gave you with this link",
        error_messages={"required": "Enter your password"},
    )
    field_order = ["password", "code"]


class RoleDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label="Decision", choices=[("approve", "Approve"), ("refuse", "Refuse")],
        error_messages={"required": "Select whether to approve or refuse the change",
                        "invalid_choice": "Select whether to approve or refuse the change"},
    )
