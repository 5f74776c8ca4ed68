"""The caseworker's "Find a child": by name, preferred name, date of birth, UPN, NHS number or ULN.

Each search is a single indexed lookup, chosen by what was typed, so it stays fast at any number of children:

* a date ("3/4/2015", "3 April 2015", "2015-04-03") matches the date of birth;
* a UPN (a letter and 12 characters) matches the UPN; 10 digits, with or without spaces, the NHS number or ULN;
* anything else is a name: a prefix of one of the child's search keys (people.names), so "Ashley Hart",
  "Hart, Ashley", "Hart" and "Ash" all find Ashley Hart.

The prefix lookup is a range on SQLite (its LIKE ignores case, which a plain index cannot serve) and LIKE
'prefix%' on PostgreSQL, where the key index uses varchar_pattern_ops so that any collation can use it.
"""

from __future__ import annotations

import re
from datetime import date

from django.db import connection
from django.db.models import Q, QuerySet
from django.utils import timezone

from pathfinder.people.identifiers import normalise
from pathfinder.people.models import Child, ChildSearchKey
from pathfinder.people.names import MAX_KEY_LENGTH, name_search_keys, normalise_name

_UPN = re.compile(r"^[A-Z]\d{11}[0-9A-Z]$")
_TEN_DIGITS = re.compile(r"^\d{10}$")
_NUMERIC_DATE = re.compile(r"^(\d{1,2})[/.\-\s]+(\d{1,2})[/.\-\s]+(\d{2}|\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_WORDED_DATE = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\s+(\d{2}|\d{4})$", re.IGNORECASE)
_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december")
_MONTHS = {name: n for n, name in enumerate(_MONTH_NAMES, 1)} | {name[:3]: n for n, name in enumerate(_MONTH_NAMES, 1)}
_MONTHS["sept"] = 9
_MOST_EXACT_MATCHES = 500  # a date of birth is shared by a few hundred children at national scale; a number by one
_HIGHEST = chr(0x10FFFF)  # sorts after every other character, so key < prefix + _HIGHEST is "starts with"


def _year(text: str, today: date) -> int:
    """A two-digit year is this century's unless that would be in the future (children are 0 to 25)."""
    year = int(text)
    if len(text) == 2:
        year += 2000 if 2000 + year <= today.year else 1900
    return year


def parse_date_of_birth(text: str, today: date | None = None) -> date | None:
    """A date as people write it in England: day first ("3/4/2015" is 3 April), or ISO, or with the month in
    words. None if it is not a real date."""
    text = " ".join(text.replace(",", " ").split())
    today = today or timezone.localdate()
    try:
        if match := _ISO_DATE.match(text):
            return date(int(match[1]), int(match[2]), int(match[3]))
        if match := _NUMERIC_DATE.match(text):
            return date(_year(match[3], today), int(match[2]), int(match[1]))
        if (match := _WORDED_DATE.match(text)) and (month := _MONTHS.get(match[2].lower())):
            return date(_year(match[3], today), month, int(match[1]))
    except ValueError:
        return None
    return None


def _starts_with(prefix: str) -> Q:
    if connection.vendor == "postgresql":
        return Q(key__startswith=prefix)
    return Q(key__gte=prefix, key__lt=prefix + _HIGHEST)


def _ids(**exact) -> list[int]:
    """The children with this exact value, read through its own index first. Done apart from the rest of the query
    because a planner may otherwise prefer the team index (and read a whole team), or, for NHS number OR ULN where
    most ULNs are empty, read every child."""
    return list(Child.objects.filter(**exact).values_list("pk", flat=True)[:_MOST_EXACT_MATCHES])


def child_search(children: QuerySet[Child], query: str) -> QuerySet[Child]:
    """Narrow ``children`` (already limited to what the user may see) to those matching ``query``."""
    query = (query or "").strip()
    if not query:
        return children
    if (born := parse_date_of_birth(query)) is not None:
        return children.filter(pk__in=_ids(date_of_birth=born))
    compact = normalise(query).replace("-", "")
    if _UPN.match(compact):
        return children.filter(pk__in=_ids(upn=compact))
    if _TEN_DIGITS.match(compact):
        return children.filter(pk__in=_ids(nhs_number=compact) + _ids(uln=compact))
    name = normalise_name(query)[:MAX_KEY_LENGTH]
    if not name:
        return children.none()
    return children.filter(pk__in=ChildSearchKey.objects.filter(_starts_with(name)).values("child_id"))


def child_search_keys_create(children: list[Child]) -> None:
    """Search keys for children made with ``bulk_create`` (which skips ``Child.save``), such as the demo county."""
    ChildSearchKey.objects.bulk_create(
        (ChildSearchKey(child_id=child.pk, key=key)
         for child in children
         for key in name_search_keys(child.legal_first_name, child.legal_last_name, child.preferred_name)),
        batch_size=5000,
    )
