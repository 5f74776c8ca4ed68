"""The SEN2 return as plain data: what the XML writer writes and the validation rules read.

Plain dataclasses, no Django: the facts are gathered once by set-based queries (sen2.gather), and then both the
XML (sen2.xml) and the DfE's cross-field rules (sen2.rules) work on these, so a rule can be tested by building a
record by hand. Field names follow the SEN2 data items; None means "left out of the XML". ``child_id`` and the
internal ids are ours (for links and for the caseworker's worklist) and are never written to the XML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass
class Header:
    reference_date: date
    lea: str
    created_at: datetime
    dmo: str = "Y"
    dco: str = "Y"
    dsco: str | None = None
    software: str = "Pathfinder"
    release: str = "1.0"
    serial_no: str = "001"

    @property
    def year(self) -> int:
        return self.reference_date.year


@dataclass
class Setting:
    """A school or other setting: PlanDetail (named in the plan) or PlacementDetail (attended at the census)."""

    urn: str = ""
    ukprn: str = ""
    sen_setting: str = ""
    rank: int = 1
    entry_date: date | None = None
    leaving_date: date | None = None


@dataclass
class NamedPlan:
    start_date: date
    plan_id: int | None
    details: list[Setting] = field(default_factory=list)
    pb: str | None = None  # personal budget items: sen2.budget_flags
    oa: str | None = None
    dp: str | None = None
    cease_date: date | None = None
    cease_reason: str | None = None


@dataclass
class Review:
    """One review meeting of the plan (only the latest in the year is written, as ReviewMeeting)."""

    review_id: int
    meeting_on: date
    outcome: str | None = None
    decided_on: date | None = None
    draft_amended_on: date | None = None
    phase_transfer_due_on: date | None = None
    phase_transfer_final_on: date | None = None


@dataclass
class ActivePlan:
    plan_id: int
    placements: list[Setting] = field(default_factory=list)
    needs: list[tuple[str, int]] = field(default_factory=list)  # (SENtype, rank)
    transfer_la: str | None = None
    review: Review | None = None


@dataclass
class Assessment:
    outcome: str
    outcome_date: date | None = None
    week20: bool | None = None
    named_plan: NamedPlan | None = None
    # AssessmentMediation/AssessmentTribunal (not to issue) and OtherMediation/OtherTribunal (anything else
    # appealable from it): sen2.disagreement_flags; None = not written.
    mediation: bool | None = None
    tribunal: bool | None = None
    other_mediation: bool | None = None
    other_tribunal: bool | None = None


@dataclass
class Request:
    """One request for an EHC needs assessment (or a plan that came from elsewhere: outcome H)."""

    outcome: str
    assessment_id: int | None = None
    received_on: date | None = None
    source: str | None = None
    outcome_date: date | None = None
    assessment: Assessment | None = None
    active_plan: ActivePlan | None = None
    # Not written: the statutory due dates, for the headline timeliness (counted from these records alone).
    caseworker_id: int | None = None
    # RequestMediation/RequestTribunal (a decision not to assess); None = not written (no request here).
    mediation: bool | None = None
    tribunal: bool | None = None
    # Mediation or an appeal about a later decision, with no Assessment element to carry it (rule SEN2-R20).
    other_unwritten: bool = False


@dataclass
class Person:
    child_id: int
    surname: str
    forename: str
    birth_date: date
    sex: str
    postcode: str
    upn: str = ""
    uln: str = ""
    ethnicity: str = "NOBT"
    requests: list[Request] = field(default_factory=list)
    known_as: str = ""  # not written: the preferred name, for the worklist's links


@dataclass
class ReviewCount:
    """A review meeting held in the year, for the headline figures: every meeting counts, as insights counts
    them, although the XML carries only each plan's latest (ReviewMeeting)."""

    meeting_on: date
    decided: bool
    decided_on: date | None
    decision: str
    plan_first_made_on: date | None
    plan_ended_on: date | None


@dataclass
class Sen2Return:
    header: Header
    persons: list[Person]
    reviews_in_year: list[ReviewCount] = field(default_factory=list)

    @property
    def year_start(self) -> date:
        return date(self.header.reference_date.year - 1, 1, 1)

    @property
    def year_end(self) -> date:
        return date(self.header.reference_date.year - 1, 12, 31)
