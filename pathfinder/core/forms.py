"""Render Django forms with the GOV.UK Frontend macros, and the error pattern they expect."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms

from pathfinder.core.error_messages import (
    DJANGO_DEFAULTS,
    error_name,
    error_subject,
    fallback_message,
    govuk_error_messages,
    is_django_default,
)
from pathfinder.core.errors import ServiceError

# Widget attributes that the GOV.UK macros take as parameters, so a form can say autocomplete="email" once.
WIDGET_ATTR_PARAMS = {"autocomplete": "autocomplete", "inputmode": "inputmode", "spellcheck": "spellcheck"}


class GOVUKForm(forms.Form):
    """A form whose every error message follows the GOV.UK pattern and names its field.

    Messages are set just before cleaning, after any `__init__` has added fields or changed labels. Give
    `error_names` a field's noun phrase where its label is a question ("How was it received?") or too short
    ("From") to make a good message.
    """

    error_names: dict[str, str] = {}

    def full_clean(self) -> None:
        govuk_error_messages(self.fields.items(), self.error_names)
        super().full_clean()
        self._replace_django_defaults()

    def _replace_django_defaults(self) -> None:
        """A safety net: a default raised below the form field (a model field's "is not a valid UUID") is
        replaced by the field's own message, so it never reaches the page."""
        for name, errors in (self._errors or {}).items():
            field = self.fields.get(name)
            for i, error in enumerate(errors.data):
                text = " ".join(str(m) for m in forms.ValidationError(error).messages)
                if is_django_default(text):
                    fallback = fallback_message(field) if field is not None else "Check your answers and try again"
                    errors.data[i] = forms.ValidationError(fallback)


def form_add_service_error(
    form: forms.Form, error: ServiceError, *, field_map: dict[str, str | None] | None = None
) -> None:
    """Show a refused change on the form: on `error.field` if the form has that field, else on the field
    `field_map` gives for it (a service's name for a field the form calls something else), else above the form.

    `error` is a ServiceError, or anything with its `message` and `field`.
    """
    name = getattr(error, "field", None)
    if name is not None and name not in form.fields:
        name = (field_map or {}).get(name)
    form.add_error(name if name in form.fields else None, error.message)


def field_params(bound_field: forms.BoundField, **overrides: Any) -> dict[str, Any]:
    """Macro parameters (govukInput, govukTextarea, govukRadios, ...) for a bound Django form field."""
    field = bound_field.field
    widget = field.widget
    params: dict[str, Any] = {
        "id": bound_field.id_for_label or bound_field.auto_id,
        "name": bound_field.html_name,
        "label": {"text": bound_field.label, "classes": "govuk-label--s"},
    }
    if field.help_text:
        params["hint"] = {"text": str(field.help_text)}
    if bound_field.errors:
        params["errorMessage"] = {"text": bound_field.errors[0]}
    for attr, param in WIDGET_ATTR_PARAMS.items():
        if attr in widget.attrs:
            given = widget.attrs[attr]
            params[param] = given not in (False, "false") if attr == "spellcheck" else given
    value = bound_field.value()
    if isinstance(widget, GOVUKDateWidget):
        parts = value if isinstance(value, (list, tuple)) else widget.decompress(value)
        # GOV.UK: when only some boxes are missing ("must include a year"), highlight just those boxes.
        some_given = any(parts) and not all(parts)
        params["namePrefix"] = params.pop("name")
        params["fieldset"] = {"legend": {"text": bound_field.label, "classes": "govuk-fieldset__legend--s"}}
        params.pop("label")
        params["items"] = [
            {"name": name, "label": name.capitalize(), "value": part or "",
             "classes": width + (" govuk-input--error" if bound_field.errors and not (some_given and part) else "")}
            for name, width, part in zip(("day", "month", "year"),
                                         ("govuk-input--width-2", "govuk-input--width-2", "govuk-input--width-4"),
                                         parts, strict=True)
        ]
        params.update(overrides)
        return params
    if isinstance(widget, (forms.RadioSelect, forms.CheckboxSelectMultiple)):
        params["idPrefix"] = params.pop("id")
        params["fieldset"] = {"legend": {"text": bound_field.label, "classes": "govuk-fieldset__legend--s"}}
        params.pop("label")
        selected = value if isinstance(value, (list, tuple)) else [value]
        selected = [str(v) for v in selected if v not in (None, "")]
        params["items"] = [
            {"value": str(choice_value), "text": str(choice_label), "checked": str(choice_value) in selected}
            for choice_value, choice_label in field.choices
            if str(choice_value) != ""
        ]
    elif isinstance(widget, forms.Select):
        params["items"] = [
            {"value": str(v), "text": str(label), "selected": str(v) == str(value if value is not None else "")}
            for v, label in field.choices
        ]
    elif isinstance(widget, forms.CheckboxInput):
        params["idPrefix"] = params.pop("id")
        params.pop("label")
        params["items"] = [{"value": "on", "text": bound_field.label, "checked": bool(value)}]
    else:
        params["value"] = "" if value is None else widget.format_value(value) or ""
        if field.required is False and "label" in params:
            params["label"]["text"] = f"{bound_field.label} (optional)"
        input_type = getattr(widget, "input_type", None)
        if input_type in {"email", "password"}:
            params["type"] = input_type
        elif input_type == "number":
            # GOV.UK: not type="number" (it rounds, scrolls and drops what it cannot read); a text box that
            # opens the number keypad, so "ten" reaches the form and gets a clear message.
            params.setdefault("inputmode", "numeric")
            params.setdefault("spellcheck", False)
    params.update(overrides)
    return params


def error_summary_items(form: forms.Form | None) -> list[dict[str, str]]:
    """The list for govukErrorSummary: each error links to its field."""
    if form is None or not form.errors:
        return []
    items = []
    for name, errors in form.errors.items():
        if name == forms.forms.NON_FIELD_ERRORS:
            items.extend({"text": str(e), "href": "#main-content"} for e in errors)
            continue
        bound = form[name]
        anchor = bound.auto_id
        if isinstance(bound.field.widget, GOVUKDateWidget):
            anchor = f"{bound.auto_id}-day"
        items.append({"text": str(errors[0]), "href": f"#{anchor}"})
    return items


class GOVUKDateWidget(forms.MultiWidget):
    """Day, month and year boxes, named <name>-day, <name>-month, <name>-year as govukDateInput names them."""

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__([forms.TextInput(), forms.TextInput(), forms.TextInput()], attrs)

    def decompress(self, value: Any) -> list[Any]:
        if value:
            return [value.day, value.month, value.year]
        return [None, None, None]

    def value_from_datadict(self, data: Any, files: Any, name: str) -> list[str]:
        return [str(data.get(f"{name}-{part}", "")).strip() for part in ("day", "month", "year")]


class GOVUKDateField(forms.MultiValueField):
    """A date entered in the GOV.UK date pattern, with the Design System's error messages."""

    widget = GOVUKDateWidget

    def __init__(self, *args: Any, error_name: str | None = None, **kwargs: Any) -> None:
        """`error_name` is the date's noun phrase in messages ("the date the request was received") where the
        label is a question or a single word ("From"), which would make "Enter from"."""
        kwargs.setdefault("help_text", "For example, 27 3 2026")
        fields = (forms.CharField(), forms.CharField(), forms.CharField())
        super().__init__(fields, *args, require_all_fields=False, **kwargs)
        if error_name:
            self.error_name = error_name

    def clean(self, value: Any) -> date | None:
        day, month, year = (value or ["", "", ""])
        name, subject = error_name(self), error_subject(self)
        if not (day or month or year):
            if self.required:
                required = str(self.error_messages.get("required") or "")
                raise forms.ValidationError(required if required and required not in DJANGO_DEFAULTS else f"Enter {name}")
            return None
        missing = [part for part, given in (("day", day), ("month", month), ("year", year)) if not given]
        if missing:
            raise forms.ValidationError(f"{subject} must include a {' and '.join(missing)}")
        try:
            result = date(int(year), int(month), int(day))
        except ValueError:
            raise forms.ValidationError(f"{subject} must be a real date") from None
        if len(year) != 4:
            raise forms.ValidationError(f"The year of {name} must include 4 numbers")
        return result

    def compress(self, data_list: list[Any]) -> Any:  # pragma: no cover - clean() does the work
        return data_list


def field_kind(bound_field: forms.BoundField) -> str:
    """Which GOV.UK macro renders this field; used by the shared form_field macro."""
    widget = bound_field.field.widget
    if isinstance(widget, GOVUKDateWidget):
        return "date"
    # CheckboxSelectMultiple is a subclass of RadioSelect: ask about it first, or several answers become one.
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    if isinstance(widget, forms.ClearableFileInput):
        return "file"
    return "input"
