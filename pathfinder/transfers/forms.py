"""The forms of a move between councils, in the GOV.UK pattern (pathfinder.core.forms)."""

from __future__ import annotations

from django import forms

from pathfinder.accounts.models import Team
from pathfinder.core.forms import GOVUKDateField, GOVUKForm

YES_NO = (("yes", "Yes"), ("no", "No"))


class TransferOutForm(GOVUKForm):
    error_names = {"to_la_code": "the new council's LA code", "to_la_name": "the name of the new council"}

    to_la_name = forms.CharField(label="Council the family is moving to", max_length=120,
                                 help_text="For example: Surrey County Council")
    to_la_code = forms.CharField(label="Its LA code", max_length=3, help_text="3 numbers, for example 936",
                                 widget=forms.TextInput(attrs={"inputmode": "numeric"}))
    move_on = GOVUKDateField(label="Date the family moves", error_name="the date the family moves")
    aware_on = GOVUKDateField(label="Date we learnt of the move", error_name="the date we learnt of the move")


class TransferSendForm(GOVUKForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    on = GOVUKDateField(label="Date the plan is sent", error_name="the date the plan is sent")


class TransferImportForm(GOVUKForm):
    error_names = {"bundle_file": "the transfer bundle"}

    bundle_file = forms.FileField(label="The transfer bundle (a ZIP file)",
                                  help_text="The file the old council sent, ending in .zip")
    transferred_on = GOVUKDateField(label="Date the plan was transferred to us",
                                    error_name="the date the plan was transferred to us",
                                    help_text="Usually the day we received it. For example, 27 3 2026")
    team = forms.ModelChoiceField(label="Team", queryset=Team.objects.none(), empty_label="Choose a team",
                                  error_messages={"required": "Select the team"})

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = Team.objects.order_by("name")


class TransferNoticeForm(GOVUKForm):
    error_names = {"will_assess": "whether we will make an EHC needs assessment"}

    version = forms.IntegerField(widget=forms.HiddenInput)
    will_assess = forms.ChoiceField(label="Will we make an EHC needs assessment?", choices=YES_NO,
                                    widget=forms.RadioSelect,
                                    error_messages={"required": "Select whether we will make an EHC needs assessment"})
    review_on = GOVUKDateField(label="Date we will review the plan by", error_name="the date we will review the plan by")
    on = GOVUKDateField(label="Date we tell the family", error_name="the date we tell the family")


class TransferWithdrawForm(GOVUKForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
