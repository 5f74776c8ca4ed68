"""The GOV.UK form adapter: which macro renders a field, what it is given, and the date field's messages."""

from __future__ import annotations

import re

from django import forms
from django.template import engines

from pathfinder.core.forms import GOVUKDateField, GOVUKForm, field_kind, field_params


class _Several(GOVUKForm):
    days = forms.MultipleChoiceField(label="Days", choices=[("MO", "Monday"), ("TU", "Tuesday"), ("WE", "Wednesday")],
                                     widget=forms.CheckboxSelectMultiple)
    colour = forms.ChoiceField(label="Colour", choices=[("r", "Red"), ("g", "Green")], widget=forms.RadioSelect)
    email = forms.EmailField(label="Your email address", required=False,
                             widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}))
    start = GOVUKDateField(label="From", error_name="the start date")


def _render(bound: forms.BoundField) -> str:
    env = engines["jinja2"].env
    return env.from_string('{% from "core/macros.html" import form_field %}{{ form_field(f) }}').render(f=bound)


class TestFieldKind:
    def test_several_answers_are_checkboxes_and_one_answer_is_radios(self):
        form = _Several()
        assert field_kind(form["days"]) == "checkboxes"  # CheckboxSelectMultiple subclasses RadioSelect
        assert field_kind(form["colour"]) == "radios"
        assert field_kind(form["start"]) == "date"

    def test_checkboxes_render_every_checked_value_so_a_resubmit_keeps_them(self):
        html = _render(_Several(initial={"days": ["MO", "WE"]})["days"])
        assert 'type="radio"' not in html
        checked = re.findall(r'<input[^>]*type="checkbox"[^>]*>', html)
        assert len(checked) == 3
        assert sorted(re.search(r'value="(\w+)"', i).group(1) for i in checked if "checked" in i) == ["MO", "WE"]
        assert all('name="days"' in i for i in checked)

    def test_a_posted_choice_of_several_is_read_back_whole(self):
        from django.http import QueryDict

        form = _Several(data=QueryDict("days=MO&days=TU&colour=r&start-day=1&start-month=2&start-year=2026"))
        assert form.is_valid(), form.errors
        assert form.cleaned_data["days"] == ["MO", "TU"]


class TestFieldParams:
    def test_autocomplete_and_spellcheck_come_from_the_widget(self):
        params = field_params(_Several()["email"])
        assert params["autocomplete"] == "email"
        assert params["spellcheck"] is False
        html = _render(_Several()["email"])
        assert 'autocomplete="email"' in html and 'spellcheck="false"' in html

    def test_an_override_still_wins(self):
        assert field_params(_Several()["email"], autocomplete="off")["autocomplete"] == "off"


class TestDateMessages:
    def _error(self, **parts: str) -> str:
        data = {f"start-{k}": v for k, v in parts.items()}
        form = _Several(data={"days": ["MO"], "colour": "r", **data})
        assert not form.is_valid()
        return form.errors["start"][0]

    def test_each_message_names_the_date_not_its_one_word_label(self):
        assert self._error() == "Enter the start date"
        assert self._error(day="1") == "The start date must include a month and year"
        assert self._error(day="31", month="2", year="2026") == "The start date must be a real date"
        assert self._error(day="aa", month="bb", year="cc") == "The start date must be a real date"
        assert self._error(day="1", month="2", year="26") == "The year of the start date must include 4 numbers"

    def test_a_question_label_without_an_error_name_still_reads_as_an_instruction(self):
        class _Asked(GOVUKForm):
            when = GOVUKDateField(label="Date the family asked")

        form = _Asked(data={})
        assert not form.is_valid()
        assert form.errors["when"] == ["Enter the date the family asked"]


class TestGOVUKMessages:
    def test_the_messages_name_the_field_and_say_what_to_do(self):
        class _Shapes(GOVUKForm):
            name = forms.CharField(label="Legal first name", max_length=5)
            age = forms.IntegerField(label="Youngest age (years)", min_value=0, max_value=25)
            pick = forms.ChoiceField(label="Who asked for the assessment?", choices=[("p", "Parent")])
            count = forms.IntegerField(label="NHS number", required=False)

        empty = _Shapes(data={})
        empty.is_valid()
        assert empty.errors == {"name": ["Enter the legal first name"], "age": ["Enter the youngest age"],
                                "pick": ["Select who asked for the assessment"]}
        wrong = _Shapes(data={"name": "Alexandra", "age": "ten", "pick": "x", "count": "lots"})
        wrong.is_valid()
        assert wrong.errors == {"name": ["Legal first name must be 5 characters or fewer"],
                                "age": ["Youngest age must be a whole number, like 7"],
                                "pick": ["Select who asked for the assessment"],
                                "count": ["NHS number must be a whole number, like 7"]}
        big = _Shapes(data={"name": "A", "age": "26", "pick": "p"})
        big.is_valid()
        assert big.errors == {"age": ["Youngest age must be between 0 and 25"]}

    def test_a_message_the_form_sets_itself_is_kept(self):
        class _Own(GOVUKForm):
            text = forms.CharField(label="Your comment", error_messages={"required": "Tell us what you think"})

        form = _Own(data={})
        form.is_valid()
        assert form.errors["text"] == ["Tell us what you think"]

    def test_a_default_raised_below_the_field_is_replaced(self):
        from pathfinder.directory.models import Organisation

        class _Org(GOVUKForm):
            organisation = forms.ModelChoiceField(label="Organisation", queryset=Organisation.objects.none())

        form = _Org(data={"organisation": "not-a-uuid"})
        form.is_valid()
        assert form.errors["organisation"] == ["Select the organisation"]  # not "“not-a-uuid” is not a valid UUID."


class TestDateHighlight:
    def test_only_the_missing_boxes_are_highlighted(self):
        form = _Several(data={"days": ["MO"], "colour": "r", "start-day": "31", "start-month": "2", "start-year": ""})
        form.is_valid()
        items = {item["name"]: item["classes"] for item in field_params(form["start"])["items"]}
        assert "govuk-input--error" not in items["day"] and "govuk-input--error" not in items["month"]
        assert "govuk-input--error" in items["year"]

    def test_every_box_is_highlighted_when_the_date_is_not_real(self):
        form = _Several(data={"days": ["MO"], "colour": "r", "start-day": "31", "start-month": "2",
                              "start-year": "2026"})
        form.is_valid()
        assert all("govuk-input--error" in item["classes"] for item in field_params(form["start"])["items"])


class TestNumbers:
    def test_a_whole_number_is_a_text_box_with_the_number_keypad(self):
        class _Age(GOVUKForm):
            age = forms.IntegerField(label="Age")

        html = _render(_Age()["age"])
        assert 'type="number"' not in html
        assert 'inputmode="numeric"' in html


def test_a_yes_no_decision_says_what_yes_means():
    from pathfinder.assessments.forms import DecisionForm

    form = DecisionForm(data={}, question="Will the council issue an EHC plan?")
    form.is_valid()
    assert form.errors["decision"] == ["Select yes if the council will issue an EHC plan"]
