"""The form an organisation's administrator uses to give a queued advice request to a colleague."""

from __future__ import annotations

from django import forms

from pathfinder.core.forms import GOVUKForm

QUEUE = "queue"


class AdviceAssignForm(GOVUKForm):
    error_names = {"assigned_to": "who should do it"}

    assigned_to = forms.ChoiceField(label="Give to", error_messages={"required": "Select who should do it"})

    def __init__(self, *args, members=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.members = {str(m.user_id): m.user for m in members}
        self.fields["assigned_to"].choices = [(QUEUE, "Nobody yet (the queue)")] + [
            (key, user.display_name) for key, user in self.members.items()
        ]

    def clean_assigned_to(self):
        value = self.cleaned_data["assigned_to"]
        return None if value == QUEUE else self.members[value]
