"""Forms for families and for the caseworker's checks. Validation only: the rules are in the services."""

from __future__ import annotations

from django import forms

from pathfinder.core.forms import GOVUKDateField, GOVUKForm
from pathfinder.family.models import RequesterKind

EMAIL_INVALID = "Enter an email address in the correct format, like name@example.com"


def _text(label: str, *, required: bool = True, max_length: int = 200, autocomplete: str = "", hint: str = ""):
    attrs = {"spellcheck": "false"}
    if autocomplete:
        attrs["autocomplete"] = autocomplete
    return forms.CharField(label=label, required=required, max_length=max_length, help_text=hint,
                           widget=forms.TextInput(attrs=attrs))


class AcceptInvitationForm(GOVUKForm):
    error_names = {"username": "a username", "password": "a password", "password_again": "your password again"}

    username = _text("Choose a username", max_length=150, autocomplete="username",
                     hint="You will use this to sign in. You can use your email address.")
    email = forms.EmailField(label="Your email address", widget=forms.EmailInput(attrs={"autocomplete": "email",
                             "spellcheck": "false"}), error_messages={"invalid": EMAIL_INVALID})
    password = forms.CharField(label="Choose a password", help_text="Use at least 12 letters, numbers or symbols.",
                               widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))
    password_again = forms.CharField(label="Type your password again",
                                     widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))

    def clean(self):
        data = super().clean()
        if data.get("password") and data.get("password_again") and data["password"] != data["password_again"]:
            self.add_error("password_again", "The passwords do not match. Type the same password twice")
        return data


class AccountRequestForm(GOVUKForm):
    error_names = {"name": "your name", "email": "your email address", "relationship": "who you are to the child",
                   "child_first_name": "your child's first name", "child_last_name": "your child's last name",
                   "child_date_of_birth": "your child's date of birth"}

    name = _text("Your full name", autocomplete="name")
    email = forms.EmailField(label="Your email address", widget=forms.EmailInput(attrs={"autocomplete": "email",
                             "spellcheck": "false"}), error_messages={"invalid": EMAIL_INVALID})
    phone = _text("Your phone number (optional)", required=False, max_length=40, autocomplete="tel",
                  hint="We may phone you to check who you are.")
    relationship = _text("Who are you to the child?", max_length=60, hint="For example: mum, dad, foster carer")
    child_first_name = _text("Your child's first name", max_length=100)
    child_last_name = _text("Your child's last name", max_length=100)
    child_date_of_birth = GOVUKDateField(label="Your child's date of birth", help_text="For example, 27 3 2016",
                                         error_name="your child's date of birth")


class OnlineRequestForm(GOVUKForm):
    error_names = {"requester_kind": "who is asking", "requester_name": "your name",
                   "child_first_name": "the first name", "child_last_name": "the last name",
                   "child_date_of_birth": "the date of birth", "needs": "what they find hard"}

    requester_kind = forms.ChoiceField(label="Who is asking?", choices=RequesterKind.choices,
                                       widget=forms.RadioSelect)
    requester_name = _text("Your full name", autocomplete="name")
    relationship = _text("If you are a parent or carer, who are you to the child? (optional)", required=False,
                         max_length=60, hint="For example: mum, dad, foster carer")
    email = forms.EmailField(label="Your email address (optional)", required=False,
                             widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
                             help_text="We will use it to tell you what happens next.",
                             error_messages={"invalid": EMAIL_INVALID})
    phone = _text("Your phone number (optional)", required=False, max_length=40, autocomplete="tel")
    address = forms.CharField(label="Your address (optional)", required=False,
                              widget=forms.Textarea(attrs={"rows": 3, "autocomplete": "street-address"}))
    postcode = _text("Postcode (optional)", required=False, max_length=10, autocomplete="postal-code")
    child_first_name = _text("The child's or young person's first name", max_length=100)
    child_last_name = _text("Their last name", max_length=100)
    child_date_of_birth = GOVUKDateField(label="Their date of birth", help_text="For example, 27 3 2016",
                                         error_name="the date of birth")
    setting_name = _text("Their school, nursery or college (optional)", required=False)
    needs = forms.CharField(label="What do they find hard?", max_length=5000,
                            help_text="For example: reading, making friends, moving around, being understood.",
                            widget=forms.Textarea(attrs={"rows": 5}))
    support_so_far = forms.CharField(label="What help have they had so far? (optional)", required=False,
                                     max_length=5000, widget=forms.Textarea(attrs={"rows": 4}))
    why_now = forms.CharField(label="Why are you asking now? (optional)", required=False, max_length=5000,
                              widget=forms.Textarea(attrs={"rows": 4}))
    agrees_to_share = forms.BooleanField(
        label="I agree that the council may ask the school, health and social care for advice about this child",
        required=False, help_text="You can say yes later if you are not sure now.",
    )


class InviteForm(GOVUKForm):
    """The caseworker confirms whom the link is for (the family member is in the address)."""

    confirm = forms.BooleanField(label="I have checked this person's email address or phone number with them",
                                 error_messages={"required": "Select the box to say you have checked how to reach them"})


class RefuseForm(GOVUKForm):
    error_names = {"reason": "why it is refused"}

    version = forms.IntegerField(widget=forms.HiddenInput)

    reason = forms.CharField(label="Why?", max_length=2000, widget=forms.Textarea(attrs={"rows": 4}),
                             help_text="This is kept with the request. Write it so that it could be read to them.")


class MatchForm(GOVUKForm):
    """Which child (and, for an account, which family member) the request is about. Choices are set per request."""

    error_names = {"child": "the child", "member": "the family member"}

    child = forms.ChoiceField(label="Which child is it about?", widget=forms.RadioSelect)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, children=(), allow_new: bool = False, members=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        choices = [(str(c.pk), f"{c.full_name}, born {c.date_of_birth.day} {c.date_of_birth:%B %Y}")
                   for c in children]
        if allow_new:
            choices.append(("new", "None of these: make a new record"))
        self.fields["child"].choices = choices
        if members is not None:
            self.fields["member"] = forms.ChoiceField(
                label="Which family member is asking?", widget=forms.RadioSelect,
                choices=[*[(str(m.pk), f"{m.name} ({m.relationship}), {m.child.full_name}") for m in members],
                         ("new", "Not recorded yet: add them to the child's family")],
            )


class ConsentRecordForm(GOVUKForm):
    """Case staff record what the young person told them."""

    error_names = {"given_on": "the date they said yes", "note": "how they told you"}

    given_on = GOVUKDateField(label="When did they say yes?", error_name="the date they said yes")
    note = forms.CharField(label="How did they tell you?", max_length=300,
                           help_text="For example: at their review meeting, by email, by phone")
