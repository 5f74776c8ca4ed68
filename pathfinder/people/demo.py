"""The demo county's children, their ranked needs and their families, built by `manage.py load_demo`.

Each function is one step of the county that the demo app's county builder orchestrates: it is given the seeded random
generator, "today", the made-up names and places, and the rows of earlier steps, and it draws in a fixed order,
so the same seed always gives the same children.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

import nhs_number
from django.conf import settings

import statutory
from pathfinder.accounts.models import Team
from pathfinder.people.identifiers import upn_check_letter
from pathfinder.people.models import Child, ChildNeed, FamilyMember
from pathfinder.people.search import child_search_keys_create


class Setting(Protocol):
    """A school, college or nursery of the demo county (the demo app's places.Setting)."""

    name: str
    kind: str
    urn: str
    ukprn: str
    institution_type: str


def upn_for(n: int, school_start_year: int) -> str:
    """LA code 999 (no such council) + establishment + year of allocation + serial, with its DfE check letter."""
    body = f"999{2000 + n // 1000:04d}{school_start_year % 100:02d}{n % 1000:03d}"
    return upn_check_letter(body) + body


def nhs_for(n: int) -> str:
    """An NHS number in the range reserved for testing (999 000 0000 to 999 999 9999) with a valid check digit."""
    body = f"999{n % 1_000_000:06d}"
    check = nhs_number.calculate_checksum(body)
    if check == 10:  # never issued; step to the neighbour
        body = f"999{(n + 500_000) % 1_000_000:06d}"
        check = nhs_number.calculate_checksum(body)
        if check == 10:
            body = f"999{(n + 250_000) % 1_000_000:06d}"
            check = nhs_number.calculate_checksum(body)
    return body + str(check)


def years_before(day: date, years: int, extra_days: int) -> date:
    """The day `years` years before `day` (28 February for 29 February), less `extra_days`."""
    try:
        anniversary = day.replace(year=day.year - years)
    except ValueError:  # 29 February
        anniversary = day.replace(year=day.year - years, day=28)
    return anniversary - timedelta(days=extra_days)


def setting_for(
    rng: random.Random, age: int, need: str, settings_by_kind: Mapping[str, list[Setting]]
) -> tuple[Setting | None, str]:
    """Where the child is educated, by age (placement shares, DfE January 2025)."""
    special_need = need in ("SLD", "PMLD", "MSI")
    r = rng.random()
    if r < 0.03:
        return None, ""  # placement not known (3.0%)
    if age <= 3:
        if rng.random() < 0.5:
            return None, "EYP"
        return rng.choice(settings_by_kind["early_years"]), ""
    if age <= 15:
        r = rng.random()
        if r < (0.75 if special_need else 0.36):
            return rng.choice(settings_by_kind["special"]), ""
        if r < 0.93:
            kind = "mainstream_primary" if age <= 10 else "mainstream_secondary"
            return rng.choice(settings_by_kind[kind]), ""
        if r < 0.945:
            return rng.choice(settings_by_kind["ap_pru"]), ""
        return None, rng.choice(("EHE", "EHE", "OLA", "OLA", "OLA", "OPA"))
    if age <= 19:
        r = rng.random()
        if r < 0.55:
            return rng.choice(settings_by_kind["fe"]), ""
        if r < 0.75:
            return rng.choice(settings_by_kind["special"]), ""
        if r < 0.83:
            return rng.choice(settings_by_kind["specialist_post16"]), ""
        if r < 0.9:
            return rng.choice(settings_by_kind["mainstream_secondary"]), ""
        return None, "NEET"
    r = rng.random()
    if r < 0.6:
        return rng.choice(settings_by_kind["fe"] + settings_by_kind["specialist_post16"]), ""
    return None, rng.choice(("NEET", "NEET", "OTH"))


_PHASE_OF_KIND = {"early_years": "early_years", "mainstream_primary": "primary", "mainstream_secondary": "secondary",
                  "special": "all_through", "fe": "post_16", "specialist_post16": "post_16"}


def phase_for(setting: Setting | None, code: str, dob: date, today: date) -> str:
    """The phase of the demo child's school, from its kind (an infant school only while they are in its years)."""
    if setting is None:
        return "early_years" if code == "EYP" else ""
    phase = _PHASE_OF_KIND.get(setting.kind, "")
    if phase == "primary" and "Infant" in setting.name and statutory.national_curriculum_year(dob, today) <= 2:
        return "infant"
    return phase


@dataclass
class ChildMaker:
    """Makes one unsaved child at a time: where they live and learn, their team, name, sex and language."""

    rng: random.Random
    today: date
    areas: Sequence[str]
    postcodes_by_area: Mapping[str, list[tuple[str, str]]]  # area -> (postcode, town)
    teams_by_area: Mapping[str, list[Team]]
    settings_by_kind: Mapping[str, list[Setting]]
    languages: Sequence[str]
    pick_sex: Callable[[], object]
    male_names: list[str]
    female_names: list[str]
    surnames: list[str]
    streets: list[str]

    def child(
        self, serial: int, dob: date, need: str, *, first_name: str | None = None, last_name: str | None = None
    ) -> tuple[Child, Setting | None]:
        """A child born on `dob` whose primary need is `need`; `first_name`/`last_name` replace the drawn ones."""
        rng = self.rng
        age_now = statutory.age_on(dob, self.today)
        setting, code = setting_for(rng, age_now, need, self.settings_by_kind)
        area = rng.choice(self.areas)
        postcode, town = rng.choice(self.postcodes_by_area[area])
        team = rng.choice(self.teams_by_area[area])
        sex = self.pick_sex()
        drawn_first = rng.choice(self.male_names if sex == "M" else self.female_names)
        drawn_last = rng.choice(self.surnames)
        first_name, last_name = first_name or drawn_first, last_name or drawn_last
        language = rng.choice(self.languages) if rng.random() < 0.06 else "English"
        child = Child(
            legal_first_name=first_name, legal_last_name=last_name, date_of_birth=dob, sex=sex,
            preferred_name=first_name[:3] if rng.random() < 0.03 and len(first_name) > 4 else "",
            address=f"{rng.randint(1, 140)} {rng.choice(self.streets)}\n{town}",
            postcode=postcode, la_code=settings.COUNCIL_LA_CODE,
            upn=upn_for(serial, dob.year + 5) if age_now >= 4 else "",
            nhs_number=nhs_for(serial),
            setting_name=setting.name if setting else "", setting_urn=setting.urn if setting else "",
            setting_ukprn=setting.ukprn if setting else "", setting_code=code,
            setting_phase=phase_for(setting, code, dob, self.today),
            first_language=language, team=team,
            communication_needs=(
                f"Speaks {language} at home; use an interpreter for meetings." if language != "English" else ""
            ),
        )
        return child, setting


def save_children(children: list[Child]) -> int:
    Child.objects.bulk_create(children, batch_size=2000)
    child_search_keys_create(children)  # bulk_create skips Child.save, which keeps the search keys
    return len(children)


def build_needs(
    rng: random.Random, primary_needs: Iterable[tuple[Child, str]], pick_need: Callable[[], object]
) -> int:
    """Each child's primary need, and for almost half of them one or two more, ranked."""
    rows = []
    for child, need in primary_needs:
        rows.append(ChildNeed(child=child, need_type=need, rank=1))
        extra = 0 if rng.random() < 0.55 else (1 if rng.random() < 0.7 else 2)
        seen = {need}
        for rank in range(2, 2 + extra):
            other = pick_need()
            if other in seen:
                continue
            seen.add(other)
            rows.append(ChildNeed(child=child, need_type=other, rank=rank))
    rows = _dense_ranks(rows)
    ChildNeed.objects.bulk_create(rows, batch_size=5000)
    return len(rows)


def _dense_ranks(rows: list[ChildNeed]) -> list[ChildNeed]:
    last_child, rank = None, 0
    for row in rows:
        rank = rank + 1 if row.child is last_child else 1
        row.rank, last_child = rank, row.child
    return rows


def build_families(
    rng: random.Random, children: Iterable[Child], *, male_names: list[str], female_names: list[str],
    surnames: list[str],
) -> int:
    """A mother or a foster carer for every child, often a father, now and then a special guardian."""
    rows = []
    prefs = ("email",) * 6 + ("text",) * 2 + ("phone",) * 1 + ("post",) * 1
    for child in children:
        members = [("Mother", True)] if rng.random() < 0.9 else [("Foster carer", False)]
        if rng.random() < 0.55:
            members.append(("Father", True))
        if rng.random() < 0.04:
            members.append(("Grandmother (special guardian)", True))
        for relationship, pr in members:
            female = relationship != "Father"
            first = rng.choice(female_names if female else male_names)
            last = child.legal_last_name if rng.random() < 0.8 else rng.choice(surnames)
            interpreter = child.first_language != "English" and rng.random() < 0.6
            rows.append(FamilyMember(
                child=child, name=f"{first} {last}", relationship=relationship, has_parental_responsibility=pr,
                receives_notices=pr or relationship == "Foster carer",
                email=f"{first}.{last}{rng.randint(1, 99)}@example.com".lower().replace(" ", "").replace("'", ""),
                phone=f"07700 900{rng.randint(0, 999):03d}", address=child.address, postcode=child.postcode,
                contact_preference=rng.choice(prefs), needs_interpreter=interpreter,
                language=child.first_language if interpreter else "",
            ))
    FamilyMember.objects.bulk_create(rows, batch_size=5000)
    return len(rows)
