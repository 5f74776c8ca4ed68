from __future__ import annotations

from django import forms

from pathfinder.assessments.letters import period_text as _period
from pathfinder.core.forms import GOVUKDateField, GOVUKForm
from pathfinder.documents.forms import CheckedFileForm
from pathfinder.plans.child_views import VIEWS_FILE_KINDS
from pathfinder.plans.models import InstitutionType

SECTION_TEXT = {
    "A": ("Section A: Views, interests and aspirations",
          "In the words of the child and their parents, or the young person: what they like, what matters to them, "
          "what they hope for."),
    "C": ("Section C: Health needs related to special educational needs",
          "Write “No health needs related to special educational needs” if there are none."),
    "D": ("Section D: Social care needs",
          "Social care needs related to special educational needs or a disability. Write “No social care needs” "
          "if there are none."),
    "J": ("Section J: Personal budget and direct payments",
          "Only if there is a personal budget: what it pays for, how the money is managed, and the needs and "
          "outcomes a direct payment meets. Leave empty if there is none."),
}


class PlainForm(GOVUKForm):
    """Every message in the GOV.UK pattern ("Enter the ...", "Select the ..."), from pathfinder.core."""


class VersionedForm(PlainForm):
    version = forms.IntegerField(widget=forms.HiddenInput)


