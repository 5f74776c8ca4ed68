from __future__ import annotations

import re

from django import forms
from django.contrib.auth import authenticate
from django.http import HttpRequest

from pathfinder.core.forms import GOVUKForm


class SignInForm(GOVUKForm):
    username = forms.CharField(
        label="Username", max_length=150, error_messages={"required": "Enter your username"},
        widget=forms.TextInput(attrs={"autocomplete": "username", "spellcheck": "false"}),
    )
    password = forms.CharField(
        label="Password", widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}), strip=False,
        error_messages={"required": "Enter your password"},
    )

    def __init__(self, request: HttpRequest, *args, **kwargs) -> None:
        self.request = request
        self.user = None
        super().__init__(*args, **kwargs)

    def clean(self) -> dict:
        data = super().clean()
        if self.errors:
            return data
        self.user = authenticate(self.request, username=data.get("username"), password=data.get("password"))
        if self.user is None or not self.user.is_active:
            # The same words whether the username or the password was wrong: no account enumeration.
            raise forms.ValidationError("Enter a correct username and password")
        return data


class VerifyForm(GOVUKForm):
    code = forms.CharField(
        label="Security code", max_length=8, help_text="The 6-digit code from your authenticator app",
        error_messages={"required": "Enter the security code", "max_length": "Enter the 6-digit security code"},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def clean_code(self) -> str:
        """A mistyped length is a typing slip, not a wrong guess: it is not checked, so it does not slow the user."""
        code = re.sub(r"[\s-]", "", self.cleaned_data["code"])
        if not re.fullmatch(r"\d{6}", code):
            raise forms.ValidationError("Enter the 6-digit security code from your authenticator app")
        return code
