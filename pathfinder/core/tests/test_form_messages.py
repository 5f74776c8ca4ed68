"""No Django default message reaches a page: every form, empty and with wrong answers, speaks the GOV.UK pattern.

Django's defaults ("This field is required.", "Ensure this value has at most 10 characters (it has 12).") name no
field, so a page with two empty boxes said the same words twice. This walks every form class in the project.
"""

from __future__ import annotations

import inspect
import re

import pytest
from django import forms
from django.core import validators
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.datastructures import MultiValueDict

from pathfinder.core.forms import GOVUKDateField, error_summary_items
from pathfinder.core.tests.form_registry import FORMS, build, dotted, project_form_classes

pytestmark = pytest.mark.django_db


def _django_default_patterns() -> list[re.Pattern[str]]:
    """Every default message of Django's form fields, model fields and validators, as a pattern for its text
    with the values filled in ("Ensure this value has at most 10 characters (it has 12).")."""
    from django.db.models import fields as model_fields

    messages: set[str] = set()
    for module in (forms.fields, forms.models, model_fields):
        for _, cls in inspect.getmembers(module, inspect.isclass):
            messages.update(str(m) for m in getattr(cls, "default_error_messages", {}).values())
    for _, cls in inspect.getmembers(validators, inspect.isclass):
        if isinstance(getattr(cls, "message", None), str) or hasattr(getattr(cls, "message", None), "_proxy____cast"):
            messages.add(str(cls.message))
    # Messages built with ngettext (lengths) do not render without their number: name their openings here.
    messages.update({"Ensure this value has at most", "Ensure this value has at least", "Ensure this value is",
                     "Ensure that there are no more than", "This field is required", "Enter a valid",
                     "Select a valid choice", "Enter a whole number", "Enter a number", "Enter a list of values"})
    patterns = []
    for message in messages - {""}:
        parts = [re.escape(part) for part in re.split(r"%\(\w+\)\w|\{\w+\}", message)]
        patterns.append(re.compile(".*".join(parts)))
    return patterns


DEFAULT_PATTERNS = _django_default_patterns()
# "Select how was it received", "Select the will this comment be published": a label that is a question.
INVERTED_QUESTION = re.compile(r"\b(how|when|where|why) (is|was|does|do|did|will|are|can)\b|"
                               r"^(Select|Enter) the (is|are|will|does|do|can|has|have|was)\b|^Enter (from|to)\b")
# Base classes have no fields of their own; the Django admin's forms are shown on its own pages, in its words.
CLASSES = [cls for cls in project_form_classes()
           if dotted(cls) not in FORMS or not (FORMS[dotted(cls)].base_class or FORMS[dotted(cls)].admin)]


def _answers(form: forms.BaseForm, variant: str) -> tuple[MultiValueDict, MultiValueDict]:
    """What a careless or hostile browser might send: text in number and date boxes, too much text, bad choices."""
    data, files = MultiValueDict(), MultiValueDict()
    for name, field in form.fields.items():
        key = form.add_prefix(name)
        if isinstance(field, GOVUKDateField):
            parts = {"wrong": ("aa", "bb", "cc"), "big": ("31", "2", "2026"), "small": ("1", "", "")}[variant]
            for part, value in zip(("day", "month", "year"), parts, strict=True):
                data[f"{key}-{part}"] = value
        elif isinstance(field, forms.FileField):
            if variant != "small":
                files[key] = SimpleUploadedFile("x" * 300 + ".csv" if variant == "big" else "empty.csv", b"")
        elif isinstance(field, forms.MultipleChoiceField):
            data.setlist(key, ["not-a-choice", "999999"])
        elif isinstance(field, (forms.ChoiceField, forms.ModelChoiceField)):
            data[key] = "not-a-choice" if variant == "wrong" else "999999"
        elif isinstance(field, forms.IntegerField):
            high = field.max_value if field.max_value is not None else 10**9
            low = field.min_value if field.min_value is not None else 0
            data[key] = {"wrong": "seven", "big": str(high + 1), "small": str(low - 1)}[variant]
        elif isinstance(field, forms.BooleanField):
            data[key] = "on"
        elif isinstance(field, forms.CharField):
            long_text = "x" * ((field.max_length or 5000) + 1)
            data[key] = {"wrong": "not valid \x00", "big": long_text, "small": "x"}[variant]
    return data, files


def _all_messages(form: forms.BaseForm) -> list[tuple[str, str]]:
    return [(name, str(message)) for name, errors in form.errors.items() for message in errors]


