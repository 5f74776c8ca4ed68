"""What is due, who carries which cases, and how timely the council is. Reads only; `today` is always passed in.

Two ways of reading deadlines, on purpose:

* a caseworker has tens of cases, so their worklist asks each app's provider what is due on them (the
  assessments' provider loads them in one query, with prefetches, and runs the pure statutory timeline on
  each: every step, with its rule and exception status, exactly as the case page shows it);
* a manager looks across the council (nationally up to ~150,000 requests a year), so caseloads and timeliness
  are counted by the database from the statutory due dates stored on each assessment. Exceptions never move a
  due date (reg 10(4)), which is what makes storing them, and counting this way, correct. Tests check these
  counts against the pure timeline and against statutory.timeliness_report on the same cases.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.db.models import Count, F, Q

import statutory
from pathfinder.accounts.models import Team
from pathfinder.accounts.roles import Role
from pathfinder.assessments.constants import OPEN_STATUSES
from pathfinder.assessments.models import AdviceRequest, Assessment
from pathfinder.assessments.selectors import open_assessments as open_assessments_selector
from pathfinder.core.calendar import council_calendar
from pathfinder.core.worklist import WorklistItem, worklist_items
from pathfinder.insights.constants import DUE_SOON_DAYS, NATIONAL_TIMELINESS, NationalFigure
from pathfinder.plans.models import Consultation


def _period(code: str) -> str:
    """A period as the rule book states it now (its latest row), e.g. "6 weeks": labels never write their own."""
    return statutory.rule_in_force(code, date.max).duration_text

# --------------------------------------------------------------------------------------------------------------
# A caseworker's worklist


@dataclass(frozen=True)
class Worklist:
    """A caseworker's open steps, grouped by when they are due."""

    today: date
    #: The last day counted as "due this week": today and the following DUE_SOON_DAYS - 1 days.
    due_soon_until: date
    case_count: int
    overdue: tuple[WorklistItem, ...] = ()
    due_this_week: tuple[WorklistItem, ...] = ()
    due_later: tuple[WorklistItem, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (self.overdue or self.due_this_week or self.due_later)


def caseworker_worklist(user, today: date) -> Worklist:
    """Everything due for the user, from every app's worklist provider: overdue first, then by due date.

    Which steps are due, and on which cases, is each provider's business (the assessments' statutory steps come
    from pathfinder.assessments.worklist); this only gathers and groups them.
    """
    due_soon_until = today + timedelta(days=DUE_SOON_DAYS - 1)
    gathered = worklist_items(user, today)
    items = sorted(gathered.items, key=lambda item: (item.due, item.sort_key))
    later = [item for item in items if not item.is_overdue]
    return Worklist(
        today=today,
        due_soon_until=due_soon_until,
        case_count=gathered.case_count,
        overdue=tuple(item for item in items if item.is_overdue),
        due_this_week=tuple(item for item in later if item.due <= due_soon_until),
        due_later=tuple(item for item in later if item.due > due_soon_until),
    )


# --------------------------------------------------------------------------------------------------------------
# Caseloads across the council


@dataclass
class Caseload:
    """Open cases and overdue statutory steps for one team or one caseworker."""

    key: int | None
    name: str
    team_name: str = ""
    open_cases: int = 0
    overdue_steps: int = 0


@dataclass(frozen=True)
class Caseloads:
    today: date
    teams: tuple[Caseload, ...]
    caseworkers: tuple[Caseload, ...]  # includes a "Not allocated" row when open cases have no caseworker
    total: Caseload = field(default_factory=lambda: Caseload(None, "All teams"))


def _latest_trigger_now_overdue(rule_code: str, today: date, calendar: statutory.WorkingDayCalendar) -> date:
    """The latest clock-start date whose deadline (from the rule in force then) is already past on ``today``.

    Lets the database count overdue advice and consultations with one date comparison, while the duration still
    comes from the rule book, so a change in the law needs no change here.
    """
    trigger = today - timedelta(days=1)
    for _ in range(400):  # no rule is longer than a year
        rule = statutory.rule_in_force(rule_code, trigger)
        if rule.due_from(trigger, calendar) < today:
            return trigger
        trigger -= timedelta(days=1)
    raise ValueError(f"No deadline for {rule_code!r} falls within 400 days")  # pragma: no cover


def _overdue_step_filters(today: date) -> dict[str, Q]:
    """Conditions (on an open assessment) matching the timeline's overdue headline steps, on stored due dates."""
    return {
        "decision": Q(decision_to_assess_on__isnull=True, decision_due_on__lt=today),
        # Reg 10(1): overdue while no plan is on the way (no decision to issue, no draft, no final plan).
        "not_issue": Q(
            decided_to_issue__isnull=True,
            draft_served_on__isnull=True,
            final_issued_on__isnull=True,
            not_issue_due_on__lt=today,
        ),
        "final": Q(final_issued_on__isnull=True, final_plan_due_on__lt=today),
    }


def team_caseloads(today: date) -> Caseloads:
    """Open cases and overdue steps per team (the child's team) and per caseworker, for the whole council.

    Overdue steps are those the case page shows as overdue, including ones where an exception applies: the
    decision whether to assess, the decision not to issue (while no plan is on the way), the final plan, advice
    not yet received after 6 weeks and consultations not answered after 15 days. Three grouped queries,
    whatever the number of cases.
    """
    calendar = council_calendar()
    open_assessments = open_assessments_selector()
    filters = _overdue_step_filters(today)
    per_group: dict[tuple[int | None, int], list[int]] = defaultdict(lambda: [0, 0])

    rows = open_assessments.values("caseworker_id", "child__team_id").annotate(
        open_cases=Count("pk"),
        **{f"overdue_{name}": Count("pk", filter=condition) for name, condition in filters.items()},
    )
    for row in rows:
        key = (row["caseworker_id"], row["child__team_id"])
        per_group[key][0] += row["open_cases"]
        per_group[key][1] += sum(row[f"overdue_{name}"] for name in filters)

    advice_cutoff = _latest_trigger_now_overdue("advice", today, calendar)
    advice_rows = (
        AdviceRequest.objects.filter(
            assessment__status__in=OPEN_STATUSES,
            assessment__final_issued_on__isnull=True,
            reused_existing=False,
            requested_on__isnull=False,
            requested_on__lte=advice_cutoff,
            received_on__isnull=True,
        )
        .values("assessment__caseworker_id", "assessment__child__team_id")
        .annotate(n=Count("pk"))
    )
    consultation_cutoff = _latest_trigger_now_overdue("consultation", today, calendar)
    consultation_rows = (
        Consultation.objects.filter(
            plan__assessment__status__in=OPEN_STATUSES,
            plan__assessment__final_issued_on__isnull=True,
            sent_on__lte=consultation_cutoff,
            responded_on__isnull=True,
        )
        .values(caseworker_id=F("plan__assessment__caseworker_id"), team_id=F("plan__assessment__child__team_id"))
        .annotate(n=Count("pk"))
    )
    for row in advice_rows:
        per_group[(row["assessment__caseworker_id"], row["assessment__child__team_id"])][1] += row["n"]
    for row in consultation_rows:
        per_group[(row["caseworker_id"], row["team_id"])][1] += row["n"]

    teams = {t.pk: Caseload(t.pk, t.name) for t in Team.objects.order_by("name")}
    caseworkers = {
        u.pk: Caseload(u.pk, u.display_name, team_name=u.team.name if u.team else "")
        for u in get_user_model().objects.filter(Q(role=Role.CASEWORKER, is_active=True) | Q(
            pk__in={cw for cw, _ in per_group if cw is not None}
        )).select_related("team")
    }
    unallocated = Caseload(None, "Not allocated to a caseworker")
    total = Caseload(None, "All teams")
    for (caseworker_id, team_id), (open_cases, overdue) in per_group.items():
        person = caseworkers.get(caseworker_id, unallocated) if caseworker_id is not None else unallocated
        for load in (teams.get(team_id), person, total):
            if load is not None:
                load.open_cases += open_cases
                load.overdue_steps += overdue
    people = sorted(caseworkers.values(), key=lambda c: (c.team_name, c.name.lower()))
    if unallocated.open_cases:
        people.append(unallocated)
    return Caseloads(today=today, teams=tuple(teams.values()), caseworkers=tuple(people), total=total)


# --------------------------------------------------------------------------------------------------------------
# Timeliness, counted the DfE way


def council_timeliness(period_start: date, period_end: date) -> statutory.TimelinessReport:
    """The DfE headline timeliness measures for events dated period_start..period_end (inclusive).

    Same counting as statutory.timeliness_report (which the tests use as the oracle): each decision or plan
    counts in the period it was made or issued and is on time if made on or before its stored statutory due
    date; "excluding exceptions" removes plans with a shown 20-week exception (SEN2 Week20) from both the
    number on time and the total.
    """
    if period_end < period_start:
        raise ValueError("period_end is before period_start")
    span = (period_start, period_end)
    # Three range queries, each answered from its own covering index (see Assessment.Meta.indexes), rather
    # than one query OR-ing three ranges, which makes the database visit every row at national scale.
    # New plans only: the SEN2 measures are for first assessments; re-assessments run on their own clocks.
    initial = Assessment.objects.filter(kind="initial")
    assess = initial.filter(decision_to_assess_on__range=span, decided_to_assess__isnull=False).aggregate(
        n=Count("pk"), ok=Count("pk", filter=Q(decision_to_assess_on__lte=F("decision_due_on"))),
    )
    no_plan = initial.filter(decision_to_issue_on__range=span, decided_to_issue=False).aggregate(
        n=Count("pk"), ok=Count("pk", filter=Q(decision_to_issue_on__lte=F("not_issue_due_on"))),
    )
    on_time = Q(final_issued_on__lte=F("final_plan_due_on"))
    no_exception = Q(final_plan_exception_applies=False)
    final = initial.filter(final_issued_on__range=span).aggregate(
        incl_n=Count("pk"), incl_ok=Count("pk", filter=on_time),
        excl_n=Count("pk", filter=no_exception), excl_ok=Count("pk", filter=on_time & no_exception),
    )
    counts = {
        "assess_n": assess["n"], "assess_ok": assess["ok"], "no_plan_n": no_plan["n"], "no_plan_ok": no_plan["ok"],
        **final,
    }
    return statutory.TimelinessReport(
        period_start=period_start,
        period_end=period_end,
        decisions_to_assess=statutory.TimelinessMeasure(
            f"Decisions whether to assess made within {_period('decision_to_assess')}",
            counts["assess_ok"], counts["assess_n"], "SEND Regulations 2014, reg 5(1)",
        ),
        decisions_not_to_issue=statutory.TimelinessMeasure(
            f"Decisions not to issue a plan made within {_period('decision_not_to_issue')}",
            counts["no_plan_ok"], counts["no_plan_n"], "SEND Regulations 2014, reg 10(1)",
        ),
        final_plans_including_exceptions=statutory.TimelinessMeasure(
            f"EHC plans issued within {_period('final_plan')} (including exceptions)",
            counts["incl_ok"], counts["incl_n"], "SEND Regulations 2014, reg 13(2)",
        ),
        final_plans_excluding_exceptions=statutory.TimelinessMeasure(
            f"EHC plans issued within {_period('final_plan')} (excluding exceptions)",
            counts["excl_ok"], counts["excl_n"], "SEND Regulations 2014, reg 13(2)",
        ),
    )


@dataclass(frozen=True)
class TimelinessRow:
    """One measure for the council beside the national figure."""

    key: str
    short_label: str
    measure: statutory.TimelinessMeasure
    national: NationalFigure
    rule_url: str

    @property
    def percent(self) -> float | None:
        return self.measure.percent


_SEND_2014 = date(2014, 9, 1)  # the rules are in force from here; a period before it still links to them
#: Report attribute -> (short label, statutory rule code).
_MEASURES = {
    "decisions_to_assess": (f"Decisions whether to assess, within {_period('decision_to_assess')}",
                            "decision_to_assess"),
    "decisions_not_to_issue": (f"Decisions not to issue a plan, within {_period('decision_not_to_issue')}",
                               "decision_not_to_issue"),
    "final_plans_including_exceptions": (f"Final plans within {_period('final_plan')}, including exceptions",
                                         "final_plan"),
    "final_plans_excluding_exceptions": (f"Final plans within {_period('final_plan')}, excluding exceptions",
                                         "final_plan"),
}


def timeliness_rows(report: statutory.TimelinessReport) -> list[TimelinessRow]:
    """The report's measures in DfE order, each with the national figure to compare against."""
    return [
        TimelinessRow(
            key, label, getattr(report, key), NATIONAL_TIMELINESS[key],
            statutory.rule_in_force(rule_code, max(report.period_end, _SEND_2014)).url,
        )
        for key, (label, rule_code) in _MEASURES.items()
    ]


def default_period(today: date) -> tuple[date, date]:
    """The last 12 months, ending today."""
    try:
        year_ago = today.replace(year=today.year - 1)
    except ValueError:  # 29 February
        year_ago = today.replace(year=today.year - 1, day=28)
    return year_ago + timedelta(days=1), today
