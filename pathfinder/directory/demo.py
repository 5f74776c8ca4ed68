"""A realistic, fictional Local Offer for the demo county of Wealdmoor (postcode area "WM", which does not exist).

`build_demo_local_offer()` bulk-creates organisations, services, venues, opening times, prices and taxonomy
links in seconds; `build_bench_local_offer(n)` makes n services for speed tests. Everything is deterministic
for a given seed. Published services are marked approved with a first revision, so the history is complete.
"""

from __future__ import annotations

import math
import random
from datetime import time, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from pathfinder.directory.constants import (
    NEED_TERMS,
    SUPPORT_CHILD_TERMS,
    SUPPORT_TERMS,
    TAXONOMY_NEEDS,
    TAXONOMY_SUPPORT,
    OrganisationKind,
    ReferralRoute,
    RevisionStatus,
    ServiceStatus,
    stable_uuid,
)
from pathfinder.directory.geo import DEMO_AREA, load_demo_postcodes, nation_counties
from pathfinder.directory.models import (
    CostOption,
    Location,
    Organisation,
    PostcodeCentroid,
    Schedule,
    Service,
    ServiceAtLocation,
    ServiceAttribute,
    ServiceRevision,
    TaxonomyTerm,
)
from pathfinder.directory.public_cache import ALL, local_offer_changed
from pathfinder.directory.search_vocabulary import search_words_rebuild

TOWNS = ("Wealdbury", "Moorcross", "Ashleigh", "Thornbridge", "Eastholme", "Kingsfold", "Little Marden", "Oakhurst")
STREETS = ("High Street", "Church Lane", "Station Road", "Mill Road", "The Green", "Park Avenue", "School Lane")

