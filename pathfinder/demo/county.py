"""Build the fictional county of Wealdmoor: teams, staff, children, requests, assessments and EHC plans.

Used by `manage.py load_demo` (about 4,000 active plans and 1,200 requests a year, with full plan wording) and by
`make bench` (25,000 and 640,000 plans, leaner rows). Everything is generated from one seed, so a given seed always
gives the same county. Rows are written with bulk_create in chunks, so memory stays flat at national scale;
bulk_create bypasses simple-history, which is acceptable for made-up records.

Each domain builds its own rows (pathfinder.accounts.demo, people.demo, assessments.demo, plans.demo,
directory.demo, feedback.demo); this module draws what they share (names, places, each case's timeline) and
calls them in order with one seeded random generator, so the order of the steps is the order of the draws.

The shape follows the DfE statistics in pathfinder/demo/distributions.py; the dates follow the law through
statutory (pathfinder/demo/timeline.py).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone
from faker import Faker

from pathfinder.accounts import demo as accounts_demo
from pathfinder.accounts.demo import DEMO_PASSWORD, DEMO_USERS, Staff
from pathfinder.assessments import demo as assessments_demo
from pathfinder.assessments.involvements import advice_involvements_rebuild
from pathfinder.budgets import demo as budgets_demo
from pathfinder.ceasing import demo as ceasing_demo
from pathfinder.demo import distributions as dist
from pathfinder.demo.contacts import OWN_DOMAIN, work_email
from pathfinder.demo.local_offer import build_local_offer
from pathfinder.demo.messages_demo import demo_notices
from pathfinder.demo.places import AREAS, LANGUAGES, SETTINGS, SETTINGS_BY_KIND, TOWNS, area_of, demo_postcodes_in_areas
from pathfinder.demo.timeline import forced_draft_sent, historic_timeline, simulate
from pathfinder.disagreements import demo as disagreements_demo
from pathfinder.family import demo as family_demo
from pathfinder.notifications import demo as notifications_demo
from pathfinder.organisations import demo as organisations_demo
from pathfinder.people import demo as people_demo
from pathfinder.people.demo import nhs_for, upn_for, years_before
from pathfinder.people.involvements import involvements_rebuild
from pathfinder.plans import demo as plans_demo
from pathfinder.plans import demo_voice as plans_demo_voice
from pathfinder.reviews import demo as reviews_demo
from pathfinder.sen2 import demo as sen2_demo
from pathfinder.transfers import demo as transfers_demo
from pathfinder.tribunal import demo as tribunal_demo

__all__ = [
    "CHUNK", "DEMO_PASSWORD", "DEMO_USERS", "CountyBuilder", "CountyResult", "Progress", "build_county", "nhs_for",
    "simulate", "upn_for", "weighted",
]

CHUNK = 10_000
Progress = Callable[[str], None]


def _quiet(_: str) -> None:
    pass


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


@dataclass
class CountyResult:
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    local_offer: str = ""

    def add(self, key: str, n: int) -> None:
        self.counts[key] = self.counts.get(key, 0) + n


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
        self.stage("Plans ceased", **ceasing_demo.build_cessations(random.Random(self.seed + 45), today=self.today))
        self.stage("Personal budgets", **budgets_demo.build_budgets(random.Random(self.seed + 49), today=self.today,
                                                                    demo=staff.demo))
        self.stage("Published statistics (sample)", **sen2_demo.load_sample_statistics())
        self.build_organisations()
        self.build_disagreements(staff)  # after the organisations: mediation is referred to the service
        self.result.local_offer = build_local_offer(
            staff, seed=self.seed, today=self.today, services=self.local_offer_services, stage=self.stage,
        )
        involvements_rebuild()  # rows were bulk-inserted, bypassing the services that keep involvements in step
        advice_involvements_rebuild()
        if staff.demo:
            self.stage("Messages to families", **notifications_demo.build_messages(
                self.rng, today=self.today, notices=demo_notices(staff.demo, today=self.today)))
        self.result.seconds = time.monotonic() - self.started
        return self.result

    def build_staff(self) -> Staff:
        staff = accounts_demo.build_staff(
            self.rng, areas=AREAS, teams_per_area=self.teams_per_area, female_names=self.female_names,
            male_names=self.male_names, surnames=self.surnames, password_hash=self.password_hash,
            staff_email=work_email, own_email=lambda first, last: work_email(first, last, OWN_DOMAIN),
        )
        self.stage("Teams and staff", teams=sum(len(t) for t in staff.teams_by_area.values()),
                   users=staff.users_made)
        return staff

    # -- one chunk of cases ------------------------------------------------------------------------------------

    def build_chunk(self, staff: Staff, kinds: list[str]) -> None:
        rng, today = self.rng, self.today
        maker = people_demo.ChildMaker(
            rng=rng, today=today, areas=AREAS, postcodes_by_area=self.postcodes_by_area,
            teams_by_area=staff.teams_by_area, settings_by_kind=SETTINGS_BY_KIND, languages=LANGUAGES,
            pick_sex=self.pick_sex, male_names=self.male_names, female_names=self.female_names,
            surnames=self.surnames, streets=self.streets,
        )
        children = []
        cases = []  # (child, kind, timeline, primary need, setting, caseworker)
        for kind in kinds:
            self.serial += 1
            n = self.serial
            forced_parent = False
            forced_young, self.need_young_person = kind == "plan" and self.need_young_person, False
            if kind == "plan":
                age = 17 if forced_young else max(2, self.pick_age_all())
                dob = years_before(today, age, rng.randint(30, 330))
                tl = historic_timeline(rng, dob, today)
                need = self.pick_need_all()
            else:
                if self.need_parent:
                    self.need_parent, forced_parent = False, True
                    received = today - timedelta(days=130)
                    dob = years_before(received, 9, rng.randint(0, 300))
                    tl = forced_draft_sent(received)
                else:
                    received = today - timedelta(days=rng.randint(0, 364))
                    dob = years_before(received, self.pick_age_new(), rng.randint(0, 364))
                    tl = simulate(rng, received, today)
                need = self.pick_need_new()
            # The demo young person and the demo parent's child are named before any wording about them is written.
            named = {"first_name": "Jordan", "last_name": "Ellis"} if forced_young else (
                {"last_name": "Whitfield"} if forced_parent else {})
            child, setting = maker.child(n, dob, need, **named)
            children.append(child)
            caseworker = rng.choice(staff.caseworkers[child.team.pk])
            if forced_parent:
                caseworker = staff.demo["caseworker"]
                child.team = staff.teams_by_area["North"][0]
            cases.append((child, kind, tl, need, setting, caseworker))
        with transaction.atomic():
            self.stage("Children", children=people_demo.save_children(children))
            needs = people_demo.build_needs(rng, [(c[0], c[3]) for c in cases], self.pick_need_all)
            self.stage("Needs (ranked)", needs=needs)
            with_requests = any(k == "request" for k in kinds)
            if self.rich or with_requests:
                families = people_demo.build_families(
                    rng, [c[0] for c in cases if self.rich or c[1] != "plan"], male_names=self.male_names,
                    female_names=self.female_names, surnames=self.surnames,
                )
                self.stage("Family members", family_members=families)
            assessments, exceptions = assessments_demo.build_assessments(rng, cases, today=today, rich=self.rich)
            self.stage("Requests and assessments", assessments=len(assessments), exceptions=exceptions)
            if self.rich or with_requests:
                advice = assessments_demo.build_advice(
                    rng, cases, assessments, today=today, rich=self.rich,
                    first_names=self.female_names + self.male_names, surnames=self.surnames,
                )
                self.stage("Advice requests (reg 6)", advice_requests=advice)
            plans, content = plans_demo.build_plans(rng, cases, assessments, rich=self.rich)
            self.stage("EHC plans", plans=len(plans), final=sum(p.status == "final" for p in plans))
            sections = plans_demo.build_plan_sections(rng, content, today=today)
            self.stage("Plan sections B, E, F-H", **sections)
            consultations = plans_demo.build_consultations(rng, content, today=today,
                                                           settings_by_kind=SETTINGS_BY_KIND)
            self.stage("Consultations (s.39)", consultations=consultations)
            reviews_rng = random.Random(f"reviews:{self.seed}:{self.serial}")  # its own: others' rows stay the same
            self.stage("Annual reviews", **reviews_demo.build_reviews(reviews_rng, plans, today=today))
            self.stage("Amendments (reg 22)", **plans_demo.build_amendments(random.Random(self.seed + 22), today=today))

    # -- the demo sign-ins -------------------------------------------------------------------------------------

    def link_demo_users(self, staff: Staff) -> None:
        self.stage("Demo sign-ins linked", **assessments_demo.link_demo_sign_ins(staff.demo, today=self.today))
        self.stage("Family portal", **family_demo.build_family_portal(self.rng, staff.demo, today=self.today))
        self.stage("Advice documents", **assessments_demo.attach_advice_documents(staff.demo, today=self.today))
        self.stage("Moves between councils", **transfers_demo.build_transfers(self.rng, today=self.today, demo=staff.demo))
        self.stage("Re-assessments (reg 24)", **assessments_demo.build_reassessments(random.Random(self.seed + 24), today=self.today, demo=staff.demo))
        if self.rich:
            self.stage("Family voice (section A, comments)",
                       **plans_demo_voice.build_family_voice(self.rng, today=self.today, demo=staff.demo))

    def build_disagreements(self, staff: Staff) -> None:
        """Every decided row recorded as an appealable decision, then a year of mediation, complaints and appeals
        (each with its own seeded random, so adding them left the rest of the county as it was)."""
        self.stage("Mediation and complaints", **disagreements_demo.build_disagreements(
            random.Random(self.seed + 32), today=self.today, demo=staff.demo))
        self.stage("Tribunal appeals and orders", **tribunal_demo.build_tribunal(
            random.Random(self.seed + 44), today=self.today, demo=staff.demo))

    def build_organisations(self) -> None:
        """Schools and services as organisations, with advice in their queues (advice_involvements_rebuild then
        involves the organisation, not a person, with those children)."""
        organisations = organisations_demo.build_organisations(today=self.today)
        settings_made = organisations_demo.build_settings(SETTINGS, council_la_code=settings.COUNCIL_LA_CODE)
        self.stage("Organisations", organisations=len(organisations), schools_and_colleges=settings_made,
                   **assessments_demo.advice_for_organisations(organisations, today=self.today))


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
