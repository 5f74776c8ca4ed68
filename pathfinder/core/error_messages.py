"""GOV.UK error messages for every form field, so that no Django default ("This field is required.") reaches a page.

The Design System's pattern names the thing that is wrong and says how to put it right: "Enter the postcode",
"Select who asked for the assessment", "Postcode must be 10 characters or fewer". Django's defaults name
nothing, so a page with two empty boxes says "This field is required." twice. `govuk_error_messages` replaces
every message that is still Django's default with one built from the field's label and kind; a message a form
sets itself is kept, so fields that need particular words still have them.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterable

from django import forms
from django.core import validators
from django.db.models import fields as model_fields

# Words that already start a noun phrase: "Enter your comment", "Select who asked", not "Enter the your comment".
_OPENERS = {"the", "a", "an", "your", "their", "this", "his", "her", "its", "our", "who", "what", "which", "how",
            "when", "where", "why", "whether", "if"}

HIDDEN_FIELD_MESSAGE = "Something on this page was missing or changed. Go back to the page and try again"
EMAIL_MESSAGE = "Enter an email address in the correct format, like name@example.com"
URL_MESSAGE = "Enter a web address in the correct format, like www.example.com"


def _django_defaults() -> set[str]:
    """Every default message Django's form fields and validators carry, as plain text."""
    found: set[str] = set()
    for module in (forms.fields, forms.models):
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, forms.Field):
                found.update(str(m) for m in cls.default_error_messages.values())
    for _, cls in inspect.getmembers(model_fields, inspect.isclass):
        found.update(str(m) for m in getattr(cls, "default_error_messages", {}).values())
    for _, cls in inspect.getmembers(validators, inspect.isclass):
        message = getattr(cls, "message", None)
        if isinstance(message, str) or hasattr(message, "_proxy____cast"):
            found.add(str(message))
    found.discard("")
    return found


DJANGO_DEFAULTS = _django_defaults()
# The same messages as patterns, for errors raised deeper down (a model field's "“x” is not a valid UUID.").
_DEFAULT_PATTERNS = [
    re.compile(".*".join(re.escape(part) for part in re.split(r"%\(\w+\)\w|\{\w+\}", message)) + "$")
    for message in DJANGO_DEFAULTS
]


def is_django_default(message: str) -> bool:
    """True for any of Django's own messages, with or without its values filled in."""
    text = str(message)
    return text in DJANGO_DEFAULTS or any(pattern.match(text) for pattern in _DEFAULT_PATTERNS)


def error_name(field: forms.Field) -> str:
    """The noun phrase a message uses for the field: its `error_name` if the form gave one, else from its label.

    "Legal first name" becomes "the legal first name"; "Who asked for the assessment?" becomes "who asked for
    the assessment"; "Youngest age (years)" becomes "the youngest age"; "NHS number" keeps its capitals.
    """
    explicit = getattr(field, "error_name", None)
    if explicit:
        return str(explicit)
    label = re.sub(r"\s*\([^)]*\)\s*$", "", str(field.label or "")).rstrip("?:…. ").strip()
    if not label:
        return "an answer"
    first = label.split()[0]
    if not (len(first) > 1 and first[1].isupper()):
        label = label[0].lower() + label[1:]
    if label.split()[0].lower() not in _OPENERS:
        label = f"the {label}"
    return label


def error_subject(field: forms.Field) -> str:
    """The field's name at the start of a sentence: "Postcode must be ...", "Your comment must be ..."."""
    name = error_name(field)
    if name.startswith("the ") and not getattr(field, "error_name", None):
        name = name[4:]
    return name[0].upper() + name[1:]


def _verb(field: forms.Field) -> str:
    if isinstance(field, (forms.ChoiceField, forms.ModelChoiceField, forms.BooleanField, forms.FileField)):
        return "Select"
    return "Enter"


