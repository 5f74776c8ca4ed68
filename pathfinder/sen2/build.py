"""Build the SEN2 return for a census day: who is in it, and each person's requests, assessments and plans.

Who is in it (DfE guide, spec section 7): every child with a plan in force on the census day; every request,
assessment and plan with activity in the previous calendar year (received, decided, issued, withdrawn or ceased
in it); and work still going on at the census. A plan in force whose request was decided before the year is
reported as "historical" (outcome H), and so is a plan that came from another council (no request here).

An amended plan is the same plan to the DfE: its versions are followed back (``Plan.amends``) to the plan first
made, whose issue date is the NamedPlan StartDate; the version in force on the census day gives the setting named.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass
from datetime import date, datetime

import statutory
from pathfinder.sen2 import codes
from pathfinder.sen2.budget_flags import BudgetFlags, budget_flags
from pathfinder.sen2.census import activity_year
from pathfinder.sen2.gather import ENDED, ChildIds, Facts, facts_gather
from pathfinder.sen2.records import (
    ActivePlan,
    Assessment,
    Header,
    NamedPlan,
    Person,
    Request,
    Review,
    ReviewCount,
    Sen2Return,
    Setting,
)
from statutory.phase_transfer import next_transfer_year


def return_build(census: date, *, lea: str, created_at: datetime, child_ids: ChildIds = None,
                 officers: dict[str, str] | None = None) -> Sen2Return:
    """The return for ``census``: the whole council, or only ``child_ids`` (a caseworker's own cases)."""
    start, end = activity_year(census)
    # Hundreds of thousands of small objects are made and all kept: the cyclic garbage collector would walk them
    # again and again for nothing (a third of the time at council scale), so it waits until the return is built.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _return(census, start, end, lea, created_at, child_ids, officers or {})
    finally:
        if collecting:
            gc.enable()


def _return(census: date, start: date, end: date, lea: str, created_at: datetime, child_ids: ChildIds,
            officers: dict[str, str]) -> Sen2Return:
    facts = facts_gather(census, start, end, child_ids)
    header = Header(reference_date=census, lea=lea, created_at=created_at, dmo=officers.get("DMO", "Y"),
                    dco=officers.get("DCO", "Y"), dsco=officers.get("DSCO"))
    reviews = [ReviewCount(meeting_on=row["meeting_on"], decided=row["status"] == "decided",
                           decided_on=row["decided_on"], decision=row["decision"],
                           plan_first_made_on=row["plan__first_made_on"],
                           plan_ended_on=row["plan__ended_on"] if row["plan__status"] in ENDED else None)
               for row in facts.reviews]
    builder = _Builder(facts)
    builder.budget_flags = budget_flags(census, child_ids)
    return Sen2Return(header=header, persons=builder.persons(), reviews_in_year=reviews)


@dataclass
class _Chain:
    """A plan and its amended versions up to the census day."""

    root: dict
    current: dict

    @property
    def ended_on(self) -> date | None:
        return self.current["ended_on"] if self.current["status"] in ENDED else None


class _Builder:
    def __init__(self, facts: Facts) -> None:
        self.facts = facts
        self.budget_flags: dict[int, BudgetFlags] = {}
        self.census = facts.census
        self.by_child: dict[int, Person] = {}
        plans = {row["id"]: row for row in facts.plans}
        chains: dict[int, _Chain] = {}
        latest_by_child: dict[int, dict] = {}
        for row in facts.plans:  # ordered by child, issue date, id: later versions overwrite earlier ones
            root = row
            seen = {row["id"]}
            while root["amends_id"] in plans and root["amends_id"] not in seen:
                root = plans[root["amends_id"]]
                seen.add(root["id"])
            chains[root["id"]] = _Chain(root=root, current=row)
            latest_by_child[row["child_id"]] = row
        self.chains = chains
        #: The root of each child's plan in force on the census day.
        self.active_roots = set()
        for chain in chains.values():
            ended = chain.ended_on
            in_force = chain.current["status"] not in ENDED or (ended is not None and ended > self.census)
            if in_force and latest_by_child[chain.current["child_id"]] is chain.current:
                self.active_roots.add(chain.root["id"])
        self.ended_roots = {root_id for root_id, chain in chains.items()
                            if chain.ended_on is not None and facts.year_start <= chain.ended_on <= facts.year_end}
        self.root_by_assessment = {chain.root["assessment_id"]: chain for chain in chains.values()
                                   if chain.root["assessment_id"] is not None}
        self.latest_review: dict[int, dict] = {}
        for row in facts.reviews:  # ordered by meeting date
            self.latest_review[row["plan__child_id"]] = row

    def known(self, day: date | None) -> date | None:
        return day if day is not None and day <= self.census else None

    def in_year(self, day: date | None) -> bool:
        return day is not None and self.facts.year_start <= day <= self.facts.year_end

    def person(self, child_id: int) -> Person:
        if child_id not in self.by_child:
            row = self.facts.children[child_id]
            self.by_child[child_id] = Person(
                child_id=child_id, surname=row["legal_last_name"], forename=row["legal_first_name"],
                birth_date=row["date_of_birth"], sex=codes.SEX.get(row["sex"], "U"), postcode=row["postcode"],
                upn=row["upn"], uln=row["uln"], ethnicity=codes.ETHNICITY_NOT_OBTAINED, known_as=row["preferred_name"])
        return self.by_child[child_id]

    def persons(self) -> list[Person]:
        used: set[int] = set()
        for row in self.facts.assessments:
            chain = self.root_by_assessment.get(row["id"])
            request = self.request(row, chain)
            if request is None:
                continue
            if chain is not None:
                used.add(chain.root["id"])
            self.person(row["child_id"]).requests.append(request)
        for root_id, chain in self.chains.items():
            if root_id in used or not (root_id in self.active_roots or root_id in self.ended_roots):
                continue
            self.person(chain.root["child_id"]).requests.append(self.historical(chain))
        return sorted(self.by_child.values(), key=lambda p: (p.surname.lower(), p.forename.lower(), p.child_id))

    def request(self, row: dict, chain: _Chain | None) -> Request | None:
        known = self.known
        to_assess, to_issue = known(row["decision_to_assess_on"]), known(row["decision_to_issue_on"])
        final, withdrawn = known(row["final_issued_on"]), known(row["withdrawn_on"])
        activity = any(self.in_year(day) for day in (row["received_on"], to_assess, to_issue, final, withdrawn))
        concluded = bool(final or withdrawn or (to_assess and row["decided_to_assess"] is False)
                         or (to_issue and row["decided_to_issue"] is False))
        with_plan = chain is not None and (chain.root["id"] in self.active_roots or chain.root["id"] in self.ended_roots)
        if not (activity or not concluded or with_plan):
            return None
        historical = not activity and concluded
        if historical:
            outcome = codes.HISTORICAL
        elif final or (to_assess and row["decided_to_assess"] is not None):
            outcome = codes.YES if final or row["decided_to_assess"] else codes.NO
        else:
            outcome = codes.WITHDRAWN if withdrawn else codes.AWAITING
        request = Request(outcome=outcome, assessment_id=row["id"], received_on=row["received_on"],
                          source=codes.REQUEST_SOURCE.get(row["request_source"]),
                          outcome_date=to_assess if outcome in (codes.YES, codes.NO, codes.HISTORICAL) else None,
                          caseworker_id=row["caseworker_id"])
        if outcome in (codes.YES, codes.HISTORICAL):
            request.assessment = self.assessment(row, historical, final, to_issue, withdrawn, chain)
        if chain is not None and chain.root["id"] in self.active_roots:
            request.active_plan = self.active_plan(chain)
        return request

    def assessment(self, row: dict, historical: bool, final: date | None, to_issue: date | None,
                   withdrawn: date | None, chain: _Chain | None) -> Assessment:
        if historical:
            outcome = codes.HISTORICAL
        elif final or (to_issue and row["decided_to_issue"] is not None):
            outcome = codes.YES if final or row["decided_to_issue"] else codes.NO
        else:
            outcome = codes.WITHDRAWN if withdrawn else codes.AWAITING
        result = Assessment(outcome=outcome, outcome_date=to_issue or final if outcome != codes.AWAITING else None)
        if final is not None:
            result.week20 = row["final_plan_exception_applies"]
            result.named_plan = self.named_plan(chain, final)
        return result

    def historical(self, chain: _Chain) -> Request:
        """A plan in force (or ended in the year) with no request here: transferred in, or made after a
        re-assessment, or before Pathfinder."""
        start = chain.root["first_made_on"] or chain.root["issued_on"]
        request = Request(outcome=codes.HISTORICAL, assessment=Assessment(
            outcome=codes.HISTORICAL, named_plan=self.named_plan(chain, start)))
        if chain.root["id"] in self.active_roots:
            request.active_plan = self.active_plan(chain)
        return request

    def named_plan(self, chain: _Chain | None, start: date) -> NamedPlan:
        if chain is None:
            return NamedPlan(start_date=start, plan_id=None)
        plan = NamedPlan(start_date=start, plan_id=chain.current["id"], details=self.plan_details(chain))
        flags = self.budget_flags.get(chain.current["child_id"]) if chain.root["id"] in self.active_roots else None
        if flags is not None:
            plan.pb, plan.oa, plan.dp = flags.pb, flags.oa, flags.dp
        if chain.root["id"] in self.ended_roots:
            plan.cease_date = chain.ended_on
            plan.cease_reason = codes.CEASE_REASON.get(self.facts.cease_reasons.get(chain.current["id"], ""))
        return plan

    def plan_details(self, chain: _Chain) -> list[Setting]:
        """The setting named in section I of the version in force: a URN or UKPRN, else a SEN2 setting code."""
        current = chain.current
        urn, ukprn = codes.establishment(current["placement_urn"])
        if urn or ukprn:
            return [Setting(urn=urn, ukprn=ukprn)]
        child = self.facts.children[current["child_id"]]
        if current["placement_type"] == "other" and child["setting_code"]:
            return [Setting(sen_setting=codes.SEN_SETTING[child["setting_code"]])]
        if current["placement_type"] == "early_years":
            return [Setting(sen_setting="EYP")]
        if current["placement_type"]:
            return [Setting(sen_setting="OTH")]  # "type of setting specified but none named"
        return []

    def active_plan(self, chain: _Chain) -> ActivePlan:
        child_id = chain.root["child_id"]
        child = self.facts.children[child_id]
        urn, ukprn = codes.establishment(child["setting_urn"] or child["setting_ukprn"])
        if urn or ukprn:
            placements = [Setting(urn=urn, ukprn=ukprn)]
        elif child["setting_code"]:
            placements = [Setting(sen_setting=codes.SEN_SETTING[child["setting_code"]])]
        else:
            placements = []
        needs = sorted(self.facts.needs.get(child_id, []), key=lambda need: need[1])
        active = ActivePlan(plan_id=chain.current["id"], placements=placements,
                            needs=[(codes.SEN_TYPE[kind], rank) for kind, rank in needs])
        moved_in = self.facts.transfers_in.get(chain.root["id"])
        if moved_in is not None and self.in_year(moved_in["transferred_on"]):
            active.transfer_la = moved_in["from_la_code"]
        review = self.latest_review.get(child_id)
        if review is not None:
            active.review = self.review(review, child)
        return active

    def review(self, row: dict, child: dict) -> Review:
        decided_on = self.known(row["decided_on"]) if row["status"] == "decided" else None
        review = Review(review_id=row["id"], meeting_on=row["meeting_on"], decided_on=decided_on,
                        outcome=codes.REVIEW_OUTCOME.get(row["decision"]) if decided_on else None,
                        draft_amended_on=self.known(row["amendment__draft_sent_on"]))
        if row["kind"] == "phase_transfer":
            transfer = statutory.phase_transfer(date_of_birth=child["date_of_birth"], phase=child["setting_phase"],
                                                transfer_year=next_transfer_year(row["meeting_on"]))
            review.phase_transfer_due_on = transfer.long_stop if transfer is not None else None
            review.phase_transfer_final_on = self.known(row["amendment__issued_on"])
        return review
