"""Forms for families' comments and reports, and for the officer's moderation. Validation only: no rules here."""

from __future__ import annotations

from django import forms

from pathfinder.core.forms import GOVUKForm
from pathfinder.feedback.constants import CommentTopic, NotPublishedReason, SenderKind

HONEYPOT_FIELD = "website"  # a field people never see; robots fill it in


class CommentForm(GOVUKForm):
    error_names = {"sender_kind": "who you are"}

    topic = forms.ChoiceField(
        label="What is your comment about?",
        choices=[c for c in CommentTopic.choices if c[0] != CommentTopic.SERVICE],
        widget=forms.RadioSelect,
        error_messages={"required": "Select what your comment is about"},
    )
    text = forms.CharField(
        label="Your comment",
        help_text="Do not include names or details that could identify you or your child.",
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=5000,
        error_messages={"required": "Enter your comment", "max_length": "Your comment must be 5,000 characters or fewer"},
    )
    sender_kind = forms.ChoiceField(
        label="Are you… (optional)", required=False, choices=SenderKind.choices, widget=forms.RadioSelect,
    )
    name = forms.CharField(label="Your name", required=False, max_length=120,
                           widget=forms.TextInput(attrs={"autocomplete": "name", "spellcheck": "false"}))
    email = forms.EmailField(
        label="Your email address", required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        help_text="Only if you would like a reply. We will not publish it or share it.",
        error_messages={"invalid": "Enter an email address in the correct format, like name@example.com"},
    )

    def __init__(self, *args, about_service: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if about_service:
            del self.fields["topic"]


class ModerateForm(GOVUKForm):
    error_names = {"reason": "why it will not be published"}

    decision = forms.ChoiceField(
        label="Will this comment be published?",
        choices=[("publish", "Yes, publish it (with the wording below)"), ("refuse", "No, do not publish it")],
        widget=forms.RadioSelect, error_messages={"required": "Select whether to publish the comment"},
    )
    published_text = forms.CharField(
        label="Wording to publish", required=False, widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Remove names, places, dates and anything else that could identify someone. The original is kept.",
    )
    reason = forms.ChoiceField(
        label="If not, why not?", required=False, choices=NotPublishedReason.choices, widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label="Note about the decision", required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example, that you passed the family's question to the SEND team.",
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, ask_names: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if ask_names:  # only when the wording looks as if it names someone (feedback.naming)
            self.fields["names_checked"] = forms.BooleanField(
                label="I have checked: nobody can be identified from what will be published", required=False,
            )


class RespondForm(GOVUKForm):
    response = forms.CharField(
        label="The council's response", widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Enter the council's response"},
    )
    action = forms.CharField(
        label="What the council will do, or has done", required=False, widget=forms.Textarea(attrs={"rows": 3}),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class YearForm(GOVUKForm):
    year = forms.TypedChoiceField(label="Year", coerce=int, required=False, choices=[])

    def __init__(self, *args, years: list[int], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(y, str(y)) for y in years]
