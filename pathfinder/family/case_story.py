"""The family's view of their case, in plain words: what has happened, what happens next and by when, whom to
contact, and who else can see the case.

Every date comes from the statutory timeline (assessments.facts.assessment_timeline_for), never from a period
written here; this module only says each step the way a family would: "We must tell you by 3 March 2027 whether
we will assess Sam." Sentences are short on purpose: a test measures their reading age (tests/test_reading_age).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from pathfinder.accounts.roles import Role
from pathfinder.assessments.constants import AdviceKind
from pathfinder.assessments.facts import assessment_timeline_for
from pathfinder.assessments.models import Assessment
from pathfinder.people.codes import InvolvementCapacity
from pathfinder.people.involvements import involvements_active
from pathfinder.people.models import Child
from pathfinder.plans.family import Contact, caseworker_contact

ADVICE_WORDS = {
    "a": "your views", "b": "the school or nursery", "c": "a doctor or nurse", "d": "an educational psychologist",
    "e": "social care", "f": "another professional", "g": "someone about growing up and adult life",
    "h": "someone you asked us to ask",
}


LATE_WORDS = (("We must tell you by", "We should have told you by"), ("We must get", "We should have got"),
              ("we must tell you by", "we should have told you by"), ("We must send you", "We should have sent you"),
              ("must reply by", "should have replied by"))


def _day(d: date) -> str:
    return f"{d.day} {d:%B %Y}"


@dataclass(frozen=True)
class Event:
    """One thing that has happened (with its date) or will happen (by its date)."""

    on: date
    text: str
    late: bool = False


@dataclass(frozen=True)
class CaseStory:
    child: Child
    assessment: Assessment | None
    happened: list[Event] = field(default_factory=list)
    next_steps: list[Event] = field(default_factory=list)
    contact: Contact | None = None
    who_else: list[str] = field(default_factory=list)
    rights_note: str = ""

    @property
    def first_next(self) -> Event | None:
        return self.next_steps[0] if self.next_steps else None


def _names(child: Child, viewer_role: str) -> tuple[str, str]:
    """How to name the child in a sentence: 'you' for the young person, their first name for a parent."""
    if viewer_role == Role.YOUNG_PERSON:
        return "you", "your"
    first = child.preferred_name or child.legal_first_name
    return first, f"{first}'s"


def _advice_who(assessment: Assessment, key: str) -> str:
    advice = next((a for a in assessment.advice_requests.all() if str(a.pk) == key), None)
    if advice is None:
        return "a professional"
    return advice.adviser_organisation or ADVICE_WORDS.get(advice.kind, "a professional")


def _happened(assessment: Assessment, name: str) -> list[Event]:
    a = assessment
    again = " again" if a.kind == "reassessment" else ""  # a re-assessment of a child with a plan (regs 24 to 27)
    events = [Event(a.received_on, f"We got the request to assess {name}{again}.")]
    if a.decision_to_assess_on:
        events.append(Event(a.decision_to_assess_on, f"We decided to assess {name}{again}." if a.decided_to_assess
                            else f"We decided not to assess {name}{again}. We wrote to tell you why."))
    for advice in a.advice_requests.all():
        if advice.kind == AdviceKind.PARENT_OR_YOUNG_PERSON:  # the family's own advice and views (reg 6(1)(a))
            if advice.requested_on:
                events.append(Event(advice.requested_on, "We asked you for your views and advice."))
            if advice.received_on:
                events.append(Event(advice.received_on, "We got your views and advice."))
            continue
        who = advice.adviser_organisation or ADVICE_WORDS.get(advice.kind, "a professional")
        if advice.requested_on:
            events.append(Event(advice.requested_on, f"We asked {who} for advice."))
        if advice.received_on:
            events.append(Event(advice.received_on, f"We got advice from {who}."))
    new = " new" if again else ""
    if a.decision_to_issue_on:
        events.append(Event(a.decision_to_issue_on, f"We decided to write a{new} EHC plan." if a.decided_to_issue
                            else f"We decided not to write a{new} EHC plan. We wrote to tell you why."))
    if a.draft_served_on:
        events.append(Event(a.draft_served_on, f"We sent you the{new} draft EHC plan to read."))
    if a.final_issued_on:
        events.append(Event(a.final_issued_on, f"We sent you the{new} final EHC plan."))
    if a.withdrawn_on:
        events.append(Event(a.withdrawn_on, "The request was stopped."))
    return sorted(events, key=lambda e: e.on)


def _next_sentence(step: str, due: date, assessment: Assessment, name: str) -> str:
    kind, _, key = step.partition(":")
    when = _day(due)
    if kind == "decision_to_assess":
        again = " again" if assessment.kind == "reassessment" else ""
        return f"We must tell you by {when} whether we will assess {name}{again}."
    if kind == "advice":
        return f"We must get advice from {_advice_who(assessment, key)} by {when}."
    if kind == "decision_not_to_issue":
        return f"If we decide not to write a plan, we must tell you by {when}."
    if kind == "representations_close":
        return f"You have until {when} to comment on the draft plan."
    if kind == "consultation":
        return f"The school or college we asked must reply by {when}."
    if kind == "final_plan":
        return f"We must send you the final plan by {when}."
    return f"The next step is due by {when}."


def _next_steps(assessment: Assessment, name: str, today: date) -> list[Event]:
    timeline = assessment_timeline_for(assessment, today=today)
    steps = []
    for deadline in timeline.applicable:
        if deadline.completed_on is not None:
            continue
        text = _next_sentence(deadline.step, deadline.due, assessment, name)
        if deadline.is_overdue:  # a date gone by is not written as if it were still ahead
            for now, then in LATE_WORDS:
                text = text.replace(now, then)
        steps.append(Event(deadline.due, text, late=deadline.is_overdue))
    return sorted(steps, key=lambda e: e.on)


def _who_else(child: Child, viewer, today: date) -> list[str]:
    """Who can see the case today, by role and organisation: never another person's contact details."""
    seen: list[str] = []
    rows = involvements_active(today).filter(child=child).select_related("team", "user", "organisation")
    for row in rows.order_by("capacity", "pk"):
        if row.user_id == viewer.pk:
            continue
        if row.capacity == InvolvementCapacity.TEAM and row.team_id:
            text = f"The council's SEND caseworkers in the {row.team.name} team"
        elif row.capacity == InvolvementCapacity.ADVISER and row.organisation_id:
            text = f"{row.organisation.name} (while it gives advice)"
        elif row.capacity == InvolvementCapacity.ADVISER and row.user_id:
            job = row.user.job_title or "An adviser"
            text = f"{job}, {row.user.organisation_name}" if row.user.organisation_name else job
            text += " (while they give advice)"
        elif row.capacity == InvolvementCapacity.PARENT and row.user_id:
            member = child.family_members.filter(user_id=row.user_id).first()
            text = f"A {member.relationship.lower()} in the family" if member else "A parent or carer"
        elif row.capacity == InvolvementCapacity.YOUNG_PERSON:
            text = f"{child.preferred_name or child.legal_first_name}, the young person"
        else:
            text = row.get_capacity_display()
        if text not in seen:
            seen.append(text)
    return seen


def case_story(child: Child, viewer, today: date) -> CaseStory:
    """Everything the family's case page says about one child, for the person looking (parent or young person)."""
    name, _ = _names(child, viewer.role)
    assessment = (child.assessments.select_related("caseworker", "plan").prefetch_related("advice_requests")
                  .order_by("-received_on", "-pk").first())
    rights_note = ""
    if viewer.role == Role.PARENT:
        maker = child.decision_maker(today)
        if maker.who == "young_person":
            rights_note = (f"{name} is now old enough to make their own choices. You can see the case because "
                           f"{name} said yes. {name} can change this at any time.")
    if assessment is None:
        return CaseStory(child=child, assessment=None, who_else=_who_else(child, viewer, today),
                         rights_note=rights_note)
    return CaseStory(
        child=child, assessment=assessment, happened=_happened(assessment, name),
        next_steps=_next_steps(assessment, name, today), contact=caseworker_contact(assessment),
        who_else=_who_else(child, viewer, today), rights_note=rights_note,
    )
