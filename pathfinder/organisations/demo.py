"""The demo county's organisations: a primary school, the NHS trust's speech and language therapy service, the
educational psychology service and a social care team, each with an administrator and members among the demo
advisers. Built after the staff (accounts.demo) by pathfinder.demo.county; fixed names, no draws of the random.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import Protocol

from pathfinder.accounts.models import User
from pathfinder.accounts.roles import Role
from pathfinder.organisations.models import Membership, Organisation, OrganisationKind

#: key, name, kind, URN, ODS code, administrators (usernames), members (usernames; "ep*" = every other EP)
ORGANISATIONS = (
    ("school", "Brookfield Primary School", OrganisationKind.SCHOOL, "990001", "", ("senco",), ("senco2",)),
    ("salt", "Wealdmoor Speech and Language Therapy", OrganisationKind.THERAPY, "", "RW9X1", ("salt1",), ("salt2",)),
    ("ep", "Wealdmoor Educational Psychology Service", OrganisationKind.EDUCATIONAL_PSYCHOLOGY, "", "",
     ("adviser",), ("ep*",)),
    ("social_care", "Wealdmoor Children with Disabilities Team", OrganisationKind.SOCIAL_CARE, "", "", ("sw1",), ()),
    ("mediation", "Wealdmoor Independent SEND Mediation", OrganisationKind.MEDIATION, "", "", ("mediator",), ()),
)


#: Settings outside the county (by name) and the council each is in: the demo's other councils (transfers.demo).
OUT_OF_AREA = {"Moorside Independent Specialist School": "998", "Heronsgate Non-Maintained Special School": "997",
               "Pathways Specialist Post-16 College": "998"}


class Setting(Protocol):
    """A school, college or nursery of the demo county (the demo app's places.Setting)."""

    name: str
    kind: str
    urn: str
    ukprn: str


def build_settings(settings: Iterable[Setting], *, council_la_code: str,
                   out_of_area: Mapping[str, str] = OUT_OF_AREA) -> int:
    """Every demo school, college and nursery as an organisation with the council it is in (ours, or another for
    the few independent and non-maintained specialist settings), so the inspectors' list can mark children placed
    out of the area. An organisation built earlier with a demo setting's URN (Brookfield Primary School) is given
    the county's code too. Returns how many were made."""
    settings = list(settings)
    Organisation.objects.filter(urn__in=[s.urn or s.ukprn for s in settings], la_code="").update(
        la_code=council_la_code)
    known = set(Organisation.objects.values_list("name", flat=True))
    made = [Organisation(name=s.name, urn=s.urn or s.ukprn, la_code=out_of_area.get(s.name, council_la_code),
                         kind=OrganisationKind.EARLY_YEARS if s.kind == "early_years" else OrganisationKind.SCHOOL)
            for s in settings if s.name not in known]
    Organisation.objects.bulk_create(made)
    return len(made)


def build_organisations(*, today: date) -> dict[str, Organisation]:
    """The four organisations and their memberships, started a year ago. Returns them by key."""
    advisers = {u.username: u for u in User.objects.filter(role__in=(Role.ADVISER, Role.MEDIATOR))}
    other_eps = [u for name, u in sorted(advisers.items()) if name.startswith("ep")]
    since = today - timedelta(days=365)
    made: dict[str, Organisation] = {}
    memberships = []
    for key, name, kind, urn, ods, admins, members in ORGANISATIONS:
        organisation, _ = Organisation.objects.get_or_create(name=name, defaults={"kind": kind, "urn": urn,
                                                                                   "ods_code": ods})
        made[key] = organisation
        people = [(advisers[u], True) for u in admins if u in advisers]
        for username in members:
            chosen = other_eps if username == "ep*" else [advisers[username]] if username in advisers else []
            people += [(user, False) for user in chosen]
        memberships += [Membership(organisation=organisation, user=user, is_administrator=admin, starts_on=since)
                        for user, admin in people]
    Membership.objects.bulk_create(memberships)
    return made
