"""The child's own voice (section A, reg 12(1)(a)): models kept apart from the plan's own, because they belong to
the child and are gathered before any plan exists. Imported by ``plans.models`` so Django finds them there."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords


class ViewsWhose(models.TextChoices):
    """Whose views a record holds (section A, reg 12(1)(a)): each is kept apart, in its own words."""

    PARENT = "parent", "The parent's or carer's views"
    YOUNG_PERSON = "young_person", "The young person's own views"
    CHILD = "child", "The child's views, recorded with the child by a professional"


class ChildViews(models.Model):
    """The child's own voice: views, interests and aspirations, written by the family (or recorded with the child).

    Kept on the child, not the plan: they are gathered during the assessment (reg 6(1)(a)), before any plan exists,
    and the caseworker copies them into section A. Saved as the family goes (every field on every save), with a
    version so two people saving at once never overwrite each other silently.

    Pictures, recordings and documents sent with the views hang off it (``files``: ChildViewsFile rows), each a
    document of the one documents component (virus-checked, opened only through its audited download).
    """

    child = models.ForeignKey("people.Child", on_delete=models.PROTECT, related_name="views_records")
    whose = models.CharField(max_length=12, choices=ViewsWhose.choices)
    important = models.TextField("What is important", blank=True)
    enjoys = models.TextField("What they enjoy and are good at", blank=True)
    hard = models.TextField("What is hard", blank=True)
    future = models.TextField("What they would like to happen in the future", blank=True)
    helped = models.TextField("How they like to be helped", blank=True)
    recorded_how = models.TextField(blank=True, help_text="The child's views: how they were gathered, and where")
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")
    version = models.PositiveIntegerField(default=1, help_text="Guards against two people saving at once")
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        constraints = [models.UniqueConstraint(fields=["child", "whose"], name="one_views_record_per_child_and_whose")]

    def __str__(self) -> str:
        return f"{self.get_whose_display()} for {self.child}"

    @property
    def is_started(self) -> bool:
        return any(getattr(self, name).strip() for name in VIEWS_QUESTIONS)


class ChildViewsFile(models.Model):
    """A picture, recording or document sent with the child's views: the child's drawing, a voice message, a
    one-page profile. The file itself is a documents.Document (purpose "child_views"); this row says whose views
    it belongs to, so the same people who may read those views may open it (plans.plan_documents)."""

    views = models.ForeignKey(ChildViews, on_delete=models.CASCADE, related_name="files")
    document = models.OneToOneField("documents.Document", on_delete=models.PROTECT, related_name="+")
    description = models.CharField(max_length=200, blank=True, help_text="What it shows or says, in a few words")
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["added_at", "pk"]

    def __str__(self) -> str:
        return f"{self.document.original_name} ({self.views})"


# The questions in the order the form asks them (the labels are worded per person in plans.child_views).
VIEWS_QUESTIONS = ("important", "enjoys", "hard", "future", "helped")
