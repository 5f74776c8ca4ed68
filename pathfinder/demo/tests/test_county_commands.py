"""The commands that build, reset and list the demo county, each on a database that starts empty (the tests that
read a built county are in test_county.py and test_coherence.py, which build theirs once a module)."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from pathfinder.accounts.models import User
from pathfinder.demo.county import DEMO_PASSWORD, DEMO_USERS, build_county
from pathfinder.demo.pdfs import queued_pdf_plan_ids
from pathfinder.people.models import Child
from pathfinder.plans.models import Plan, PlanStatus

pytestmark = pytest.mark.django_db


def test_same_seed_same_county():
    build_county(plans=5, requests=5, seed=7, local_offer_services=10)
    first = list(Child.objects.order_by("pk").values_list("legal_last_name", "date_of_birth", "postcode"))
    from pathfinder.demo.reset import wipe_demo

    wipe_demo()
    build_county(plans=5, requests=5, seed=7, local_offer_services=10)
    again = list(Child.objects.order_by("pk").values_list("legal_last_name", "date_of_birth", "postcode"))
    assert first == again


def test_load_demo_commands():
    out = StringIO()
    call_command("load_demo", "--plans=10", "--requests=10", "--services=20", stdout=out)
    assert "Children" in out.getvalue() and Child.objects.count() == 20
    out = StringIO()
    call_command("load_demo", "--if-empty", stdout=out)
    assert "already loaded" in out.getvalue() and Child.objects.count() == 20
    call_command("load_demo", "--reset", "--plans=4", "--requests=3", "--services=20", stdout=StringIO())
    assert Child.objects.count() == 7
    assert User.objects.filter(username="caseworker").count() == 1
    out = StringIO()
    call_command("demo_sign_ins", stdout=out)
    for username, *_ in DEMO_USERS:
        assert f" {username} " in out.getvalue()
    assert DEMO_PASSWORD in out.getvalue()


def test_a_reset_leaves_no_pdf_task_for_a_plan_that_is_gone():
    call_command("load_demo", "--plans=6", "--requests=4", "--services=20", stdout=StringIO())
    old = queued_pdf_plan_ids()
    assert old
    call_command("load_demo", "--reset", "--plans=6", "--requests=4", "--services=20", stdout=StringIO())
    finals = set(Plan.objects.filter(status=PlanStatus.FINAL, final_pdf__isnull=True).values_list("pk", flat=True))
    assert queued_pdf_plan_ids() == finals


