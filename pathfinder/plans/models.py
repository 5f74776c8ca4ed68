from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords


class PlanStatus(models.TextChoices):
    """Where a plan stands. Moves are in plans/workflow.py.

    An amendment is a plan of its own (``kind`` amendment, ``amends`` the final plan it would change): it is a
    draft while the council prepares it, "draft sent" once the amendment notice with the proposed changes has gone
    to the family (reg 22(2)), final when the amended plan is issued (the plan it amends is then replaced), or "not
    amended" if the council decides, with reasons, not to amend after all (reg 22(4)).
    """

    DRAFT = "draft", "Draft"
    DRAFT_SENT = "draft_sent", "Draft sent to the family"
    FINAL = "final", "Final"
    REPLACED = "replaced", "Replaced by a later plan"
    STOPPED = "stopped", "Not issued: the request was withdrawn"
    NOT_AMENDED = "not_amended", "Not amended: the council decided not to make these changes"
    CEASED = "ceased", "Ceased"
    TRANSFERRED = "transferred", "Transferred to another council"


class PlanKind(models.TextChoices):
    """How the plan came to be: after an EHC needs assessment (or a re-assessment), as an amendment of the plan
    before it, transferred from another council (reg 15), or converted from a statement of SEN or a learning
    difficulty assessment under the transitional arrangements (CFA 2014 transition, to 2018)."""

    NEW = "new", "Plan after an EHC needs assessment"
    AMENDMENT = "amendment", "Amendment to the plan"
    TRANSFERRED_IN = "transferred_in", "Plan transferred from another council"
    CONVERTED = "converted", "Plan converted from a statement or learning difficulty assessment"


class ConvertedFrom(models.TextChoices):
    """What a converted plan replaced: kept so a council's legacy records say what the child had before."""

    STATEMENT = "statement", "Statement of special educational needs"
    LDA = "lda", "Learning difficulty assessment"


# A plan the council may still change as a draft (after sending it too: representations lead to changes).
EDITABLE_STATUSES = (PlanStatus.DRAFT, PlanStatus.DRAFT_SENT)
# A plan being written: at most one per child.
DRAFT_STATUSES = EDITABLE_STATUSES


class InstitutionType(models.TextChoices):
    """Institutions a parent or young person may ask to be named (CFA s.38(3)), and others."""

    MAINTAINED_SCHOOL = "maintained_school", "Maintained school"
    MAINTAINED_NURSERY = "maintained_nursery", "Maintained nursery school"
    ACADEMY = "academy", "Academy or free school"
    FE_INSTITUTION = "fe", "Further education college or sixth form college"
    NON_MAINTAINED_SPECIAL = "nmss", "Non-maintained special school"
    SECTION_41 = "s41", "Independent special school or special post-16 institution (section 41 approved)"
    OTHER_INDEPENDENT = "independent", "Other independent school (no duty to name)"
    EARLY_YEARS = "early_years", "Early years setting"
    OTHER = "other", "Other arrangement (for example education otherwise than at school)"


S38_REQUESTABLE_TYPES = (
    InstitutionType.MAINTAINED_SCHOOL,
    InstitutionType.MAINTAINED_NURSERY,
    InstitutionType.ACADEMY,
    InstitutionType.FE_INSTITUTION,
    InstitutionType.NON_MAINTAINED_SPECIAL,
    InstitutionType.SECTION_41,
)


class ProvisionSection(models.TextChoices):
    F = "F", "F: Special educational provision"
    G = "G", "G: Health provision"
    H1 = "H1", "H1: Social care provision under section 2 of the Chronically Sick and Disabled Persons Act 1970"
    H2 = "H2", "H2: Other social care provision"


