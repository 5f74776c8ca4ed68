"""Lean rows at national scale, for `make bench`: children, ranked needs, assessments, bare plans with their
review histories, and open advice.

The ORM's bulk_create spends most of its time building model objects and SQL (about 1.5 ms per case); here rows
are plain tuples written with executemany, about ten times faster, so 790,000 cases fit in the bench's time.
The draws are the demo county's (timeline.simulate, the DfE distributions); plan wording, families, exceptions and
consultations are left out. Run after build_county(), which makes the teams and caseworkers these rows use.
"""

from __future__ import annotations

import random
import time
from datetime import date, timedelta

from django.core.management.color import no_style
from django.db import connection, transaction
from django.utils import timezone

import statutory
from pathfinder.accounts.models import User
from pathfinder.accounts.roles import Role
from pathfinder.assessments.demo import assessment_status_for
from pathfinder.assessments.models import AdviceRequest, Assessment
from pathfinder.demo import distributions as dist
from pathfinder.demo.county import CHUNK, CountyBuilder, Progress, _quiet
from pathfinder.demo.places import SETTINGS_BY_KIND
from pathfinder.demo.timeline import historic_timeline, simulate
from pathfinder.people.demo import nhs_for, phase_for, setting_for, upn_for, years_before
from pathfinder.people.involvements import involvements_rebuild
from pathfinder.people.models import Child, ChildNeed
from pathfinder.plans.demo import PLAN_STATUS_FOR_STAGE
from pathfinder.plans.models import Plan, PlanStatus
from pathfinder.reviews.demo import HISTORY_KEPT, ReviewPeriods, plan_reviews
from pathfinder.reviews.models import Review, ReviewStatus


