"""Issue 10: "SEN2 XML out, into an empty database, and out again gives the same XML".

The demo county (plans in force, requests refused, assessments not issued, withdrawn and ongoing, ceased plans with
reasons, a plan transferred in, reviews with decisions, needs ranked 1 and 2, settings by URN, UKPRN and setting
code) gives the council's return; the database is emptied (``flush``: no child, plan or team left), the caseload
importer reads that XML for real, and the return for the same census day must be the same XML.

What is ignored in the comparison, and why:
- Header/Source/DateTime: when the return was made (the second is made later). Nothing else is ignored.

What SEN2 carries that Pathfinder does not keep (the known, documented losses; docs/migrating-in.md says the same):
- Ethnicity: Pathfinder records none yet, so the return always writes NOBT ("not yet obtained") and the county's
  NOBT comes back as NOBT; a council's real ethnicity codes are counted in the import's warning, not kept.
- The day of a withdrawal and of a transfer in: SEN2 gives neither (outcome W has no date; TransferLA none), so the
  importer records the latest date the return gives (or the collection year's first day), with a warning. The
  return writes them again the same way, so the round trip holds, but the day itself is an estimate.
- Everything the caseload template has no column for is listed by SEN2 item in the import's warning.
"""

from __future__ import annotations

import difflib
import re
from datetime import date

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone
from lxml import etree

from pathfinder.assessments.constants import AssessmentStatus
from pathfinder.assessments.tests.factories import AssessmentFactory
from pathfinder.caseload.models import ImportRun, ImportStatus
from pathfinder.caseload.sen2 import sen2_read
from pathfinder.caseload.services import caseload_import
from pathfinder.demo import reset
from pathfinder.demo.county import build_county
from pathfinder.people.models import Child
from pathfinder.people.tests.factories import ChildFactory
from pathfinder.plans.models import PlanStatus
from pathfinder.plans.tests.factories import PlanFactory
from pathfinder.sen2.census import next_census
from pathfinder.sen2.services import council_return
from pathfinder.sen2.xml import schema_problems, xml_bytes
from pathfinder.transfers.models import TransferIn, TransferInStatus

pytestmark = pytest.mark.django_db

#: Every situation the brief names, as the XML says it: each must be in the first return, or the test proves little.
COVERED = {
    "a plan in force": "<ActivePlans>", "a request refused": "<RequestOutcome>N<",
    "an assessment not issued": "<AssessmentOutcome>N<", "an assessment withdrawn": "<AssessmentOutcome>W<",
    "a request withdrawn": "<RequestOutcome>W<", "an assessment ongoing": "<AssessmentOutcome>A<",
    "a ceased plan with its reason": "<CeaseReason>", "a plan transferred in": "<TransferLA>",
    "a review decided": "<ReviewOutcome>", "a second need": "<SENtypeRank>2<", "a school by URN": "<URN>",
    "a provider by UKPRN": "<UKPRN>", "a setting by code": "<SENSetting>", "a historical plan": "<RequestOutcome>H<",
}


def _canonical(content: bytes) -> list[str]:
    """C14N, one element per line (for a readable diff), with the only legitimate difference blanked."""
    root = etree.fromstring(content, etree.XMLParser(remove_blank_text=True))
    for element in root.iter("DateTime"):  # when the return was made
        element.text = ""
    return etree.tostring(root, method="c14n").decode().replace("><", ">\n<").splitlines()


