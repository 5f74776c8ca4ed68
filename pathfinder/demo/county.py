"""Build the fictional county of Wealdmoor: teams, staff, children, requests, assessments and EHC plans.

Used by `manage.py load_demo` (about 4,000 active plans and 1,200 requests a year, with full plan wording) and by
`make bench` (25,000 and 640,000 plans, leaner rows). Everything is generated from one seed, so a given seed always
gives the same county. Rows are written with bulk_create in chunks, so memory stays flat at national scale;
bulk_create bypasses simple-history, which is acceptable for made-up records.

The shape follows the DfE statistics in pathfinder/demo/distributions.py; the dates follow the law through
statutory (due dates come from assessments.services.statutory_due_dates).
"""

from __future__ import annotations

import functools
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

import nhs_number
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone
from faker import Faker

import statutory
from pathfinder.accounts.models import Team, User
from pathfinder.accounts.roles import Role
from pathfinder.assessments.involvements import advice_involvements_rebuild
from pathfinder.assessments.models import AdviceRequest, Assessment, AssessmentException
from pathfinder.assessments.services import statutory_due_dates
from pathfinder.demo import distributions as dist
from pathfinder.demo import wording
from pathfinder.demo.contacts import OWN_DOMAIN, STAFF_DOMAIN, work_email
from pathfinder.demo.places import AREAS, LANGUAGES, SETTINGS_BY_KIND, TOWNS, Setting, area_of, demo_postcodes_in_areas
from pathfinder.people.identifiers import upn_check_letter
from pathfinder.people.involvements import involvements_rebuild
from pathfinder.people.models import Child, ChildNeed, FamilyMember
from pathfinder.people.search import child_search_keys_create
from pathfinder.plans.models import Consultation, Plan, PlanNeed, PlanOutcome, PlanProvision, PlanStatus

DEMO_PASSWORD = "pathfinder-demo-2026"
CHUNK = 10_000
Progress = Callable[[str], None]


#: Demo sign-ins who are not council staff, so have addresses of their own.
OUTSIDE_THE_COUNCIL = (Role.PARENT, Role.YOUNG_PERSON, Role.PROVIDER)


def _quiet(_: str) -> None:
    pass


# --------------------------------------------------------------------------------------------------------------
# Small helpers


@functools.lru_cache(maxsize=8192)
def due_dates(received_on: date) -> dict[str, date]:
    """statutory_due_dates, remembered per day: at national scale thousands of requests share each day."""
    return statutory_due_dates(received_on)


def weighted(rng: random.Random, table: dict) -> Callable[[], object]:
    keys = list(table)
    cum = []
    total = 0
    for k in keys:
        total += table[k]
        cum.append(total)

    def pick() -> object:
        return rng.choices(keys, cum_weights=cum)[0]

    return pick


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


def _years_before(day: date, years: int, extra_days: int) -> date:
    try:
        anniversary = day.replace(year=day.year - years)
    except ValueError:  # 29 February
        anniversary = day.replace(year=day.year - years, day=28)
    return anniversary - timedelta(days=extra_days)


# --------------------------------------------------------------------------------------------------------------
# The timeline of one request, simulated against the national timeliness


@dataclass
class Timeline:
    received_on: date
    status: str = "requested"
    decision_to_assess_on: date | None = None
    decided_to_assess: bool | None = None
    decision_to_issue_on: date | None = None
    decided_to_issue: bool | None = None
    draft_served_on: date | None = None
    final_issued_on: date | None = None
    withdrawn_on: date | None = None
    due: dict[str, date] = field(default_factory=dict)


# Counted over the last 12 months, a county looks more timely than the rates it was drawn with: the late decisions
# and plans of recent requests have not happened yet. These draw rates were tuned so that the demo county shows
# the national figures (about 85% of decisions within 6 weeks, about 46% of plans within 20 weeks).
DRAW_DECISION_ON_TIME = dist.DECISION_WITHIN_6_WEEKS - 0.035
DRAW_FINAL_ON_TIME = dist.FINAL_WITHIN_20_WEEKS - 0.08


