"""The fictional county of Wealdmoor: towns, areas, schools and colleges. None of these places exist.

URNs are 6 digits from 990001 (real school URNs are below 160000) and UKPRNs from 19990001 (real ones start
100), so no demo setting can be matched to a real one.
"""

from __future__ import annotations

from dataclasses import dataclass

AREAS = ("North", "South", "East", "West", "City")

TOWNS = {
    "North": ("Harrowmere", "Kestlebury", "Upper Wealding"),
    "South": ("Brackenham", "Saltmoor", "Lower Fenwick"),
    "East": ("Ashcombe Moor", "Thistleford", "Greyhallow"),
    "West": ("Oakhanger Vale", "Wrenfield", "Coldharbour Green"),
    "City": ("Wealdmoor", "Wealdmoor St Anne's", "Moorgate Park"),
}


@dataclass(frozen=True)
class Setting:
    name: str
    kind: str  # mainstream_primary, mainstream_secondary, special, ap_pru, fe, specialist_post16, early_years
    urn: str = ""
    ukprn: str = ""
    institution_type: str = ""  # plans.InstitutionType value
    area: str = ""


def _settings() -> list[Setting]:
    out: list[Setting] = []
    urn = 990000
    ukprn = 19990000

    def add(name: str, kind: str, institution_type: str, area: str, *, college: bool = False) -> None:
        nonlocal urn, ukprn
        if college:
            ukprn += 1
            out.append(Setting(name, kind, ukprn=str(ukprn), institution_type=institution_type, area=area))
        else:
            urn += 1
            out.append(Setting(name, kind, urn=str(urn), institution_type=institution_type, area=area))

    for area, towns in TOWNS.items():
        for i, town in enumerate(towns):
            add(f"{town} Primary School", "mainstream_primary", "maintained_school", area)
            add(f"{town} C of E Primary Academy", "mainstream_primary", "academy", area)
            add(f"{town} Infant and Nursery School", "mainstream_primary", "maintained_school", area)
            if i == 0:
                add(f"{town} Academy", "mainstream_secondary", "academy", area)
                add(f"{town} Nursery School", "early_years", "maintained_nursery", area)
            if i == 1:
                add(f"{town} Community College", "mainstream_secondary", "maintained_school", area)
                add(f"St Aldhelm's Catholic High School, {town}", "mainstream_secondary", "academy", area)
    specials = (
        ("Kestrel Brook School", "North"), ("Highfield Moor School", "South"), ("The Willows Academy", "East"),
        ("Larkspur House School", "West"), ("Wealdmoor Hospital and Outreach School", "City"),
        ("Fernhill Specialist Academy", "City"),
    )
    for name, area in specials:
        add(name, "special", "maintained_school", area)
    add("Moorside Independent Specialist School", "special", "s41", "East")
    add("Heronsgate Non-Maintained Special School", "special", "nmss", "West")
    add("Wealdmoor Pupil Referral Unit", "ap_pru", "other", "City")
    add("Brackenham Alternative Provision Academy", "ap_pru", "academy", "South")
    add("Wealdmoor College", "fe", "fe", "City", college=True)
    add("Saltmoor and District College", "fe", "fe", "South", college=True)
    add("Harrowmere Sixth Form College", "fe", "fe", "North", college=True)
    add("Pathways Specialist Post-16 College", "specialist_post16", "s41", "West", college=True)
    return out


SETTINGS = _settings()
SETTINGS_BY_KIND: dict[str, list[Setting]] = {}
for _s in SETTINGS:
    SETTINGS_BY_KIND.setdefault(_s.kind, []).append(_s)

LANGUAGES = ("Polish", "Urdu", "Romanian", "Punjabi", "Arabic", "Bengali", "Portuguese", "Ukrainian")


def demo_postcodes_in_areas(seed: int) -> list[tuple[str, str, float, float]]:
    """(postcode, outcode, lat, lon) in the fictional "WM" area, shared with the Local Offer's centroids."""
    from pathfinder.directory.geo import demo_postcodes

    return [(pc, out, p.latitude, p.longitude) for pc, out, p in demo_postcodes()]


def area_of(lat: float, lon: float) -> str:
    """Which of the five areas (and so which team) a point of the county falls in."""
    if abs(lat - 51.05) < 0.07 and abs(lon + 0.85) < 0.1:
        return "City"
    if abs(lat - 51.05) * 1.5 >= abs(lon + 0.85):
        return "North" if lat > 51.05 else "South"
    return "East" if lon > -0.85 else "West"
