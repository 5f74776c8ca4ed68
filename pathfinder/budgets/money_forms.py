"""The caseworker's forms for direct payment money: a schedule, a payment made, spending by hand, a statement,
matching a row, and money taken back. Amounts are read with the statement reader's own rules (``£1,200.50``,
``1200p``) into ``Decimal``: one way to read money across the domain."""

from __future__ import annotations

import base64
import binascii
from decimal import Decimal

from django import forms

from pathfinder.budgets.models_money import Frequency
from pathfinder.budgets.statements import MAX_BYTES, parse_money
from pathfinder.core.forms import GOVUKDateField, GOVUKForm


class MoneyField(forms.CharField):
    """Pounds and pence, more than £0, as ``Decimal``: "185", "185.00", "£1,200.50" or "1850p"."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal", "spellcheck": "false"}))
        super().__init__(*args, **kwargs)

    def clean(self, value) -> Decimal | None:
        text = super().clean(value)
        if not text:
            return None
        try:
            amount = parse_money(text)
        except ValueError as error:
            raise forms.ValidationError("Enter the amount in pounds and pence, like 185.00 or £1,200.50") from error
        if amount <= 0:
            raise forms.ValidationError("Enter an amount more than £0")
        return amount


def _line_field(lines, *, required: bool, label: str) -> forms.ChoiceField:
    choices = [(str(pk), text) for pk, text in lines]
    if not required:
        choices.append(("", "Not sure yet: match it later"))
    return forms.ChoiceField(label=label, choices=choices, widget=forms.RadioSelect, required=required)


class ScheduleForm(GOVUKForm):
    error_names = {"frequency": "how often it is paid", "amount": "the amount of each payment"}

    amount = MoneyField(label="How much is each payment?", help_text="In pounds and pence, for example 185.00")
    frequency = forms.ChoiceField(label="How often is it paid?", choices=Frequency.choices,
                                  widget=forms.RadioSelect)
    first_payment_on = GOVUKDateField(label="Date of the first payment")
    ends_on = GOVUKDateField(label="Last day of the schedule (optional)", required=False,
                             help_text="Leave empty to write a year of payments")


class PaidForm(GOVUKForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    paid_on = GOVUKDateField(label="Date it was paid")
    reference = forms.CharField(label="Payment reference (optional)", max_length=80, required=False,
                                help_text="The reference on the council's payment run, so finance can find it")


class SpendForm(GOVUKForm):
    error_names = {"payee": "who was paid", "amount": "the amount spent", "description": "what it was for",
                   "line": "which line it paid for"}

    spent_on = GOVUKDateField(label="Date it was spent")
    payee = forms.CharField(label="Who was paid?", max_length=200, help_text="For example the carer or the club")
    amount = MoneyField(label="How much?")
    description = forms.CharField(label="What was it for?", max_length=300, required=False)

    def __init__(self, *args, lines=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["line"] = _line_field(lines, required=False, label="Which part of the budget did it pay for?")

    def clean_line(self) -> int | None:
        value = self.cleaned_data.get("line")
        return int(value) if value else None


class MatchForm(GOVUKForm):
    error_names = {"line": "which line it paid for"}

    def __init__(self, *args, lines=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["line"] = _line_field(lines, required=True, label="Which part of the budget did it pay for?")

    def clean_line(self) -> int:
        return int(self.cleaned_data["line"])


class StatementUploadForm(GOVUKForm):
    error_names = {"file": "the statement"}

    file = forms.FileField(
        label="Upload the statement", help_text="A CSV file from the bank or the prepaid card's website",
        error_messages={"required": "Select the statement to upload"},
    )

    def __init__(self, *args, refused_files=frozenset(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.refused_files = set(refused_files)

    def clean_file(self):
        if "file" in self.refused_files:
            raise forms.ValidationError("The file is too big to be one statement: export a month or a quarter")
        upload = self.cleaned_data.get("file")
        if upload is not None and upload.size > MAX_BYTES:
            raise forms.ValidationError("The file is too big to be one statement: export a month or a quarter")
        if upload is not None and not upload.name.lower().endswith((".csv", ".txt")):
            raise forms.ValidationError("The statement must be a CSV file")
        return upload


class StatementImportForm(GOVUKForm):
    """The previewed file and its name, carried back in the page as one hidden field (so nothing is kept on the
    server between the preview and the import, and the file imported is the file checked)."""

    statement = forms.CharField(widget=forms.HiddenInput, max_length=MAX_BYTES * 2)

    @staticmethod
    def carry(file_name: str, data: bytes) -> str:
        name = base64.urlsafe_b64encode(file_name.encode("utf-8")).decode("ascii")
        return f"{name}.{base64.b64encode(data).decode('ascii')}"

    def clean_statement(self) -> tuple[str, bytes]:
        try:
            name, _, content = self.cleaned_data["statement"].partition(".")
            return (base64.urlsafe_b64decode(name).decode("utf-8")[:255] or "statement.csv",
                    base64.b64decode(content, validate=True))
        except (binascii.Error, ValueError) as error:
            raise forms.ValidationError("Upload the statement again") from error


class RecoveryForm(GOVUKForm):
    error_names = {"amount": "the amount to take back", "reason": "why the money is being taken back"}

    amount = MoneyField(label="How much is being taken back?")
    reason = forms.CharField(
        label="Why?", widget=forms.Textarea(attrs={"rows": 5}),
        help_text="The family will read this. Say what the money was for and why it is not needed now",
    )
    told_on = GOVUKDateField(label="Date the family is told")
