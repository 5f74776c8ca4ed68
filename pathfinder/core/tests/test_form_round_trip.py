"""Every edit form survives a round trip: open a record with several values in every multi-value field, save the
page unchanged, and nothing changes. A form class with no round trip and no reason fails here.

This is the test that would have caught checkboxes rendered as radio buttons: the browser then sends one of
several needs, days or kinds of support, and the save quietly drops the rest.
"""

from __future__ import annotations

import pytest

from pathfinder.core.tests.form_registry import FORMS, dotted, project_form_classes
from pathfinder.core.tests.round_trips import ROUND_TRIPS

CLASSES = project_form_classes()


@pytest.mark.parametrize("cls", CLASSES, ids=dotted)
def test_every_form_class_has_a_round_trip_or_says_why_not(cls):
    name = dotted(cls)
    case = FORMS.get(name)
    assert case is not None, (
        f"{name} is not in pathfinder/core/tests/form_registry.py FORMS. Add FormCase(edit='<case>') with a "
        f"round trip in round_trips.ROUND_TRIPS if it edits a record, or FormCase(not_edit='<why>') if not.")
    assert bool(case.edit) != bool(case.not_edit), f"{name}: give exactly one of edit= or not_edit="
    if case.edit:
        assert case.edit in ROUND_TRIPS, f"{name}: no round trip called {case.edit!r} in round_trips.ROUND_TRIPS"


def test_every_round_trip_is_used_by_a_form():
    used = {case.edit for case in FORMS.values() if case.edit}
    assert set(ROUND_TRIPS) <= used, f"Round trips no form names: {set(ROUND_TRIPS) - used}"


@pytest.mark.django_db
@pytest.mark.parametrize("case", sorted(ROUND_TRIPS))
def test_saving_an_edit_page_unchanged_changes_nothing(client, case):
    before, after = ROUND_TRIPS[case](client)
    assert after == before