def _number_range(field: forms.Field, subject: str) -> dict[str, str]:
    low, high = getattr(field, "min_value", None), getattr(field, "max_value", None)
    if low is not None and high is not None:
        both = f"{subject} must be between {low} and {high}"
        return {"min_value": both, "max_value": both}
    messages = {}
    if low is not None:
        messages["min_value"] = f"{subject} must be {low} or more"
    if high is not None:
        messages["max_value"] = f"{subject} must be {high} or less"
    return messages


def messages_for(field: forms.Field) -> dict[str, str]:
    """The GOV.UK message for each error code this field can raise."""
    if isinstance(field.widget, forms.HiddenInput):
        return dict.fromkeys(("required", "invalid", "invalid_choice", "max_length"), HIDDEN_FIELD_MESSAGE)
    name, subject = error_name(field), error_subject(field)
    choose = f"Select {name}"
    messages = {
        "required": f"{_verb(field)} {name}",
        "null_characters_not_allowed": f"{subject} must not include null characters",
        "invalid_choice": choose, "invalid_list": choose, "invalid_pk_value": choose,
        "incomplete": f"Enter {name}",
    }
    if isinstance(field, forms.FileField):
        messages.update(invalid=f"Select {name}", missing=f"Select {name}", empty=f"{subject} is empty",
                        contradiction=f"Select {name}, or remove the file chosen before, not both")
        if field.max_length:
            messages["max_length"] = f"The file name must be {field.max_length} characters or fewer"
        return messages
    if isinstance(field, forms.EmailField):
        messages["invalid"] = EMAIL_MESSAGE
    elif isinstance(field, forms.URLField):
        messages["invalid"] = URL_MESSAGE
    elif isinstance(field, forms.SlugField):
        messages["invalid"] = f"{subject} must only include lower-case letters, numbers and hyphens"
    elif isinstance(field, forms.IntegerField):
        messages["invalid"] = f"{subject} must be a whole number, like 7"
        messages["step_size"] = f"{subject} must be a multiple of {getattr(field, 'step_size', 1)}"
        messages.update(_number_range(field, subject))
    elif isinstance(field, (forms.FloatField, forms.DecimalField)):
        messages["invalid"] = f"{subject} must be a number"
        messages.update(_number_range(field, subject))
    elif isinstance(field, forms.DateField):
        messages["invalid"] = f"{subject} must be a real date"
    elif isinstance(field, forms.TimeField):
        messages["invalid"] = f"Enter {name} as a time, like 09:30"
    else:
        messages["invalid"] = f"Enter {name} in the correct format"
    max_length = getattr(field, "max_length", None)
    if max_length:
        messages["max_length"] = f"{subject} must be {max_length:,} characters or fewer"
    min_length = getattr(field, "min_length", None)
    if min_length:
        messages["min_length"] = f"{subject} must be {min_length:,} characters or more"
    return messages


def govuk_error_messages(fields: Iterable[tuple[str, forms.Field]], names: dict[str, str] | None = None) -> None:
    """Give each field GOV.UK messages in place of Django's defaults; messages a form set itself are kept."""
    names = names or {}
    for field_name, field in fields:
        if field_name in names:
            field.error_name = names[field_name]
        messages = messages_for(field)
        required = field.error_messages.get("required")
        if required and str(required) not in DJANGO_DEFAULTS and isinstance(field, forms.ChoiceField):
            # A form's own "Select what your comment is about" also says what to do about a choice not offered.
            messages.update(invalid_choice=str(required), invalid_list=str(required), invalid_pk_value=str(required))
        for code, message in messages.items():
            current = field.error_messages.get(code)
            if current is None or not str(current) or str(current) in DJANGO_DEFAULTS:
                field.error_messages[code] = message


def fallback_message(field: forms.Field) -> str:
    """What to say when something deeper than the field raised one of Django's defaults."""
    messages = field.error_messages
    for code in ("invalid_choice", "invalid", "required"):
        if code in messages and not is_django_default(str(messages[code])):
            return str(messages[code])
    return messages_for(field)["invalid"] if "invalid" in messages_for(field) else messages_for(field)["required"]
