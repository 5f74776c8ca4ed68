"""form_add_service_error: a refused change lands on its own field, a mapped field, or above the form."""

from django import forms

from pathfinder.core.errors import ServiceError, StaleEdit
from pathfinder.core.forms import GOVUKForm, form_add_service_error


class _Form(GOVUKForm):
    name = forms.CharField(required=False)
    needs = forms.CharField(required=False)


def _form() -> _Form:
    form = _Form({"name": "x", "needs": ""})
    assert form.is_valid()
    return form


def test_the_message_goes_on_the_errors_own_field():
    form = _form()
    form_add_service_error(form, ServiceError("Enter the name", field="name"))
    assert form.errors == {"name": ["Enter the name"]}


def test_a_field_the_form_calls_something_else_is_mapped():
    form = _form()
    form_add_service_error(form, ServiceError("Select a need", field="term_ids"), field_map={"term_ids": "needs"})
    assert form.errors == {"needs": ["Select a need"]}


def test_the_errors_own_field_wins_over_the_map():
    form = _form()
    form_add_service_error(form, ServiceError("Enter the name", field="name"), field_map={"name": "needs"})
    assert form.errors == {"name": ["Enter the name"]}


def test_an_unknown_or_unmapped_field_or_none_is_a_non_field_error():
    for error, field_map in (
        (ServiceError("Refused", field="elsewhere"), None),
        (ServiceError("Refused", field="local_offer_answers"), {"local_offer_answers": None}),
        (ServiceError("Refused", field="elsewhere"), {"elsewhere": "not_on_the_form"}),
        (StaleEdit("Someone else saved it"), {"x": "name"}),
    ):
        form = _form()
        form_add_service_error(form, error, field_map=field_map)
        assert form.non_field_errors() == [error.message]
        assert list(form.errors) == ["__all__"]


def test_anything_with_a_message_and_a_field_will_do():
    class Clash:
        field = "name"
        message = "Another record has this name"

    form = _form()
    form_add_service_error(form, Clash())
    assert form.errors == {"name": ["Another record has this name"]}
