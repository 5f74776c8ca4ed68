"""One way of writing each public Local Offer query, so `?a=1&b=2` and `?b=2&a=1` are one cache entry.

Why the request itself is rewritten, not only the key: the view then renders from the one way of writing it, so a
page from the cache is byte for byte the page the view would have rendered for this request, and what is merged
is only ever what the view reads the same. Each rule below holds because of how the view reads its query; the
rules are per view (`QueryMeaning`), and a view with no rules of its own only has its parameters put in order.

* Parameters are put in order of name. Of a parameter the view reads as one value (`QueryDict.get`, the last
  given), only that value is kept; the values of any other keep their order.
* A blank value is dropped where the view reads it as not given: on the search page every one-value parameter
  given as "" (the form's fields are optional and the page leaves out "" values; but " " is a wrong choice for a
  choice field, so only the free text is stripped first, and a blank need is refused, so those are kept); in the
  API only the endpoint's own parameters, where a value of spaces is blank too (each is read stripped), never an
  unknown one (refused even when blank) nor `format=`.
* Free text (`text`, with the field's length limit) loses blanks at either end, as the form's CharField strips them,
  and repeated blanks inside become one, as the search reads words; but only where the value is within the limit
  either way, so a value refused as too long is never merged with one accepted.
* Case is folded only where the view ignores it: postcodes (upper case, as `geo.normalise_postcode` reads them),
  the API's `day` ("MO", "mo", "monday") and `top_only` ("TRUE"). Not the words searched for: the results ignore
  case, but the page shows the words back as they were typed.
* Values of a many-valued filter whose order means nothing (the search page's needs, kinds of support, ways of
  giving: any of them will do) are sorted.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.http import QueryDict


@dataclass(frozen=True)
class QueryMeaning:
    """What one view reads the same, so its query can be written one way (see the module docstring)."""

    single: frozenset[str] = frozenset()  # read as one value, the last given (QueryDict.get): only that one is kept
    blank_is_absent: frozenset[str] | None = frozenset()  # None: every parameter but the `multi` ones
    spaces_are_blank: bool = False  # a value of only spaces is blank too (the view strips every value it reads)
    text: dict[str, int] = field(default_factory=dict)  # free text: name -> its length limit
    upper: frozenset[str] = frozenset()
    lower: frozenset[str] = frozenset()
    multi: frozenset[str] = frozenset()  # many values, in no order that means anything: sorted (blanks kept)


ORDER_ONLY = QueryMeaning()


def _value(name: str, value: str, meaning: QueryMeaning) -> str:
    if name in meaning.text:
        stripped = value.strip()
        limit = meaning.text[name]
        value = " ".join(stripped.split()) if len(stripped) <= limit else stripped
    if name in meaning.upper:
        value = value.upper()
    elif name in meaning.lower:
        value = value.lower()
    return value


def _blank_is_absent(name: str, meaning: QueryMeaning) -> bool:
    if meaning.blank_is_absent is None:
        return name not in meaning.multi
    return name in meaning.blank_is_absent


def canonical_query(query_string: str, meaning: QueryMeaning) -> str:
    """The query string written the one way (see the module docstring); "" for none."""
    if not query_string:
        return ""
    parsed = QueryDict(query_string)
    out = QueryDict(mutable=True)
    for name in sorted(parsed):
        values = parsed.getlist(name)
        if name in meaning.single:
            values = values[-1:]
        values = [_value(name, v, meaning) for v in values]
        if _blank_is_absent(name, meaning):
            values = [v for v in values if (v.strip() if meaning.spaces_are_blank else v)]
        if name in meaning.multi:
            values = sorted(values)
        if values:
            out.setlist(name, values)
    return out.urlencode()
