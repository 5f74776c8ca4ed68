from __future__ import annotations

from django import forms
from django.utils import timezone

from pathfinder.accounts.models import Team
from pathfinder.core.forms import GOVUKDateField, GOVUKForm
from pathfinder.people import identifiers
from pathfinder.people.codes import ContactPreference, NeedType, SettingCode, SettingPhase, Sex


class ChildForm(GOVUKForm):
    """The child's record. Identifiers are checked here so mistakes are caught at the desk."""

    legal_first_name = forms.CharField(label="Legal first name", max_length=100)
    legal_last_name = forms.CharField(label="Legal last name", max_length=100)
    preferred_name = forms.CharField(label="Preferred name", max_length=100, required=False,
                                     help_text="What they like to be called, if different")
    date_of_birth = GOVUKDateField(label="Date of birth")
    sex = forms.ChoiceField(label="Sex", choices=Sex.choices, widget=forms.RadioSelect)
    address = forms.CharField(label="Address", widget=forms.Textarea(attrs={"rows": 3}), required=False)
    postcode = forms.CharField(label="Postcode", max_length=16, required=False)
    upn = forms.CharField(label="Unique pupil number (UPN)", max_length=16, required=False,
                          help_text="13 characters, starting with a letter")
    uln = forms.CharField(label="Unique learner number (ULN)", max_length=12, required=False)
    nhs_number = forms.CharField(label="NHS number", max_length=14, required=False, help_text="10 digits")
    setting_name = forms.CharField(label="Current school, college or setting", max_length=200, required=False)
    setting_urn = forms.CharField(label="School URN", max_length=8, required=False)
    setting_ukprn = forms.CharField(label="Provider UKPRN", max_length=10, required=False)
    setting_code = forms.ChoiceField(
        label="Other arrangement", required=False, choices=[("", "None")] + list(SettingCode.choices),
        help_text="Only if the child has no school URN or provider UKPRN",
    )
    setting_phase = forms.ChoiceField(
        label="Phase of the current school", required=False, choices=[("", "Not known")] + list(SettingPhase.choices),
        help_text="So we know who moves school next September",
    )
    primary_need = forms.ChoiceField(label="Primary need", choices=[("", "Not yet known")] + list(NeedType.choices),
                                     required=False)
    secondary_need = forms.ChoiceField(label="Secondary need", choices=[("", "None")] + list(NeedType.choices),
                                       required=False)
    communication_needs = forms.CharField(label="Communication needs", widget=forms.Textarea(attrs={"rows": 3}),
                                          required=False, help_text="How to communicate well with them")
    first_language = forms.CharField(label="First language", max_length=60, initial="English")
    team = forms.ModelChoiceField(label="Team", queryset=Team.objects.order_by("name"), empty_label=None)

    def clean_date_of_birth(self):
        dob = self.cleaned_data["date_of_birth"]
        if dob and dob > timezone.localdate():
            raise forms.ValidationError("Date of birth must be today or in the past")
        if dob and (timezone.localdate().year - dob.year) > 26:
            raise forms.ValidationError("Pathfinder is for children and young people aged 0 to 25")
        return dob

    def _identifier(self, name: str, check) -> str:
        value = identifiers.normalise(self.cleaned_data.get(name, "")).replace("-", "")
        if value and (problem := check(value)):
            raise forms.ValidationError(problem)
        return value

    def clean_upn(self) -> str:
        return self._identifier("upn", identifiers.upn_problem)

    def clean_uln(self) -> str:
        return self._identifier("uln", identifiers.uln_problem)

    def clean_nhs_number(self) -> str:
        return self._identifier("nhs_number", identifiers.nhs_number_problem)

    def clean_setting_urn(self) -> str:
        return self._identifier("setting_urn", identifiers.urn_problem)

    def clean_setting_ukprn(self) -> str:
        return self._identifier("setting_ukprn", identifiers.ukprn_problem)

    def clean_postcode(self) -> str:
        value = self.cleaned_data.get("postcode", "")
        if value and (problem := identifiers.postcode_problem(value)):
            raise forms.ValidationError(problem)
        return identifiers.normalise_postcode(value) if value else ""

    def clean(self) -> dict:
        data = super().clean()
        if data.get("setting_code") and (data.get("setting_urn") or data.get("setting_ukprn")):
            self.add_error("setting_code", "Select an other arrangement only when there is no URN or UKPRN")
        if data.get("secondary_need") and data.get("secondary_need") == data.get("primary_need"):
            self.add_error("secondary_need", "The secondary need must be different from the primary need")
        if data.get("secondary_need") and not data.get("primary_need"):
            self.add_error("primary_need", "Select the primary need before a secondary need")
        return data


class FamilyMemberForm(GOVUKForm):
    name = forms.CharField(label="Full name", max_length=200)
    relationship = forms.CharField(label="Relationship to the child", max_length=60,
                                   help_text="For example: mother, father, foster carer, grandparent")
    has_parental_responsibility = forms.BooleanField(label="Has parental responsibility", required=False)
    receives_notices = forms.BooleanField(label="Must receive letters and notices", required=False)
    email = forms.EmailField(label="Email address", required=False)
    phone = forms.CharField(label="Phone number", max_length=40, required=False)
    address = forms.CharField(label="Address", widget=forms.Textarea(attrs={"rows": 3}), required=False)
    contact_preference = forms.ChoiceField(label="How they prefer to be contacted",
                                           choices=ContactPreference.choices, widget=forms.RadioSelect)
    needs_interpreter = forms.BooleanField(label="Needs an interpreter", required=False)
    language = forms.CharField(label="Language", max_length=60, required=False)

    def clean(self) -> dict:
        data = super().clean()
        preference = data.get("contact_preference")
        if preference == ContactPreference.EMAIL and not data.get("email"):
            self.add_error("email", "Enter an email address, because they prefer email")
        if preference in (ContactPreference.PHONE, ContactPreference.TEXT) and not data.get("phone"):
            self.add_error("phone", "Enter a phone number, because they prefer phone or text")
        if preference == ContactPreference.POST and not data.get("address"):
            self.add_error("address", "Enter an address, because they prefer post")
        return data
