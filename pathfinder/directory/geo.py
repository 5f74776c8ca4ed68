"""Postcodes and distances, offline: our own centroid tables and a haversine expression that runs on SQLite and PG.

The demo county "Wealdmoor" uses the fictional postcode area "WM" (no such UK postcode area exists), so demo
postcodes pass the UK postcode format check but can never be mistaken for a real address.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass

from django.db.models import F, FloatField, Func, Value
from django.db.models.functions import ACos, Cos, Greatest, Least, Radians, Sin

EARTH_RADIUS_KM = 6371.0

# Outward code: area letters + district; inward code: sector digit + unit letters. Includes the GIR 0AA special.
_POSTCODE_RE = re.compile(r"^(?:(?P<out>[A-Z]{1,2}[0-9][A-Z0-9]?) ?(?P<in>[0-9][ABD-HJLNP-UW-Z]{2})|GIR ?0AA)$")
_OUTCODE_RE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]?$")


class PostcodeError(ValueError):
    """A postcode we cannot use. `message` is plain English for the person who typed it."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def normalise_postcode(raw: str) -> str:
    """Upper-case a full UK postcode with one space before the inward code, or raise PostcodeError."""
    cleaned = re.sub(r"\s+", "", (raw or "").upper())
    if not cleaned:
        raise PostcodeError("Enter a postcode.")
    if len(cleaned) < 5 or len(cleaned) > 7:
        raise PostcodeError("Enter a real postcode, like WM1 2AB.")
    spaced = f"{cleaned[:-3]} {cleaned[-3:]}"
    if not _POSTCODE_RE.match(spaced):
        raise PostcodeError("Enter a real postcode, like WM1 2AB.")
    return spaced


def normalise_postcode_or_outcode(raw: str) -> str:
    """A full postcode (normalised) or, if only the first half was given, the outcode ("WM4")."""
    cleaned = re.sub(r"\s+", "", (raw or "").upper())
    if _OUTCODE_RE.match(cleaned):
        return cleaned
    return normalise_postcode(raw)


@dataclass(frozen=True)
class Point:
    latitude: float
    longitude: float


def postcode_point(raw: str) -> Point:
    """Where a postcode is: its own centroid, else its district's. PostcodeError if we do not know it."""
    from pathfinder.directory.models import OutcodeCentroid, PostcodeCentroid

    code = normalise_postcode_or_outcode(raw)
    if " " in code:
        row = PostcodeCentroid.objects.filter(postcode=code).values_list("latitude", "longitude").first()
        if row:
            return Point(*row)
        outcode = code.split(" ")[0]
    else:
        outcode = code
    row = OutcodeCentroid.objects.filter(outcode=outcode).values_list("latitude", "longitude").first()
    if row:
        return Point(*row)
    raise PostcodeError(f"We do not recognise the postcode {code}. Check it, or search without a postcode.")


def postcode_points(postcodes: set[str]) -> dict[str, Point | None]:
    """`postcode_point` for many postcodes in two queries (a page of an import or a harvest): None where unknown."""
    from pathfinder.directory.models import OutcodeCentroid, PostcodeCentroid

    codes: dict[str, str] = {}
    for raw in postcodes:
        try:
            codes[raw] = normalise_postcode_or_outcode(raw)
        except PostcodeError:
            continue
    full = {code for code in codes.values() if " " in code}
    found = {pc: Point(lat, lon) for pc, lat, lon in PostcodeCentroid.objects.filter(postcode__in=full)
             .values_list("postcode", "latitude", "longitude")} if full else {}
    outcodes = {code.split(" ")[0] for code in codes.values() if code not in found}
    districts = {oc: Point(lat, lon) for oc, lat, lon in OutcodeCentroid.objects.filter(outcode__in=outcodes)
                 .values_list("outcode", "latitude", "longitude")} if outcodes else {}
    return {raw: found.get(codes[raw]) or districts.get(codes[raw].split(" ")[0]) if raw in codes else None
            for raw in postcodes}


def bounding_box(point: Point, km: float) -> tuple[float, float, float, float]:
    """(min_lat, max_lat, min_lon, max_lon) enclosing a circle of `km` round `point` (a cheap index prefilter)."""
    dlat = math.degrees(km / EARTH_RADIUS_KM)
    cos_lat = max(math.cos(math.radians(point.latitude)), 0.01)
    dlon = math.degrees(km / (EARTH_RADIUS_KM * cos_lat))
    return point.latitude - dlat, point.latitude + dlat, point.longitude - dlon, point.longitude + dlon


