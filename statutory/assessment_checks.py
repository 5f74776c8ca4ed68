"""Checks on the recorded facts of an EHC needs assessment, as plain-English form errors (spec section 1).

Why: a timeline is only as good as its facts. A date in the wrong order, an outcome without its date or an
exception that cannot apply would give wrong deadlines without anyone noticing, so each is reported in words a
caseworker can act on.
"""

from __future__ import annotations

from datetime import date

from statutory.appeals import earliest_final_plan_date
from statutory.assessment_facts import STEP_EXCEPTIONS, AssessmentFacts
from statutory.exceptions import ALL_EXCEPTION_CODES, ASSESSMENT_EXCEPTIONS, ExceptionRecord
from statutory.rules import RULES


def _d(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def validate_assessment_facts(facts: AssessmentFacts, *, today: date | None = None) -> list[str]:
    """Plain-English problems with the recorded facts, for showing as form errors.

    Checks ordering (nothing before the request, final after draft, ...), outcomes recorded without dates and
    vice versa, a final plan issued before the family's 15 days on the draft had ended (reg 13(1)(a)),
    exception records that cannot apply, and (if ``today`` is given) dates in the future.
    """
    problems: list[str] = []
    received = facts.request_received

    def before_request(label: str, day: date | None) -> None:
        if day is not None and day < received:
            problems.append(f"The {label} ({_d(day)}) is before the request was received ({_d(received)}).")

    before_request("decision whether to assess", facts.decision_to_assess)
    before_request("decision whether to issue a plan", facts.decision_to_issue)
    before_request("draft plan", facts.draft_plan_served)
    before_request("final plan", facts.final_plan_issued)
    before_request("withdrawal", facts.withdrawn_on)

    if facts.decision_to_assess is not None and facts.decided_to_assess is None:
        problems.append(
            "A date is recorded for the decision whether to assess, but not whether it was yes or no."
        )
    if facts.decided_to_assess is not None and facts.decision_to_assess is None:
        problems.append("The decision whether to assess is recorded without the date it was sent.")
    if facts.decision_to_issue is not None and facts.decided_to_issue is None:
        problems.append(
            "A date is recorded for the decision whether to issue a plan, but not whether it was yes or no."
        )
    if facts.decided_to_issue is not None and facts.decision_to_issue is None:
        problems.append("The decision whether to issue a plan is recorded without the date it was sent.")

    later_steps_recorded = any(
        (
            facts.decision_to_issue,
            facts.decided_to_issue is not None,
            facts.draft_plan_served,
            facts.final_plan_issued,
        )
    )
    if later_steps_recorded and facts.decided_to_assess is None:
        problems.append("Later steps are recorded but the decision to assess is not.")
    if facts.refused_assessment and later_steps_recorded:
        problems.append(
            "The council decided not to assess, but a decision on the plan or a plan is recorded."
        )
    if (
        facts.decision_to_assess
        and facts.decision_to_issue
        and facts.decision_to_issue < facts.decision_to_assess
    ):
        problems.append(
            f"The decision whether to issue a plan ({_d(facts.decision_to_issue)}) is before the decision to "
            f"assess ({_d(facts.decision_to_assess)})."
        )
    if (
        facts.draft_plan_served
        and facts.decision_to_assess
        and facts.draft_plan_served < facts.decision_to_assess
    ):
        problems.append(
            f"The draft plan ({_d(facts.draft_plan_served)}) was served before the decision to assess "
            f"({_d(facts.decision_to_assess)})."
        )
    if facts.decided_to_issue is False and (facts.draft_plan_served or facts.final_plan_issued):
        problems.append("The council decided not to issue a plan, but a draft or final plan is recorded.")
    if facts.decided_to_issue is None and facts.draft_plan_served:
        problems.append(
            "A draft plan is recorded but the decision to issue a plan is not "
            "(usually the date the draft was sent)."
        )
    if facts.final_plan_issued and not facts.draft_plan_served:
        problems.append(
            "A final plan is recorded without a draft plan; a draft must be served first (CFA s.38)."
        )
    if facts.final_plan_issued and facts.draft_plan_served:
        if facts.final_plan_issued < facts.draft_plan_served:
            problems.append(
                f"The final plan ({_d(facts.final_plan_issued)}) is dated before the draft plan "
                f"({_d(facts.draft_plan_served)})."
            )
        else:
            earliest = earliest_final_plan_date(facts.draft_plan_served)
            window = RULES.lookup("representations_close", facts.draft_plan_served)
            if facts.final_plan_issued < earliest:
                problems.append(
                    f"The final plan ({_d(facts.final_plan_issued)}) was issued before the family's "
                    f"{window.duration_text} to comment on the draft had ended; the earliest lawful date was "
                    f"{_d(earliest)} ({window.citation})."
                )
    if (
        facts.decision_to_issue
        and facts.draft_plan_served
        and facts.decided_to_issue
        and facts.draft_plan_served < facts.decision_to_issue
    ):
        problems.append(
            f"The draft plan ({_d(facts.draft_plan_served)}) is dated before the decision to issue a plan "
            f"({_d(facts.decision_to_issue)})."
        )
    if facts.withdrawn_on:
        for label, day in (
            ("decision whether to assess", facts.decision_to_assess),
            ("decision whether to issue a plan", facts.decision_to_issue),
            ("draft plan", facts.draft_plan_served),
            ("final plan", facts.final_plan_issued),
        ):
            if day and day > facts.withdrawn_on:
                problems.append(
                    f"The {label} ({_d(day)}) is after the request was withdrawn ({_d(facts.withdrawn_on)})."
                )

    problems.extend(_validate_exceptions(facts.exceptions, where="the assessment", advice_key=None))

    seen: set[str] = set()
    for advice in facts.advice_requests:
        name = advice.adviser or advice.key
        if advice.key in seen:
            problems.append(f"Two advice requests share the key {advice.key!r}.")
        seen.add(advice.key)
        before_request(f"request for advice from {name}", advice.requested_on)
        if advice.received_on and advice.received_on < advice.requested_on:
            problems.append(f"Advice from {name} is recorded as received before it was requested.")
        if advice.request_received_by_adviser and advice.request_received_by_adviser < advice.requested_on:
            problems.append(f"{name} is recorded as receiving the advice request before it was sent.")
        problems.extend(
            _validate_exceptions(advice.exceptions, where=f"advice from {name}", advice_key=advice.key)
        )

    seen = set()
    for consultation in facts.consultations:
        name = consultation.institution or consultation.key
        if consultation.key in seen:
            problems.append(f"Two consultations share the key {consultation.key!r}.")
        seen.add(consultation.key)
        before_request(f"consultation with {name}", consultation.sent_on)
        if consultation.responded_on and consultation.responded_on < consultation.sent_on:
            problems.append(f"The reply from {name} is dated before the consultation was sent.")

    if today is not None:
        dated = [
            facts.request_received,
            facts.decision_to_assess,
            facts.decision_to_issue,
            facts.draft_plan_served,
            facts.final_plan_issued,
            facts.withdrawn_on,
            *(a.requested_on for a in facts.advice_requests),
            *(a.received_on for a in facts.advice_requests),
            *(c.sent_on for c in facts.consultations),
            *(c.responded_on for c in facts.consultations),
        ]
        if any(day and day > today for day in dated):
            problems.append(f"Some dates are in the future (after {_d(today)}).")
    return problems


def _valid_step(code: str, advice_key: str | None) -> bool:
    family, _, key = code.partition(":")
    if family not in STEP_EXCEPTIONS:
        return False
    return not (advice_key is not None and (family != "advice" or key not in ("", advice_key)))


def _validate_exceptions(
    records: tuple[ExceptionRecord, ...], *, where: str, advice_key: str | None
) -> list[str]:
    problems: list[str] = []
    for record in records:
        if record.code not in ALL_EXCEPTION_CODES:
            problems.append(f"Exception code {record.code!r} on {where} is not one of E1-E4 or A1-A3.")
        elif advice_key is not None and record.code in ASSESSMENT_EXCEPTIONS:
            problems.append(
                f"Exception {record.code} on {where} cannot excuse late advice; advisers have their own list "
                "A1-A3 (SEND Regulations 2014, reg 8(2))."
            )
        if record.period_end < record.period_start:
            problems.append(f"Exception {record.code} on {where} ends before it starts.")
        for step in sorted(record.applies_to):
            if not _valid_step(step, advice_key):
                problems.append(
                    f"Exception {record.code} on {where} is claimed for an unknown step {step!r}."
                )
        if record.applies_to and all(
            record.code not in STEP_EXCEPTIONS[s.partition(":")[0]][0]
            for s in record.applies_to
            if s.partition(":")[0] in STEP_EXCEPTIONS
        ):
            problems.append(
                f"Exception {record.code} on {where} cannot excuse any of the steps it is claimed for."
            )
    return problems
