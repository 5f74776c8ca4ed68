"""Write the SEN2 return as XML (lxml) and check it against Pathfinder's SEN2 schema (schema/README.md).

The writer streams: the header first, then the people a few hundred at a time, so a council's 25,000 plans never
sit in memory as one tree, and the download can start before the last person is written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from functools import cache, lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from lxml import etree

from pathfinder.sen2 import codes
from pathfinder.sen2.records import ActivePlan, Header, NamedPlan, Person, Request, Sen2Return, Setting

SCHEMA_PATH = Path(__file__).parent / "schema" / "sen2-pathfinder-2026.xsd"


@cache
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMA_PATH)))


def schema_problems(content: bytes) -> list[str]:
    """What the schema says is wrong with ``content`` (empty if it validates), one line each."""
    validator = schema()
    if validator.validate(etree.fromstring(content)):
        return []
    return [f"line {error.line}: {error.message}" for error in validator.error_log]


def _add(parent: etree._Element, name: str, value: object) -> None:
    """A child element, left out when there is no value (None or empty)."""
    if value is None or value == "":
        return
    element = etree.SubElement(parent, name)
    element.text = value.isoformat() if isinstance(value, date) else str(value)


# Persons are written as text, not as lxml elements: at council scale that is three quarters of a million
# elements, and text is several times quicker. Only our own values go in; free text (names, postcodes) is escaped
# and stripped of the control characters XML 1.0 cannot hold. The tests and the command check the result
# against the schema, so a slip here cannot pass unnoticed.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@lru_cache(maxsize=1 << 16)
def _text(value: str) -> str:
    """Escaped free text. Cached: surnames, forenames and postcodes repeat across a council's 100,000 people,
    and escaping each again was a tenth of the writer's time."""
    return escape(_NOT_XML.sub("", value))


def header_element(header: Header) -> etree._Element:
    element = etree.Element("Header")
    details = etree.SubElement(element, "CollectionDetails")
    _add(details, "Collection", "SEN2")
    _add(details, "Year", header.year)
    _add(details, "ReferenceDate", header.reference_date)
    source = etree.SubElement(element, "Source")
    _add(source, "SourceLevel", "L")
    _add(source, "LEA", header.lea)
    _add(source, "SoftwareCode", header.software)
    _add(source, "Release", header.release)
    _add(source, "SerialNo", header.serial_no)
    _add(source, "DateTime", header.created_at.replace(microsecond=0, tzinfo=None).isoformat())
    _add(source, "DMO", header.dmo)
    _add(source, "DCO", header.dco)
    _add(source, "DSCO", header.dsco)
    return element


class _Days(dict):
    """Each day's text (2026-03-04), made once per return. Why: formatting a date costs several times a dictionary
    lookup, and a council's return writes a quarter of a million dates on a few thousand different days."""

    def __missing__(self, day: date) -> str:
        text = self[day] = day.isoformat()
        return text


@lru_cache(maxsize=1 << 14)
def _setting_text(indent: str, name: str, urn: str, ukprn: str, sen_setting: str, rank: int) -> str:
    """A PlanDetail or PlacementDetail without dates. Cached: a council's children attend a few hundred settings."""
    inner = indent + "  "
    return "".join((f"{indent}<{name}>\n", f"{inner}<URN>{urn}</URN>\n" if urn else "",
                    f"{inner}<UKPRN>{ukprn}</UKPRN>\n" if ukprn else "",
                    f"{inner}<SENSetting>{sen_setting}</SENSetting>\n" if sen_setting else "",
                    f"{inner}<PlacementRank>{rank}</PlacementRank>\n{indent}</{name}>\n"))


def _setting(add, days: _Days, indent: str, name: str, setting: Setting, placement: bool) -> None:
    if not placement or (setting.entry_date is None and setting.leaving_date is None):
        add(_setting_text(indent, name, setting.urn, setting.ukprn, setting.sen_setting, setting.rank))
        return
    inner = indent + "  "
    text = _setting_text(indent, name, setting.urn, setting.ukprn, setting.sen_setting, setting.rank)
    add(text[:-len(f"{indent}</{name}>\n")])
    if setting.entry_date is not None:
        add(f"{inner}<EntryDate>{days[setting.entry_date]}</EntryDate>\n")
    if setting.leaving_date is not None:
        add(f"{inner}<LeavingDate>{days[setting.leaving_date]}</LeavingDate>\n")
    add(f"{indent}</{name}>\n")


@lru_cache(maxsize=256)
def _need_text(need: tuple[str, int]) -> str:
    kind, rank = need
    return f"        <SENneed><SENtype>{kind}</SENtype><SENtypeRank>{rank}</SENtypeRank></SENneed>\n"


def _named_plan(add, days: _Days, plan: NamedPlan) -> None:
    add(f"        <NamedPlan>\n          <StartDate>{days[plan.start_date]}</StartDate>\n")
    for detail in plan.details[:2]:
        _setting(add, days, "          ", "PlanDetail", detail, False)
    if plan.pb:
        add(f"          <PB>{plan.pb}</PB>\n")
    if plan.oa:
        add(f"          <OA>{plan.oa}</OA>\n")
    if plan.dp:
        add(f"          <DP>{plan.dp}</DP>\n")
    if plan.cease_date is not None:
        add(f"          <CeaseDate>{days[plan.cease_date]}</CeaseDate>\n")
    if plan.cease_reason:
        add(f"          <CeaseReason>{plan.cease_reason}</CeaseReason>\n")
    add("        </NamedPlan>\n")