@pytest.mark.parametrize("cls", CLASSES, ids=dotted)
@pytest.mark.parametrize("variant", ["empty", "wrong", "big", "small"])
def test_no_django_default_message_and_every_message_names_its_field(cls, variant):
    assert dotted(cls) in FORMS, f"Add {dotted(cls)} to FORMS in pathfinder/core/tests/form_registry.py"
    unbound = build(cls)
    data, files = (MultiValueDict(), MultiValueDict()) if variant == "empty" else _answers(unbound, variant)
    form = build(cls, data=data, files=files)
    form.is_valid()
    for name, message in _all_messages(form):
        where = f"{dotted(cls)} field {name!r} ({variant}): {message!r}"
        assert not any(p.match(message) for p in DEFAULT_PATTERNS), f"Django default: {where}"
        assert not INVERTED_QUESTION.search(message), f"A question turned into an instruction: {where}"
        assert not message.endswith("?"), f"A question, not an instruction: {where}"
        assert len(message.split()) >= 3, f"Too short to name the field: {where}"
        assert "%(" not in message and "{" not in message, f"Unfilled placeholder: {where}"
    for name, errors in form.errors.items():
        assert len(set(errors)) == len(errors), f"{dotted(cls)} {name!r} says the same thing twice: {errors}"
    summary = [item["text"] for item in error_summary_items(form)]
    assert len(summary) == len(set(summary)) or variant == "empty", f"{dotted(cls)} repeats a message: {summary}"


def test_every_required_field_of_every_form_says_what_to_do_when_left_empty():
    """Empty answers: each required field has its own message, which starts with what to do."""
    for cls in CLASSES:
        form = build(cls, data=MultiValueDict())
        form.is_valid()
        for name, field in form.fields.items():
            if field.required and not isinstance(field.widget, forms.HiddenInput) and not field.disabled:
                assert name in form.errors, f"{dotted(cls)}.{name} is required but was not reported"
                message = str(form.errors[name][0])
                assert message.split()[0] in {"Enter", "Select", "Describe", "Tell", "Say", "Give"}, (
                    f"{dotted(cls)}.{name}: {message!r} does not say what to do")


def test_the_old_messages_are_gone():
    """The examples from the issue, each now in the GOV.UK pattern."""
    from pathfinder.assessments.forms import RequestForm
    from pathfinder.directory.web.forms import SearchForm
    from pathfinder.insights.forms import PeriodForm

    request = RequestForm(data={})
    request.is_valid()
    assert request.errors["received_on"] == ["Enter the date the request was received"]
    assert request.errors["received_by"] == ["Select how the request was received"]
    assert request.errors["request_source"] == ["Select who asked for the assessment"]

    period = PeriodForm(data={})
    period.is_valid()
    assert period.errors["period_start"] == ["Enter the start date"]

    search = SearchForm(data={"postcode": "WM1 1QY WM1 1"})
    search.is_valid()
    assert search.errors["postcode"] == ["Enter a real postcode, like WM1 1QY"]


_SMALL_WORDS = {"the", "and", "for", "this", "that", "what", "which", "who", "how", "your", "you", "with", "are",
                "does", "will", "did", "was", "they", "their"}
# Messages that name their field in other words than its label, checked by eye.
_NAMED_OTHERWISE = {
    "pathfinder.accounts.setup_forms.RoleDecisionForm.decision",  # label "Decision": "approve or refuse the change"
}


def _stems(text: str) -> set[str]:
    """Words of 3 letters or more, cut to 5 letters so "provision" meets "provided"."""
    return {w[:5] for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 2 and w not in _SMALL_WORDS}


@pytest.mark.parametrize("variant", ["empty", "wrong"])
def test_every_message_names_its_field(variant):
    """A message says which answer is wrong in the words of its label (or its error name), so the error summary
    makes sense on its own: not "Enter a value" or "Select one"."""
    from pathfinder.core.error_messages import error_name

    unnamed = []
    for cls in CLASSES:
        unbound = build(cls)
        data, files = (MultiValueDict(), MultiValueDict()) if variant == "empty" else _answers(unbound, variant)
        form = build(cls, data=data, files=files)
        form.is_valid()
        for name, errors in form.errors.items():
            field = form.fields.get(name)
            if field is None or field.widget.is_hidden or f"{dotted(cls)}.{name}" in _NAMED_OTHERWISE:
                continue
            named = _stems(str(field.label or "")) | _stems(error_name(field))
            unnamed.extend(f"{dotted(cls)}.{name}: {e!r}" for e in errors
                           if not (_stems(str(e)) & named or error_name(field).lower() in str(e).lower()))
    assert not unnamed, "Messages that do not name their field:\n" + "\n".join(unnamed)