class Plan(models.Model):
    """An EHC plan, sections A to K (SEND Regulations 2014 reg 12): the child's record for as long as it lasts.

    A plan belongs to the child, not to the assessment that led to it: it outlives the assessment by years
    (reviews, amendments, a move of council), and a plan brought across from another council or system has no
    assessment here. A child has at most one final plan and at most one plan being written at a time; earlier
    plans stay as history. Its status changes only through plans.workflow.
    """

    child = models.ForeignKey("people.Child", on_delete=models.PROTECT, related_name="plans")
    assessment = models.OneToOneField(
        "assessments.Assessment", null=True, blank=True, on_delete=models.PROTECT, related_name="plan",
        help_text="The EHC needs assessment that led to this plan, if it was made here",
    )
    status = models.CharField(max_length=12, choices=PlanStatus.choices, default=PlanStatus.DRAFT)
    kind = models.CharField(max_length=16, choices=PlanKind.choices, default=PlanKind.NEW)
    amends = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="amendments",
        help_text="For an amendment: the final plan it proposes to change (replaced when the amendment is issued)",
    )
    draft_sent_on = models.DateField(null=True, blank=True, help_text="The day the draft was sent to the family")
    issued_on = models.DateField(null=True, blank=True, help_text="The day the final plan was issued")
    # The review clock (CFA s.44(1)), carried from a plan to its amendments: statutory.review_clock works it out,
    # plans.clock stores it, so the council's figures are counted by the database.
    first_made_on = models.DateField(
        null=True, blank=True, help_text="The day the plan was first made (an amended plan keeps the original's)"
    )
    last_reviewed_on = models.DateField(
        null=True, blank=True, help_text="The day the council last told the family its decision after a review"
    )
    transferred_in_on = models.DateField(
        null=True, blank=True, help_text="The day the plan came from another council (reg 15), if it did"
    )
    review_due_on = models.DateField(null=True, blank=True, help_text="The last day for the next review")
    ended_on = models.DateField(
        null=True, blank=True, help_text="The day the council stopped maintaining the plan (ceased or transferred)"
    )
    # A plan converted from a statement or an LDA (kind converted): what it replaced and the day of the conversion
    # review; the review clock runs from that day (plans.clock.review_clock_converted).
    converted_from = models.CharField(max_length=10, choices=ConvertedFrom.choices, blank=True, default="",
                                      db_default="", help_text="For a converted plan: what it replaced")
    converted_on = models.DateField(null=True, blank=True,
                                    help_text="For a converted plan: the day the statement or LDA became this plan")
    # An amendment's own facts (reg 22): why it was proposed, the review meeting it came from (its notice is due
    # within 4 weeks of it, reg 20(10)), and, if the council decided not to amend after all, when and why (reg 22(4)).
    amendment_reason = models.TextField(blank=True, help_text="For an amendment: why the plan is being amended")
    review_meeting_on = models.DateField(null=True, blank=True, help_text="The review meeting the amendment came from")
    not_amended_on = models.DateField(null=True, blank=True, help_text="The day the family was told it will not be amended")
    not_amended_reasons = models.TextField(blank=True, help_text="Why the council decided not to amend the plan")
    section_a = models.TextField("A: Views, interests and aspirations", blank=True)
    section_c = models.TextField("C: Health needs related to special educational needs", blank=True)
    section_d = models.TextField("D: Social care needs", blank=True)
    placement_name = models.CharField("I: Name of school or other institution", max_length=200, blank=True)
    placement_type = models.CharField("I: Type of institution", max_length=20, choices=InstitutionType.choices, blank=True)
    placement_urn = models.CharField("I: School URN or UKPRN", max_length=8, blank=True)
    section_j = models.TextField("J: Personal budget and direct payments", blank=True)
    final_pdf = models.ForeignKey("documents.Document", null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="+", help_text="The final plan as a PDF, made by Pathfinder")
    version = models.PositiveIntegerField(default=1, help_text="Guards against two people saving at once")
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT)
    history = HistoricalRecords(excluded_fields=["updated_at", "final_pdf"])

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["child"], condition=models.Q(status="final"), name="one_final_plan_per_child"),
            models.UniqueConstraint(fields=["child"], condition=models.Q(status__in=["draft", "draft_sent"]),
                                    name="one_plan_being_written_per_child"),
        ]
        indexes = [
            models.Index(fields=["child", "status"]),
            # Reviews due and overdue across the council (manager's figures, phase transfers) at national scale.
            models.Index(fields=["status", "review_due_on"], name="plan_status_review_due"),
        ]

    def __str__(self) -> str:
        return f"{self.get_status_display()} EHC plan for {self.child}"

    @property
    def is_amendment(self) -> bool:
        return self.kind == PlanKind.AMENDMENT

    @property
    def draft_name(self) -> str:
        """What the pages call the plan while it is being written: an amendment is "the proposed amendments"."""
        return "proposed amendments" if self.is_amendment else "draft plan"

    @property
    def draft_title(self) -> str:
        return "Proposed amendments to the EHC plan" if self.is_amendment else "Draft EHC plan"

    @property
    def is_final(self) -> bool:
        return self.status == PlanStatus.FINAL

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATUSES

    @property
    def stage_label(self) -> str:
        """Where the case stands, in the words families and caseworkers read on the case and start pages."""
        return _STAGE_LABELS.get(self.status, self.get_status_display())


