"""The demo county's published resource allocation system, one version per stream, and its rate card. The words and
prices are made up but shaped like real councils' published questionnaires and rates (2026 prices)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from pathfinder.budgets.models_ras import (
    AllocationSystem,
    RasBand,
    RasOption,
    RasQuestion,
    RasStatus,
    RateCardItem,
    RateUnit,
    Stream,
)

D = Decimal

#: stream -> (title, agreed_with, questions, bands). Questions: (text, help, ((answer, points), ...)).
SYSTEMS = {
    Stream.SOCIAL_CARE: (
        "Short breaks and personal care allocation", "", (
            ("How much help does the child or young person need with personal care?", "Section D of the plan",
             (("No more than others of the same age", 0), ("Some help every day", 4),
              ("Help with everything, day and night", 8))),
            ("How often does the family need a break from caring?", "The social care advice",
             (("Rarely", 0), ("Every month", 3), ("Every week", 6))),
            ("Is help needed to take part in activities outside the home?", "The family's views",
             (("No", 0), ("With some support", 2), ("Only with one-to-one support", 5))),
        ), (("Band A", 0, 5, D("1200.00")), ("Band B", 6, 11, D("3900.00")), ("Band C", 12, None, D("8400.00")))),
    Stream.EDUCATION: (
        "Special educational provision allocation", "", (
            ("How much adult support is needed to learn in class?", "Section F of the plan",
             (("Some small-group support", 2), ("Daily one-to-one sessions", 5), ("One-to-one most of the day", 9))),
            ("Is specialist teaching or therapy part of the provision?", "The educational psychologist's advice",
             (("No", 0), ("Termly advice", 2), ("Weekly sessions", 5))),
        ), (("Band 1", 0, 4, D("2000.00")), ("Band 2", 5, 9, D("4800.00")), ("Band 3", 10, None, D("9600.00")))),
    Stream.HEALTH: (
        "Personal health budget allocation (with the ICB)", "Wealdmoor and Fenbridge Integrated Care Board", (
            ("How much health care is needed at home?", "Section G of the plan and the health advice",
             (("Occasional", 1), ("Weekly", 4), ("Daily, by trained carers", 9))),
            ("Is specialist equipment needed?", "The occupational therapist's advice",
             (("No", 0), ("Small items", 1), ("Large items that need replacing", 3))),
        ), (("Level 1", 0, 4, D("1500.00")), ("Level 2", 5, 9, D("6200.00")), ("Level 3", 10, None, D("14500.00")))),
    Stream.TRANSPORT: (
        "Home to school travel allocation", "", (
            ("How far is the school from home?", "The placement named in section I",
             (("Under 3 miles", 0), ("3 to 10 miles", 2), ("Over 10 miles", 4))),
            ("What help is needed on the journey?", "The plan's section F",
             (("None", 0), ("An escort some days", 2), ("An escort every day", 4))),
        ), (("Mileage", 0, 2, D("900.00")), ("Mileage and escort", 3, 5, D("2600.00")),
            ("Full travel support", 6, None, D("5200.00")))),
}

RATE_CARD = (
    (Stream.SOCIAL_CARE, "Personal assistant", RateUnit.HOUR, D("16.50")),
    (Stream.SOCIAL_CARE, "Short break overnight stay", RateUnit.DAY, D("245.00")),
    (Stream.SOCIAL_CARE, "Holiday club with one-to-one support", RateUnit.DAY, D("95.00")),
    (Stream.EDUCATION, "Teaching assistant", RateUnit.HOUR, D("19.80")),
    (Stream.EDUCATION, "Specialist teacher (sensory impairment)", RateUnit.SESSION, D("68.00")),
    (Stream.EDUCATION, "Speech and language therapy", RateUnit.SESSION, D("72.00")),
    (Stream.HEALTH, "Health care assistant at home", RateUnit.HOUR, D("21.40")),
    (Stream.HEALTH, "Hydrotherapy", RateUnit.SESSION, D("55.00")),
    (Stream.TRANSPORT, "Mileage allowance", RateUnit.JOURNEY, D("6.30")),
    (Stream.TRANSPORT, "Passenger escort", RateUnit.JOURNEY, D("14.00")),
)


def build_ras(*, effective_from: date) -> dict:
    """One published version per stream with its questions, answers and priced bands, and the rate card.
    Returns the systems by stream, with their bands (lowest first) and questions' options, for the budgets."""
    systems = {}
    for stream, (title, agreed_with, questions, bands) in SYSTEMS.items():
        system = AllocationSystem.objects.create(
            stream=stream, number=1, title=title, status=RasStatus.PUBLISHED, effective_from=effective_from,
            published_on=effective_from, agreed_with=agreed_with,
            what_changed="The first published version.")
        options = []
        for q_order, (text, help_text, answers) in enumerate(questions, start=1):
            question = RasQuestion.objects.create(system=system, order=q_order, text=text, help_text=help_text)
            options.append([RasOption.objects.create(question=question, order=o, label=label, points=points)
                            for o, (label, points) in enumerate(answers, start=1)])
        made = [RasBand.objects.create(system=system, name=name, min_points=low, max_points=high, yearly_amount=price)
                for name, low, high, price in bands]
        systems[stream] = (system, options, made)
    RateCardItem.objects.bulk_create(RateCardItem(stream=stream, name=name, unit=unit, price=price,
                                                  effective_from=effective_from)
                                     for stream, name, unit, price in RATE_CARD)
    return systems


def band_for(bands: list[RasBand], points: int) -> RasBand:
    for band in bands:
        if points >= band.min_points and (band.max_points is None or points <= band.max_points):
            return band
    return bands[-1]
