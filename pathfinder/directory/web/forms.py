"""Forms for the Local Offer pages. They check what was typed; the rules live in directory.content and the
modules that change the Local Offer."""

from __future__ import annotations

from datetime import time
from typing import Any

from django import forms

from pathfinder.core.forms import GOVUKForm
from pathfinder.directory.constants import (
    NEED_TERMS,
    SCHEDULE_2_KEYS,
    SCHEDULE_2_QUESTIONS,
    SUPPORT_TERMS,
    Day,
    Delivery,
    InformationTopic,
    LocationType,
    ReferralRoute,
    ServiceStatus,
)
from pathfinder.directory.content import ServiceContent

# Distances offered, in miles (what families in England use); search takes kilometres.
DISTANCES_MILES = (1, 3, 5, 10, 20)
KM_PER_MILE = 1.609344
TIMES = [time(h, 0) for h in range(7, 21)]


def _time_label(t: time) -> str:
    hour = t.hour % 12 or 12
    return f"{hour}{'am' if t.hour < 12 else 'pm'}" if t.hour != 12 else "12 noon"


class SearchForm(GOVUKForm):
    """The public search. Every filter is optional, and every one works without JavaScript (a GET form)."""

    error_names = {"q": "your search", "time": "a time"}

    q = forms.CharField(label="Search the Local Offer", required=False, max_length=200,
                        help_text="For example, speech therapy or autism support group")
    need = forms.MultipleChoiceField(
        label="Needs", required=False, widget=forms.CheckboxSelectMultiple,
        choices=[(code, name) for code, name, _ in NEED_TERMS],
    )
    kind = forms.MultipleChoiceField(
        label="Kind of support", required=False, widget=forms.CheckboxSelectMultiple,
        choices=[(code, name) for code, name, _ in SUPPORT_TERMS],
    )
    age = forms.IntegerField(
        label="Age of the child or young person", required=False, min_value=0, max_value=25,
        help_text="In years, from 0 to 25",
        error_messages={"invalid": "Enter the age as a whole number, like 7",
                        "min_value": "Age must be between 0 and 25", "max_value": "Age must be between 0 and 25"},
    )
    cost = forms.ChoiceField(
        label="Cost", required=False, widget=forms.RadioSelect,
        choices=[("", "Free or paid"), ("free", "Free only")],
    )
    day = forms.ChoiceField(label="Day", required=False, choices=[("", "Any day"), *Day.choices])
    time = forms.ChoiceField(
        label="Open at", required=False,
        choices=[("", "Any time"), *[(t.strftime("%H:%M"), _time_label(t)) for t in TIMES]],
    )
    delivery = forms.MultipleChoiceField(
        label="How it is given", required=False, widget=forms.CheckboxSelectMultiple, choices=Delivery.choices,
    )
    postcode = forms.CharField(label="Postcode", required=False, max_length=10,
                               help_text="To see how far away each service is, for example WM4 2AB",
                               error_messages={"max_length": "Enter a real postcode, like WM1 1QY"})
    distance = forms.ChoiceField(
        label="Distance", required=False,
        choices=[("", "Any distance"), *[(str(m), f"Within {m} mile{'s' if m > 1 else ''}") for m in DISTANCES_MILES]],
    )

    sort = forms.ChoiceField(
        label="Sort by", required=False,
        choices=[("relevance", "Best match"), ("distance", "Distance (nearest first)"), ("name", "Name (A to Z)")],
        error_messages={"invalid_choice": "Select how to sort the results from the list"},
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("distance") and not (data.get("postcode") or "").strip():
            self.add_error("postcode", "Enter a postcode to search within a distance")
        if data.get("sort") == "distance" and not (data.get("postcode") or "").strip() and "postcode" not in self.errors:
            self.add_error("postcode", "Enter a postcode to sort by distance")
        return data

    def fields_for_panel(self) -> list[str]:
        return ["kind", "need", "age", "cost", "day", "time", "delivery", "postcode", "distance"]


class OutOfDateForm(GOVUKForm):
    problem = forms.ChoiceField(
        label="What is out of date or wrong?", widget=forms.RadioSelect,
        choices=[
            ("contact", "Contact details"), ("times", "Opening times or dates"), ("place", "The address or venue"),
            ("cost", "The cost"), ("closed", "The service has closed or stopped"),
            ("description", "What the service offers, or who it is for"), ("other", "Something else"),
        ],
        error_messages={"required": "Select what is out of date or wrong"},
    )
    details = forms.CharField(
        label="Tell us what is wrong and, if you know, what it should say",
        widget=forms.Textarea(attrs={"rows": 4}), max_length=1800,
        error_messages={"required": "Tell us what is wrong or out of date",
                        "max_length": "Your message must be 1,800 characters or fewer"},
    )
    email = forms.EmailField(
        label="Your email address", required=False,
        help_text="Only if you are happy for us to ask you about it. We will not share it.",
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={"invalid": "Enter an email address in the correct format, like name@example.com"},
    )


class ResolveReportForm(GOVUKForm):
    note = forms.CharField(
        label="What was done", widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example: 'Asked the provider to update their opening times; they did on 3 May.'",
        error_messages={"required": "Enter what was done about the report"},
    )


class RejectForm(GOVUKForm):
    reason = forms.CharField(
        label="What needs to change?", widget=forms.Textarea(attrs={"rows": 4}),
        help_text="The provider sees this, so say exactly what to correct.",
        error_messages={"required": "Say what needs to change, so the provider can put it right"},
    )


class InformationPageForm(GOVUKForm):
    title = forms.CharField(label="Title", max_length=200, error_messages={"required": "Enter a title"})
    slug = forms.SlugField(
        label="Web address ending", max_length=80,
        help_text="Lower-case letters, numbers and hyphens, like travel-to-school",
        error_messages={"required": "Enter the web address ending",
                        "invalid": "Use only lower-case letters, numbers and hyphens in the web address ending"},
    )
    summary = forms.CharField(label="Summary", required=False, max_length=300,
                              help_text="One sentence shown in the list of pages")
    topic = forms.ChoiceField(label="Topic", choices=InformationTopic.choices)
    body = forms.CharField(
        label="Page text", widget=forms.Textarea(attrs={"rows": 16}),
        help_text="Leave a blank line between paragraphs. Start a line with '- ' to make a bulleted list.",
        error_messages={"required": "Enter the page text"},
    )
    published = forms.BooleanField(label="Publish this page on the Local Offer", required=False)
    sort_order = forms.IntegerField(label="Position in the list", min_value=0, max_value=999, initial=0,
                                    help_text="Lower numbers come first")


class ImportForm(GOVUKForm):
    error_names = {"file": "the file"}

    file = forms.FileField(
        label="Upload a file", help_text="A CSV file in the Local Offer template, or Open Referral UK JSON",
        error_messages={"required": "Select a CSV or JSON file to upload"},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        name = upload.name.lower()
        if not (name.endswith(".csv") or name.endswith(".json")):
            raise forms.ValidationError("The file must be a CSV or JSON file")
        return upload


# ---------------------------------------------------------------------------------------------------------------
# The service editor: one flat GOV.UK form whose repeating rows are named as the service's error fields
# (schedules-0-opens_at ...), so a refused save points at the right box.

ROW_FIELDS = {
    "schedules": ("byday", "opens_at", "closes_at", "description"),
    "contacts": ("name", "title", "phone", "email"),
    "cost_options": ("option", "amount", "amount_description"),
    "locations": ("name", "address_1", "address_2", "town", "county", "postcode", "accessibility", "location_type"),
}
ROW_LABELS = {
    "byday": "Days", "opens_at": "Opens at", "closes_at": "Closes at", "description": "Or describe when",
    "name": "Name", "title": "Job title", "phone": "Phone", "email": "Email",
    "option": "What the price is for", "amount": "Price in pounds", "amount_description": "More about the price",
    "address_1": "Address line 1", "address_2": "Address line 2", "town": "Town or city", "county": "County",
    "postcode": "Postcode", "accessibility": "Getting in and around (step-free access, toilets, parking)",
    "location_type": "Type of venue",
}
MAX_ROWS = {"schedules": 7, "contacts": 4, "cost_options": 4, "locations": 5}
ROW_NOUNS = {"schedules": "session", "contacts": "contact", "cost_options": "price", "locations": "venue"}
ROW_ERROR_NAMES = {
    "byday": "the days", "opens_at": "the opening time", "closes_at": "the closing time",
    "description": "the description of when", "name": "the name", "title": "the job title",
    "phone": "the phone number", "email": "the email address", "option": "what the price is for",
    "amount": "the amount", "amount_description": "more about the price", "address_1": "address line 1",
    "address_2": "address line 2", "town": "the town or city", "county": "the county", "postcode": "the postcode",
    "accessibility": "getting in and around", "location_type": "the type of venue",
}


class ServiceForm(GOVUKForm):
    FIELD_MAP = {"term_ids": "needs"}  # where a content error (ServiceContent.clean) is shown on this form
    error_names = {"status": "whether the service is running", "referral_route": "how people get the service",
                   "is_free": "whether it is free", "eligibility": "who the service is for"}

    name = forms.CharField(label="Name of the service", max_length=200,
                           error_messages={"required": "Enter the name of the service"})
    description = forms.CharField(label="What the service offers", widget=forms.Textarea(attrs={"rows": 6}),
                                  error_messages={"required": "Enter a description of the service"})
    status = forms.ChoiceField(label="Is the service running?", choices=ServiceStatus.choices)
    kinds = forms.MultipleChoiceField(label="Kinds of support", required=False, widget=forms.CheckboxSelectMultiple)
    needs = forms.MultipleChoiceField(label="Needs the service is for", required=False,
                                      widget=forms.CheckboxSelectMultiple)
    minimum_age = forms.IntegerField(label="Youngest age (years)", required=False, min_value=0, max_value=25,
                                     error_messages={"invalid": "Enter the youngest age as a whole number"})
    maximum_age = forms.IntegerField(label="Oldest age (years)", required=False, min_value=0, max_value=25,
                                     error_messages={"invalid": "Enter the oldest age as a whole number"})
    eligibility = forms.CharField(label="Who it is for", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    referral_route = forms.ChoiceField(label="How do people get the service?", choices=ReferralRoute.choices,
                                       widget=forms.RadioSelect)
    how_to_access = forms.CharField(label="How to get it", required=False, widget=forms.Textarea(attrs={"rows": 3}),
                                    help_text="What to do first: phone, fill in a form, ask your GP or school")
    delivery = forms.MultipleChoiceField(label="How it is given", required=False, choices=Delivery.choices,
                                         widget=forms.CheckboxSelectMultiple)
    is_free = forms.ChoiceField(label="Is it free?", choices=[("yes", "Yes, it is free"), ("no", "No, there is a cost")],
                                widget=forms.RadioSelect)
    fees = forms.CharField(label="What it costs", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    url = forms.CharField(label="Website", required=False, max_length=200)
    email = forms.CharField(label="Email", required=False, max_length=254)
    phone = forms.CharField(label="Phone", required=False, max_length=30)

    def __init__(self, *args: Any, content: ServiceContent, need_choices, kind_choices, education: bool,
                 **kwargs: Any) -> None:
        kwargs.setdefault("initial", self.initial_from(content, need_choices, kind_choices))
        super().__init__(*args, **kwargs)
        self.fields["needs"].choices = need_choices
        self.fields["kinds"].choices = kind_choices
        self.education = education
        self.row_counts = {
            group: min(MAX_ROWS[group], len(getattr(content, group)) + 1) for group in ROW_FIELDS
        }
        self.location_ids = [venue.id for venue in content.locations]
        for group, names in ROW_FIELDS.items():
            for i in range(self.row_counts[group]):
                for name in names:
                    self.fields[f"{group}-{i}-{name}"] = self._row_field(name, group, i)
        if education:
            for key in SCHEDULE_2_KEYS:
                self.fields[f"answer_{key}"] = forms.CharField(
                    label=f"{key}) {SCHEDULE_2_QUESTIONS[key]}", required=False,
                    widget=forms.Textarea(attrs={"rows": 4}),
                )
                self.fields[f"answer_{key}"].error_name = f"the answer to question {key}"

    @staticmethod
    def _row_field(name: str, group: str, index: int) -> forms.Field:
        field = ServiceForm._row_field_kind(name)
        # "Postcode for venue 2 must be ...": the error summary says which row, not only which box.
        field.error_name = f"{ROW_ERROR_NAMES[name]} for {ROW_NOUNS[group]} {index + 1}"
        if name in ("opens_at", "closes_at"):
            field.error_messages["max_length"] = f"Enter {field.error_name} as a time, like 09:30"
        return field

    @staticmethod
    def _row_field_kind(name: str) -> forms.Field:
        label = ROW_LABELS[name]
        if name == "byday":
            return forms.MultipleChoiceField(label=label, required=False, choices=Day.choices,
                                             widget=forms.CheckboxSelectMultiple)
        if name == "location_type":
            return forms.ChoiceField(label=label, required=False, choices=LocationType.choices)
        if name in ("description", "accessibility"):
            return forms.CharField(label=label, required=False, widget=forms.Textarea(attrs={"rows": 2}))
        if name in ("opens_at", "closes_at"):
            return forms.CharField(label=label, required=False, max_length=5, help_text="For example, 09:30")
        return forms.CharField(label=label, required=False, max_length=200)

    @staticmethod
    def initial_from(content: ServiceContent, need_choices, kind_choices) -> dict[str, Any]:
        initial: dict[str, Any] = {k: getattr(content, k) for k in (
            "name", "description", "status", "minimum_age", "maximum_age", "eligibility", "referral_route",
            "how_to_access", "fees", "url", "email", "phone")}
        initial["delivery"] = list(content.delivery)
        initial["is_free"] = "yes" if content.is_free else "no"
        term_ids = set(content.term_ids)
        initial["needs"] = [v for v, _ in need_choices if v in term_ids]
        initial["kinds"] = [v for v, _ in kind_choices if v in term_ids]
        for group, names in ROW_FIELDS.items():
            for i, row in enumerate(getattr(content, group)):
                for name in names:
                    value = getattr(row, name)
                    if name == "byday":
                        value = [d for d in (value or "").split(",") if d]
                    initial[f"{group}-{i}-{name}"] = value
        for key, answer in content.local_offer_answers.items():
            initial[f"answer_{key}"] = answer
        return initial

    def rows(self, group: str) -> list[list[forms.BoundField]]:
        """The bound fields of each repeating row, for the template."""
        return [[self[f"{group}-{i}-{name}"] for name in ROW_FIELDS[group]] for i in range(self.row_counts[group])]

    def answer_fields(self) -> list[forms.BoundField]:
        return [self[f"answer_{key}"] for key in SCHEDULE_2_KEYS] if self.education else []

    def typed(self) -> dict[str, Any]:
        """What was typed, in ServiceContent's stored shape, to be checked by ServiceContent.clean."""
        d = self.cleaned_data
        data: dict[str, Any] = {k: d.get(k) for k in (
            "name", "description", "status", "minimum_age", "maximum_age", "eligibility", "referral_route",
            "how_to_access", "fees", "url", "email", "phone")}
        data["is_free"] = d.get("is_free") == "yes"
        data["delivery"] = list(d.get("delivery") or [])
        data["term_ids"] = [*d.get("needs", []), *d.get("kinds", [])]
        for group, names in ROW_FIELDS.items():
            rows = []
            for i in range(self.row_counts[group]):
                row = {name: d.get(f"{group}-{i}-{name}") or "" for name in names}
                if group == "schedules":
                    row["byday"] = ",".join(row["byday"] or [])
                if group == "locations":
                    if not any(row[n] for n in names if n != "location_type"):
                        continue
                    if i < len(self.location_ids) and self.location_ids[i]:
                        row["id"] = self.location_ids[i]
                rows.append(row)
            data[group] = rows
        if self.education:
            data["local_offer_answers"] = {k: d.get(f"answer_{k}", "") for k in SCHEDULE_2_KEYS}
        return data


class NewServiceForm(GOVUKForm):
    """The few facts needed to start a new service; the rest is written in the full draft editor."""

    error_names = {"is_free": "whether it costs anything"}

    organisation = forms.ModelChoiceField(label="Organisation", queryset=None, empty_label=None)
    name = forms.CharField(label="Name of the service", max_length=200)
    description = forms.CharField(label="What the service offers", widget=forms.Textarea(attrs={"rows": 5}),
                                  help_text="In plain words, for families")
    is_free = forms.ChoiceField(label="Does it cost anything?", widget=forms.RadioSelect,
                                choices=[("yes", "It is free"), ("no", "It costs money")])
    fees = forms.CharField(label="What it costs", max_length=500, required=False,
                           help_text="For example: £5 a session, or free for families on benefits")

    def __init__(self, *args, organisations, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations

    def clean(self) -> dict:
        data = super().clean()
        if data.get("is_free") == "no" and not (data.get("fees") or "").strip():
            self.add_error("fees", "Say what the service costs")
        return data
