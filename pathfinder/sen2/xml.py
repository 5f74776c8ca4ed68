"""Write the SEN2 return as XML (lxml) and check it against Pathfinder's SEN2 schema (schema/README.md).

The writer streams: the header first, then one Person element at a time (``lxml.etree.xmlfile``), so a council's
25,000 plans never sit in memory as one tree, and the download can start before the last person is written.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date
from functools import cache
from pathlib import Path

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


def _setting(parent: etree._Element, name: str, setting: Setting, *, placement: bool) -> None:
    element = etree.SubElement(parent, name)
    _add(element, "URN", setting.urn)
    _add(element, "UKPRN", setting.ukprn)
    _add(element, "SENSetting", setting.sen_setting)
    _add(element, "PlacementRank", setting.rank)
    if placement:
        _add(element, "EntryDate", setting.entry_date)
        _add(element, "LeavingDate", setting.leaving_date)


def _named_plan(parent: etree._Element, plan: NamedPlan) -> None:
    element = etree.SubElement(parent, "NamedPlan")
    _add(element, "StartDate", plan.start_date)
    for detail in plan.details[:2]:
        _setting(element, "PlanDetail", detail, placement=False)
    _add(element, "CeaseDate", plan.cease_date)
    _add(element, "CeaseReason", plan.cease_reason)


def _active_plan(parent: etree._Element, active: ActivePlan) -> None:
    element = etree.SubElement(parent, "ActivePlans")
    _add(element, "TransferLA", active.transfer_la)
    for placement in active.placements[:2]:
        _setting(element, "PlacementDetail", placement, placement=True)
    for sen_type, rank in active.needs[:2]:
        need = etree.SubElement(element, "SENneed")
        _add(need, "SENtype", sen_type)
        _add(need, "SENtypeRank", rank)
    review = active.review
    if review is not None:
        _add(element, "ReviewMeeting", review.meeting_on)
        _add(element, "ReviewOutcome", review.outcome)
        _add(element, "LastReview", review.decided_on)
        _add(element, "ReviewDraft", review.draft_amended_on)
        _add(element, "PhaseTransferDueDate", review.phase_transfer_due_on)
        _add(element, "PhaseTransferFinalDate", review.phase_transfer_final_on)


def _request(parent: etree._Element, request: Request) -> None:
    element = etree.SubElement(parent, "Requests")
    _add(element, "ReceivedDate", request.received_on)
    _add(element, "RequestSource", request.source)
    _add(element, "RequestOutcomeDate", request.outcome_date)
    _add(element, "RequestOutcome", request.outcome)
    assessment = request.assessment
    if assessment is not None:
        inner = etree.SubElement(element, "Assessment")
        _add(inner, "AssessmentOutcome", assessment.outcome)
        _add(inner, "AssessmentOutcomeDate", assessment.outcome_date)
        if assessment.week20 is not None:
            _add(inner, "Week20", codes.yes_no(assessment.week20))
        if assessment.named_plan is not None:
            _named_plan(inner, assessment.named_plan)
    if request.active_plan is not None:
        _active_plan(element, request.active_plan)


def person_element(person: Person) -> etree._Element:
    element = etree.Element("Person")
    _add(element, "Surname", person.surname)
    _add(element, "Forename", person.forename)
    _add(element, "PersonBirthDate", person.birth_date)
    _add(element, "Sex", person.sex)
    _add(element, "Ethnicity", person.ethnicity)
    etree.SubElement(element, "PostCode").text = person.postcode  # required, even when not known
    _add(element, "UPN", person.upn)
    _add(element, "UniqueLearnerNumber", person.uln)
    for request in person.requests:
        _request(element, request)
    return element


def xml_chunks(sen2_return: Sen2Return, persons_per_chunk: int = 200) -> Iterator[bytes]:
    """The return's XML, in pieces of ``persons_per_chunk`` people (for a streamed download or a file)."""
    buffer = io.BytesIO()
    with etree.xmlfile(buffer, encoding="UTF-8") as xf:
        xf.write_declaration()
        with xf.element("Message"):
            xf.write(header_element(sen2_return.header), pretty_print=True)
            with xf.element("Persons"):
                for number, person in enumerate(sen2_return.persons, 1):
                    xf.write(person_element(person), pretty_print=True)
                    if number % persons_per_chunk == 0:
                        xf.flush()
                        yield buffer.getvalue()
                        buffer.seek(0)
                        buffer.truncate()
    yield buffer.getvalue()


def xml_bytes(sen2_return: Sen2Return) -> bytes:
    return b"".join(xml_chunks(sen2_return))