def distance_km_expression(point: Point, lat_field: str = "latitude", lon_field: str = "longitude") -> Func:
    """Great-circle distance in km from `point` to the row's lat/lon, as an ORM expression (SQLite and PG)."""
    lat0 = math.radians(point.latitude)
    lon0 = math.radians(point.longitude)
    lat = Radians(F(lat_field))
    lon = Radians(F(lon_field))
    cosine = Value(math.cos(lat0)) * Cos(lat) * Cos(lon - Value(lon0)) + Value(math.sin(lat0)) * Sin(lat)
    clamped = Least(Value(1.0), Greatest(Value(-1.0), cosine, output_field=FloatField()), output_field=FloatField())
    return Value(EARTH_RADIUS_KM) * ACos(clamped, output_field=FloatField())


# The fictional county sits round this point (inland, southern England latitude), 30 districts WM1..WM30.
DEMO_CENTRE = Point(51.05, -0.85)
DEMO_AREA = "WM"
DEMO_DISTRICTS = 30
_UNIT_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


def demo_outcodes(area: str = DEMO_AREA, centre: Point = DEMO_CENTRE) -> list[tuple[str, Point]]:
    """The 30 districts of the demo county (or of another fictional county `area` round `centre`, for the national
    bench) with fixed centres spread over roughly 40 x 40 km."""
    rng = random.Random(1530 if area == DEMO_AREA else f"1530{area}")
    out = []
    for n in range(1, DEMO_DISTRICTS + 1):
        out.append(
            (
                f"{area}{n}",
                Point(centre.latitude + rng.uniform(-0.18, 0.18), centre.longitude + rng.uniform(-0.28, 0.28)),
            )
        )
    return out


def demo_postcodes(per_district: int = 40, seed: int = 57, area: str = DEMO_AREA,
                   centre: Point = DEMO_CENTRE) -> Iterator[tuple[str, str, Point]]:
    """Yield (postcode, outcode, point) for the fictional county (or `area`): deterministic for a given seed.

    Each postcode lies within about 2 km of its district centre.
    """
    rng = random.Random(seed)
    for outcode, district in demo_outcodes(area, centre):
        seen: set[str] = set()
        while len(seen) < per_district:
            code = f"{outcode} {rng.randint(1, 9)}{rng.choice(_UNIT_LETTERS)}{rng.choice(_UNIT_LETTERS)}"
            if code in seen:
                continue
            seen.add(code)
            yield (
                code,
                outcode,
                Point(district.latitude + rng.uniform(-0.015, 0.015), district.longitude + rng.uniform(-0.022, 0.022)),
            )


def load_demo_postcodes(per_district: int = 40, seed: int = 57, area: str = DEMO_AREA,
                        centre: Point = DEMO_CENTRE) -> int:
    """Store the demo county's (or `area`'s) postcode and district centroids (idempotent). Returns postcodes stored."""
    from pathfinder.directory.models import OutcodeCentroid, PostcodeCentroid

    OutcodeCentroid.objects.bulk_create(
        [OutcodeCentroid(outcode=o, latitude=p.latitude, longitude=p.longitude) for o, p in demo_outcodes(area, centre)],
        ignore_conflicts=True,
    )
    rows = [
        PostcodeCentroid(postcode=pc, outcode=o, latitude=p.latitude, longitude=p.longitude)
        for pc, o, p in demo_postcodes(per_district, seed, area, centre)
    ]
    PostcodeCentroid.objects.bulk_create(rows, batch_size=1000, ignore_conflicts=True)
    return len(rows)


def nation_counties(count: int) -> list[tuple[str, Point]]:
    """`count` fictional counties the size of the demo county, side by side round it, for a national directory in
    the bench: (postcode area, centre), the demo county ("WM") first.

    Why: a nation's services are spread over the nation. Put 100,000 services in one county and a 10-mile search
    finds 40,000 of them, where in England's densest city it would find a few thousand. The area codes start with
    Q, V, X or Z, which no real postcode area does (ZE, Shetland, is left out).
    """
    step_lat, step_lon = 0.36, 0.56  # the demo county's extent (demo_outcodes)
    cells = sorted(((r, c) for r in range(-8, 9) for c in range(-8, 9)), key=lambda rc: (max(map(abs, rc)), rc))
    codes = [f"{a}{b}" for a in "QVXZ" for b in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" if f"{a}{b}" != "ZE"]
    out = []
    for i, (r, c) in enumerate(cells[:count]):
        area = DEMO_AREA if i == 0 else codes[i - 1]
        out.append((area, Point(DEMO_CENTRE.latitude + r * step_lat, DEMO_CENTRE.longitude + c * step_lon)))
    return out
