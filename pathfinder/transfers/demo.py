"""Demo rows for moves between councils: two plans moving away (one sent, one to send this week) and two plans
transferred to us (one whose family is still to be told, one told), on the demo caseworker's team.

Why through the services: four moves are cheap, and the services keep everything a move touches in step (the
plan's status and end date, the bundle's checksum, the imported child's involvements, the review clock). The
dates come from statutory.transfer, so the demo agrees with reg 15.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

import statutory
from pathfinder.people.demo import nhs_for
from pathfinder.people.identifiers import upn_check_letter
from pathfinder.plans.models import Plan, PlanKind, PlanStatus
from pathfinder.transfers import services
from pathfinder.transfers.bundle import BundleRefused, bundle_zip
from pathfinder.transfers.export import bundle_content
from pathfinder.transfers.importing import transfer_in_import
from pathfinder.transfers.models import TransferOut

NEW_COUNCILS = (("936", "Surrey County Council"), ("850", "Hampshire County Council"))
OLD_COUNCILS = (("998", "Northmere Borough Council"), ("997", "Easterby City Council"))
INCOMING = (("Maya", "Okonkwo", "F"), ("Theo", "Lindqvist", "M"))
# A one-page PDF standing in for the old council's own plan PDF (the demo has no other council's files).
PLACEHOLDER_PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>"
                   b"endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n"
                   b"%%EOF\n")


def _short_notice(today: date) -> tuple[date, date]:
    """A move in 3 days that we learnt of late, so the plan must be sent within the coming week."""
    move_on = today + timedelta(days=3)
    for back in range(10, 40):
        aware_on = today - timedelta(days=back)
        found = statutory.transfer_out_due(move_on, aware_on)
        if found.late_notice and today <= found.due <= today + timedelta(days=6):
            return move_on, aware_on
    return move_on, today - timedelta(days=12)


def build_transfers(rng: random.Random, *, today: date, demo: dict) -> dict[str, int]:
    # A generator of our own, seeded from the county's without drawing from it: the rows built after these stay
    # the same whether or not moves are built.
    rng = random.Random(hash(rng.getstate()))
    caseworker = demo.get("caseworker")
    if caseworker is None or caseworker.team_id is None:
        return {"moves_away": 0, "moves_here": 0}
    finals = list(Plan.objects.filter(status=PlanStatus.FINAL, kind=PlanKind.NEW, child__team_id=caseworker.team_id,
                                      child__user__isnull=True, issued_on__lte=today - timedelta(days=200))
                  .exclude(child__family_members__user__isnull=False)
                  .select_related("child").order_by("pk")[:40])
    rng.shuffle(finals)
    away = 0
    # Sent: moved 3 weeks ago, heard well before, sent on the day of the move (reg 15(2)).
    if finals:
        moved = today - timedelta(days=21)
        sent = services.transfer_out_record(acting_user=caseworker, plan=finals.pop(), to_la_code=NEW_COUNCILS[0][0],
                                            to_la_name=NEW_COUNCILS[0][1], move_on=moved,
                                            aware_on=moved - timedelta(days=33))
        services.transfer_out_send(acting_user=caseworker, transfer=sent, on=sent.due_on,
                                   expected_version=sent.version)
        away += 1
    if finals:
        move_on, aware_on = _short_notice(today)
        services.transfer_out_record(acting_user=caseworker, plan=finals.pop(), to_la_code=NEW_COUNCILS[1][0],
                                     to_la_name=NEW_COUNCILS[1][1], move_on=move_on, aware_on=aware_on)
        away += 1
    here = 0
    for i, (days_ago, told_after) in enumerate(((9, None), (55, 24))):
        if not finals:
            break
        if _import_one(rng, finals.pop(), i, caseworker, today - timedelta(days=days_ago), told_after):
            here += 1
    return {"moves_away": away, "moves_here": here}


def _renamed(value, old_names: set[str], new: str):
    """The plan's words about the child, with the child's new first name."""
    if isinstance(value, str):
        for old in old_names:
            value = value.replace(old, new)
        return value
    if isinstance(value, list):
        return [_renamed(v, old_names, new) for v in value]
    if isinstance(value, dict):
        return {k: (v if k in ("child", "family") else _renamed(v, old_names, new)) for k, v in value.items()}
    return value


def _import_one(rng: random.Random, source: Plan, i: int, caseworker, transferred_on: date,
                told_after: int | None) -> bool:
    """A plan from another council: a demo plan's content, for a child of that council (new name and numbers)."""
    unsaved = TransferOut(plan=source, child=source.child, to_la_code="999", to_la_name="Wealdmoor County Council",
                          move_on=transferred_on - timedelta(days=2), aware_on=transferred_on - timedelta(days=31),
                          due_on=transferred_on)
    code, name = OLD_COUNCILS[i]
    first, last, sex = INCOMING[i]
    old_names = {source.child.preferred_name, source.child.legal_first_name} - {""}
    bundle = _renamed(bundle_content(unsaved, generated_on=transferred_on), old_names, first)
    # LA code 999 in the UPN, as every demo UPN: no real council's numbers, even for a child "from" a real one.
    body = f"999{rng.randint(1000, 9999):04d}{rng.randint(10, 20):02d}{rng.randint(0, 999):03d}"
    bundle["sending_council"] = {"la_code": code, "name": name, "contacts": {"send_team": {
        "name": f"{name} SEND Team", "phone": f"01632 9604{i}0", "email": f"send@{last.lower()}-council.example.org",
        "web": "https://www.example.org/send"}}}
    bundle["child"].update(legal_first_name=first, legal_last_name=last, preferred_name="", sex=sex,
                           upn=upn_check_letter(body) + body, uln="", nhs_number=nhs_for(987_000 + i),
                           # their new home in Wealdmoor: another house in a demo street
                           address=f"{20 + 7 * i} {source.child.address.split(' ', 1)[-1]}",
                           postcode=source.child.postcode)
    bundle["family"] = [{**member, "name": f"{member['name'].split()[0]} {last}", "phone": "", "address": "",
                         "postcode": "", "contact_preference": "email",
                         "email": f"{member['name'].split()[0].lower()}.{last.lower()}@example.org"}
                        for member in bundle["family"][:1]]
    try:
        transfer = transfer_in_import(acting_user=caseworker, bundle_file=bundle_zip(bundle, {"plan.pdf": PLACEHOLDER_PDF}),
                                      team=caseworker.team, transferred_on=transferred_on)
    except BundleRefused:
        return False  # the made-up child matched someone already here: leave it out
    # The plan as this council prints it, in place of the stand-in: load_demo queues the PDF of every final plan
    # without one, this one too.
    Plan.objects.filter(pk=transfer.plan_id).update(final_pdf=None)
    if told_after is not None:
        told_on = transferred_on + timedelta(days=told_after)
        services.transfer_in_notice_send(acting_user=caseworker, transfer=transfer, on=told_on,
                                         will_assess=False, review_on=transfer.plan.review_due_on,
                                         expected_version=transfer.version)
    return True
