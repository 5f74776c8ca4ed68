"""The facts of one request for an EHC needs assessment, and its steps (spec section 1.1).

Plain records of what has happened (dates are the dates the family was told), and the steps the law sets,
each with the exceptions that can excuse it. :mod:`statutory.assessment` turns the facts into a timeline and
:mod:`statutory.assessment_checks` says what is wrong with them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from statutory.exceptions import ADVICE_EXCEPTIONS, ASSESSMENT_EXCEPTIONS, ExceptionRecord
from statutory.rules import RULES


def _period(code: str) -> str:
    """The period of the rule ``code`` under the law in force now (e.g. "6 weeks"), for help text."""
    return RULES.lookup(code, date.max).duration_text


#: Step family -> (exception codes that can excuse it, where the law says so).
STEP_EXCEPTIONS: dict[str, tuple[frozenset[str], str]] = {
    "decision_to_assess": (frozenset(ASSESSMENT_EXCEPTIONS), "SEND Regulations 2014, reg 5(4)"),
    "advice": (frozenset(ADVICE_EXCEPTIONS), "SEND Regulations 2014, reg 8(2)"),
    "decision_not_to_issue": (frozenset(ASSESSMENT_EXCEPTIONS), "SEND Regulations 2014, reg 10(4)"),
    "representations_close": (frozenset(), ""),
    "consultation": (frozenset(), ""),
    "final_plan": (frozenset(ASSESSMENT_EXCEPTIONS), "SEND Regulations 2014, reg 13(3)"),
}
STEP_FAMILIES: tuple[str, ...] = tuple(STEP_EXCEPTIONS)

#: Plain-English explanation of each step family, for help text.
STEP_HELP: dict[str, str] = {
    "decision_to_assess": (
        "The council must tell the parent or young person whether it will carry out an EHC needs assessment "
        f"within {_period('decision_to_assess')} of receiving the request."
    ),
    "advice": (
        "Each person asked for advice (school, health, educational psychologist, social care, ...) must give "
        f"it within {_period('advice')} of receiving the council's request."
    ),
    "decision_not_to_issue": (
        "If, after assessing, the council decides not to issue a plan it must say so within "
        f"{_period('decision_not_to_issue')} of the request. If it decides to issue a plan this step no longer "
        "applies."
    ),
    "representations_close": (
        f"After the draft plan is served the family has at least {_period('representations_close')}, counting "
        "the day of service, to comment and ask for a school. The plan must not be finalised before the day "
        "after this date."
    ),
    "consultation": (
        "A school or college the council consults about being named should reply within "
        f"{_period('consultation')}."
    ),
    "final_plan": f"The finalised EHC plan must be sent within {_period('final_plan')} of the request.",
}


@dataclass(frozen=True)
class AdviceRequestFacts:
    """One request for advice under reg 6. The 6 weeks run from when the adviser *received* the request
    (reg 8(1)); if that is not recorded the date it was sent is used."""

    key: str
    requested_on: date
    received_on: date | None = None
    exceptions: tuple[ExceptionRecord, ...] = ()
    adviser: str = ""  # display name, e.g. "Educational psychologist"
    request_received_by_adviser: date | None = None
    #: Reg 6(1) limb ("b" = educational advice from a school or setting, which the closure exceptions need).
    kind: str = ""

    @property
    def clock_start(self) -> date:
        return self.request_received_by_adviser or self.requested_on


@dataclass(frozen=True)
class ConsultationFacts:
    """A consultation with a school or college about naming it (CFA s.39/s.40)."""

    key: str
    sent_on: date
    responded_on: date | None = None
    institution: str = ""  # display name


@dataclass(frozen=True)
class AssessmentFacts:
    """What has happened on one request for an EHC needs assessment. All dates are notification dates."""

    request_received: date
    decision_to_assess: date | None = None  # date the decision (yes or no) was notified
    decided_to_assess: bool | None = None  # True yes, False refused, None undecided
    decision_to_issue: date | None = None  # date the decision whether to issue a plan was notified
    decided_to_issue: bool | None = None
    draft_plan_served: date | None = None
    final_plan_issued: date | None = None
    exceptions: tuple[ExceptionRecord, ...] = ()
    advice_requests: tuple[AdviceRequestFacts, ...] = ()
    consultations: tuple[ConsultationFacts, ...] = ()
    withdrawn_on: date | None = None

    @property
    def issuing(self) -> bool | None:
        """Decision to issue, inferring "yes" from a draft or final plan when it was not recorded."""
        if self.decided_to_issue is not None:
            return self.decided_to_issue
        if self.draft_plan_served or self.final_plan_issued:
            return True
        return None

    @property
    def refused_assessment(self) -> bool:
        return self.decided_to_assess is False

    @property
    def decided_not_to_issue(self) -> bool:
        return self.issuing is False