_STAGE_LABELS = {
    PlanStatus.DRAFT: "Writing the draft plan",
    PlanStatus.DRAFT_SENT: "Draft plan sent",
    PlanStatus.FINAL: "Final plan issued",
}


class PlanNeed(models.Model):
    """Section B: one special educational need."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="needs")
    area = models.CharField(max_length=80, help_text="For example: communication and interaction")
    description = models.TextField()
    order = models.PositiveSmallIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return f"B{self.order}: {self.area}"


class PlanOutcome(models.Model):
    """Section E: an outcome sought, linked to the needs it answers."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="outcomes")
    description = models.TextField()
    needs = models.ManyToManyField(PlanNeed, related_name="outcomes")
    preparing_for_adulthood = models.BooleanField(default=False)
    order = models.PositiveSmallIntegerField(default=1)
    history = HistoricalRecords(m2m_fields=[needs])

    class Meta:
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return f"E{self.order}"


class PlanProvision(models.Model):
    """Sections F, G, H1 and H2: what will be provided, how much, how often and by whom."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="provisions")
    section = models.CharField(max_length=2, choices=ProvisionSection.choices)
    description = models.TextField(help_text="What will be done")
    amount = models.CharField(max_length=120, blank=True, help_text="How much: for example 30 minutes")
    frequency = models.CharField(max_length=120, blank=True, help_text="How often: for example twice a week")
    provided_by = models.CharField(max_length=200, blank=True, help_text="Who, with what expertise")
    needs = models.ManyToManyField(PlanNeed, related_name="provisions")
    outcomes = models.ManyToManyField(PlanOutcome, related_name="provisions", blank=True)
    preparing_for_adulthood = models.BooleanField(default=False)
    health_commissioner_agreed = models.BooleanField(default=False, help_text="Section G: agreed by the ICB")
    health_commissioner_agreed_by = models.CharField(max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(default=1)
    from_advice = models.ForeignKey(
        "assessments.AdviceProvision", null=True, blank=True, on_delete=models.SET_NULL, related_name="plan_items",
        help_text="The advice this provision was taken from, if it was",
    )
    history = HistoricalRecords(m2m_fields=[needs, outcomes])

    class Meta:
        ordering = ["section", "order", "id"]

    def __str__(self) -> str:
        return f"{self.section}{self.order}"


class PlacementRequest(models.Model):
    """The parent's or young person's request for a particular school or college (CFA s.38(2)(b))."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="placement_requests")
    institution_name = models.CharField(max_length=200)
    institution_type = models.CharField(max_length=20, choices=InstitutionType.choices)
    institution_urn = models.CharField(max_length=8, blank=True)
    requested_on = models.DateField()
    history = HistoricalRecords()

    @property
    def must_be_considered_for_naming(self) -> bool:
        """Only s.38(3) types carry the duty to consult and name (s.39)."""
        return self.institution_type in S38_REQUESTABLE_TYPES


