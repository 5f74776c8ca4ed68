"""Two records with the same UPN, NHS number or ULN are almost always the same child entered twice.

Saving such a record is refused until the user confirms, having read a warning. The warning names the other
child only if the user may see that child's record; otherwise it says just that another record has this number,
and whom to contact, so that a caseworker never learns the name of a child outside their caseload.
A confirmation covers exactly the numbers that were shown (``field:value``), so changing a number asks again.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django import forms
from django.conf import settings

from pathfinder.audit.services import audit_reads
from pathfinder.core.errors import ServiceError
from pathfinder.core.forms import form_add_service_error
from pathfinder.people.models import Child
from pathfinder.people.selectors import children_visible_to

IDENTIFIERS = {"upn": "UPN", "nhs_number": "NHS number", "uln": "unique learner number (ULN)"}
CONFIRM_FIELD = "confirm_different_child"
CONFIRMED_FIELD = "confirmed_identifiers"


@dataclass(frozen=True)
class Clash:
    """Another child's record holds this identifier. ``other`` is that child only if the user may see them."""

    field: str
    value: str
    other: Child | None

    @property
    def token(self) -> str:
        return f"{self.field}:{self.value}"

    @property
    def message(self) -> str:
        label = IDENTIFIERS[self.field]
        if self.other is not None:
            return (f"Another child's record has this {label}: {self.other.full_name}, born "
                    f"{self.other.date_of_birth.day} {self.other.date_of_birth:%B %Y}. Check it is not the same child")
        team = getattr(settings, "COUNCIL_CONTACTS", {}).get("send_team", {})
        contact = f"the {team['name']}" if team.get("name") else "the SEND team"
        contact += f" on {team['phone']}" if team.get("phone") else ""
        return (f"Another child's record has this {label}, and it is not a record you can see. Check the number. "
                f"If it is right, ask a SEND manager, or {contact}, to check the other record")


class DuplicateIdentifiers(ServiceError):
    """Refused until confirmed: ``clashes`` lists each identifier another record already has."""

    def __init__(self, clashes: list[Clash]) -> None:
        super().__init__(clashes[0].message, field=clashes[0].field)
        self.clashes = clashes


def identifier_clashes(*, acting_user, data: dict, exclude_pk: int | None = None) -> list[Clash]:
    """Each UPN, NHS number or ULN in ``data`` that another child's record already has (one indexed lookup each)."""
    clashes: list[Clash] = []
    visible = children_visible_to(acting_user)
    for field in IDENTIFIERS:
        value = (data.get(field) or "").strip()
        if not value:
            continue
        others = Child.objects.filter(**{field: value}).exclude(pk=exclude_pk).values_list("pk", flat=True)[:5]
        others = list(others)
        if others:
            seen = visible.filter(pk__in=others).order_by("pk").first()
            clashes.append(Clash(field=field, value=value, other=seen))
    return clashes


def clashes_for_record(request, child: Child) -> list[Clash]:
    """Numbers on this record that another record also has (say, from before this check), for the record page;
    the other children named are audited as read."""
    clashes = identifier_clashes(acting_user=request.user, data={f: getattr(child, f) for f in IDENTIFIERS},
                                 exclude_pk=child.pk)
    audit_reads(request, [c.other for c in clashes], "another record with the same number (warning)")
    return clashes


def unconfirmed(clashes: Iterable[Clash], confirmed: Iterable[str]) -> list[Clash]:
    done = set(confirmed)
    return [c for c in clashes if c.token not in done]


def confirmed_from(post) -> frozenset[str]:
    """The identifiers the user confirmed on the form: only if they ticked the box."""
    if post.get(CONFIRM_FIELD) not in ("on", "true", "True", "1", "yes"):
        return frozenset()
    return frozenset(t for t in (post.get(CONFIRMED_FIELD) or "").split(",") if t)


def ask_to_confirm(request, form: forms.Form, error: DuplicateIdentifiers) -> None:
    """Show each clash on its field, and add the box to tick (unticked) and the numbers it would confirm.

    A warning that names another child shows that child's record, so it is audited on that child too."""
    audit_reads(request, [c.other for c in error.clashes], "another record with the same number (warning)")
    for clash in error.clashes:
        form_add_service_error(form, clash)
    form.fields[CONFIRM_FIELD] = forms.BooleanField(
        label="I have checked: this is a different child, so save this record anyway", required=False,
        help_text="Only if you are sure. Otherwise correct the number above.",
    )
    form.fields[CONFIRMED_FIELD] = forms.CharField(widget=forms.HiddenInput, required=False)
    data = form.data.copy()
    data.pop(CONFIRM_FIELD, None)
    data[CONFIRMED_FIELD] = ",".join(c.token for c in error.clashes)
    form.data = data