KIND_WEIGHTS = (
    (OrganisationKind.EARLY_YEARS, 14), (OrganisationKind.MAINTAINED_SCHOOL, 18), (OrganisationKind.ACADEMY, 14),
    (OrganisationKind.SPECIAL_SCHOOL, 4), (OrganisationKind.POST_16, 4), (OrganisationKind.INDEPENDENT, 2),
    (OrganisationKind.ALTERNATIVE_PROVISION, 2), (OrganisationKind.COMMISSIONED, 5), (OrganisationKind.CHARITY, 20),
    (OrganisationKind.NHS, 8), (OrganisationKind.COUNCIL, 6), (OrganisationKind.BUSINESS, 3),
)
ORG_NAME = {
    OrganisationKind.EARLY_YEARS: ("{town} Little Stars Nursery", "{town} Pre-school", "Rainbow Day Nursery {town}"),
    OrganisationKind.MAINTAINED_SCHOOL: ("{town} Primary School", "St Mary's CE Primary, {town}", "{town} Infant School"),
    OrganisationKind.ACADEMY: ("{town} Academy", "{town} Community College", "Weald Valley Academy ({town})"),
    OrganisationKind.SPECIAL_SCHOOL: ("{town} Special School", "Brook House School, {town}"),
    OrganisationKind.POST_16: ("Wealdmoor College, {town} campus", "{town} Sixth Form"),
    OrganisationKind.INDEPENDENT: ("{town} House School",),
    OrganisationKind.ALTERNATIVE_PROVISION: ("{town} Learning Centre",),
    OrganisationKind.COMMISSIONED: ("Wealdmoor Short Breaks ({town})", "Pathways Support {town}"),
    OrganisationKind.CHARITY: ("{town} Parent Carer Forum", "Friends of {town} Autism Group", "{town} Youth Trust",
                               "Wealdmoor Deaf Children's Society ({town})", "{town} Community Play"),
    OrganisationKind.NHS: ("Wealdmoor Children's Therapies ({town})", "{town} Child Development Centre"),
    OrganisationKind.COUNCIL: ("Wealdmoor Council Family Hub, {town}", "Wealdmoor Educational Psychology ({town})"),
    OrganisationKind.BUSINESS: ("{town} Swim School", "{town} Climbing Wall"),
}
# (support kind, name pattern, description, min age, max age, free?)
SERVICE_PATTERNS = (
    ("education", "SEN support at {org}", "How we support children with special educational needs: small group work, "
     "a SENCO who meets families each term, and adjustments in class.", 4, 11, True),
    ("education", "Nurture group", "A small, calm group in school for children who find the classroom hard.", 5, 11, True),
    ("childcare", "Inclusive holiday club", "Holiday childcare with extra staff for children with SEND.", 5, 14, False),
    ("childcare", "Funded early years place", "Free early education with SEN inclusion funding.", 2, 4, True),
    ("health", "Speech and language drop-in", "Ask a speech and language therapist about talking and listening.", 0, 18, True),
    ("therapy", "Occupational therapy clinic", "Help with everyday skills, handwriting, sensory needs and equipment.", 0, 18, True),
    ("mental-health", "Worry and wellbeing group", "A friendly group for young people with anxiety.", 11, 18, True),
    ("social-care", "Disabled children's social work", "Assessment and support for disabled children and families.", 0, 18, True),
    ("short-breaks", "Saturday short break club", "Activities for disabled children while parents get a rest.", 5, 17, False),
    ("short-breaks", "Overnight short breaks", "Planned overnight stays for children with complex needs.", 8, 18, True),
    ("leisure", "Sensory swim session", "Quiet, warm-water swimming with fewer people and dimmed lights.", 0, 25, False),
    ("leisure", "Inclusive youth club", "Games, cooking and trips for young people with and without SEND.", 11, 25, False),
    ("travel", "Independent travel training", "Learn to travel safely on your own by bus or train.", 14, 25, True),
    ("employment", "Supported internship", "A year of work experience with a job coach, for young people with an EHC plan.", 16, 24, True),
    ("independent-living", "Moving towards independence course", "Cooking, money and staying safe at home.", 16, 25, True),
    ("advice", "SEND information, advice and support (SENDIASS)", "Free, impartial, confidential advice about SEND.", 0, 25, True),
    ("support-groups", "Parent carer coffee morning", "Meet other parents of children with SEND and share tips.", 0, 25, True),
    ("support-groups", "Siblings group", "Fun and support for brothers and sisters of disabled children.", 6, 16, True),
)
_K = OrganisationKind
_SCHOOLS = (_K.MAINTAINED_SCHOOL, _K.ACADEMY, _K.SPECIAL_SCHOOL, _K.INDEPENDENT, _K.ALTERNATIVE_PROVISION)
_COMMUNITY = (_K.CHARITY, _K.COMMISSIONED, _K.COUNCIL)
# Who runs each kind of service (by the pattern's name): a nursery does not run disabled children's social work,
# nor a swim school a SENDIASS. Every organisation kind runs at least one.
RUN_BY: dict[str, tuple[str, ...]] = {
    "SEN support at {org}": (_K.EARLY_YEARS, *_SCHOOLS, _K.POST_16),
    "Nurture group": (_K.MAINTAINED_SCHOOL, _K.ACADEMY, _K.SPECIAL_SCHOOL, _K.INDEPENDENT),
    "Inclusive holiday club": (_K.EARLY_YEARS, _K.CHARITY, _K.COMMISSIONED, _K.BUSINESS),
    "Funded early years place": (_K.EARLY_YEARS, _K.MAINTAINED_SCHOOL),
    "Speech and language drop-in": (_K.NHS,),
    "Occupational therapy clinic": (_K.NHS,),
    "Worry and wellbeing group": (_K.NHS, _K.CHARITY, _K.ACADEMY, _K.POST_16),
    "Disabled children's social work": (_K.COUNCIL,),
    "Saturday short break club": (_K.COMMISSIONED, _K.CHARITY),
    "Overnight short breaks": (_K.COMMISSIONED, _K.COUNCIL),
    "Sensory swim session": (_K.BUSINESS, _K.CHARITY),
    "Inclusive youth club": (_K.CHARITY, _K.COUNCIL, _K.COMMISSIONED),
    "Independent travel training": (_K.COUNCIL, _K.COMMISSIONED, _K.POST_16),
    "Supported internship": (_K.POST_16, _K.COMMISSIONED),
    "Moving towards independence course": (_K.POST_16, _K.SPECIAL_SCHOOL, *_COMMUNITY),
    "SEND information, advice and support (SENDIASS)": (_K.COUNCIL,),
    "Parent carer coffee morning": (_K.CHARITY, _K.EARLY_YEARS, _K.MAINTAINED_SCHOOL),
    "Siblings group": (_K.CHARITY,),
}
PATTERNS_FOR_KIND: dict[str, tuple[tuple, ...]] = {
    kind: tuple(p for p in SERVICE_PATTERNS if kind in RUN_BY[p[1]]) for kind in OrganisationKind.values
}
DAY_SETS = ("MO", "TU", "WE", "TH", "FR", "SA", "MO,WE", "TU,TH", "MO,TU,WE,TH,FR", "SA,SU")
OPENINGS = ((time(9), time(12)), (time(9), time(15)), (time(10), time(11, 30)), (time(13), time(16)),
            (time(16), time(18)), (time(18), time(20)), (time(8, 30), time(17)))


