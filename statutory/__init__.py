"""Pathfinder statutory rules: the SEND law for England as plain Python (no Django, no database, no clock).

Facts and ``today`` go in; deadlines come out, each naming the rule (citation and legislation.gov.uk link) it
comes from. Nothing here reads the current date: callers pass ``today`` so results are reproducible.

Typical use::

    from datetime import date
    from statutory import AssessmentFacts, assessment_timeline, validate_assessment_facts

    facts = AssessmentFacts(request_received=date(2026, 11, 23), decision_to_assess=date(2026, 12, 30),
                            decided_to_assess=True)
    problems = validate_assessment_facts(facts)      # plain-English form errors
    timeline = assessment_timeline(facts, today=date(2027, 1, 4))
    for deadline in timeline.deadlines:              # ordered by due date
        print(deadline.step, deadline.due, deadline.status, deadline.rule.citation)
    timeline.next_due()                              # earliest open deadline on/after today
    timeline.overdue                                 # overdue deadlines

Modules: ``rules`` (the rule book), ``deadlines`` (a deadline, its rule and status: reusable by any process),
``exceptions`` (what excuses a late step), ``assessment``/``assessment_facts``/``assessment_checks`` (the EHC
needs assessment), ``plan_content``/``plan_wording`` (what a plan must say), ``appeals``, ``people``, ``receipt``,
``timeliness``, ``calendar``, ``ceasing`` (the SEN2 reasons to cease a plan, their ground in CFA s.45-46 and
regs 29-31, and how long a plan stays in force after the decision).
``timeliness``, ``calendar``, ``transfer``.

Key rules (see ``statutory.assessment`` for the full list):

* "within N weeks of X" = X + 7N days; on time iff done on or before the due date.
* Exceptions never move a due date. A late/overdue step shows "late_exception_applies" /
  "overdue_exception_applies" only if an exception claimed for that step overlaps its period and has a causal
  note.
* Durations live in :data:`statutory.rules.RULES` with effective-from dates: a change in the law is a new row.
* Working days: :class:`WorkingDayCalendar` (England bank holidays + the council's extra closed days).
* People: compulsory school age end, national curriculum year, who makes a decision (parent, young person or
  representative) and who a notice or letter is addressed to (:func:`notice_addressees`).
* Annual reviews (CFA s.44, regs 18-21): :func:`review_timeline` on :class:`ReviewFacts` (invitations and advice at
  least 2 weeks before the meeting, report within 2 weeks after, decision within 4 weeks), :func:`review_problems`,
  and :func:`review_is_complete` (never without the meeting, the report and the decision).
* Moving to another council (reg 15): :func:`transfer_out_due` (the old council sends the plan on the day of
  the move, or within 15 working days beginning with the day it learnt of a move it heard of late) and
  :func:`transfer_in_deadlines` (the new council's 6-week notice and its first review).
* DfE-style timeliness percentages: :func:`timeliness_report`.
* Amending a plan (reg 22, reg 20(10), R (L, M, P) v Devon CC [2022] EWHC 493 (Admin)):
  :func:`amendment_timeline` on :class:`AmendmentFacts` (notice within 4 weeks of the review meeting, the
  family's 15 days, the amended plan within 8 weeks of the notice) and :func:`amendment_problems`.
* What an EHC plan must contain (reg 12, CFA s.38(5), CoP 9.69): :func:`draft_problems` on a
  :class:`PlanSnapshot`, and :func:`vague_wording`.
* The plan's life after it is issued (spec section 3): when the next review is due (:func:`review_due`, CFA
  s.44(1) and reg 15(5); :func:`early_years_review_prompt`, CoP 9.178) and phase transfers (:func:`phase_transfer`:
  the long stop before 15 February or 31 March, reg 18, and each step's latest safe date worked back from it);
  annual reviews counted the DfE's way (:func:`review_timeliness_report`).
* Re-assessment (regs 24-27): :func:`reassessment_deadlines` (decide within 15 days of the request, the final
  plan within 14 weeks of telling the family), :func:`may_refuse_as_too_soon` (reg 24(2), within 6 months of the
  last assessment) and :func:`reassessment_problems`; :func:`assessment_timeline` takes ``kind="reassessment"``.
* Disagreements (spec 6; rows in ``statutory.rules_disagreements``, each with a ``note`` giving its evidence tag:
  [V] verbatim, [S] secondary source, [R] not re-verified):

  - ``appealable``: :class:`AppealableKind` (CFA s.51(2): not to assess, not to re-assess, not to issue, plan
    contents, amended plan contents, not to amend, to cease), ``APPEALABLE_SECTIONS`` ("B", "F", "I"),
    :func:`appealable_kind_text` (plain English), :func:`appealable_rule` (citation and link),
    :func:`certificate_needed` (False only for a contents appeal about section I alone, CFA s.55) and
    :func:`appeal_problems`. Every ``*_problems`` function here returns :class:`Problem` (``field``, ``message``).
  - ``mediation`` (regs 32-42): :class:`MediationFacts`; :func:`mediation_timeline` with steps
    ``contact_adviser`` (2 months, reg 33), ``adviser_certificate`` (3 working days, reg 34), ``notify_health``
    (3 working days), ``hold_mediation`` (30 days from the council being told), ``deemed_certificate`` (3 working
    days), ``mediator_certificate`` (3 working days), ``agreement_non_appealable`` (2 weeks, reg 42(3)),
    ``health_tells_council`` (1 week, reg 42(4)); :func:`mediation_problems`; :func:`certificate_date` (the
    certificate that counts for the appeal) and :func:`mediation_appeal_by` (the last day to appeal: later of
    2 months from the notice and 1 month from the certificate, moved by HESC r.12). The August and Christmas
    rule of r.12(3) moves only the appeal deadline, never a mediation step or a reg 44/45 duty.
  - ``tribunal_orders`` (regs 44, 45): :class:`OrderKind`, :class:`DutyFacts` (``done`` by step code,
    ``decided_to_issue``, reg 44(3) ``exceptions``: T1, T2 and E1-E4), :func:`order_duties` (from the order;
    also a reg 42(2) mediation agreement, from its day), :func:`unopposed_duties` (reg 45, from the day the
    council told the Tribunal), :func:`tribunal_response_due` (30 working days [S]),
    :func:`recommendation_response_due` (5 weeks [R]) and :func:`order_problems`. Duty steps: ``cease``,
    ``continue``, ``notify_will_assess``, ``notify_no_plan``, ``final_plan``, ``draft_plan``, ``amended_plan``.
  - ``sen2_disagreements``: the SEN2 return's six mediation and tribunal flags (request, assessment, other
    stage) from plain facts: :class:`Sen2Disagreement`, :func:`sen2_disagreement_flags`, :func:`sen2_stage`;
    its docstring is the plan for writing them in ``pathfinder/sen2``.
"""

