"""Write the SEN2 return as XML (lxml) and check it against Pathfinder's SEN2 schema (schema/README.md).

The writer streams: the header first, then the people a few hundred at a time, so a council's 25,000 plans never
sit in memory as one tree, and the download can start before the last person is written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from functools import cache
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


def _text(value: str) -> str:
    return escape(_NOT_XML.sub("", value))


def _line(parts: list[str], indent: str, name: str, value: object) -> None:
    """A code, a number or a date (our own values: nothing to escape), left out when there is none."""
    if value is not None and value != "":
        parts.append(f"{indent}<{name}>{value.isoformat() if isinstance(value, date) else value}</{name}>\n")


def _free_text(parts: list[str], indent: str, name: str, value: str) -> None:
    """Text someone typed (a name, a postcode, an identifier): escaped."""
    if value:
        parts.append(f"{indent}<{name}>{_text(value)}</{name}>\n")


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


def _setting(parts: list[str], indent: str, name: str, setting: Setting, *, placement: bool) -> None:
    inner = indent + "  "
    parts.append(f"{indent}<{name}>\n")
    _line(parts, inner, "URN", setting.urn)
    _line(parts, inner, "UKPRN", setting.ukprn)
    _line(parts, inner, "SENSetting", setting.sen_setting)
    _line(parts, inner, "PlacementRank", setting.rank)
    if placement:
        _line(parts, inner, "EntryDate", setting.entry_date)
        _line(parts, inner, "LeavingDate", setting.leaving_date)
    parts.append(f"{indent}</{name}>\n")


def _named_plan(parts: list[str], indent: str, plan: NamedPlan) -> None:
    inner = indent + "  "
    parts.append(f"{indent}<NamedPlan>\n")
    _line(parts, inner, "StartDate", plan.start_date)
    for detail in plan.details[:2]:
        _setting(parts, inner, "PlanDetail", detail, placement=False)
    _line(parts, inner, "CeaseDate", plan.cease_date)
    _line(parts, inner, "CeaseReason", plan.cease_reason)
    parts.append(f"{indent}</NamedPlan>\n")


def _active_plan(parts: list[str], indent: str, active: ActivePlan) -> None:
    inner = indent + "  "
    parts.append(f"{indent}<ActivePlans>\n")
    _line(parts, inner, "TransferLA", active.transfer_la)
    for placement in active.placements[:2]:
        _setting(parts, inner, "PlacementDetail", placement, placement=True)
    for sen_type, rank in active.needs[:2]:
        parts.append(f"{inner}<SENneed><SENtype>{sen_type}</SENtype><SENtypeRank>{rank}</SENtypeRank></SENneed>\n")
    review = active.review
    if review is not None:
        _line(parts, inner, "ReviewMeeting", review.meeting_on)
        _line(parts, inner, "ReviewOutcome", review.outcome)
        _line(parts, inner, "LastReview", review.decided_on)
        _line(parts, inner, "ReviewDraft", review.draft_amended_on)
        _line(parts, inner, "PhaseTransferDueDate", review.phase_transfer_due_on)
        _line(parts, inner, "PhaseTransferFinalDate", review.phase_transfer_final_on)
    parts.append(f"{indent}</ActivePlans>\n")


def _request(parts: list[str], request: Request) -> None:
    indent = "      "
    parts.append("    <Requests>\n")
    _line(parts, indent, "ReceivedDate", request.received_on)
    _line(parts, indent, "RequestSource", request.source)
    _line(parts, indent, "RequestOutcomeDate", request.outcome_date)
    _line(parts, indent, "RequestOutcome", request.outcome)
    assessment = request.assessment
    if assessment is not None:
        inner = indent + "  "
        parts.append(f"{indent}<Assessment>\n")
        _line(parts, inner, "AssessmentOutcome", assessment.outcome)
        _line(parts, inner, "AssessmentOutcomeDate", assessment.outcome_date)
        if assessment.week20 is not None:
            _line(parts, inner, "Week20", codes.yes_no(assessment.week20))
        if assessment.named_plan is not None:
            _named_plan(parts, inner, assessment.named_plan)
        parts.append(f"{indent}</Assessment>\n")
    if request.active_plan is not None:
        _active_plan(parts, indent, request.active_plan)
    parts.append("    </Requests>\n")


def person_xml(person: Person) -> str:
    """One Person element, indented as it sits in Message/Persons."""
    parts = ["  <Person>\n"]
    indent = "    "
    _free_text(parts, indent, "Surname", person.surname)
    _free_text(parts, indent, "Forename", person.forename)
    _line(parts, indent, "PersonBirthDate", person.birth_date)
    _line(parts, indent, "Sex", person.sex)
    _line(parts, indent, "Ethnicity", person.ethnicity)
    parts.append(f"{indent}<PostCode>{_text(person.postcode)}</PostCode>\n")  # required, even when not known
    _free_text(parts, indent, "UPN", person.upn)
    _free_text(parts, indent, "UniqueLearnerNumber", person.uln)
    for request in person.requests:
        _request(parts, request)
    parts.append("  </Person>\n")
    return "".join(parts)


def xml_chunks(sen2_return: Sen2Return, persons_per_chunk: int = 500) -> Iterator[bytes]:
    """The return's XML, in pieces of ``persons_per_chunk`` people (for a streamed download or a file)."""
    header = etree.tostring(header_element(sen2_return.header), pretty_print=True, encoding="unicode")
    yield ('<?xml version="1.0" encoding="UTF-8"?>\n<Message>\n' + header + "<Persons>\n").encode()
    persons = sen2_return.persons
    for start in range(0, len(persons), persons_per_chunk):
        yield "".join(person_xml(person) for person in persons[start:start + persons_per_chunk]).encode()
    yield b"</Persons>\n</Message>\n"


def xml_bytes(sen2_return: Sen2Return) -> bytes:
    return b"".join(xml_chunks(sen2_return))