def simulate(rng: random.Random, received: date, today: date, *, allow_withdraw: bool = True) -> Timeline:
    """Draw what happened to a request received on `received`, as it stands on `today`."""
    due = due_dates(received)
    t = Timeline(received_on=received, due=due)
    decision_days = (due["decision_due_on"] - received).days
    if rng.random() < DRAW_DECISION_ON_TIME:
        d_assess = received + timedelta(days=rng.randint(min(21, decision_days), decision_days))
    else:
        d_assess = due["decision_due_on"] + timedelta(days=rng.randint(1, 35))
    refused = rng.random() < dist.REFUSAL_SHARE_OF_DECISIONS
    d_issue = draft = final = None
    issuing = None
    if not refused:
        issuing = rng.random() < dist.ASSESSMENT_TO_PLAN
        if not issuing:
            # Only about 34% of decisions not to issue are made within 16 weeks (2024).
            d_issue = due["not_issue_due_on"] + timedelta(days=rng.randint(-35, 70))
        else:
            final_days = (due["final_plan_due_on"] - received).days
            if rng.random() < DRAW_FINAL_ON_TIME:
                final = received + timedelta(days=rng.randint(final_days - 35, final_days))
            elif rng.random() < dist.FINAL_OVER_52_WEEKS_SHARE_OF_LATE:
                final = due["final_plan_due_on"] + timedelta(days=rng.randint(32 * 7, 52 * 7))
            else:
                final = due["final_plan_due_on"] + timedelta(days=rng.randint(1, 32 * 7))
            draft = final - timedelta(days=rng.randint(15, 42))
            d_issue = draft - timedelta(days=rng.choice((0, 0, 3, 7, 14, 21, 28)))
        d_issue = max(d_issue, d_assess + timedelta(days=28))
        if draft:
            draft = max(draft, d_issue)
            final = max(final, statutory.earliest_final_plan_date(draft))
    withdraw_at = None
    if allow_withdraw and rng.random() < dist.WITHDRAWN_SHARE * 2:  # half are drawn after the case has ended
        withdraw_at = received + timedelta(days=rng.randint(7, 150))

    steps = [
        (d_assess, "refused" if refused else "assessing"),
        (d_issue, "drafting" if issuing else "not_issuing"),
        (draft, "draft_sent"),
        (final, "final_issued"),
    ]
    for day, status in steps:
        if day is None or day > today:
            break
        if withdraw_at and withdraw_at <= today and withdraw_at < day:
            break
        t.status = status
        if status in ("refused", "assessing"):
            t.decision_to_assess_on, t.decided_to_assess = day, not refused
        elif status in ("drafting", "not_issuing"):
            t.decision_to_issue_on, t.decided_to_issue = day, bool(issuing)
        elif status == "draft_sent":
            t.draft_served_on = day
        else:
            t.final_issued_on = day
    if withdraw_at and withdraw_at <= today and t.status in ("requested", "assessing", "drafting", "draft_sent"):
        t.status, t.withdrawn_on = "withdrawn", withdraw_at
    return t


def forced_draft_sent(received: date) -> Timeline:
    """A request at draft_sent on purpose: the demo parent's child, so the parent sees a draft plan."""
    t = Timeline(received_on=received, due=due_dates(received), status="draft_sent")
    t.decision_to_assess_on, t.decided_to_assess = received + timedelta(days=38), True
    t.decision_to_issue_on, t.decided_to_issue = received + timedelta(days=105), True
    t.draft_served_on = received + timedelta(days=110)
    return t


def facts_of(t: Timeline, exceptions: tuple[statutory.ExceptionRecord, ...] = ()) -> statutory.AssessmentFacts:
    return statutory.AssessmentFacts(
        request_received=t.received_on,
        decision_to_assess=t.decision_to_assess_on,
        decided_to_assess=t.decided_to_assess,
        decision_to_issue=t.decision_to_issue_on,
        decided_to_issue=t.decided_to_issue,
        draft_plan_served=t.draft_served_on,
        final_plan_issued=t.final_issued_on,
        withdrawn_on=t.withdrawn_on,
        exceptions=exceptions,
    )


# --------------------------------------------------------------------------------------------------------------
# The county


@dataclass
class CountyResult:
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    local_offer: str = ""

    def add(self, key: str, n: int) -> None:
        self.counts[key] = self.counts.get(key, 0) + n


@dataclass
class _Staff:
    teams_by_area: dict[str, list[Team]]
    caseworkers: dict[int, list[User]]  # team id -> caseworkers (the demo caseworker twice, for a fuller list)
    demo: dict[str, User]
    adviser_names: list[str]


DEMO_USERS = (
    # username, role, first, last, job title, organisation
    ("caseworker", Role.CASEWORKER, "Sam", "Okafor", "SEND caseworker", ""),
    ("manager", Role.MANAGER, "Priya", "Chandran", "Head of SEND assessment", ""),
    ("adviser", Role.ADVISER, "Dr Helen", "Marsh", "Educational psychologist",
     "Wealdmoor Educational Psychology Service"),
    ("parent", Role.PARENT, "Claire", "Whitfield", "", ""),
    ("young.person", Role.YOUNG_PERSON, "Jordan", "Ellis", "", ""),
    ("admin", Role.ADMINISTRATOR, "Alex", "Morgan", "Systems administrator", ""),
    ("provider", Role.PROVIDER, "Nadia", "Rahman", "Service manager", ""),
    ("localoffer", Role.LOCAL_OFFER_OFFICER, "Tom", "Bradley", "Local Offer officer", ""),
)