class SectionTextForm(VersionedForm):
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 10}), required=False)

    def __init__(self, *args, section: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        label, hint = SECTION_TEXT[section]
        self.fields["text"].label = label
        self.fields["text"].help_text = hint


class NeedForm(VersionedForm):
    error_names = {"description": "the description of the need"}

    area = forms.CharField(label="Area of need", max_length=80,
                           help_text="For example: communication and interaction",
                           error_messages={"required": "Enter the area of need"})
    description = forms.CharField(label="Describe the need", widget=forms.Textarea(attrs={"rows": 6}),
                                  help_text="What the child or young person finds difficult, and how it affects them",
                                  error_messages={"required": "Describe the need"})


def _choices(items) -> list[tuple[str, str]]:
    """Each need or outcome in full: a label cut short can hide the words that tell two outcomes apart."""
    return [(str(i.pk), f"{i.label}: {getattr(i, 'area', '') or i.description}") for i in items]


class OutcomeForm(VersionedForm):
    description = forms.CharField(
        label="Outcome sought", widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What the child or young person will be able to do, and by when. For example: by July 2027, "
        "Sam will read a short book aloud to an adult.",
        error_messages={"required": "Describe the outcome sought"},
    )
    needs = forms.MultipleChoiceField(label="Which needs in section B is this about?",
                                      widget=forms.CheckboxSelectMultiple,
                                      error_messages={"required": "Select the needs in section B that this outcome "
                                                                  "is about"})
    preparing_for_adulthood = forms.BooleanField(label="This outcome is about preparing for adulthood", required=False)

    def __init__(self, *args, needs, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["needs"].choices = _choices(needs)


class ProvisionForm(VersionedForm):
    error_names = {"needs": "the needs in section B that it meets", "outcomes": "the outcomes in section E that it "
                   "works towards"}

    description = forms.CharField(label="What will be provided", widget=forms.Textarea(attrs={"rows": 4}),
                                  error_messages={"required": "Describe the provision: what will be done"},
                                  help_text="Be specific: the child must be able to tell whether they got it")
    amount = forms.CharField(label="How much", max_length=120, required=False,
                             help_text="For example: 45 minutes, or 15 hours a week")
    frequency = forms.CharField(label="How often", max_length=120, required=False,
                                help_text="For example: once a week during term time")
    provided_by = forms.CharField(label="Who will provide it", max_length=200, required=False,
                                  help_text="The person's role and expertise, for example: a speech and language "
                                  "therapist")
    needs = forms.MultipleChoiceField(label="Which needs in section B does it meet?",
                                      widget=forms.CheckboxSelectMultiple, required=False)
    outcomes = forms.MultipleChoiceField(label="Which outcomes in section E does it work towards?",
                                         widget=forms.CheckboxSelectMultiple, required=False)
    preparing_for_adulthood = forms.BooleanField(label="This provision helps prepare for adulthood", required=False)
    health_commissioner_agreed = forms.BooleanField(
        label="The health commissioner (integrated care board) has agreed this provision", required=False
    )
    health_commissioner_agreed_by = forms.CharField(label="Who agreed it for the health commissioner",
                                                    max_length=200, required=False)

    def __init__(self, *args, section: str, needs, outcomes, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["needs"].choices = _choices(needs)
        self.fields["outcomes"].choices = _choices(outcomes)
        if section == "F":
            self.fields["needs"].required = True
            self.fields["needs"].error_messages["required"] = "Select the needs in section B that this provision meets"
        if section != "G":
            del self.fields["health_commissioner_agreed"]
            del self.fields["health_commissioner_agreed_by"]


class SendDraftForm(VersionedForm):
    served_on = GOVUKDateField(label="Date the draft plan is sent to the family",
                               help_text=f"Their {_period('representations_close')} to comment start on this day. "
                               "For example, 27 3 2026")


class PlacementRequestForm(PlainForm):
    institution_name = forms.CharField(label="Name of the school or college asked for", max_length=200)
    institution_type = forms.ChoiceField(label="Type of school or college", choices=InstitutionType.choices,
                                         widget=forms.RadioSelect)
    institution_urn = forms.CharField(label="URN or UKPRN", max_length=8, required=False,
                                      help_text="6 numbers for a school (URN), 8 for a college (UKPRN)")
    requested_on = GOVUKDateField(label="Date the family asked")


class ConsultationForm(PlainForm):
    institution_name = forms.CharField(label="Name of the school or college consulted", max_length=200)
    institution_type = forms.ChoiceField(label="Type of school or college", choices=InstitutionType.choices,
                                         widget=forms.RadioSelect)
    sent_on = GOVUKDateField(label="Date the consultation was sent",
                             help_text=f"It has {_period('consultation')} to reply. For example, 27 3 2026")


class ConsultationReplyForm(PlainForm):
    error_names = {"can_meet_needs": "whether the school or college says it can meet the needs"}

    error_names = {"can_meet_needs": "whether the school or college says it can meet the needs"}

    responded_on = GOVUKDateField(label="Date of the reply")
    can_meet_needs = forms.ChoiceField(
        label="Does the school or college say it can meet the needs?", widget=forms.RadioSelect,
        choices=[("yes", "Yes"), ("no", "No"), ("unclear", "It does not say")],
    )
    response = forms.CharField(label="Summary of the reply", widget=forms.Textarea(attrs={"rows": 5}))

    def clean_can_meet_needs(self) -> bool | None:
        return {"yes": True, "no": False}.get(self.cleaned_data["can_meet_needs"])


class RepresentationForm(PlainForm):
    text = forms.CharField(
        label="Your comments on the draft plan", widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Tell us what is missing or wrong, section by section if you can. You can also ask for a "
        "meeting with us.",
    )


class FinalIssueForm(VersionedForm):
    issued_on = GOVUKDateField(label="Date the final plan is issued")
    placement_type = forms.ChoiceField(label="Section I: type of school or other institution",
                                       choices=[("", "Choose a type"), *InstitutionType.choices],
                                       error_messages={"required": "Select the type of school or other "
                                                                   "institution for section I"})
    placement_name = forms.CharField(label="Section I: name of the school or other institution", max_length=200,
                                     required=False, help_text="Leave empty if the plan names only a type")
    placement_urn = forms.CharField(label="URN or UKPRN", max_length=8, required=False)


class ProvisionFromAdviceForm(VersionedForm):
    """Add a piece of provision an adviser recommended to the draft plan: only where it goes and what it meets
    are asked; the wording comes from the advice."""

    error_names = {"section": "the section it goes in", "needs": "the needs in section B that it meets"}

    section = forms.ChoiceField(label="Which section of the plan does it go in?", widget=forms.RadioSelect,
                                choices=[("F", "F: Special educational provision"), ("G", "G: Health provision"),
                                         ("H1", "H1: Social care provision (section 2 of the 1970 Act)"),
                                         ("H2", "H2: Other social care provision")])
    needs = forms.MultipleChoiceField(label="Which needs in section B does it meet?",
                                      widget=forms.CheckboxSelectMultiple, required=False,
                                      help_text="Needed for section F")

    def __init__(self, *args, needs, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["needs"].choices = _choices(needs)


# -- the family's own forms: their views, comments on a section, a meeting, a school --------------------------


class ChildViewsForm(CheckedFileForm, GOVUKForm):
    """The five questions, worded for the person answering (plans.child_views.questions). Every answer is optional
    on "Save and come back later"; finishing asks for the first one, so a half-written form is never refused."""

    checked_file_field = "file"
    checked_file_kinds = VIEWS_FILE_KINDS

    version = forms.IntegerField(widget=forms.HiddenInput)
    file = forms.FileField(label="Add a picture, recording or document (optional)", required=False)
    file_description = forms.CharField(label="What is it? (optional)", required=False, max_length=200,
                                       help_text="For example: a drawing of my family, or a voice message")

    def __init__(self, *args, questions, with_how: bool, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for question in questions:
            self.fields[question.name] = forms.CharField(
                label=question.label, help_text=question.hint, required=False,
                widget=forms.Textarea(attrs={"rows": 5}),
            )
        if with_how:
            self.fields["recorded_how"] = forms.CharField(
                label="How did you find out the child's views?", required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text="Who was there, where, and how: for example, with pictures and a talking mat at school, "
                "with their teaching assistant",
            )


class SectionCommentForm(PlainForm):
    text = forms.CharField(label="Your comments", widget=forms.Textarea(attrs={"rows": 8}),
                           help_text="Tell us what is wrong or missing, in your own words")

    def __init__(self, *args, section_title: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["text"].label = f"Your comments on section {section_title}"
        self.fields["text"].error_messages["required"] = "Enter your comments on this section"


class MeetingRequestForm(PlainForm):
    text = forms.CharField(label="What would you like to talk about?", required=False,
                           widget=forms.Textarea(attrs={"rows": 4}))
    meeting_times = forms.CharField(label="Which days and times suit you?", required=False,
                                    widget=forms.Textarea(attrs={"rows": 3}),
                                    help_text="For example: weekday mornings, or after 3pm on Tuesdays")


class FamilySchoolForm(PlainForm):
    error_names = {"institution_type": "the type of school or college"}

    institution_name = forms.CharField(label="Name of the school or college", max_length=200,
                                       error_messages={"required": "Enter the name of the school or college"})
    institution_type = forms.ChoiceField(label="What kind of school or college is it?", widget=forms.RadioSelect,
                                         choices=InstitutionType.choices,
                                         error_messages={"required": "Select the kind of school or college"})
    institution_urn = forms.CharField(label="School number (URN)", max_length=8, required=False,
                                      help_text="If you know it. It is 6 numbers, or 8 for a college")


class AnswerForm(PlainForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    reply = forms.CharField(label="Your answer to the family", required=False, widget=forms.Textarea(attrs={"rows": 6}),
                            help_text="The family reads this beside their comment. Say what you changed, or why not")
    dealt_with = forms.BooleanField(label="This comment is dealt with", required=False)
