"""The demo county's teams, staff and demo sign-ins (one per role), built by `manage.py load_demo`.

`build_staff()` is one step of the county that the demo app's county builder orchestrates: it is given the seeded random
generator, the made-up names and the email rule, so the same seed always gives the same staff.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.conf import settings

from pathfinder.accounts.models import Team, User
from pathfinder.accounts.roles import Role

DEMO_PASSWORD = "pathfinder-demo-2026"

DEMO_USERS = (
    # username, role, first, last, job title, organisation
    ("caseworker", Role.CASEWORKER, "Sam", "Okafor", "SEND caseworker", ""),
    ("manager", Role.MANAGER, "Priya", "Chandran", "Head of SEND assessment", ""),
    ("adviser", Role.ADVISER, "Dr Helen", "Marsh", "Educational psychologist",
     "Wealdmoor Educational Psychology Service"),
    ("senco", Role.ADVISER, "Rachel", "Adeyemi", "SENCO", "Brookfield Primary School"),
    ("parent", Role.PARENT, "Claire", "Whitfield", "", ""),
    ("young.person", Role.YOUNG_PERSON, "Jordan", "Ellis", "", ""),
    ("admin", Role.ADMINISTRATOR, "Alex", "Morgan", "Systems administrator", ""),
    ("provider", Role.PROVIDER, "Nadia", "Rahman", "Service manager", ""),
    ("localoffer", Role.LOCAL_OFFER_OFFICER, "Tom", "Bradley", "Local Offer officer", ""),
    ("mediator", Role.MEDIATOR, "Ruth", "Ellison", "SEND mediator", "Wealdmoor Independent SEND Mediation"),
)

#: Advisers who work for the demo organisations (pathfinder.organisations.demo), besides the demo sign-ins:
#: username, first, last, job title, organisation. Fixed names, so no draw of the seeded random is used.
ORGANISATION_STAFF = (
    ("senco2", "Mark", "Hollis", "Assistant SENCO", "Brookfield Primary School"),
    ("salt1", "Aisha", "Khan", "Speech and language therapist", "Wealdmoor Speech and Language Therapy"),
    ("salt2", "Ben", "Carter", "Speech and language therapist", "Wealdmoor Speech and Language Therapy"),
    ("sw1", "Grace", "Obi", "Social worker", "Wealdmoor Children with Disabilities Team"),
)

#: Demo sign-ins who are not council staff, so have addresses of their own.
OUTSIDE_THE_COUNCIL = (Role.PARENT, Role.YOUNG_PERSON, Role.PROVIDER, Role.MEDIATOR)

#: (first name, last name) -> email address
EmailFor = Callable[[str, str], str]


@dataclass
class Staff:
    teams_by_area: dict[str, list[Team]]
    caseworkers: dict[int, list[User]]  # team id -> caseworkers (the demo caseworker twice, for a fuller list)
    demo: dict[str, User]
    adviser_names: list[str]
    users_made: int = 0


def build_staff(
    rng: random.Random,
    *,
    areas: Sequence[str],
    teams_per_area: int,
    female_names: list[str],
    male_names: list[str],
    surnames: list[str],
    password_hash: str,
    staff_email: EmailFor,
    own_email: EmailFor,
) -> Staff:
    """The teams of every area, the demo sign-ins, 6 to 10 caseworkers a team and a few educational psychologists.

    `staff_email` gives a council address, `own_email` the address of someone outside the council.
    """
    teams_by_area: dict[str, list[Team]] = {}
    for area in areas:
        names = [f"{settings.COUNCIL_SHORT_NAME} {area}"] + [
            f"{settings.COUNCIL_SHORT_NAME} {area} {n}" for n in range(2, teams_per_area + 1)
        ]
        teams_by_area[area] = [Team.objects.get_or_create(name=n, defaults={"area": area})[0] for n in names]
    users: list[User] = []
    demo_rows = {}
    for username, role, first, last, job, org in DEMO_USERS:
        user = User(
            username=username, role=role, first_name=first, last_name=last, job_title=job,
            organisation_name=org, password=password_hash,
            email=(own_email if role in OUTSIDE_THE_COUNCIL else staff_email)(first, last),
            is_staff=role == Role.ADMINISTRATOR, is_superuser=role == Role.ADMINISTRATOR,
            team=teams_by_area["North"][0] if role == Role.CASEWORKER else None,
        )
        users.append(user)
        demo_rows[username] = user
    caseworkers: dict[int, list[User]] = {}
    n = 0
    for area in areas:
        for team in teams_by_area[area]:
            team_cws = [demo_rows["caseworker"]] * 2 if team == teams_by_area["North"][0] else []
            for _ in range(rng.randint(6, 10) - (1 if team_cws else 0)):
                n += 1
                first = rng.choice(female_names + male_names)
                last = rng.choice(surnames)
                user = User(
                    username=f"cw{n:05d}", role=Role.CASEWORKER, first_name=first, last_name=last,
                    job_title="SEND caseworker", email=staff_email(first, last),
                    password=password_hash, team=team,
                )
                users.append(user)
                team_cws.append(user)
            caseworkers[team.pk] = team_cws
    for _ in range(4):  # other educational psychologists who also use Pathfinder
        n += 1
        first, last = rng.choice(female_names), rng.choice(surnames)
        users.append(User(
            username=f"ep{n:05d}", role=Role.ADVISER, first_name=first, last_name=last,
            job_title="Educational psychologist", organisation_name="Wealdmoor Educational Psychology Service",
            email=staff_email(first, last), password=password_hash,
        ))
    for username, first, last, job, org in ORGANISATION_STAFF:
        users.append(User(username=username, role=Role.ADVISER, first_name=first, last_name=last, job_title=job,
                          organisation_name=org, email=staff_email(first, last), password=password_hash))
    User.objects.bulk_create(users, batch_size=1000)
    # bulk_create sets pks on SQLite and PostgreSQL; the lists above now refer to saved users.
    adviser_names = [f"Dr {rng.choice(female_names + male_names)} {rng.choice(surnames)}" for _ in range(12)]
    return Staff(teams_by_area, caseworkers, demo_rows, adviser_names, users_made=len(users))