class _Table:
    """INSERT of whole rows of one model: defaults filled once, values given by attribute name."""

    def __init__(self, model, now) -> None:
        self.model = model
        self.fields = list(model._meta.concrete_fields)
        qn = connection.ops.quote_name
        self.sql = "INSERT INTO {} ({}) VALUES ({})".format(
            qn(model._meta.db_table), ", ".join(qn(f.column) for f in self.fields), ", ".join(["%s"] * len(self.fields))
        )
        self.defaults = []
        for f in self.fields:
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                value = now
            else:
                value = f.get_default()
            self.defaults.append(f.get_db_prep_save(value, connection))
        self.index = {f.attname: i for i, f in enumerate(self.fields)}
        self.next_id = (model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
        self.rows: list[list] = []

    def add(self, **values) -> int:
        row = list(self.defaults)
        pk = self.next_id
        self.next_id += 1
        row[self.index["id"]] = pk
        for name, value in values.items():
            if isinstance(value, date):
                value = connection.ops.adapt_datefield_value(value)
            row[self.index[name]] = value
        self.rows.append(row)
        return pk

    def flush(self, cursor) -> int:
        n = len(self.rows)
        for start in range(0, n, 5000):
            cursor.executemany(self.sql, self.rows[start:start + 5000])
        self.rows = []
        return n


def _lean_plan(tables: dict, rng: random.Random, periods: ReviewPeriods, tl, *, today: date, assessment_id: int,
               child_id: int, status: str, placement: str, caseworker_id: int) -> None:
    """A bare plan and, once final, its review history (the last decided reviews and any review in progress),
    drawn as the demo county draws them (reviews.demo.plan_reviews)."""
    made = tl.final_issued_on
    drawn = plan_reviews(rng, periods, first_made_on=made, today=today) if status == PlanStatus.FINAL else None
    plan_id = tables[Plan].add(
        assessment_id=assessment_id, child_id=child_id, status=status, draft_sent_on=tl.draft_served_on,
        issued_on=made, placement_name=placement, updated_by_id=caseworker_id, first_made_on=made,
        last_reviewed_on=drawn.last_reviewed_on if drawn else None,
        review_due_on=drawn.review_due_on if drawn else None,
    )
    if drawn is None:
        return
    for values in drawn.history[-HISTORY_KEPT:]:
        tables[Review].add(plan_id=plan_id, status=ReviewStatus.DECIDED, meeting_place="School", **values)
    if drawn.open_review is not None:
        tables[Review].add(plan_id=plan_id, **drawn.open_review)


def bulk_fill(
    *, plans: int, requests: int, seed: int = 640, today: date | None = None, progress: Progress = _quiet
) -> dict[str, int]:
    """Add `plans` plans made before this year and `requests` requests from the last 12 months, in lean rows."""
    today = today or timezone.localdate()
    started = time.monotonic()
    helper = CountyBuilder(plans=0, requests=0, seed=seed, today=today, local_offer_services=0)
    rng = random.Random(seed)
    caseworkers: dict[int, list[int]] = {}
    for pk, team_id in User.objects.filter(role=Role.CASEWORKER, team__isnull=False).values_list("pk", "team_id"):
        caseworkers.setdefault(team_id, []).append(pk)
    team_ids = sorted(caseworkers)
    now = timezone.now()
    tables = {m: _Table(m, now) for m in (Child, ChildNeed, Assessment, Plan, AdviceRequest, Review)}
    counts = {"children": 0, "needs": 0, "assessments": 0, "plans": 0, "advice_requests": 0, "reviews": 0}
    periods = ReviewPeriods(today)
    serial = Child.objects.count() + 1_000
    kinds = ["plan"] * plans + ["request"] * requests
    rng.shuffle(kinds)
    need_codes = list(dist.PRIMARY_NEED_ALL_PLANS)
    for start in range(0, len(kinds), CHUNK * 2):
        for kind in kinds[start:start + CHUNK * 2]:
            serial += 1
            if kind == "plan":
                dob = years_before(today, max(2, helper.pick_age_all()), rng.randint(30, 330))
                tl = historic_timeline(helper.rng, dob, today)
                need = helper.pick_need_all()
            else:
                received = today - timedelta(days=rng.randint(0, 364))
                dob = years_before(received, helper.pick_age_new(), rng.randint(0, 364))
                tl = simulate(rng, received, today)
                need = helper.pick_need_new()
            age_now = statutory.age_on(dob, today)
            setting, code = setting_for(helper.rng, age_now, need, SETTINGS_BY_KIND)
            team_id = rng.choice(team_ids)
            sex = helper.pick_sex()
            child_id = tables[Child].add(
                legal_first_name=rng.choice(helper.male_names if sex == "M" else helper.female_names),
                legal_last_name=rng.choice(helper.surnames), date_of_birth=dob, sex=sex,
                postcode=rng.choice(helper.postcodes)[0], la_code="999",
                upn=upn_for(serial, dob.year + 5) if age_now >= 4 else "", nhs_number=nhs_for(serial),
                setting_name=setting.name if setting else "", setting_urn=setting.urn if setting else "",
                setting_ukprn=setting.ukprn if setting else "", setting_code=code, team_id=team_id,
                setting_phase=phase_for(setting, code, dob, today),
            )
            tables[ChildNeed].add(child_id=child_id, need_type=need, rank=1)
            if rng.random() < 0.4:
                other = rng.choice(need_codes)
                if other != need:
                    tables[ChildNeed].add(child_id=child_id, need_type=other, rank=2)
            caseworker_id = rng.choice(caseworkers[team_id])
            assessment_id = tables[Assessment].add(
                child_id=child_id, caseworker_id=caseworker_id, status=assessment_status_for(tl.status),
                request_source=rng.choice("1112225"), received_on=tl.received_on,
                decision_to_assess_on=tl.decision_to_assess_on, decided_to_assess=tl.decided_to_assess,
                decision_to_issue_on=tl.decision_to_issue_on, decided_to_issue=tl.decided_to_issue,
                draft_served_on=tl.draft_served_on, final_issued_on=tl.final_issued_on,
                withdrawn_on=tl.withdrawn_on, **tl.due,
            )
            if tl.status in PLAN_STATUS_FOR_STAGE:
                _lean_plan(tables, rng, periods, tl, today=today, assessment_id=assessment_id, child_id=child_id,
                           status=PLAN_STATUS_FOR_STAGE[tl.status], placement=setting.name if setting else "",
                           caseworker_id=caseworker_id)
            if kind == "request" and tl.decided_to_assess and tl.status != "withdrawn":
                for advice_kind in ("b", "c", "d"):
                    requested = tl.decision_to_assess_on + timedelta(days=rng.randint(0, 4))
                    if requested > today:
                        continue
                    received = requested + timedelta(days=rng.randint(14, 42) if rng.random() < 0.7 else
                                                     rng.randint(43, 90))
                    if tl.decision_to_issue_on:
                        received = max(requested, min(received, tl.decision_to_issue_on - timedelta(days=1)))
                    tables[AdviceRequest].add(
                        assessment_id=assessment_id, kind=advice_kind, adviser_name="Wealdmoor adviser",
                        requested_on=requested, received_on=received if received <= today else None,
                    )
        with transaction.atomic(), connection.cursor() as cursor:
            counts["children"] += tables[Child].flush(cursor)
            counts["needs"] += tables[ChildNeed].flush(cursor)
            counts["assessments"] += tables[Assessment].flush(cursor)
            counts["plans"] += tables[Plan].flush(cursor)
            counts["reviews"] += tables[Review].flush(cursor)
            counts["advice_requests"] += tables[AdviceRequest].flush(cursor)
        progress(f"  Lean rows {counts['children']:>9,} children, {counts['assessments']:,} assessments, "
                 f"{counts['plans']:,} plans  ({time.monotonic() - started:.0f}s)")
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), list(tables)):
            cursor.execute(statement)
    involvements_rebuild()  # the lean rows bypass the services that record who is involved with each child
    return counts
