"""The return's bytes for a fixed set of cases: a speed-up of gather, build or the writer must not change a byte.

Why: the XML goes to the DfE, and the faster build reads rows as tuples and writes text by hand, where a slip
(a date written differently, an escape missed, an element out of order) would still look right to a reader. The
cases cover each shape of request (historical, refused, ongoing, amended, ceased, transferred in, reviewed,
escaped names); golden_return.xml holds the bytes the build made before it was made faster. The only change
since: the six mediation and tribunal items (0 on every request held here, 1 where "Refused" was mediated and
"Made"'s plan appealed), added when the disagreements and tribunal apps began recording them; nothing else moved.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from pathfinder.ceasing.models import Cessation, CessationStatus
from pathfinder.disagreements.constants import AppealableKind
from pathfinder.disagreements.models_mediation import MediationCase, MediationStatus
from pathfinder.disagreements.tests.factories import AppealableDecisionFactory
from pathfinder.people.models import ChildNeed
from pathfinder.people.tests.factories import ChildFactory
from pathfinder.plans.models import Plan, PlanKind, PlanStatus
from pathfinder.reviews.models import Review, ReviewStatus
from pathfinder.sen2.build import return_build
from pathfinder.sen2.tests.test_build import CENSUS, _case
from pathfinder.sen2.xml import schema_problems, xml_bytes
from pathfinder.transfers.models import TransferIn
from pathfinder.tribunal.tests.factories import AppealFactory

pytestmark = pytest.mark.django_db
GOLDEN = Path(__file__).parent / "golden_return.xml"


def _cases() -> None:
    child, _, plan = _case("Made", date(2026, 1, 12), assess=date(2026, 2, 16), issue=date(2026, 4, 6),
                           final=date(2026, 5, 25), needs=("ASD", "SLCN"), source="2")
    AppealFactory(decision=AppealableDecisionFactory(  # the plan's contents appealed: OtherTribunal 1
        child=child, kind=AppealableKind.PLAN_CONTENTS, sections=["F"], source_type="plans.plan",
        source_id=str(plan.pk), decided_on=date(2026, 5, 25), notice_sent=date(2026, 5, 25)),
        registered_on=date(2026, 7, 1), notified_on=date(2026, 7, 3), sections=["F"])
    _case("Historical", date(2024, 1, 8), assess=date(2024, 2, 12), issue=date(2024, 4, 2), final=date(2024, 5, 28),
          urn="10012345")
    child, assessment, _ = _case("Refused", date(2026, 3, 2), assess=date(2026, 4, 13), assessed=False, needs=())
    MediationCase.objects.create(  # the refusal to assess mediated: RequestMediation 1
        decision=AppealableDecisionFactory(child=child, source_type="assessments.assessment",
                                           source_id=str(assessment.pk), decided_on=date(2026, 4, 13),
                                           notice_sent=date(2026, 4, 13)),
        adviser_contacted=date(2026, 4, 20), wants_mediation=True, council_informed=date(2026, 4, 22),
        mediation_held=date(2026, 5, 18), status=MediationStatus.HELD)
    _case("Ongoing", date(2026, 11, 2), assess=date(2026, 12, 7))
    _case("Waiting", date(2026, 12, 14))
    _case("Late", date(2026, 1, 5), assess=date(2026, 2, 9), issue=date(2026, 5, 4), final=date(2026, 8, 3),
          exception=True)
    _case("Future", date(2027, 3, 1))
    child, _, first = _case("Amended", date(2025, 1, 6), assess=date(2025, 2, 10), issue=date(2025, 4, 1),
                            final=date(2025, 5, 20))
    first.status = PlanStatus.REPLACED
    first.save()
    Plan.objects.create(child=child, kind=PlanKind.AMENDMENT, amends=first, status=PlanStatus.FINAL,
                        issued_on=date(2026, 9, 1), first_made_on=first.first_made_on, placement_urn="10012345")
    _, _, plan = _case("Ceased", date(2024, 1, 8), assess=date(2024, 2, 12), issue=date(2024, 4, 2),
                       final=date(2024, 5, 28))
    plan.status, plan.ended_on = PlanStatus.CEASED, date(2026, 7, 31)
    plan.save()
    Cessation.objects.create(plan=plan, reason="3", legal_ground="Moved on to higher education",
                             proposed_on=date(2026, 5, 1), status=CessationStatus.CEASED, ceases_on=date(2026, 7, 31))
    child = ChildFactory(legal_last_name="Movedin", setting_urn="", setting_code="EHE")
    ChildNeed.objects.create(child=child, need_type="SEMH", rank=1)
    plan = Plan.objects.create(child=child, kind=PlanKind.TRANSFERRED_IN, status=PlanStatus.FINAL,
                               issued_on=date(2026, 3, 2), first_made_on=date(2022, 6, 1),
                               transferred_in_on=date(2026, 3, 2), placement_type="other")
    TransferIn.objects.create(child=child, plan=plan, from_la_code="886", from_la_name="Kent",
                              transferred_on=date(2026, 3, 2), notice_due_on=date(2026, 3, 30), bundle_sha256="0" * 64)
    child, _, plan = _case("Reviewed", date(2024, 1, 8), assess=date(2024, 2, 12), issue=date(2024, 4, 2),
                           final=date(2024, 5, 28))
    amendment = Plan.objects.create(child=child, kind=PlanKind.AMENDMENT, amends=plan, status=PlanStatus.DRAFT_SENT,
                                    draft_sent_on=date(2026, 5, 20), first_made_on=plan.first_made_on)
    Review.objects.create(plan=plan, status=ReviewStatus.DECIDED, started_on=date(2026, 3, 1),
                          meeting_on=date(2026, 4, 20), decision="amend", decided_on=date(2026, 5, 11),
                          amendment=amendment)
    child, _, plan = _case("Phase", date(2023, 1, 9), assess=date(2023, 2, 13), issue=date(2023, 4, 3),
                           final=date(2023, 5, 29))
    Review.objects.create(plan=plan, kind="phase_transfer", status=ReviewStatus.DECIDED, started_on=date(2026, 8, 1),
                          meeting_on=date(2026, 9, 14), decision="maintain", decided_on=date(2026, 9, 28))
    child, _, _ = _case("Quillfeather", date(2026, 2, 2))
    child.legal_last_name, child.legal_first_name = "O'Brien & <Sons>", "Ada\x0bMay"
    child.save()


def test_the_return_is_byte_for_byte_what_it_was():
    _cases()
    for number, child in enumerate(ChildFactory._meta.model.objects.order_by("legal_last_name")):
        # The factory's names and UPNs come from Faker and a counter: fixed here, so the bytes are the same.
        child.legal_first_name = child.legal_first_name if child.legal_last_name.startswith("O'") else f"Kid{number}"
        child.upn, child.preferred_name = f"A{number:012d}", ""
        child.save()
    content = xml_bytes(return_build(CENSUS, lea="999", created_at=datetime(2027, 1, 22, 9, 30, 5, tzinfo=UTC)))
    assert schema_problems(content) == []
    if not GOLDEN.exists():  # pragma: no cover - writing the golden file once
        GOLDEN.write_bytes(content)
    assert content == GOLDEN.read_bytes()
