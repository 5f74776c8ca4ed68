"""Forms an organisation's administrator uses: add a colleague, and say where a leaving colleague's work goes."""

from __future__ import annotations

from django import forms

from pathfinder.accounts.models import User
from pathfinder.accounts.roles import Role
from pathfinder.core.forms import GOVUKForm

QUEUE = "queue"


class MemberAddForm(GOVUKForm):
    """By the email address of their Pathfinder account, so an administrator never browses a list of every
    adviser in the county."""

    error_names = {"email": "the email address of their Pathfinder account"}

    email = forms.EmailField(label="Email address of their Pathfinder account", max_length=254,
                             widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
                             help_text="They must already have an adviser's account. The council's administrator "
                             "can make one.")
    is_administrator = forms.BooleanField(label="They can add and remove colleagues", required=False)

    def clean_email(self) -> User:
        email = self.cleaned_data["email"].strip()
        user = User.objects.filter(email__iexact=email, role=Role.ADVISER, is_active=True).first()
        if user is None:
            raise forms.ValidationError("There is no adviser's account with that email address")
        return user


class MemberRemoveForm(GOVUKForm):
    error_names = {"pass_to": "who takes on their open work"}

    pass_to = forms.ChoiceField(label="Who should take on their open work?", widget=forms.RadioSelect,
                                error_messages={"required": "Select who should take on their open work"})

    def __init__(self, *args, colleagues=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.colleagues = {str(c.user_id): c.user for c in colleagues}
        self.fields["pass_to"].choices = [(QUEUE, "Put it back in the organisation's queue")] + [
            (key, user.display_name) for key, user in self.colleagues.items()
        ]

    def clean_pass_to(self):
        value = self.cleaned_data["pass_to"]
        return None if value == QUEUE else self.colleagues[value]
