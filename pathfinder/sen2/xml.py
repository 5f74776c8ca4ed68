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
from pathfinder.sen2.records import ActivePlan, Assessment, Header, NamedPlan, Person, Request, Sen2Return, Setting

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


# The writers below are called a million times at council scale, so a date is written with str() (the same text
# as isoformat()) by a function that only tests for None, rather than asking each value what type it is.
def _el(indent: str, name: str, value: object) -> str:
    """A code or a number (our own values: nothing to escape); nothing when there is no value."""
    if value is None or value == "":
        return ""
    return f"{indent}<{name}>{value}</{name}>\n"


def _day(indent: str, name: str, value: date | None) -> str:
    """A date, or nothing."""
    return "" if value is None else f"{indent}<{name}>{value}</{name}>\n"


def _free(indent: str, name: str, value: str) -> str:
    """Text someone typed (a name, a postcode, an identifier): escaped; nothing when empty."""
    return f"{indent}<{name}>{_text(value)}</{name}>\n" if value else ""


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


def _setting(indent: str, name: str, setting: Setting, placement: bool) -> str:
    inner = indent + "  "
    dates = (_day(inner, "EntryDate", setting.entry_date) + _day(inner, "LeavingDate", setting.leaving_date)
             if placement else "")
    return (f"{indent}<{name}>\n{_el(inner, 'URN', setting.urn)}{_el(inner, 'UKPRN', setting.ukprn)}"
            f"{_el(inner, 'SENSetting', setting.sen_setting)}{inner}<PlacementRank>{setting.rank}</PlacementRank>\n"
            f"{dates}{indent}</{name}>\n")


def _named_plan(plan: NamedPlan) -> str:
    i = " " * 10
    details = "".join(_setting(i, "PlanDetail", detail, False) for detail in plan.details[:2])
    return (f"        <NamedPlan>\n{i}<StartDate>{plan.start_date.isoformat()}</StartDate>\n{details}"
            f"{_el(i, 'PB', plan.pb)}{_el(i, 'OA', plan.oa)}{_el(i, 'DP', plan.dp)}"
            f"{_day(i, 'CeaseDate', plan.cease_date)}{_el(i, 'CeaseReason', plan.cease_reason)}        </NamedPlan>\n")


def _active_plan(active: ActivePlan) -> str:
    i = " " * 8
    placements = "".join(_setting(i, "PlacementDetail", placement, True) for placement in active.placements[:2])
    needs = "".join(f"{i}<SENneed><SENtype>{kind}</SENtype><SENtypeRank>{rank}</SENtypeRank></SENneed>\n"
                    for kind, rank in active.needs[:2])
    review = active.review
    reviewed = "" if review is None else (
        f"{i}<ReviewMeeting>{review.meeting_on.isoformat()}</ReviewMeeting>\n{_el(i, 'ReviewOutcome', review.outcome)}"
        f"{_day(i, 'LastReview', review.decided_on)}{_day(i, 'ReviewDraft', review.draft_amended_on)}"
        f"{_day(i, 'PhaseTransferDueDate', review.phase_transfer_due_on)}"
        f"{_day(i, 'PhaseTransferFinalDate', review.phase_transfer_final_on)}")
    return (f"      <ActivePlans>\n{_el(i, 'TransferLA', active.transfer_la)}{placements}{needs}{reviewed}"
            "      </ActivePlans>\n")


def _assessment(assessment: Assessment) -> str:
    i = " " * 8
    week20 = "" if assessment.week20 is None else f"{i}<Week20>{codes.yes_no(assessment.week20)}</Week20>\n"
    plan = _named_plan(assessment.named_plan) if assessment.named_plan is not None else ""
    return (f"      <Assessment>\n{i}<AssessmentOutcome>{assessment.outcome}</AssessmentOutcome>\n"
            f"{_day(i, 'AssessmentOutcomeDate', assessment.outcome_date)}{week20}{plan}      </Assessment>\n")


def _request(request: Request) -> str:
    i = " " * 6
    return (f"    <Requests>\n{_day(i, 'ReceivedDate', request.received_on)}{_el(i, 'RequestSource', request.source)}"
            f"{_day(i, 'RequestOutcomeDate', request.outcome_date)}{i}<RequestOutcome>{request.outcome}</RequestOutcome>\n"
            f"{_assessment(request.assessment) if request.assessment is not None else ''}"
            f"{_active_plan(request.active_plan) if request.active_plan is not None else ''}    </Requests>\n")


def person_xml(person: Person) -> str:
    """One Person element, indented as it sits in Message/Persons. PostCode is required, even when not known."""
    i = " " * 4
    return (f"  <Person>\n{_free(i, 'Surname', person.surname)}{_free(i, 'Forename', person.forename)}"
            f"{i}<PersonBirthDate>{person.birth_date.isoformat()}</PersonBirthDate>\n{i}<Sex>{person.sex}</Sex>\n"
            f"{i}<Ethnicity>{person.ethnicity}</Ethnicity>\n{i}<PostCode>{_text(person.postcode)}</PostCode>\n"
            f"{_free(i, 'UPN', person.upn)}{_free(i, 'UniqueLearnerNumber', person.uln)}"
            f"{''.join(_request(request) for request in person.requests)}  </Person>\n")


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
