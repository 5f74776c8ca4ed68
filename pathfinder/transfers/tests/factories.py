"""A final plan ready to move, and a plan transferred in, built as the services would build them."""

from __future__ import annotations

from datetime import date

from pathfinder.accounts.tests.factories import CaseworkerFactory
from pathfinder.people.tests.factories import FamilyMemberFactory
from pathfinder.plans.clock import review_clock_start
from pathfinder.plans.models import Plan
from pathfinder.plans.tests.factories import PlanNeedFactory, PlanOutcomeFactory, PlanProvisionFactory, complete_plan
from pathfinder.transfers import services
from pathfinder.transfers.export import transfer_bundle_bytes
from pathfinder.transfers.importing import transfer_in_import
from pathfinder.transfers.models import TransferIn, TransferOut

MADE = date(2025, 10, 6)


def final_plan(**kwargs) -> Plan:
    """A final plan with two needs, an outcome in PfA, provision in F, G and H2, section I, and a parent."""
    plan = complete_plan(status="final", issued_on=MADE, placement_name="Oakfield Primary School",
                         placement_type="maintained_school", placement_urn="999001", section_c="Asthma: inhaler.",
                         section_d="Short breaks once a month.", section_j="No personal budget asked for.", **kwargs)
    review_clock_start(plan, made_on=MADE)
    plan.save()
    need = PlanNeedFactory(plan=plan, area="Social, emotional and mental health",
                           description="Finds busy rooms overwhelming: needs a quiet space to return to.")
    outcome = PlanOutcomeFactory(plan=plan, needs=[need], preparing_for_adulthood=True,
                                 description="By July 2027, will travel to school with a friend, not an adult.")
    PlanProvisionFactory(plan=plan, section="G", needs=[need], outcomes=[outcome], health_commissioner_agreed=True,
                         health_commissioner_agreed_by="Wealdmoor ICB", description="Asthma review by the school nurse",
                         amount="30 minutes", frequency="once a term", provided_by="School nurse")
    PlanProvisionFactory(plan=plan, section="H2", needs=[need], description="Short break at Maple House",
                         amount="one overnight stay", frequency="once a month", provided_by="Maple House staff")
    FamilyMemberFactory(child=plan.child, name="Alex Parent", relationship="Father", phone="01632 960999")
    return plan


def transfer_out(plan: Plan | None = None, *, move_on=date(2026, 11, 30), aware_on=date(2026, 11, 2)) -> TransferOut:
    plan = plan or final_plan()
    user = CaseworkerFactory(team=plan.child.team)
    return services.transfer_out_record(acting_user=user, plan=plan, to_la_code="936", to_la_name="Surrey",
                                        move_on=move_on, aware_on=aware_on)


def bundle_bytes(transfer: TransferOut | None = None, on: date = date(2026, 11, 30)) -> bytes:
    return transfer_bundle_bytes(transfer or transfer_out(), generated_on=on)


def forget_child(child) -> None:
    """Make the sending council's child unrecognisable here, as if the bundle came from another database."""
    type(child).objects.filter(pk=child.pk).update(upn="", nhs_number="", uln="", legal_last_name="Elsewhere-Only")


def transfer_in(*, transferred_on=date(2026, 12, 1), team=None) -> TransferIn:
    """A plan transferred in through the real import, from a bundle made by the real export."""
    source = transfer_out()
    content = bundle_bytes(source)
    forget_child(source.child)
    user = CaseworkerFactory(team=team or source.child.team)
    return transfer_in_import(acting_user=user, bundle_file=content, team=user.team, transferred_on=transferred_on)
