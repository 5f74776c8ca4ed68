from django.db import models

from statutory.exceptions import MIN_CONTINUOUS_TEXT as FOUR_WEEKS


class AssessmentStatus(models.TextChoices):
    """Where an EHC needs assessment stands. Allowed moves are in transitions.py."""

    REQUESTED = "requested", "Request received"
    ASSESSING = "assessing", "Assessing"
    REFUSED = "refused", "Refused to assess"
    NOT_ISSUING = "not_issuing", "Decided not to issue a plan"
    DECIDED_TO_ISSUE = "decided_to_issue", "Decided to issue a plan"
    WITHDRAWN = "withdrawn", "Withdrawn"


class AssessmentKind(models.TextChoices):
    """A first EHC needs assessment, or a re-assessment of a child who already has a plan (regs 24-27).

    A re-assessment runs on its own clocks (statutory.reassessment) and is left out of the SEN2 20-week figures.
    """

    INITIAL = "initial", "EHC needs assessment"
    REASSESSMENT = "reassessment", "Re-assessment"


# An assessment ends at the council's decision to issue a plan (or not): from then on the plan carries its own
# status. Its statutory clock still runs until the final plan is issued (reg 13(2)), so a case is open while the
# assessment is undecided, or decided to issue and no final plan has been issued yet (final_issued_on empty).
UNDECIDED_STATUSES = (AssessmentStatus.REQUESTED, AssessmentStatus.ASSESSING)
CLOSED_STATUSES = (AssessmentStatus.REFUSED, AssessmentStatus.NOT_ISSUING, AssessmentStatus.WITHDRAWN)
OPEN_STATUSES = (*UNDECIDED_STATUSES, AssessmentStatus.DECIDED_TO_ISSUE)  # open only with no final plan: see below


def open_case_q(prefix: str = "") -> models.Q:
    """The condition for an open case, for a query on assessments (or through `prefix`, e.g. "assessment__").

    Written as the two terms of the `open_cases_by_caseworker` partial index, so the database can use it.
    """
    return models.Q(**{f"{prefix}status__in": OPEN_STATUSES, f"{prefix}final_issued_on__isnull": True})


class RequestSource(models.TextChoices):
    """SEN2 RequestSource (2026)."""

    PARENT_OR_YOUNG_PERSON = "1", "Parent or young person"
    SCHOOL = "2", "School or education setting"
    HEALTH = "3", "Health professional"
    SOCIAL_CARE = "4", "Social care"
    OTHER = "5", "Other"


class ReceivedBy(models.TextChoices):
    EMAIL = "email", "Email"
    ONLINE = "online", "Online form"
    POST = "post", "Post"
    HAND = "hand", "By hand"
    PHONE = "phone", "Phone, confirmed in writing"


class AdviceKind(models.TextChoices):
    """Advice and information sought under SEND Regulations 2014 reg 6(1)."""

    PARENT_OR_YOUNG_PERSON = "a", "(a) The parent or young person"
    EDUCATIONAL = "b", "(b) Educational advice from the head teacher, principal or early years setting"
    MEDICAL = "c", "(c) Medical advice from a health care professional"
    PSYCHOLOGICAL = "d", "(d) Psychological advice from an educational psychologist"
    SOCIAL_CARE = "e", "(e) Social care advice"
    OTHER = "f", "(f) Anyone else the council thinks appropriate"
    PREPARING_FOR_ADULTHOOD = "g", "(g) Preparing for adulthood and independent living (Year 9 and above)"
    REQUESTED_BY_FAMILY = "h", "(h) Anyone the parent or young person reasonably asks for"


class ExceptionCode(models.TextChoices):
    """Exceptions to the time limits: reg 10(4) (also 5(4), 13(3)); and reg 8(2) for advisers."""

    E1 = "E1", f"School or college closed for {FOUR_WEEKS} or more when advice was asked for (reg 10(4)(a))"
    E2 = "E2", f"Early years setting closed for {FOUR_WEEKS} or more when advice was asked for (reg 10(4)(b))"
    E3 = "E3", "Exceptional personal circumstances of the child, parent or young person (reg 10(4)(c))"
    E4 = "E4", f"Away from the council's area for {FOUR_WEEKS} or more in a row (reg 10(4)(d))"
    A1 = "A1", "Adviser: exceptional circumstances affecting the child, parent or young person (reg 8(2)(a))"
    A2 = "A2", f"Adviser: away from the council's area for {FOUR_WEEKS} or more in a row (reg 8(2)(b))"
    A3 = "A3", "Adviser: an appointment for an examination or test was missed (reg 8(2)(c))"


ASSESSMENT_EXCEPTION_CODES = ("E1", "E2", "E3", "E4")
ADVICE_EXCEPTION_CODES = ("A1", "A2", "A3")
