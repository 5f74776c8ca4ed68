"""The review's forms: each records one act, so none edits a record in place (see core/tests/form_registry.py)."""

from __future__ import annotations

from django import forms

from pathfinder.ceasing.forms import ProposeForm
from pathfinder.core.forms import GOVUKDateField, GOVUKForm
from pathfinder.organisations.models import Organisation, OrganisationKind
from pathfinder.reviews.models import InviteeRole, ReviewKind

ON_TRACK = [("yes", "Yes, on track"), ("no", "No, not on track")]


class _Versioned(GOVUKForm):
    version = forms.IntegerField(widget=forms.HiddenInput)


class ReviewStartForm(GOVUKForm):
    error_names = {"run_by": "the school running the review"}

    kind = forms.ChoiceField(label="What kind of review is it?", choices=ReviewKind.choices,
                             widget=forms.RadioSelect, initial=ReviewKind.ANNUAL,
                             error_messages={"required": "Select the kind of review"})
    started_on = GOVUKDateField(label="Date the review started", error_name="the date the review started")
    run_by = forms.ModelChoiceField(
        label="School or setting running the meeting", required=False, queryset=Organisation.objects.none(),
        empty_label="The council runs it",
        help_text="Its SENCO can then see the child, record the meeting and send the report, until the decision")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["run_by"].queryset = Organisation.objects.filter(
            kind__in=(OrganisationKind.SCHOOL, OrganisationKind.EARLY_YEARS)).order_by("name")


class ArrangeForm(_Versioned):
    error_names = {"family_name": "the name of the parent or young person", "head_name": "the name of the head "
                   "teacher or early years provider", "sen_officer_name": "the name of the council SEN officer"}

    meeting_on = GOVUKDateField(label="Date of the meeting", error_name="the date of the meeting")
    meeting_place = forms.CharField(label="Where the meeting is", max_length=200, required=False)
    invited_on = GOVUKDateField(label="Date the invitations were sent", error_name="the date the invitations were sent")
    family_name = forms.CharField(label=InviteeRole.FAMILY.label, max_length=200)
    head_name = forms.CharField(label=InviteeRole.HEAD.label, max_length=200)
    sen_officer_name = forms.CharField(label=InviteeRole.SEN_OFFICER.label, max_length=200)
    health_name = forms.CharField(label=InviteeRole.HEALTH.label, max_length=200, required=False)
    social_care_name = forms.CharField(label=InviteeRole.SOCIAL_CARE.label, max_length=200, required=False)
    late_notice_reason = forms.CharField(
        label="If the meeting gives less notice than the law requires, why", required=False,
        widget=forms.Textarea(attrs={"rows": 3}), help_text="The review will show the notice as late")

    ROLE_FIELDS = (("family_name", InviteeRole.FAMILY), ("head_name", InviteeRole.HEAD),
                   ("sen_officer_name", InviteeRole.SEN_OFFICER), ("health_name", InviteeRole.HEALTH),
                   ("social_care_name", InviteeRole.SOCIAL_CARE))

    def invitees(self) -> list[dict]:
        data = self.cleaned_data
        return [{"role": role, "name": data[name].strip(), "invited_on": data["invited_on"]}
                for name, role in self.ROLE_FIELDS if data.get(name, "").strip()]


class AdviceForm(_Versioned):
    error_names = {"from_whom": "who the advice is from"}

    from_whom = forms.CharField(label="Who the advice is from", max_length=200,
                                help_text="For example: the speech and language therapist")
    received_on = GOVUKDateField(label="Date it was received", error_name="the date the advice was received")
    circulated_on = GOVUKDateField(label="Date it was sent to everyone invited", required=False,
                                   error_name="the date the advice was sent to everyone invited")


class MeetingForm(_Versioned):
    """Who came, and progress towards each outcome of section E (one text box and one choice per outcome)."""

    held_on = GOVUKDateField(label="Date the meeting was held", error_name="the date the meeting was held")
    attended = forms.MultipleChoiceField(label="Who came", required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, invitees=(), outcomes=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["attended"].choices = [(str(i.pk), f"{i.name} ({i.get_role_display()})") for i in invitees]
        self.outcomes = list(outcomes)
        for outcome in self.outcomes:
            self.fields[f"progress_{outcome.pk}"] = forms.CharField(
                label=f"Outcome E{outcome.order}: progress", widget=forms.Textarea(attrs={"rows": 3}),
                help_text=outcome.description, required=False)
            self.fields[f"on_track_{outcome.pk}"] = forms.ChoiceField(
                label=f"Is outcome E{outcome.order} on track?", choices=ON_TRACK, widget=forms.RadioSelect,
                error_messages={"required": f"Select whether outcome E{outcome.order} is on track"})

    def progress(self) -> dict[int, tuple[str, bool]]:
        data = self.cleaned_data
        return {o.pk: (data.get(f"progress_{o.pk}", ""), data.get(f"on_track_{o.pk}") == "yes")
                for o in self.outcomes}


class ReportForm(_Versioned):
    received_on = GOVUKDateField(label="Date the report was sent to the council",
                                 error_name="the date the report was sent")
    recommendations = forms.CharField(label="What the meeting recommends", widget=forms.Textarea(attrs={"rows": 6}),
                                      help_text="Changes to the plan it recommends, or that it should stay as it is",
                                      error_messages={"required": "Enter what the meeting recommends"})
    disagreements = forms.CharField(label="Anything people disagreed about", required=False,
                                    widget=forms.Textarea(attrs={"rows": 4}))


class DecideForm(_Versioned):
    decided_on = GOVUKDateField(label="Date the family was told", error_name="the date the family was told")
    reasons = forms.CharField(label="Reasons", required=False, widget=forms.Textarea(attrs={"rows": 4}))


class ReasonForm(_Versioned):
    """Propose amendments, propose to cease, or cancel: one reason."""

    reason = forms.CharField(label="Reason", widget=forms.Textarea(attrs={"rows": 4}),
                             error_messages={"required": "Enter the reason"})


class CeaseProposeForm(ProposeForm):
    """Propose to cease from a review: the ceasing domain's own questions (the reason the law allows, education or
    training), with the review's version so a stale page changes nothing."""

    version = forms.IntegerField(widget=forms.HiddenInput)