from statutory.amendments import (
    AmendmentFacts,
    amendment_comments_last_day,
    amendment_earliest_final,
    amendment_problems,
    amendment_timeline,
)
from statutory.appealable import (
    APPEALABLE_SECTIONS,
    AppealableKind,
    Problem,
    appeal_problems,
    appealable_kind_text,
    appealable_rule,
    certificate_needed,
)
from statutory.appeals import (
    AppealDates,
    appeal_dates,
    earliest_final_plan_date,
    representations_last_day,
    tribunal_last_day,
)
from statutory.assessment import (
    STEP_HELP,
    AdviceRequestFacts,
    AssessmentFacts,
    ConsultationFacts,
    Timeline,
    assessment_timeline,
)
from statutory.assessment_checks import validate_assessment_facts
from statutory.calendar import WorkingDayCalendar, add_calendar_days, add_months, add_weeks, bank_holidays
from statutory.ceasing import (
    CEASE_REASONS,
    CeaseFacts,
    CeaseProblem,
    CeaseReason,
    cease_problems,
    cease_reason,
    cease_takes_effect_on,
    end_of_academic_year_turning_25,
    plan_in_force_until,
    twenty_fifth_birthday,
)
from statutory.deadlines import (
    DONE_LATE,
    DONE_ON_TIME,
    DUE,
    LATE_EXCEPTION_APPLIES,
    NOT_APPLICABLE,
    OVERDUE,
    OVERDUE_EXCEPTION_APPLIES,
    Deadline,
    Deadlines,
    Status,
    deadline,
    deadline_status,
)
from statutory.disclosure import inspection_window_start, subject_access_due
from statutory.exceptions import (
    ADVICE_EXCEPTIONS,
    ASSESSMENT_EXCEPTIONS,
    MIN_CONTINUOUS_DAYS,
    ExceptionRecord,
    closure_window,
    continuous_days,
    exception_description,
    exception_problems,
    excusing,
)
from statutory.mediation import (
    MediationFacts,
    certificate_date,
    mediation_problems,
    mediation_timeline,
)
from statutory.mediation import appeal_by as mediation_appeal_by
from statutory.people import (
    Addressees,
    DecisionMaker,
    FamilyContact,
    age_on,
    compulsory_school_age_end,
    decision_maker,
    is_over_compulsory_school_age,
    is_year_9_or_above,
    national_curriculum_year,
    notice_addressees,
    plan_may_continue_until,
)
from statutory.phase_transfer import PhaseTransfer, SafeDate, next_transfer_year, phase_transfer, transfer_kind
from statutory.plan_content import (
    PLAN_RULES,
    NeedSnapshot,
    OutcomeSnapshot,
    PlanRule,
    PlanSnapshot,
    ProvisionSnapshot,
    draft_problems,
)
from statutory.plan_wording import highlight_parts, vague_wording
from statutory.reassessment import (
    may_refuse_as_too_soon,
    reassessment_deadlines,
    reassessment_problems,
    refusal_window_ends,
)
from statutory.receipt import RECEIPT_CITATION, Receipt, request_received_at, request_received_on
from statutory.review_clock import ReviewDue, early_years_review_prompt, review_due
from statutory.review_timeliness import ReviewCase, ReviewTimelinessReport, review_timeliness_report
from statutory.reviews import (
    ReviewFacts,
    review_covers_adulthood,
    review_is_complete,
    review_problems,
    review_step_explain,
    review_timeline,
)
from statutory.rules import RULES, Rule, RuleBook, rule_in_force
from statutory.sen2_disagreements import (
    Sen2Disagreement,
    Sen2DisagreementFlags,
    Sen2Stage,
    sen2_disagreement_flags,
    sen2_stage,
)
from statutory.subject_access import SubjectAccessClock, subject_access_clock, subject_access_may_extend
from statutory.timeliness import (
    TimelinessCase,
    TimelinessMeasure,
    TimelinessReport,
    case_from_facts,
    timeliness_report,
)
from statutory.transfer import TransferOutDue, transfer_in_deadlines, transfer_out_deadline, transfer_out_due
from statutory.tribunal_orders import (
    DutyFacts,
    OrderKind,
    order_duties,
    order_problems,
    recommendation_response_due,
    tribunal_response_due,
    unopposed_duties,
)

