"""The demo county's Local Offer: the directory's demo services (pathfinder.directory.demo), the feedback on them
(pathfinder.feedback.demo), and the demo provider's organisation. A step of pathfinder.demo.county."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from pathfinder.accounts.demo import Staff


def build_local_offer(
    staff: Staff, *, seed: int, today: date, services: int, stage: Callable[..., None]
) -> str:
    """The Local Offer's demo directory (none when `services` is 0: postcodes only), then the provider's
    organisation."""
    from pathfinder.directory import demo as directory_demo
    from pathfinder.directory.geo import load_demo_postcodes
    from pathfinder.directory.models import Organisation, OrganisationMembership

    note = ""
    if services:
        made = directory_demo.build_demo_local_offer(services=services, organisations=max(1, services * 4 // 15), seed=seed)
        note = "built by pathfinder.directory.demo.build_demo_local_offer: " + ", ".join(
            f"{v:,} {k}" for k, v in (made or {}).items()
        )
        from pathfinder.directory.models import Service
        from pathfinder.feedback.demo import build_demo_comments

        officer = staff.demo.get("localoffer")
        comments = build_demo_comments(seed=seed, today=today, officer=officer,
                                       services=Service.objects.order_by("name")[:40])
        note += f", {comments:,} comments with the council's responses"
    else:
        load_demo_postcodes()
        note = "not built (postcodes only)"
    org = (Organisation.objects.filter(kind="charity", services__isnull=False).order_by("name").first()
           or Organisation.objects.order_by("name").first())
    if org is None:
        org = Organisation.objects.create(
            name="Wealdmoor Parent Carer Forum", kind=_first_kind(), email="hello@wealdmoor-pcf.example",
            description="A fictional parent carer forum for the demo county.",
        )
    OrganisationMembership.objects.get_or_create(user=staff.demo["provider"], organisation=org)
    stage("Local Offer", organisations=Organisation.objects.count())
    return note


def _first_kind() -> str:
    from pathfinder.directory.models import Organisation

    choices = Organisation._meta.get_field("kind").choices
    values = [c[0] for c in choices]
    return "charity" if "charity" in values else values[0]