def _weighted_kinds(rng: random.Random, n: int) -> list[str]:
    kinds, weights = zip(*KIND_WEIGHTS, strict=True)
    return rng.choices(kinds, weights=weights, k=n)


@transaction.atomic
def build_demo_local_offer(*, services: int = 1500, organisations: int = 400, seed: int = 2014,
                           areas: tuple[str, ...] = (DEMO_AREA,)) -> dict[str, int]:
    """Create a fictional Local Offer. About 7% of services are stale (unchecked for over a year) and a few
    are hidden or unpublished, so officer queues have something in them. Returns counts of what was made.

    areas: the postcode areas whose postcodes the venues are in (already loaded, but for the demo county's), each
    area equally likely."""
    local_offer_changed(ALL)  # bulk inserts send no signals: cached public pages are drawn afresh after this
    rng = random.Random(seed)
    today = timezone.localdate()
    now = timezone.now()
    load_demo_postcodes()
    by_area = {area: list(PostcodeCentroid.objects.filter(outcode__startswith=area)
                          .values_list("postcode", "latitude", "longitude")) for area in areas}
    terms = {(t.taxonomy.code, t.code): t for t in TaxonomyTerm.objects.select_related("taxonomy", "parent")}
    support_parent = {child: parent for parent, child, _, _ in SUPPORT_CHILD_TERMS}
    need_codes = [code for code, _, _ in NEED_TERMS]

    orgs = []
    org_town: dict = {}  # an organisation's venue is in the town its name gives
    for i, kind in enumerate(_weighted_kinds(rng, organisations)):
        town = rng.choice(TOWNS)
        name = rng.choice(ORG_NAME[kind]).format(town=town)
        org_town[stable_uuid("demo-organisation", str(seed), str(i))] = town
        orgs.append(
            Organisation(
                id=stable_uuid("demo-organisation", str(seed), str(i)),
                name=name,
                description=f"{name} serves families across {town} and the rest of Wealdmoor.",
                email=f"hello{i}@wealdmoor-demo.example",
                website=f"https://provider{i}.wealdmoor-demo.example",
                kind=kind,
                urn=f"{900000 + i}" if kind in (OrganisationKind.MAINTAINED_SCHOOL, OrganisationKind.ACADEMY,
                                                OrganisationKind.SPECIAL_SCHOOL) else "",
                charity_number=f"{1100000 + i}" if kind == OrganisationKind.CHARITY else "",
                in_area=rng.random() > 0.05,
            )
        )
    Organisation.objects.bulk_create(orgs, batch_size=500)

    locations, rows, sals, schedules, attributes, costs, revisions = [], [], [], [], [], [], []
    org_venue: dict = {}
    for org in orgs:
        pc, lat, lon = rng.choice(by_area[rng.choice(areas)] if len(areas) > 1 else by_area[areas[0]])
        town = org_town[org.id]
        venue = Location(
            id=stable_uuid("demo-location", str(org.id)), organisation=org, name=org.name,
            address_1=f"{rng.randint(1, 120)} {rng.choice(STREETS)}", town=town, county="Wealdmoor", postcode=pc,
            latitude=lat, longitude=lon,
            accessibility=rng.choice(("Step-free entrance and an accessible toilet.", "Ramp at the side door; hearing loop.",
                                      "Ground floor only. Quiet room available.", "")),
        )
        locations.append(venue)
        org_venue[org.id] = venue
    Location.objects.bulk_create(locations, batch_size=500)

    for i in range(services):
        org = orgs[i % len(orgs)] if i < len(orgs) else rng.choice(orgs)
        kind, pattern, description, lo, hi, free = rng.choice(PATTERNS_FOR_KIND[org.kind])
        needs = rng.sample(need_codes, k=rng.choice((0, 1, 1, 2, 3)))
        service_terms = [terms[(TAXONOMY_SUPPORT, kind)]]
        if kind in support_parent:
            service_terms.append(terms[(TAXONOMY_SUPPORT, support_parent[kind])])
        service_terms += [terms[(TAXONOMY_NEEDS, code)] for code in needs]
        roll = rng.random()
        assured = today - timedelta(days=rng.randint(0, 300))
        if roll < 0.07:
            assured = today - timedelta(days=rng.randint(370, 520))  # needs checking
        elif roll < 0.09:
            assured = today - timedelta(days=rng.randint(560, 800))  # hidden as stale
        service = Service(
            id=stable_uuid("demo-service", str(seed), str(i)),
            organisation=org,
            name=pattern.format(org=org.name) if "{org}" in pattern else f"{pattern} – {org_venue[org.id].town}",
            description=description,
            url=f"{org.website}/service-{i}",
            email=org.email,
            phone=f"01632 960{rng.randint(0, 999):03d}",  # Ofcom's drama range (01632 960000-960999): never real
            status=ServiceStatus.TEMPORARILY_CLOSED if rng.random() < 0.02 else ServiceStatus.ACTIVE,
            is_free=free,
            fees="" if free else f"£{rng.choice((2, 3, 5, 8, 12))} a session. Ask about help with costs.",
            minimum_age=lo,
            maximum_age=hi,
            eligibility="Children and young people living in Wealdmoor" + (
                " with " + ", ".join(terms[(TAXONOMY_NEEDS, c)].name.lower() for c in needs) if needs else "."),
            how_to_access="Phone or email us to book a place." if rng.random() < 0.7 else "Ask your GP, school or social worker to refer you.",
            referral_route=rng.choice(ReferralRoute.values),
            in_person=rng.random() < 0.9,
            online=rng.random() < 0.25,
            by_phone=rng.random() < 0.3,
            local_offer_answers=(
                {k: "We follow the graduated approach: assess, plan, do, review, with families at every step."
                 for k in "abcdefghij"}
                if org.kind in (OrganisationKind.MAINTAINED_SCHOOL, OrganisationKind.ACADEMY, OrganisationKind.EARLY_YEARS)
                else {}
            ),
            assured_date=assured,
            assurer_email="localoffer@wealdmoor-demo.example",
            last_modified=now - timedelta(days=(today - assured).days),
            is_published=rng.random() > 0.01,
            search_document=" ".join([org.name, *(t.name for t in service_terms)]),
        )
        rows.append(service)
        sal = ServiceAtLocation(id=stable_uuid("demo-sal", str(service.id)), service=service, location=org_venue[org.id])
        sals.append(sal)
        for _ in range(rng.choice((1, 1, 2))):
            opens, closes = rng.choice(OPENINGS)
            schedules.append(Schedule(service=service, service_at_location=sal, byday=rng.choice(DAY_SETS),
                                      opens_at=opens, closes_at=closes))
        attributes += [ServiceAttribute(service=service, term=t) for t in {t.pk: t for t in service_terms}.values()]
        if not free:
            costs.append(CostOption(service=service, option="Per session",
                                    amount=Decimal(rng.choice((2, 3, 5, 8, 12))), amount_description="Each visit"))
        revisions.append(
            ServiceRevision(service=service, number=1, data={"imported": "demo"}, status=RevisionStatus.APPROVED,
                            created_at=now - timedelta(days=400), decided_at=now - timedelta(days=400))
        )
    Service.objects.bulk_create(rows, batch_size=500)
    ServiceAtLocation.objects.bulk_create(sals, batch_size=1000)
    Schedule.objects.bulk_create(schedules, batch_size=1000)
    ServiceAttribute.objects.bulk_create(attributes, batch_size=1000)
    CostOption.objects.bulk_create(costs, batch_size=1000)
    ServiceRevision.objects.bulk_create(revisions, batch_size=1000)
    search_words_rebuild()  # the words a typing slip is corrected against
    return {"organisations": len(orgs), "services": len(rows), "locations": len(locations),
            "schedules": len(schedules), "links": len(attributes)}


def build_bench_local_offer(n: int = 100_000, *, seed: int = 100) -> dict[str, int]:
    """n services across n/4 organisations, for `make bench` (same generator, bulk inserts).

    Past a county's worth (1,500), the services are spread over as many fictional counties of the demo county's
    size as they fill, side by side (geo.nation_counties), as a national directory's are over the nation.
    """
    counties = nation_counties(math.ceil(n / 1_500))
    for area, centre in counties[1:]:
        load_demo_postcodes(per_district=10, area=area, centre=centre)
    return build_demo_local_offer(services=n, organisations=max(1, n // 4), seed=seed,
                                  areas=tuple(area for area, _ in counties))


__all__ = ["build_demo_local_offer", "build_bench_local_offer", "SUPPORT_TERMS"]
