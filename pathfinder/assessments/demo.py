"""The demo county's requests and assessments: decisions, exceptions, advice (reg 6) and the demo sign-ins' cases.

Each function is one step of the county that the demo app's county builder orchestrates. It is given the seeded random
generator, "today" and the cases drawn so far, and draws in a fixed order, so the same seed always gives the same
county. A case is a tuple (child, kind, timeline, primary need, setting, caseworker): `kind` is "plan" (a plan
made before this year) or "request" (received in the last 12 months); the timeline (the demo app's timeline.Timeline)
carries the status, the dates of each step and the due dates; the setting is where the child learns, or None.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, timedelta

import statutory
from pathfinder.accounts.models import User
from pathfinder.assessments.constants import AssessmentStatus
from pathfinder.assessments.demo_reassessment import build_reassessments  # noqa: F401  (called by the county)
from pathfinder.assessments.models import (
    AdviceNeed,
    AdviceOutcome,
    AdviceProvision,
    AdviceRequest,
    Assessment,
    AssessmentException,
)
from pathfinder.organisations.models import Membership
from pathfinder.people.demo import years_before
from pathfinder.people.models import Child, FamilyMember

AREA_FOR_NEED = {
    "ASD": "Communication and interaction",
    "SLCN": "Communication and interaction",
    "SEMH": "Social, emotional and mental health",
    "MLD": "Cognition and learning",
    "SLD": "Cognition and learning",
    "PMLD": "Cognition and learning",
    "SPLD": "Cognition and learning",
    "HI": "Sensory and/or physical",
    "VI": "Sensory and/or physical",
    "MSI": "Sensory and/or physical",
    "PD": "Sensory and/or physical",
    "DS": "Cognition and learning",
    "OTH": "Sensory and/or physical",
}

REFUSAL_REASONS = (
    "The information from school shows {name} is making progress with the support already in place from the "
    "school's own resources (SEN support). The council is not satisfied that {name} may need special educational "
    "provision through an EHC plan at this time. Ways to appeal and to request mediation are set out below.",
)

NOT_ISSUE_REASONS = (
    "The assessment found that {name}'s needs can be met from the resources normally available to mainstream "
    "schools. The school will put in place the advice from the assessment through a SEN support plan.",
)

ADVICE_FROM = (
    ("a", "{parent}", "Parent"),
    ("b", "Head teacher", "{school}"),
    ("c", "Dr {doctor}, community paediatrician", "Wealdmoor Community Health NHS Trust"),
    ("d", "Dr {ep}, educational psychologist", "Wealdmoor Educational Psychology Service"),
    ("e", "Children with Disabilities social worker", "Wealdmoor Children's Social Care"),
)


# The demo simulates each request's journey in stages; after the decision to issue, the assessment has ended
# and the plan carries the stage (plans.demo), so these three stages are one assessment status.
_AFTER_DECISION_TO_ISSUE = ("drafting", "draft_sent", "final_issued")


def assessment_status_for(stage: str) -> str:
    return AssessmentStatus.DECIDED_TO_ISSUE if stage in _AFTER_DECISION_TO_ISSUE else stage


def build_assessments(
    rng: random.Random, cases: Sequence[tuple], *, today: date, rich: bool
) -> tuple[list[Assessment], int]:
    """One assessment per case (in the order of `cases`), and an exception for some late plans.

    Returns the saved assessments and how many exceptions were recorded. `rich=False` records no exceptions for
    plans made before this year.
    """
    rows = []
    exceptions: list[AssessmentException] = []
    for child, kind, tl, need, _setting, caseworker in cases:
        due = tl.due
        a = Assessment(
            child=child, caseworker=caseworker, status=assessment_status_for(tl.status),
            request_source=rng.choices("12345", weights=(60, 28, 7, 3, 2))[0],
            requester_name="", received_by=rng.choice(("email", "email", "online", "online", "post")),
            received_on=tl.received_on,
            request_summary=(
                f"Request for an EHC needs assessment for {child.legal_first_name}: "
                f"{AREA_FOR_NEED[need].lower()} needs; progress limited despite SEN support."
            ),
            decision_to_assess_on=tl.decision_to_assess_on, decided_to_assess=tl.decided_to_assess,
            decision_to_issue_on=tl.decision_to_issue_on, decided_to_issue=tl.decided_to_issue,
            draft_served_on=tl.draft_served_on, final_issued_on=tl.final_issued_on,
            withdrawn_on=tl.withdrawn_on, **due,
        )
        if tl.status == "refused":
            a.refusal_reasons = REFUSAL_REASONS[0].format(name=child.legal_first_name)
        if tl.status == "not_issuing":
            a.not_issue_reasons = NOT_ISSUE_REASONS[0].format(name=child.legal_first_name)
        rows.append(a)
        if (rich or kind == "request") and (tl.final_issued_on or today) > due["final_plan_due_on"]:
            if tl.status in ("drafting", "draft_sent", "final_issued") and rng.random() < 0.18:
                exc = _exception(rng, a, tl, caseworker, today)
                if exc is not None:
                    exceptions.append(exc)
    Assessment.objects.bulk_create(rows, batch_size=2000)
    AssessmentException.objects.bulk_create(exceptions, batch_size=2000)
    for exc in exceptions:
        a = exc.assessment
        timeline = statutory.assessment_timeline(_facts(a, (_record(exc),)), today=today)
        final = timeline.get("final_plan")
        a.final_plan_exception_applies = bool(final and (final.exception_codes or final.exception_applies))
    Assessment.objects.bulk_update(
        [e.assessment for e in exceptions if e.assessment.final_plan_exception_applies],
        ["final_plan_exception_applies"], batch_size=2000,
    )
    return rows, len(exceptions)


def _exception(
    rng: random.Random, a: Assessment, tl, caseworker: User, today: date
) -> AssessmentException | None:
    end_of_window = tl.final_issued_on or today
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
        family_told_on=min(start + timedelta(days=rng.randint(2, 10)), today), recorded_by=caseworker,
    )


def _facts(a: Assessment, exceptions: tuple[statutory.ExceptionRecord, ...]) -> statutory.AssessmentFacts:
    return statutory.AssessmentFacts(
        request_received=a.received_on,
        decision_to_assess=a.decision_to_assess_on,
        decided_to_assess=a.decided_to_assess,
        decision_to_issue=a.decision_to_issue_on,
        decided_to_issue=a.decided_to_issue,
        draft_plan_served=a.draft_served_on,
        final_plan_issued=a.final_issued_on,
        withdrawn_on=a.withdrawn_on,
        exceptions=exceptions,
    )


def _record(exc: AssessmentException) -> statutory.ExceptionRecord:
    return statutory.ExceptionRecord(
        code=exc.code, period_start=exc.period_start, period_end=exc.period_end, causal_note=exc.causal_note,
        applies_to=frozenset([exc.applies_to]) if exc.applies_to else frozenset(),
    )


def build_advice(
    rng: random.Random, cases: Sequence[tuple], assessments: Sequence[Assessment], *, today: date, rich: bool,
    first_names: list[str], surnames: list[str],
) -> int:
    """The advice asked for once the council decided to assess (reg 6), most of it back within 6 weeks.

    `assessments` are build_assessments' rows for `cases`; `first_names` and `surnames` name the doctors and
    educational psychologists. `rich=False` asks for no advice for plans made before this year.
    """
    rows = []
    for (child, kind, tl, _need, setting, _cw), a in zip(cases, assessments, strict=True):
        if not rich and kind == "plan":
            continue
        start = tl.decision_to_assess_on
        if not tl.decided_to_assess or start is None:
            continue
        use = list(ADVICE_FROM)
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
            doctor = f"{rng.choice(first_names)} {rng.choice(surnames)}"
            rows.append(AdviceRequest(
                assessment=a, kind=code,
                adviser_name=name.format(parent=f"Parent of {child.legal_first_name}", doctor=doctor,
                                         ep=rng.choice(surnames)),
                adviser_organisation=org.format(school=setting.name if setting else "Current setting"),
                requested_on=requested, received_on=received,
                summary="Advice received and summarised in section B." if received else "",
            ))
    AdviceRequest.objects.bulk_create(rows, batch_size=5000)
    return len(rows)


def link_demo_sign_ins(demo: dict[str, User], *, today: date) -> dict[str, int]:
    """Give the demo parent, young person and adviser their cases. `demo` is the demo sign-ins by username."""
    # Parent: the parent of a child under 16 with a draft plan sent.
    parent_case = (
        Assessment.objects.filter(status=AssessmentStatus.DECIDED_TO_ISSUE, draft_served_on__isnull=False,
                                  final_issued_on__isnull=True, child__date_of_birth__gt=years_before(today, 16, 0))
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
            legal_first_name="Jordan", legal_last_name="Ellis", assessments__final_issued_on__isnull=False,
            date_of_birth__lte=years_before(today, 17, 0),
            date_of_birth__gt=years_before(today, 18, 0),
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
    return {"advice_for_adviser": len(open_ids + done_ids), "parent_links": int(parent_case is not None),
            "young_person_links": int(young is not None)}


def attach_advice_documents(demo: dict[str, User], *, today: date) -> dict[str, int]:
    """Reports behind the advice the demo sign-ins open first: the demo adviser's received advice (the second
    newest still waiting for its virus check) and the demo parent's child's advice in the demo caseworker's list (one
    refused by the check, to show what a caseworker then sees)."""
    from pathfinder.documents.demo import demo_document, report_pdf
    from pathfinder.documents.models import DocumentPurpose, DocumentStatus
    from pathfinder.documents.services import REFUSED_MESSAGE

    adviser_advice = list(AdviceRequest.objects.filter(adviser=demo["adviser"], received_on__isnull=False)
                          .select_related("assessment__child").order_by("-received_on")[:6])
    family_advice = list(AdviceRequest.objects.filter(
        received_on__isnull=False, assessment__child__family_members__user=demo["parent"],
    ).exclude(pk__in=[a.pk for a in adviser_advice]).select_related("assessment__child").order_by("pk")[:3])
    for n, advice in enumerate(adviser_advice + family_advice):
        child = advice.assessment.child
        status, reason = DocumentStatus.CLEAN, ""
        if n == 1:  # the newest stays clean: the demo adviser can still open it (their access ends after advice)
            status = DocumentStatus.SCANNING
        elif advice in family_advice and n == len(adviser_advice) + 1:
            status, reason = DocumentStatus.REFUSED, REFUSED_MESSAGE.format(signature="Eicar-Test-Signature")
        title = f"{advice.get_kind_display()}: {child.full_name}"
        lines = [f"Written by {advice.adviser_name} on {advice.received_on:%-d %B %Y}.", "", *advice.summary.split(". ")]
        advice.document = demo_document(
            child, DocumentPurpose.ADVICE, f"{advice.get_kind_display()} - {advice.received_on:%Y-%m-%d}.pdf",
            report_pdf(title, [line[:90] for line in lines[:30]]), uploaded_by=advice.adviser, status=status,
            reason=reason,
        )
        advice.save(update_fields=["document"])
    return {"advice_documents": len(adviser_advice) + len(family_advice)}


# -- advice asked of organisations (pathfinder.organisations.demo) -----------------------------------------------

#: kind of advice -> organisation key in organisations.demo.ORGANISATIONS
ORGANISATION_FOR_KIND = {"b": "school", "c": "salt", "d": "ep", "e": "social_care"}

#: Structured advice as the demo organisations write it: needs seen, outcomes, provision (what, how much, how often,
#: by whom).
STRUCTURED_ADVICE = {
    "b": (
        ("Finds it hard to follow spoken instructions of more than two steps",
         "Becomes anxious when the daily routine changes without warning"),
        ("By the end of the school year, will follow a two-step instruction in class without adult help",
         "Will move between lessons calmly, using a visual timetable"),
        (("A visual timetable at their desk, gone through at the start of each lesson", "Throughout the school day",
          "Every school day", "Class teacher"),
         ("Small-group language work on following instructions", "20 minutes", "3 times a week",
          "Teaching assistant trained by the speech and language therapist")),
    ),
    "c": (
        ("Understands fewer words than expected for their age", "Speech is hard for unfamiliar adults to understand"),
        ("Will use 3-word sentences to ask for help in class by next summer",),
        (("Direct speech and language therapy on understanding and using words", "45 minutes",
          "Once a week in term time, for 2 terms", "Speech and language therapist"),
         ("A programme for school staff to follow, reviewed by the therapist", "10 minutes", "Every school day",
          "Teaching assistant, with the speech and language therapist reviewing each half term")),
    ),
}


def advice_for_organisations(organisations: dict, *, today: date) -> dict[str, int]:
    """Send some open advice requests to the demo organisations' queues (some given to members, some waiting),
    and give structured advice on a few received ones, first on the demo parent's child's case so the demo
    caseworker can add its provision to that draft plan. No draws of the random: rows are chosen by id."""
    staff: dict[int, list] = {}
    for m in Membership.objects.filter(ends_on__isnull=True).order_by("-is_administrator", "pk"):
        staff.setdefault(m.organisation_id, []).append(m.user_id)
    queued = given = structured = 0
    for kind, key in ORGANISATION_FOR_KIND.items():
        organisation = organisations[key]
        members = staff.get(organisation.pk, [])
        ids = list(AdviceRequest.objects.filter(kind=kind, received_on__isnull=True, adviser__isnull=True,
                                                assessment__status=AssessmentStatus.ASSESSING)
                   .order_by("pk").values_list("pk", flat=True)[:8])
        for n, pk in enumerate(ids):
            assigned = members[(n // 2) % len(members)] if members and n % 2 == 0 else None  # half wait
            AdviceRequest.objects.filter(pk=pk).update(organisation=organisation, assigned_to_id=assigned,
                                                       adviser_organisation=organisation.name)
            queued += assigned is None
            given += assigned is not None
    for kind, (needs, outcomes, provisions) in STRUCTURED_ADVICE.items():
        organisation = organisations[ORGANISATION_FOR_KIND[kind]]
        received = AdviceRequest.objects.filter(kind=kind, received_on__isnull=False, adviser__isnull=True,
                                                assessment__plan__status__in=("draft", "draft_sent"))
        parents_case = list(received.filter(assessment__child__family_members__user__username="parent")
                            .values_list("pk", flat=True)[:1])
        ids = parents_case + [pk for pk in received.order_by("pk").values_list("pk", flat=True)[:4]
                              if pk not in parents_case]
        members = staff.get(organisation.pk, [None])
        AdviceRequest.objects.filter(pk__in=ids).update(organisation=organisation, assigned_to_id=members[0],
                                                        adviser_organisation=organisation.name)
        for pk in ids:
            AdviceNeed.objects.bulk_create(AdviceNeed(advice_id=pk, description=d, order=i)
                                           for i, d in enumerate(needs, 1))
            AdviceOutcome.objects.bulk_create(AdviceOutcome(advice_id=pk, description=d, order=i)
                                              for i, d in enumerate(outcomes, 1))
            AdviceProvision.objects.bulk_create(
                AdviceProvision(advice_id=pk, description=what, amount=much, frequency=often, provided_by=who, order=i)
                for i, (what, much, often, who) in enumerate(provisions, 1))
            structured += 1
    return {"advice_in_queues": queued, "advice_given_to_members": given, "structured_advice": structured}
