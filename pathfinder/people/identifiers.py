"""Check the national identifiers on a child's record. Plain Python: each returns an error message or None."""

from __future__ import annotations

import re

import nhs_number

# DfE UPN check letters: 23 letters, leaving out I, O and S.
_UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"
_UPN_PATTERN = re.compile(r"^[A-Z]\d{11}[0-9A-Z]$")


def normalise(value: str) -> str:
    return re.sub(r"\s+", "", value or "").upper()


def upn_check_letter(body: str) -> str:
    """The check letter for the 12 characters after it (DfE UPN guidance: weights 2 to 13, modulo 23)."""
    total = 0
    for weight, char in enumerate(body, start=2):
        value = int(char) if char.isdigit() else _UPN_LETTERS.index(char)
        total += weight * value
    return _UPN_LETTERS[total % 23]


def upn_problem(value: str) -> str | None:
    upn = normalise(value)
    if not _UPN_PATTERN.match(upn):
        return "Enter a UPN in the right format: a letter then 12 characters, like A123456789012"
    if upn[-1].isalpha() and upn[-1] not in _UPN_LETTERS:
        return "The last character of a temporary UPN cannot be I, O or S"
    if upn_check_letter(upn[1:]) != upn[0]:
        return "Enter a real UPN: the check letter does not match the numbers"
    return None


def nhs_number_problem(value: str) -> str | None:
    digits = normalise(value).replace("-", "")
    if not re.fullmatch(r"\d{10}", digits):
        return "Enter an NHS number with 10 digits, like 943 476 5919"
    if not nhs_number.is_valid(digits):
        return "Enter a real NHS number: the check digit does not match"
    return None


def uln_problem(value: str) -> str | None:
    if not re.fullmatch(r"\d{10}", normalise(value)):
        return "Enter a unique learner number (ULN) with 10 digits"
    return None


def urn_problem(value: str) -> str | None:
    if not re.fullmatch(r"\d{6}", normalise(value)):
        return "Enter a school URN with 6 digits, like 100000"
    return None


def ukprn_problem(value: str) -> str | None:
    if not re.fullmatch(r"1\d{7}", normalise(value)):
        return "Enter a UKPRN with 8 digits starting with 1, like 10001234"
    return None


UK_POSTCODE = re.compile(r"^(GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})$")


def normalise_postcode(value: str) -> str:
    compact = normalise(value)
    return f"{compact[:-3]} {compact[-3:]}" if len(compact) > 3 else compact


def postcode_problem(value: str) -> str | None:
    if not UK_POSTCODE.match(normalise_postcode(value)):
        return "Enter a real postcode, like LE1 6ZZ"
    return None
