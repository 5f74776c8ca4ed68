"""Choosing a person in a form: by their full name, with what tells two people apart, never by username.

A caseworker picking "cw00003" from a list cannot tell whom they chose; "Priya Shah (North team)" or "Dr Sam
Lee (Educational psychologist, Wealdmoor Educational Psychology Service)" they can.
"""

from __future__ import annotations

from django import forms

from pathfinder.accounts.models import User
from pathfinder.accounts.roles import Role


def person_label(user: User) -> str:
    """Full name, then job title, organisation (for advisers) and team, where they are known."""
    name = user.get_full_name() or user.username
    details = [user.job_title]
    if user.role == Role.ADVISER:
        details.append(user.organisation_name)
    if user.team_id:
        details.append(user.team.name)
    shown = [d for d in details if d]
    return f"{name} ({', '.join(shown)})" if shown else name


def people_in_role(role: str):
    """Active users with this role in name order, with their team loaded for the label."""
    return User.objects.filter(role=role, is_active=True).select_related("team").order_by("last_name", "first_name")


class PersonChoiceField(forms.ModelChoiceField):
    """A ModelChoiceField of users labelled by ``person_label``."""

    def label_from_instance(self, obj: User) -> str:
        return person_label(obj)