class Consultation(models.Model):
    """The council consults an institution before naming it; each has its own 15-day response date."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="consultations")
    institution_name = models.CharField(max_length=200)
    institution_type = models.CharField(max_length=20, choices=InstitutionType.choices)
    sent_on = models.DateField()
    responded_on = models.DateField(null=True, blank=True)
    response = models.TextField(blank=True)
    can_meet_needs = models.BooleanField(null=True)
    history = HistoricalRecords()

    class Meta:
        # Unanswered consultations: the manager's overdue counts start here rather than from every case.
        indexes = [models.Index(fields=["responded_on", "sent_on"], name="consultation_awaiting_reply")]


class CommentKind(models.TextChoices):
    """What the family's message on the draft is: a comment on one section, on the whole plan, or a meeting."""

    SECTION = "section", "Comment on a section"
    GENERAL = "general", "Comment on the whole plan"
    MEETING = "meeting", "Request for a meeting with an officer"


class CommentStatus(models.TextChoices):
    """Where a family's comment stands for the caseworker. Moves are in plans/representations.py."""

    OPEN = "open", "To deal with"
    DEALT_WITH = "dealt_with", "Dealt with"


# The sections of a plan a family may comment on (reg 12), in the order the plan shows them.
PLAN_SECTIONS = {
    "A": "A: Views, interests and aspirations", "B": "B: Special educational needs", "C": "C: Health needs",
    "D": "D: Social care needs", "E": "E: Outcomes", "F": "F: Special educational provision",
    "G": "G: Health provision", "H1": "H1: Social care provision (section 2 of the 1970 Act)",
    "H2": "H2: Other social care provision", "I": "I: School or other placement",
    "J": "J: Personal budget", "K": "K: Advice and information",
}


class Representation(models.Model):
    """A comment from the family on the draft plan (their representations, reg 13(1)(a)), read by the caseworker.

    It may be about one section (``section``), the whole plan, or a request to meet an officer (reg 13(1)(a)(ii)),
    with the times that suit the family. The caseworker's ``reply`` is shown to the family; marking it dealt with
    is a status change (plans.representations.WORKFLOW)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="representations")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    author_name = models.CharField(max_length=200, blank=True)
    kind = models.CharField(max_length=8, choices=CommentKind.choices, default=CommentKind.GENERAL)
    section = models.CharField(max_length=2, blank=True, choices=list(PLAN_SECTIONS.items()),
                               help_text="The section the comment is about; empty for the whole plan")
    text = models.TextField()
    meeting_times = models.TextField(blank=True, help_text="Meeting requests: the days and times that suit them")
    created_at = models.DateTimeField(auto_now_add=True)
    after_window_closed = models.BooleanField(
        default=False, help_text="Sent after the family's time to comment had ended (reg 13(1)(a)); kept all the same"
    )
    status = models.CharField(max_length=10, choices=CommentStatus.choices, default=CommentStatus.OPEN)
    reply = models.TextField(blank=True, help_text="The caseworker's answer, shown to the family")
    replied_at = models.DateTimeField(null=True, blank=True)
    replied_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")
    version = models.PositiveIntegerField(default=1, help_text="Guards against two people answering at once")
    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["kind", "status"], name="representation_kind_status")]

    def __str__(self) -> str:
        return f"Comment on the draft plan from {self.author_name or self.author}"

    @property
    def is_open(self) -> bool:
        return self.status == CommentStatus.OPEN

    @property
    def about(self) -> str:
        """What the comment is about, in the words the pages use."""
        if self.kind == CommentKind.MEETING:
            return "Asked for a meeting"
        return f"Section {PLAN_SECTIONS[self.section]}" if self.section else "The whole plan"


class SnapshotKind(models.TextChoices):
    DRAFT_SENT = "draft_sent", "The draft as sent to the family"


class PlanSnapshot(models.Model):
    """The plan's content (every section's text and items, as plain JSON) at a moment that matters: the draft the
    family was sent. The final plan shows what changed since (plans.changes), so nobody compares Word files."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="snapshots")
    kind = models.CharField(max_length=12, choices=SnapshotKind.choices)
    taken_on = models.DateField()
    content = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["plan", "kind"], name="one_snapshot_of_each_kind_per_plan")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.taken_on})"


# The child's own voice lives in its own module (kept under the module size limit); imported here so the app's
# models are all found at plans.models.
from pathfinder.plans.models_voice import VIEWS_QUESTIONS, ChildViews, ChildViewsFile, ViewsWhose  # noqa: E402, F401