def _active_plan(add, days: _Days, active: ActivePlan) -> None:
    add("      <ActivePlans>\n")
    if active.transfer_la:
        add(f"        <TransferLA>{active.transfer_la}</TransferLA>\n")
    for placement in active.placements[:2]:
        _setting(add, days, "        ", "PlacementDetail", placement, True)
    for need in active.needs[:2]:
        add(_need_text(need))
    review = active.review
    if review is not None:
        add(f"        <ReviewMeeting>{days[review.meeting_on]}</ReviewMeeting>\n")
        if review.outcome:
            add(f"        <ReviewOutcome>{review.outcome}</ReviewOutcome>\n")
        if review.decided_on is not None:
            add(f"        <LastReview>{days[review.decided_on]}</LastReview>\n")
        if review.draft_amended_on is not None:
            add(f"        <ReviewDraft>{days[review.draft_amended_on]}</ReviewDraft>\n")
        if review.phase_transfer_due_on is not None:
            add(f"        <PhaseTransferDueDate>{days[review.phase_transfer_due_on]}</PhaseTransferDueDate>\n")
        if review.phase_transfer_final_on is not None:
            add(f"        <PhaseTransferFinalDate>{days[review.phase_transfer_final_on]}</PhaseTransferFinalDate>\n")
    add("      </ActivePlans>\n")


def _request(add, days: _Days, request: Request) -> None:
    add("    <Requests>\n")
    if request.received_on is not None:
        add(f"      <ReceivedDate>{days[request.received_on]}</ReceivedDate>\n")
    if request.source:
        add(f"      <RequestSource>{request.source}</RequestSource>\n")
    if request.outcome_date is not None:
        add(f"      <RequestOutcomeDate>{days[request.outcome_date]}</RequestOutcomeDate>\n")
    add(f"      <RequestOutcome>{request.outcome}</RequestOutcome>\n")
    if request.mediation is not None:
        add(f"      <RequestMediation>{codes.yes_no(request.mediation)}</RequestMediation>\n")
    if request.tribunal is not None:
        add(f"      <RequestTribunal>{codes.yes_no(request.tribunal)}</RequestTribunal>\n")
    assessment = request.assessment
    if assessment is not None:
        add(f"      <Assessment>\n        <AssessmentOutcome>{assessment.outcome}</AssessmentOutcome>\n")
        if assessment.outcome_date is not None:
            add(f"        <AssessmentOutcomeDate>{days[assessment.outcome_date]}</AssessmentOutcomeDate>\n")
        for name, value in (("AssessmentMediation", assessment.mediation), ("AssessmentTribunal", assessment.tribunal),
                            ("OtherMediation", assessment.other_mediation),
                            ("OtherTribunal", assessment.other_tribunal)):
            if value is not None:
                add(f"        <{name}>{codes.yes_no(value)}</{name}>\n")
        if assessment.week20 is not None:
            add(f"        <Week20>{codes.yes_no(assessment.week20)}</Week20>\n")
        if assessment.named_plan is not None:
            _named_plan(add, days, assessment.named_plan)
        add("      </Assessment>\n")
    if request.active_plan is not None:
        _active_plan(add, days, request.active_plan)
    add("    </Requests>\n")


def _person(add, days: _Days, person: Person) -> None:
    """One Person element, indented as it sits in Message/Persons. PostCode is required, even when not known."""
    if person.surname:
        add(f"  <Person>\n    <Surname>{_text(person.surname)}</Surname>\n")
    else:
        add("  <Person>\n")
    if person.forename:
        add(f"    <Forename>{_text(person.forename)}</Forename>\n")
    add(f"    <PersonBirthDate>{days[person.birth_date]}</PersonBirthDate>\n    <Sex>{person.sex}</Sex>\n"
        f"    <Ethnicity>{person.ethnicity}</Ethnicity>\n    <PostCode>{_text(person.postcode)}</PostCode>\n")
    if person.upn:
        add(f"    <UPN>{_text(person.upn)}</UPN>\n")
    if person.uln:
        add(f"    <UniqueLearnerNumber>{_text(person.uln)}</UniqueLearnerNumber>\n")
    for request in person.requests:
        _request(add, days, request)
    add("  </Person>\n")


def person_xml(person: Person) -> str:
    """One Person element, as text."""
    parts: list[str] = []
    _person(parts.append, _Days(), person)
    return "".join(parts)


def xml_chunks(sen2_return: Sen2Return, persons_per_chunk: int = 500) -> Iterator[bytes]:
    """The return's XML, in pieces of ``persons_per_chunk`` people (for a streamed download or a file)."""
    header = etree.tostring(header_element(sen2_return.header), pretty_print=True, encoding="unicode")
    yield ('<?xml version="1.0" encoding="UTF-8"?>\n<Message>\n' + header + "<Persons>\n").encode()
    persons = sen2_return.persons
    days = _Days()
    for start in range(0, len(persons), persons_per_chunk):
        parts: list[str] = []
        add = parts.append
        for person in persons[start:start + persons_per_chunk]:
            _person(add, days, person)
        yield "".join(parts).encode()
    yield b"</Persons>\n</Message>\n"


def xml_bytes(sen2_return: Sen2Return) -> bytes:
    return b"".join(xml_chunks(sen2_return))