__all__ = [
    "APPEALABLE_SECTIONS",
    "AppealableKind",
    "Problem",
    "appeal_problems",
    "appealable_kind_text",
    "appealable_rule",
    "certificate_needed",
    "MediationFacts",
    "certificate_date",
    "mediation_appeal_by",
    "mediation_problems",
    "mediation_timeline",
    "DutyFacts",
    "OrderKind",
    "order_duties",
    "order_problems",
    "recommendation_response_due",
    "tribunal_response_due",
    "unopposed_duties",
    "Sen2Disagreement",
    "Sen2DisagreementFlags",
    "Sen2Stage",
    "sen2_disagreement_flags",
    "sen2_stage",
    "inspection_window_start",
    "subject_access_due",
    "SubjectAccessClock",
    "subject_access_clock",
    "subject_access_may_extend",
    "ReviewCase",
    "ReviewTimelinessReport",
    "review_timeliness_report",
    "PhaseTransfer",
    "ReviewDue",
    "SafeDate",
    "early_years_review_prompt",
    "next_transfer_year",
    "phase_transfer",
    "review_due",
    "transfer_kind",
    "CEASE_REASONS",
    "CeaseFacts",
    "CeaseProblem",
    "CeaseReason",
    "cease_problems",
    "cease_reason",
    "cease_takes_effect_on",
    "end_of_academic_year_turning_25",
    "plan_in_force_until",
    "twenty_fifth_birthday",
    "AmendmentFacts",
    "amendment_comments_last_day",
    "amendment_earliest_final",
    "amendment_problems",
    "amendment_timeline",
    "PLAN_RULES",
    "NeedSnapshot",
    "OutcomeSnapshot",
    "PlanRule",
    "PlanSnapshot",
    "ProvisionSnapshot",
    "draft_problems",
    "highlight_parts",
    "vague_wording",
    "MIN_CONTINUOUS_DAYS",
    "RECEIPT_CITATION",
    "Addressees",
    "AppealDates",
    "Receipt",
    "appeal_dates",
    "closure_window",
    "continuous_days",
    "deadline",
    "deadline_status",
    "earliest_final_plan_date",
    "exception_description",
    "exception_problems",
    "excusing",
    "representations_last_day",
    "request_received_at",
    "request_received_on",
    "tribunal_last_day",
    "ADVICE_EXCEPTIONS",
    "ASSESSMENT_EXCEPTIONS",
    "DONE_LATE",
    "DONE_ON_TIME",
    "DUE",
    "LATE_EXCEPTION_APPLIES",
    "NOT_APPLICABLE",
    "OVERDUE",
    "OVERDUE_EXCEPTION_APPLIES",
    "RULES",
    "STEP_HELP",
    "AdviceRequestFacts",
    "AssessmentFacts",
    "ConsultationFacts",
    "Deadline",
    "Deadlines",
    "DecisionMaker",
    "FamilyContact",
    "ExceptionRecord",
    "Rule",
    "RuleBook",
    "Status",
    "Timeline",
    "TimelinessCase",
    "TimelinessMeasure",
    "TimelinessReport",
    "WorkingDayCalendar",
    "add_calendar_days",
    "add_months",
    "add_weeks",
    "age_on",
    "assessment_timeline",
    "bank_holidays",
    "case_from_facts",
    "compulsory_school_age_end",
    "decision_maker",
    "is_over_compulsory_school_age",
    "is_year_9_or_above",
    "national_curriculum_year",
    "notice_addressees",
    "plan_may_continue_until",
    "rule_in_force",
    "ReviewFacts",
    "review_covers_adulthood",
    "review_is_complete",
    "review_problems",
    "review_step_explain",
    "review_timeline",
    "timeliness_report",
    "validate_assessment_facts",
    "TransferOutDue",
    "transfer_in_deadlines",
    "transfer_out_deadline",
    "transfer_out_due",
    "may_refuse_as_too_soon",
    "reassessment_deadlines",
    "reassessment_problems",
    "refusal_window_ends",
]