class CountyBuilder:
    """One build of the county. `rich=False` leaves out plan wording, families, advice and consultations for
    plans made before this year (the benchmark's bulk rows)."""

    def __init__(
        self,
        *,
        plans: int,
        requests: int,
        seed: int = 2026,
        today: date | None = None,
        rich: bool = True,
        teams_per_area: int = 1,
        local_offer_services: int = 1500,
        progress: Progress = _quiet,
    ) -> None:
        self.local_offer_services = local_offer_services
        self.plans, self.requests, self.seed, self.rich = plans, requests, seed, rich
        self.today = today or timezone.localdate()
        self.teams_per_area = teams_per_area
        self.progress = progress
        self.rng = random.Random(seed)
        self.result = CountyResult()
        self.started = time.monotonic()
        fake = Faker("en_GB")
        fake.seed_instance(seed)
        self.male_names = sorted({fake.first_name_male() for _ in range(500)})
        self.female_names = sorted({fake.first_name_female() for _ in range(500)})
        self.surnames = sorted({fake.last_name() for _ in range(1500)})
        self.streets = sorted({fake.street_name() for _ in range(400)})
        self.postcodes = demo_postcodes_in_areas(seed)
        self.postcodes_by_area: dict[str, list[tuple[str, str]]] = {a: [] for a in AREAS}
        for i, (pc, _outcode, lat, lon) in enumerate(self.postcodes):
            area = area_of(lat, lon)
            self.postcodes_by_area[area].append((pc, TOWNS[area][i % 3]))
        for area in AREAS:  # every area needs some postcodes, whatever the geography gives
            if not self.postcodes_by_area[area]:
                self.postcodes_by_area[area] = [(pc, "Wealdmoor") for pc, *_ in self.postcodes[:50]]
        self.pick_sex = weighted(self.rng, dist.SEX_ALL_PLANS)
        self.pick_need_all = weighted(self.rng, dist.PRIMARY_NEED_ALL_PLANS)
        self.pick_need_new = weighted(self.rng, dist.PRIMARY_NEED_NEW_PLANS)
        self.pick_age_all = weighted(self.rng, dist.AGE_ALL_PLANS)
        self.pick_age_new = weighted(self.rng, dist.AGE_AT_START_NEW_PLANS)
        self.password_hash = make_password(DEMO_PASSWORD)
        self.serial = 0
        self.need_young_person = True  # the first plan is a 17-year-old's: the demo young person
        self.need_parent = True  # the first request is at draft_sent: the demo parent's child

    # -- stages ------------------------------------------------------------------------------------------------

    def stage(self, name: str, **counts: int) -> None:
        for k, v in counts.items():
            self.result.add(k, v)
        described = ", ".join(f"{v:,} {k.replace('_', ' ')}" for k, v in counts.items())
        self.progress(f"  {name:<28} {described}  ({time.monotonic() - self.started:.1f}s)")

    def build(self) -> CountyResult:
        staff = self.build_staff()
        total = self.plans + self.requests
        # Cases: historic plan holders first, then this year's requests (the first of each is a demo family's).
        kinds = ["plan"] * self.plans + ["request"] * self.requests
        for start in range(0, total, CHUNK):
            self.build_chunk(staff, kinds[start:start + CHUNK])
        self.link_demo_users(staff)
        self.result.local_offer = self.build_local_offer(staff)
        involvements_rebuild()  # bulk_create bypassed the services that keep involvements in step
        advice_involvements_rebuild()
        self.result.seconds = time.monotonic() - self.started
        return self.result

    def build_staff(self) -> _Staff:
        rng = self.rng
        teams_by_area: dict[str, list[Team]] = {}
        for area in AREAS:
            names = [f"{settings.COUNCIL_SHORT_NAME} {area}"] + [
                f"{settings.COUNCIL_SHORT_NAME} {area} {n}" for n in range(2, self.teams_per_area + 1)
            ]
            teams_by_area[area] = [Team.objects.get_or_create(name=n, defaults={"area": area})[0] for n in names]
        users: list[User] = []
        demo_rows = {}
        for username, role, first, last, job, org in DEMO_USERS:
            user = User(
                username=username, role=role, first_name=first, last_name=last, job_title=job,
                organisation_name=org, password=self.password_hash,
                email=work_email(first, last, OWN_DOMAIN if role in OUTSIDE_THE_COUNCIL else STAFF_DOMAIN),
                is_staff=role == Role.ADMINISTRATOR, is_superuser=role == Role.ADMINISTRATOR,
                team=teams_by_area["North"][0] if role == Role.CASEWORKER else None,
            )
            users.append(user)
            demo_rows[username] = user
        caseworkers: dict[int, list[User]] = {}
        n = 0
        for area in AREAS:
            for team in teams_by_area[area]:
                team_cws = [demo_rows["caseworker"]] * 2 if team == teams_by_area["North"][0] else []
                for _ in range(rng.randint(6, 10) - (1 if team_cws else 0)):
                    n += 1
                    first = rng.choice(self.female_names + self.male_names)
                    last = rng.choice(self.surnames)
                    user = User(
                        username=f"cw{n:05d}", role=Role.CASEWORKER, first_name=first, last_name=last,
                        job_title="SEND caseworker", email=work_email(first, last),
                        password=self.password_hash, team=team,
                    )
                    users.append(user)
                    team_cws.append(user)
                caseworkers[team.pk] = team_cws
        for _ in range(4):  # other educational psychologists who also use Pathfinder
            n += 1
            first, last = rng.choice(self.female_names), rng.choice(self.surnames)
            users.append(User(
                username=f"ep{n:05d}", role=Role.ADVISER, first_name=first, last_name=last,
                job_title="Educational psychologist", organisation_name="Wealdmoor Educational Psychology Service",
                email=work_email(first, last), password=self.password_hash,
            ))
        User.objects.bulk_create(users, batch_size=1000)
        # bulk_create sets pks on SQLite and PostgreSQL; the lists above now refer to saved users.
        adviser_names = [f"Dr {rng.choice(self.female_names + self.male_names)} {rng.choice(self.surnames)}"
                         for _ in range(12)]
        self.stage("Teams and staff", teams=sum(len(t) for t in teams_by_area.values()), users=len(users))
        return _Staff(teams_by_area, caseworkers, demo_rows, adviser_names)

    # -- one chunk of cases ------------------------------------------------------------------------------------

    def build_chunk(self, staff: _Staff, kinds: list[str]) -> None:
        rng, today = self.rng, self.today
        children: list[Child] = []
        cases = []  # (child, kind, timeline, primary need, setting, caseworker)
        for kind in kinds:
            self.serial += 1
            n = self.serial
            forced_parent = False
            forced_young, self.need_young_person = kind == "plan" and self.need_young_person, False
            if kind == "plan":
                age = 17 if forced_young else max(2, self.pick_age_all())
                dob = _years_before(today, age, rng.randint(30, 330))
                tl = self._historic_timeline(dob)
                need = self.pick_need_all()
            else:
                if self.need_parent:
                    self.need_parent, forced_parent = False, True
                    received = today - timedelta(days=130)
                    dob = _years_before(received, 9, rng.randint(0, 300))
                    tl = forced_draft_sent(received)
                else:
                    received = today - timedelta(days=rng.randint(0, 364))
                    dob = _years_before(received, self.pick_age_new(), rng.randint(0, 364))
                    tl = simulate(rng, received, today)
                need = self.pick_need_new()
            age_now = statutory.age_on(dob, today)
            setting, code = self._setting_for(age_now, need)
            area = rng.choice(AREAS)
            postcode, town = rng.choice(self.postcodes_by_area[area])
            team = rng.choice(staff.teams_by_area[area])
            sex = self.pick_sex()
            first_name = rng.choice(self.male_names if sex == "M" else self.female_names)
            last_name = rng.choice(self.surnames)
            if forced_young or forced_parent:  # named before any wording about them is written
                first_name, last_name = ("Jordan", "Ellis") if forced_young else (first_name, "Whitfield")
            language = rng.choice(LANGUAGES) if rng.random() < 0.06 else "English"
            child = Child(
                legal_first_name=first_name, legal_last_name=last_name, date_of_birth=dob, sex=sex,
                preferred_name=first_name[:3] if rng.random() < 0.03 and len(first_name) > 4 else "",
                address=f"{rng.randint(1, 140)} {rng.choice(self.streets)}\n{town}",
                postcode=postcode, la_code=settings.COUNCIL_LA_CODE,
                upn=upn_for(n, dob.year + 5) if age_now >= 4 else "",
                nhs_number=nhs_for(n),
                setting_name=setting.name if setting else "", setting_urn=setting.urn if setting else "",
                setting_ukprn=setting.ukprn if setting else "", setting_code=code,
                first_language=language, team=team,
                communication_needs=(
                    f"Speaks {language} at home; use an interpreter for meetings." if language != "English" else ""
                ),
            )
            children.append(child)
            caseworker = rng.choice(staff.caseworkers[team.pk])
            if forced_parent:
                caseworker = staff.demo["caseworker"]
                child.team = staff.teams_by_area["North"][0]
            cases.append((child, kind, tl, need, setting, caseworker))
        with transaction.atomic():
            Child.objects.bulk_create(children, batch_size=2000)
            child_search_keys_create(children)  # bulk_create skips Child.save, which keeps the search keys
            self.stage("Children", children=len(children))
            self._needs(cases)
            if self.rich or any(k == "request" for k in kinds):
                self._families(cases)
            assessments = self._assessments(cases)
            self._plans(cases, assessments)

    def _historic_timeline(self, dob: date) -> Timeline:
        """A request from before this year that ended in a plan still in force."""
        rng, today = self.rng, self.today
        lo = max(dob + timedelta(days=180), today - timedelta(days=3650), date(2015, 1, 5))
        hi = today - timedelta(days=400)
        for _ in range(20):
            received = lo + timedelta(days=rng.randint(0, max(0, (hi - lo).days)))
            tl = simulate(rng, received, today - timedelta(days=1), allow_withdraw=False)
            if tl.status == "final_issued":
                return tl
        # A very young child, or an unlucky draw: a plan made on time.
        received = min(lo, hi)
        tl = Timeline(received_on=received, due=due_dates(received), status="final_issued")
        tl.decision_to_assess_on, tl.decided_to_assess = received + timedelta(days=35), True
        tl.decision_to_issue_on, tl.decided_to_issue = received + timedelta(days=100), True
        tl.draft_served_on = received + timedelta(days=100)
        tl.final_issued_on = received + timedelta(days=130)
        return tl

    def _setting_for(self, age: int, need: str) -> tuple[Setting | None, str]:
        """Where the child is educated, by age (placement shares, DfE January 2025)."""
        rng = self.rng
        special_need = need in ("SLD", "PMLD", "MSI")
        r = rng.random()
        if r < 0.03:
            return None, ""  # placement not known (3.0%)
        if age <= 3:
            if rng.random() < 0.5:
                return None, "EYP"
            return rng.choice(SETTINGS_BY_KIND["early_years"]), ""
        if age <= 15:
            r = rng.random()
            if r < (0.75 if special_need else 0.36):
                return rng.choice(SETTINGS_BY_KIND["special"]), ""
            if r < 0.93:
                kind = "mainstream_primary" if age <= 10 else "mainstream_secondary"
                return rng.choice(SETTINGS_BY_KIND[kind]), ""
            if r < 0.945:
                return rng.choice(SETTINGS_BY_KIND["ap_pru"]), ""
            return None, rng.choice(("EHE", "EHE", "OLA", "OLA", "OLA", "OPA"))
        if age <= 19:
            r = rng.random()
            if r < 0.55:
                return rng.choice(SETTINGS_BY_KIND["fe"]), ""
            if r < 0.75:
                return rng.choice(SETTINGS_BY_KIND["special"]), ""
            if r < 0.83:
                return rng.choice(SETTINGS_BY_KIND["specialist_post16"]), ""
            if r < 0.9:
                return rng.choice(SETTINGS_BY_KIND["mainstream_secondary"]), ""
            return None, "NEET"
        r = rng.random()
        if r < 0.6:
            return rng.choice(SETTINGS_BY_KIND["fe"] + SETTINGS_BY_KIND["specialist_post16"]), ""
        return None, rng.choice(("NEET", "NEET", "OTH"))

    def _needs(self, cases) -> None:
        rng = self.rng
        rows = []
        for child, _kind, _tl, need, _s, _cw in cases:
            rows.append(ChildNeed(child=child, need_type=need, rank=1))
            extra = 0 if rng.random() < 0.55 else (1 if rng.random() < 0.7 else 2)
            seen = {need}
            for rank in range(2, 2 + extra):
                other = self.pick_need_all()
                if other in seen:
                    continue
                seen.add(other)
                rows.append(ChildNeed(child=child, need_type=other, rank=rank))
        rows = self._dense_ranks(rows)
        ChildNeed.objects.bulk_create(rows, batch_size=5000)
        self.stage("Needs (ranked)", needs=len(rows))

    @staticmethod
    def _dense_ranks(rows: list[ChildNeed]) -> list[ChildNeed]:
        last_child, rank = None, 0
        for row in rows:
            rank = rank + 1 if row.child is last_child else 1
            row.rank, last_child = rank, row.child
        return rows

    def _families(self, cases) -> None:
        rng = self.rng
        rows = []
        prefs = ("email",) * 6 + ("text",) * 2 + ("phone",) * 1 + ("post",) * 1
        for child, kind, *_ in cases:
            if not self.rich and kind == "plan":
                continue
            members = [("Mother", True)] if rng.random() < 0.9 else [("Foster carer", False)]
            if rng.random() < 0.55:
                members.append(("Father", True))
            if rng.random() < 0.04:
                members.append(("Grandmother (special guardian)", True))
            for relationship, pr in members:
                female = relationship != "Father"
                first = rng.choice(self.female_names if female else self.male_names)
                last = child.legal_last_name if rng.random() < 0.8 else rng.choice(self.surnames)
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
        self.stage("Family members", family_members=len(rows))

    def _assessments(self, cases) -> list[Assessment]:
        rng, today = self.rng, self.today
        rows = []
        exceptions: list[AssessmentException] = []
        for child, kind, tl, need, _setting, caseworker in cases:
            due = tl.due
            a = Assessment(
                child=child, caseworker=caseworker, status=tl.status,
                request_source=rng.choices("12345", weights=(60, 28, 7, 3, 2))[0],
                requester_name="", received_by=rng.choice(("email", "email", "online", "online", "post")),
                received_on=tl.received_on,
                request_summary=(
                    f"Request for an EHC needs assessment for {child.legal_first_name}: "
                    f"{wording.AREA_FOR_NEED[need].lower()} needs; progress limited despite SEN support."
                ),
                decision_to_assess_on=tl.decision_to_assess_on, decided_to_assess=tl.decided_to_assess,
                decision_to_issue_on=tl.decision_to_issue_on, decided_to_issue=tl.decided_to_issue,
                draft_served_on=tl.draft_served_on, final_issued_on=tl.final_issued_on,
                withdrawn_on=tl.withdrawn_on, **due,
            )
            if tl.status == "refused":
                a.refusal_reasons = wording.REFUSAL_REASONS[0].format(name=child.legal_first_name)
            if tl.status == "not_issuing":
                a.not_issue_reasons = wording.NOT_ISSUE_REASONS[0].format(name=child.legal_first_name)
            rows.append(a)
            if (self.rich or kind == "request") and (tl.final_issued_on or today) > due["final_plan_due_on"]:
                if tl.status in ("drafting", "draft_sent", "final_issued") and rng.random() < 0.18:
                    exc = self._exception(a, tl, caseworker)
                    if exc is not None:
                        exceptions.append(exc)
        Assessment.objects.bulk_create(rows, batch_size=2000)
        AssessmentException.objects.bulk_create(exceptions, batch_size=2000)
        for exc in exceptions:
            a = exc.assessment
            timeline = statutory.assessment_timeline(facts_of(_tl_of(a), (_record(exc),)), today=today)
            final = timeline.get("final_plan")
            a.final_plan_exception_applies = bool(final and (final.exception_codes or final.exception_applies))
        Assessment.objects.bulk_update(
            [e.assessment for e in exceptions if e.assessment.final_plan_exception_applies],
            ["final_plan_exception_applies"], batch_size=2000,
        )
        self.stage("Requests and assessments", assessments=len(rows), exceptions=len(exceptions))
        if self.rich or any(k == "request" for _, k, *_ in cases):
            self._advice(cases, rows)
        return rows

    def _exception(self, a: Assessment, tl: Timeline, caseworker: User) -> AssessmentException | None:
        rng = self.rng
        end_of_window = tl.final_issued_on or self.today
        summer = None
        for year in range(tl.received_on.year, end_of_window.year + 1):
            start, end = date(year, 7, 22), date(year, 9, 3)
            if start >= tl.received_on and end <= end_of_window:
                summer = (start, end)
                break
        if summer and rng.random() < 0.6:
            code, (start, end) = "E1", summer
            evidence = "The school was closed for the summer holiday when the council asked it for educational advice."
            note = ("The head teacher could not give advice until the school reopened, so the draft plan could not "
                    "be written in time.")
        else:
            code = rng.choice(("E3", "E3", "E4"))
            start = tl.received_on + timedelta(days=rng.randint(20, 60))
            end = start + timedelta(days=rng.randint(28, 56))
            if end > end_of_window:
                return None
            if code == "E3":
                evidence = "The family told us of a bereavement and asked for meetings to be put back."
                note = "The family could not take part in the assessment meetings during this time."
            else:
                evidence = "The family were abroad caring for a relative for six weeks (letter from the parent)."
                note = "The child could not be seen by the educational psychologist while away."
        return AssessmentException(
            assessment=a, code=code, period_start=start, period_end=end, evidence=evidence,
            causal_note=note if rng.random() < 0.6 else "", applies_to=rng.choice(("", "final_plan")),
            family_told_on=min(start + timedelta(days=rng.randint(2, 10)), self.today), recorded_by=caseworker,
        )

    def _advice(self, cases, assessments: list[Assessment]) -> None:
        rng, today = self.rng, self.today
        rows = []
        kinds = (
            ("a", "{parent}", "Parent"),
            ("b", "Head teacher", "{school}"),
            ("c", "Dr {doctor}, community paediatrician", "Wealdmoor Community Health NHS Trust"),
            ("d", "Dr {ep}, educational psychologist", "Wealdmoor Educational Psychology Service"),
            ("e", "Children with Disabilities social worker", "Wealdmoor Children's Social Care"),
        )
        for (child, kind, tl, _need, setting, _cw), a in zip(cases, assessments, strict=True):
            if not self.rich and kind == "plan":
                continue
            start = tl.decision_to_assess_on
            if not tl.decided_to_assess or start is None:
                continue
            use = list(kinds)
            if statutory.is_year_9_or_above(child.date_of_birth, start):
                use.append(("g", "Preparing for Adulthood adviser", "Wealdmoor Preparing for Adulthood Team"))
            for code, name, org in use:
                requested = start + timedelta(days=rng.randint(0, 4))
                if requested > today:
                    continue
                if rng.random() < 0.7:
                    received = requested + timedelta(days=rng.randint(14, 42))
                else:
                    received = requested + timedelta(days=rng.randint(43, 90))
                if tl.decision_to_issue_on:
                    received = max(requested, min(received, tl.decision_to_issue_on - timedelta(days=1)))
                if tl.withdrawn_on and received > tl.withdrawn_on:
                    received = None
                if received and received > today:
                    received = None
                doctor = f"{rng.choice(self.female_names + self.male_names)} {rng.choice(self.surnames)}"
                rows.append(AdviceRequest(
                    assessment=a, kind=code,
                    adviser_name=name.format(parent=f"Parent of {child.legal_first_name}", doctor=doctor,
                                             ep=rng.choice(self.surnames)),
                    adviser_organisation=org.format(school=setting.name if setting else "Current setting"),
                    requested_on=requested, received_on=received,
                    summary="Advice received and summarised in section B." if received else "",
                ))
        AdviceRequest.objects.bulk_create(rows, batch_size=5000)
        self.stage("Advice requests (reg 6)", advice_requests=len(rows))

    def _plans(self, cases, assessments: list[Assessment]) -> None:
        rng = self.rng
        plans: list[Plan] = []
        content = []
        for (child, kind, tl, need, setting, caseworker), a in zip(cases, assessments, strict=True):
            if tl.status not in ("drafting", "draft_sent", "final_issued"):
                continue
            name = child.preferred_name or child.legal_first_name
            full = self.rich or kind == "request"
            plan = Plan(
                assessment=a, status=PlanStatus.FINAL if tl.status == "final_issued" else PlanStatus.DRAFT,
                placement_name=setting.name if setting and tl.status != "drafting" else "",
                placement_type=setting.institution_type if setting and tl.status != "drafting" else "",
                placement_urn=(setting.urn or setting.ukprn) if setting and tl.status != "drafting" else "",
                updated_by=caseworker,
            )
            if full:
                plan.section_a = rng.choice(wording.SECTION_A).format(name=name)
                plan.section_c = rng.choice(wording.SECTION_C).format(name=name)
                plan.section_d = rng.choice(wording.SECTION_D).format(name=name)
                plan.section_j = ("A personal budget was discussed; the family chose not to have one at this time."
                                  if rng.random() < 0.9 else "Direct payment for the short breaks in section H2.")
            plans.append(plan)
            content.append((plan, child, tl, need, setting, full, name))
        Plan.objects.bulk_create(plans, batch_size=2000)
        self.stage("EHC plans", plans=len(plans), final=sum(p.status == "final" for p in plans))
        self._plan_sections([c for c in content if c[5]])
        self._consultations([c for c in content if c[5] and c[2].draft_served_on])

    def _plan_sections(self, content) -> None:
        rng = self.rng
        needs, outcomes, provisions = [], [], []
        links = []  # (outcome, [needs]) and (provision, [needs], [outcomes])
        for plan, child, _tl, need, _setting, _full, name in content:
            child_needs = [need] + [o for o in rng.sample(list(wording.NEEDS), 2) if o != need][: rng.randint(0, 1)]
            plan_needs = []
            for order, n in enumerate(child_needs, start=1):
                pn = PlanNeed(plan=plan, area=wording.AREA_FOR_NEED[n], order=order,
                              description=rng.choice(wording.NEEDS[n]).format(name=name))
                needs.append(pn)
                plan_needs.append(pn)
            order = 0
            plan_outcomes = []
            over_14 = statutory.age_on(child.date_of_birth, self.today) >= 14
            for pn in plan_needs:
                for text in rng.sample(wording.OUTCOMES[pn.area], 2):
                    order += 1
                    po = PlanOutcome(plan=plan, description=text.format(name=name), order=order)
                    outcomes.append(po)
                    plan_outcomes.append(po)
                    links.append(("o", po, [pn], []))
            if over_14:
                order += 1
                po = PlanOutcome(plan=plan, description=rng.choice(wording.PFA_OUTCOMES).format(name=name),
                                 order=order, preparing_for_adulthood=True)
                outcomes.append(po)
                links.append(("o", po, plan_needs[:1], []))
            order = 0
            for pn in plan_needs:
                for p in rng.sample(wording.PROVISION_F[pn.area], 3):
                    order += 1
                    pp = PlanProvision(plan=plan, section="F", description=p.description, amount=p.amount,
                                       frequency=p.frequency, provided_by=p.provided_by, order=order)
                    provisions.append(pp)
                    links.append(("p", pp, [pn], [o for o in plan_outcomes if o.order <= order][:1]))
            for i, p in enumerate(rng.sample(wording.PROVISION_G, rng.randint(0, 2)), start=1):
                pp = PlanProvision(plan=plan, section="G", description=p.description, amount=p.amount,
                                   frequency=p.frequency, provided_by=p.provided_by, order=i,
                                   health_commissioner_agreed=True,
                                   health_commissioner_agreed_by="Wealdmoor Integrated Care Board")
                provisions.append(pp)
                links.append(("p", pp, plan_needs[:1], []))
            if rng.random() < 0.3:
                section, p = rng.choice(wording.PROVISION_H)
                pp = PlanProvision(plan=plan, section=section, description=p.description, amount=p.amount,
                                   frequency=p.frequency, provided_by=p.provided_by, order=1)
                provisions.append(pp)
                links.append(("p", pp, plan_needs[:1], []))
        PlanNeed.objects.bulk_create(needs, batch_size=5000)
        PlanOutcome.objects.bulk_create(outcomes, batch_size=5000)
        PlanProvision.objects.bulk_create(provisions, batch_size=5000)
        outcome_needs = PlanOutcome.needs.through
        provision_needs = PlanProvision.needs.through
        provision_outcomes = PlanProvision.outcomes.through
        on_rows, pn_rows, po_rows = [], [], []
        for kind, obj, linked_needs, linked_outcomes in links:
            if kind == "o":
                on_rows += [outcome_needs(planoutcome_id=obj.pk, planneed_id=n.pk) for n in linked_needs]
            else:
                pn_rows += [provision_needs(planprovision_id=obj.pk, planneed_id=n.pk) for n in linked_needs]
                po_rows += [provision_outcomes(planprovision_id=obj.pk, planoutcome_id=o.pk) for o in linked_outcomes]
        outcome_needs.objects.bulk_create(on_rows, batch_size=5000)
        provision_needs.objects.bulk_create(pn_rows, batch_size=5000)
        provision_outcomes.objects.bulk_create(po_rows, batch_size=5000)
        self.stage("Plan sections B, E, F-H", needs=len(needs), outcomes=len(outcomes), provisions=len(provisions))

    def _consultations(self, content) -> None:
        rng, today = self.rng, self.today
        rows = []
        for plan, _child, tl, _need, setting, _full, _name in content:
            if setting is None or not setting.institution_type:
                continue
            options = [setting] + rng.sample(SETTINGS_BY_KIND.get(setting.kind, [setting]), 1)
            for i, institution in enumerate(options[: rng.randint(1, 2)]):
                sent = tl.draft_served_on + timedelta(days=rng.randint(0, 3))
                if sent > today:
                    continue
                replied = sent + timedelta(days=rng.randint(5, 15) if rng.random() < 0.6 else rng.randint(16, 30))
                if tl.final_issued_on and replied > tl.final_issued_on:
                    replied = tl.final_issued_on
                if replied > today:
                    replied = None
                can_meet = None if replied is None else (i == 0 or rng.random() < 0.4)
                rows.append(Consultation(
                    plan=plan, institution_name=institution.name, institution_type=institution.institution_type,
                    sent_on=sent, responded_on=replied, can_meet_needs=can_meet,
                    response=("We can meet the needs set out in the draft plan with the provision in section F."
                              if can_meet else "We cannot meet these needs: our site is not accessible for the "
                              "child's equipment." if can_meet is False else ""),
                ))
        Consultation.objects.bulk_create(rows, batch_size=5000)
        self.stage("Consultations (s.39)", consultations=len(rows))

    # -- the demo sign-ins -------------------------------------------------------------------------------------

    def link_demo_users(self, staff: _Staff) -> None:
        demo = staff.demo
        # Parent: the parent of a child under 16 with a draft plan sent.
        parent_case = (
            Assessment.objects.filter(status="draft_sent", child__date_of_birth__gt=_years_before(self.today, 16, 0))
            .select_related("child").order_by("pk").first()
        )
        if parent_case:
            child = parent_case.child
            member = child.family_members.filter(has_parental_responsibility=True).order_by("pk").first()
            if member is None:
                member = FamilyMember(child=child, relationship="Mother", has_parental_responsibility=True)
            member.name, member.relationship = demo["parent"].get_full_name(), "Mother"
            member.email = demo["parent"].email
            member.user = demo["parent"]
            member.save()
        # Young person: a 17-year-old with a final plan signs in to their own record.
        young = (
            Child.objects.filter(
                legal_first_name="Jordan", legal_last_name="Ellis", assessments__status="final_issued",
                date_of_birth__lte=_years_before(self.today, 17, 0),
                date_of_birth__gt=_years_before(self.today, 18, 0),
            ).order_by("pk").first()
        )
        if young:
            young.user = demo["young.person"]
            young.save(update_fields=["user"])
        # Adviser: the demo educational psychologist is asked for advice on several children.
        adviser = demo["adviser"]
        open_ids = list(
            AdviceRequest.objects.filter(kind="d", received_on__isnull=True, assessment__status="assessing")
            .order_by("pk").values_list("pk", flat=True)[:6]
        )
        done_ids = list(
            AdviceRequest.objects.filter(kind="d", received_on__isnull=False).order_by("pk")
            .values_list("pk", flat=True)[:6]
        )
        AdviceRequest.objects.filter(pk__in=open_ids + done_ids).update(
            adviser=adviser, adviser_name=f"{adviser.get_full_name()}, educational psychologist",
            adviser_organisation=adviser.organisation_name,
        )
        self.stage("Demo sign-ins linked", advice_for_adviser=len(open_ids + done_ids),
                   parent_links=int(parent_case is not None), young_person_links=int(young is not None))

    def build_local_offer(self, staff: _Staff) -> str:
        """The Local Offer engineer's demo directory (if their code is there), then the provider's organisation."""
        try:
            from pathfinder.directory import demo as directory_demo
        except ImportError:
            directory_demo = None
        note = ""
        builder = getattr(directory_demo, "build_demo_local_offer", None)
        if builder is not None and self.local_offer_services:
            made = builder(
                services=self.local_offer_services, organisations=max(1, self.local_offer_services * 4 // 15),
                seed=self.seed,
            )
            note = "built by pathfinder.directory.demo.build_demo_local_offer: " + ", ".join(
                f"{v:,} {k}" for k, v in (made or {}).items()
            )
            from pathfinder.directory.models import Service
            from pathfinder.feedback.demo import build_demo_comments

            officer = staff.demo.get("localoffer")
            comments = build_demo_comments(seed=self.seed, today=self.today, officer=officer,
                                           services=Service.objects.order_by("name")[:40])
            note += f", {comments:,} comments with the council's responses"
        else:
            try:
                from pathfinder.directory.geo import load_demo_postcodes
            except ImportError:
                load_demo_postcodes = None
            if load_demo_postcodes is not None:
                load_demo_postcodes()
            note = "not built (postcodes only)"
        try:
            from pathfinder.directory.models import Organisation, OrganisationMembership
        except ImportError:
            return note
        org = (Organisation.objects.filter(kind="charity", services__isnull=False).order_by("name").first()
               or Organisation.objects.order_by("name").first())
        if org is None:
            org = Organisation.objects.create(
                name="Wealdmoor Parent Carer Forum", kind=_first_kind(), email="hello@wealdmoor-pcf.example",
                description="A fictional parent carer forum for the demo county.",
            )
        OrganisationMembership.objects.get_or_create(user=staff.demo["provider"], organisation=org)
        self.stage("Local Offer", organisations=Organisation.objects.count())
        return note


def _first_kind() -> str:
    from pathfinder.directory.models import Organisation

    choices = Organisation._meta.get_field("kind").choices
    values = [c[0] for c in choices]
    return "charity" if "charity" in values else values[0]


def _tl_of(a: Assessment) -> Timeline:
    t = Timeline(received_on=a.received_on, status=a.status)
    for f in ("decision_to_assess_on", "decided_to_assess", "decision_to_issue_on", "decided_to_issue",
              "draft_served_on", "final_issued_on", "withdrawn_on"):
        setattr(t, f, getattr(a, f))
    return t


def _record(exc: AssessmentException) -> statutory.ExceptionRecord:
    return statutory.ExceptionRecord(
        code=exc.code, period_start=exc.period_start, period_end=exc.period_end, causal_note=exc.causal_note,
        applies_to=frozenset([exc.applies_to]) if exc.applies_to else frozenset(),
    )


def build_county(
    *,
    plans: int = 3800,
    requests: int = 1200,
    seed: int = 2026,
    today: date | None = None,
    rich: bool = True,
    teams_per_area: int = 1,
    local_offer_services: int = 1500,
    progress: Progress = _quiet,
) -> CountyResult:
    """Make the county in an empty database. `plans` are plans made before this year; `requests` are requests
    received in the last 12 months, at every stage (some of them become plans too)."""
    return CountyBuilder(
        plans=plans, requests=requests, seed=seed, today=today, rich=rich, teams_per_area=teams_per_area,
        local_offer_services=local_offer_services, progress=progress,
    ).build()
