"""People are chosen by full name (with job, organisation and team), never by username, in every form."""

from __future__ import annotations

import pytest

from pathfinder.accounts.choices import person_label
from pathfinder.accounts.tests.factories import AdviserFactory, CaseworkerFactory, TeamFactory
from pathfinder.assessments.forms import AdviceRequestForm, RequestForm

pytestmark = pytest.mark.django_db


def test_labels_name_the_person_and_what_tells_them_apart():
    north = TeamFactory(name="North team")
    assert person_label(CaseworkerFactory(username="cw00003", first_name="Priya", last_name="Shah", team=north)) == (
        "Priya Shah (North team)")
    adviser = AdviserFactory(username="ad00001", first_name="Sam", last_name="Lee")
    assert person_label(adviser) == ("Sam Lee (Educational psychologist, Wealdmoor Educational Psychology Service)")
    assert person_label(CaseworkerFactory(username="cw9", first_name="", last_name="", team=None)) == "cw9"


def test_caseworker_choice_on_the_request_form():
    north = TeamFactory(name="North team")
    CaseworkerFactory(username="cw00003", first_name="Priya", last_name="Shah", team=north)
    CaseworkerFactory(username="cw00004", first_name="Ade", last_name="Adeyemi", team=north)
    labels = [label for value, label in RequestForm(team=north).fields["caseworker"].choices if value]
    assert labels == ["Ade Adeyemi (North team)", "Priya Shah (North team)"]


def test_adviser_choice_on_the_advice_request_form():
    AdviserFactory(username="ad00001", first_name="Sam", last_name="Lee", job_title="Speech and language therapist",
                   organisation_name="Wealdmoor Community Health")
    form = AdviceRequestForm(kinds=[("b", "Educational advice")])
    labels = [label for value, label in form.fields["adviser"].choices if value]
    assert labels == ["Sam Lee (Speech and language therapist, Wealdmoor Community Health)"]
    assert "ad00001" not in str(form["adviser"])


def test_any_other_list_of_users_shows_the_name_first():
    """The admin's own user pickers use str(user)."""
    assert str(CaseworkerFactory(username="cw00003", first_name="Priya", last_name="Shah")) == "Priya Shah (cw00003)"
    assert str(CaseworkerFactory(username="cw9", first_name="", last_name="")) == "cw9"