def _empty_database() -> None:
    """Every table emptied (flush), inside the test's transaction. PostgreSQL will not truncate a table with
    foreign-key checks still pending, so they are run first."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", interactive=False, verbosity=0)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def _the_rarer_cases(year: int) -> None:
    """A few cases the small county may or may not have (one each, made here, so the test always covers them)."""
    withdrawn = AssessmentFactory(child__legal_last_name="Quillfeather", received_on=date(year, 3, 2),
                                  status=AssessmentStatus.WITHDRAWN, withdrawn_on=date(year, 4, 6))
    Child.objects.filter(pk=withdrawn.child_id).update(upn="")  # matched on name and birth date
    AssessmentFactory(received_on=date(year, 2, 2), status=AssessmentStatus.NOT_ISSUING, decided_to_assess=True,
                      decision_to_assess_on=date(year, 3, 1), decided_to_issue=False,
                      decision_to_issue_on=date(year, 6, 1))
    AssessmentFactory(received_on=date(year, 2, 3), status=AssessmentStatus.WITHDRAWN, decided_to_assess=True,
                      decision_to_assess_on=date(year, 3, 2), withdrawn_on=date(year, 5, 1))
    at_home = ChildFactory(setting_code="EHE", setting_urn="", setting_ukprn="")
    PlanFactory(assessment__child=at_home, assessment__received_on=date(year - 2, 1, 5),
                assessment__decision_to_assess_on=date(year - 2, 2, 5),
                assessment__decision_to_issue_on=date(year - 2, 3, 5),
                assessment__final_issued_on=date(year - 2, 5, 1), status=PlanStatus.FINAL,
                issued_on=date(year - 2, 5, 1), first_made_on=date(year - 2, 5, 1), placement_type="other",
                placement_name="Elective home education")
    moved_in = ChildFactory(setting_urn="999012")
    plan = PlanFactory(assessment=None, child=moved_in, kind="transferred_in", status=PlanStatus.FINAL,
                       issued_on=date(year, 9, 1), first_made_on=date(year - 3, 4, 1),
                       transferred_in_on=date(year, 9, 1), placement_urn="999012", placement_name="Hill School",
                       placement_type="maintained_school")
    TransferIn.objects.create(child=moved_in, plan=plan, from_la_code="997", from_la_name="Another council",
                              transferred_on=date(year, 9, 1), notice_due_on=date(year, 9, 15),
                              status=TransferInStatus.NOTICE_SENT)


def test_sen2_out_into_an_empty_database_and_out_again_gives_the_same_xml():
    build_county(plans=40, requests=30, seed=5, local_offer_services=0)
    # An SEN2 return says only whether a plan has a personal budget (PB, OA, DP), not the budget, so an import
    # lists those items as not kept (docs/migrating-in.md) and the council records its budgets here: the round trip
    # is of a council with none yet. The items themselves are tested in budgets/tests/test_figures_sen2.py.
    for model in reset._BUDGETS:
        model.objects.all().delete()
    # Likewise the return says only whether mediation was held or an appeal made about a request's decisions, not
    # when or about what, so those six items are listed as not kept and the council records its disagreements here.
    with transaction.atomic():  # foreign keys are checked at commit, when every row of both apps has gone
        for label in ("tribunal", "disagreements"):
            for model in apps.get_app_config(label).get_models(include_auto_created=True):
                reset._raw_delete(model)
    census = next_census(timezone.localdate())
    _the_rarer_cases(census.year - 1)
    first = xml_bytes(council_return(census))
    assert schema_problems(first) == []
    text = first.decode()
    assert [name for name, mark in COVERED.items() if mark not in text] == [], "not covered"

    _empty_database()
    assert not Child.objects.exists()
    run = caseload_import(sen2_read(first), run=ImportRun.objects.create(
        format="sen2", source_system="sen2", file_name="return.xml", commit=True, team_name="Imported"))
    assert run.status == ImportStatus.IMPORTED, run.message
    assert run.refused == []
    assert not [p for p in run.problems if "schema" in p["reason"]]  # what Pathfinder writes is on its schema
    not_kept = next(p["reason"] for p in run.problems if p["reason"].startswith("SEN2 items Pathfinder does not"))
    # Lost: each person's NOBT (Ethnicity) and the mediation and tribunal flags (all "0" here: no disagreements).
    assert re.search(r"keep: AssessmentMediation \(\d+\), AssessmentTribunal \(\d+\), Ethnicity \(\d+\), "
                     r"OtherMediation \(\d+\), OtherTribunal \(\d+\), RequestMediation \(\d+\), "
                     r"RequestTribunal \(\d+\)$", not_kept), not_kept

    second = xml_bytes(council_return(census))
    diff = list(difflib.unified_diff(_canonical(first), _canonical(second), "first", "second", lineterm="", n=3))
    assert diff == [], "\n".join(diff[:200])
