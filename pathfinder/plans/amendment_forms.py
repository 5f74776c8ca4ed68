"""The forms of amending a plan: propose amendments, decide not to amend, and choose two versions to compare."""

from __future__ import annotations

from django import forms

from pathfinder.core.forms import GOVUKDateField
from pathfinder.plans.forms import PlainForm, VersionedForm


class AmendmentStartForm(PlainForm):
    """Why the plan is being amended, and the review meeting it came from (its notice is due within the rule's
    weeks of that meeting, reg 20(10))."""

    error_names = {"reason": "why the plan is being amended"}

    reason = forms.CharField(label="Why is the plan being amended?", widget=forms.Textarea(attrs={"rows": 4}),
                             help_text="For example: the annual review found Sam needs more speech and language "
                                       "therapy. The family will read this.")
    review_meeting_on = GOVUKDateField(label="Date of the review meeting, if the amendment comes from a review",
                                       required=False, error_name="the date of the review meeting",
                                       help_text="Leave empty if it does not. For example, 2 11 2026")


class NotAmendForm(VersionedForm):
    """The council's decision not to amend after all (reg 22(4)): the family is told the reasons."""

    error_names = {"reasons": "why the plan will not be amended"}

    decided_on = GOVUKDateField(label="Date the family is told", error_name="the date the family is told")
    reasons = forms.CharField(label="Why will the plan not be amended?", widget=forms.Textarea(attrs={"rows": 5}),
                              help_text="The family will read this with their right to appeal.")


class CompareForm(PlainForm):
    """Two versions of the child's plan to compare (a GET form: nothing is saved)."""

    error_names = {"before": "the earlier version", "after": "the later version"}

    before = forms.TypedChoiceField(label="Earlier version", coerce=int)
    after = forms.TypedChoiceField(label="Later version", coerce=int)

    def __init__(self, *args, versions: list[tuple[int, str]], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["before"].choices = versions
        self.fields["after"].choices = versions
