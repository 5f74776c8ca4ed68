"""Build the SEN2 return for a census day: who is in it, and each person's requests, assessments and plans.

Who is in it (DfE guide, spec section 7): every child with a plan in force on the census day; every request,
assessment and plan with activity in the previous calendar year (received, decided, issued, withdrawn or ceased
in it); and work still going on at the census. A plan in force whose request was decided before the year is
reported as "historical" (outcome H), and so is a plan that came from another council (no request here).

An amended plan is the same plan to the DfE: its versions are followed back (``Plan.amends``) to the plan first
made, whose issue date is the NamedPlan StartDate; the version in force on the census day gives the setting named.

The rows are sen2.gather's tuples: a row is unpacked whole where it is read (in the order of gather's
``*_FIELDS``), and the few columns read one at a time are named by position below. A council's return runs this
for tens of thousands of people, so the code keeps to local names and plain comparisons.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass
from datetime import date, datetime

import statutory
from pathfinder.sen2 import codes
from pathfinder.sen2.budget_flags import BudgetFlags, budget_flags
from pathfinder.sen2.census import activity_year
from pathfinder.sen2.disagreement_flags import DisputedDecision, disputed_decisions
from pathfinder.sen2.gather import CHILD_FIELDS, ENDED, PLAN_FIELDS, ChildIds, Facts, facts_gather
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
from statutory.sen2_disagreements import sen2_disagreement_flags

_PLAN = {name: index for index, name in enumerate(PLAN_FIELDS)}
P_ID, P_CHILD, P_ASSESSMENT, P_AMENDS = _PLAN["id"], _PLAN["child_id"], _PLAN["assessment_id"], _PLAN["amends_id"]
P_ISSUED, P_FIRST_MADE, P_STATUS, P_ENDED = (_PLAN["issued_on"], _PLAN["first_made_on"], _PLAN["status"],
                                             _PLAN["ended_on"])
P_URN, P_TYPE, P_CEASED, P_SENT_AWAY = (_PLAN["placement_urn"], _PLAN["placement_type"], _PLAN["ceased__reason"],
                                        _PLAN["sent_away__sen2_cease_reason"])
P_FROM_LA, P_MOVED_IN = _PLAN["transfer_in__from_la_code"], _PLAN["transfer_in__transferred_on"]
_CHILD = {name: index for index, name in enumerate(CHILD_FIELDS)}
C_BIRTH, C_URN, C_UKPRN, C_CODE, C_PHASE = (_CHILD["date_of_birth"], _CHILD["setting_urn"], _CHILD["setting_ukprn"],
                                            _CHILD["setting_code"], _CHILD["setting_phase"])
C_NEED_1, C_NEED_2 = len(CHILD_FIELDS), len(CHILD_FIELDS) + 1
R_CHILD = 8  # REVIEW_FIELDS: plan__child_id


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
    reviews = [ReviewCount(meeting_on, status == "decided", decided_on, decision, first_made_on,
                           plan_ended_on if plan_status in ENDED else None)
               for (_, _, meeting_on, status, decision, decided_on, _, _, _, first_made_on, plan_status,
                    plan_ended_on) in facts.reviews]
    builder = _Builder(facts)
    builder.budget_flags = budget_flags(census, child_ids)
    persons = builder.persons()
    builder.disagreements(disputed_decisions(census, child_ids))
    return Sen2Return(header=header, persons=persons, reviews_in_year=reviews)


@dataclass(slots=True)
class _Chain:
    """A plan (its root: the version first made) and its amended versions up to the census day (current)."""

    root: tuple
    current: tuple
    ended_on: date | None  # the current version's, if it has ended (ceased or transferred away)


class _Builder:
    def __init__(self, facts: Facts) -> None:
        self.facts = facts
        self.budget_flags: dict[int, BudgetFlags] = {}
        self.census = census = facts.census
        self.start, self.end = start, end = facts.year_start, facts.year_end
        self.children = facts.children
        self.by_child: dict[int, Person] = {}
        plans = {row[P_ID]: row for row in facts.plans}
        chains: dict[int, _Chain] = {}
        self.root_of: dict[int, int] = {}  # each plan version's root (the plan first made), by id
        latest_by_child: dict[int, tuple] = {}
        for row in facts.plans:  # ordered by child, issue date, id: later versions overwrite earlier ones
            root = row
            if row[P_AMENDS] in plans:
                seen = {row[P_ID]}
                while root[P_AMENDS] in plans and root[P_AMENDS] not in seen:
                    root = plans[root[P_AMENDS]]
                    seen.add(root[P_ID])
            chains[root[P_ID]] = _Chain(root, row, row[P_ENDED] if row[P_STATUS] in ENDED else None)
            self.root_of[row[P_ID]] = root[P_ID]
            latest_by_child[row[P_CHILD]] = row
        self.chains = chains
        #: The root of each child's plan in force on the census day, and of each plan that ended in the year.
        self.active_roots = {root_id for root_id, chain in chains.items()
                             if (chain.current[P_STATUS] not in ENDED
                                 or (chain.ended_on is not None and chain.ended_on > census))
                             and latest_by_child[chain.current[P_CHILD]] is chain.current}
        self.ended_roots = {root_id for root_id, chain in chains.items()
                            if chain.ended_on is not None and start <= chain.ended_on <= end}
        self.reported_roots = self.active_roots | self.ended_roots
        self.root_by_assessment = {chain.root[P_ASSESSMENT]: chain for chain in chains.values()
                                   if chain.root[P_ASSESSMENT] is not None}
        #: Each child's latest review meeting in the year (the reviews are ordered by meeting date).
        self.latest_review = {row[R_CHILD]: row for row in facts.reviews}

    def person(self, child_id: int) -> Person:
        person = self.by_child.get(child_id)
        if person is None:
            (_, surname, forename, known_as, birth_date, sex, postcode, upn, uln, _, _, _, _, _, _) = self.children[child_id]
            person = self.by_child[child_id] = Person(
                child_id, surname, forename, birth_date, codes.SEX.get(sex, "U"), postcode, upn, uln,
                codes.ETHNICITY_NOT_OBTAINED, [], known_as)
        return person

    def persons(self) -> list[Person]:
        used: set[int] = set()
        root_by_assessment = self.root_by_assessment
        for row in self.facts.assessments:
            chain = root_by_assessment.get(row[0])
            request = self.request(row, chain)
            if request is None:
                continue
            if chain is not None:
                used.add(chain.root[P_ID])
            self.person(row[1]).requests.append(request)
        reported = self.reported_roots
        for root_id, chain in self.chains.items():
            if root_id in used or root_id not in reported:
                continue
            self.person(chain.root[P_CHILD]).requests.append(self.historical(chain))
        return sorted(self.by_child.values(), key=lambda p: (p.surname.lower(), p.forename.lower(), p.child_id))

    def disagreements(self, disputed: list[DisputedDecision]) -> None:
        """Write the six mediation and tribunal items on every request held here (0 or 1), each disputed decision
        counted on the request it belongs to (sen2.disagreement_flags); a plan with no request here has none."""
        by_request: dict[int, list] = {}
        for item in disputed:
            person = self.by_child.get(item.child_id)
            if person is None:
                continue
            request = self.request_of(person, item)
            if request is not None:
                by_request.setdefault(id(request), []).append(item.disagreement)
        census = self.census
        undisputed = sen2_disagreement_flags((), on=census)  # most requests: one answer, made once
        for person in self.by_child.values():
            for request in person.requests:
                if request.assessment_id is None:
                    continue
                items = by_request.get(id(request))
                flags = sen2_disagreement_flags(items, on=census) if items else undisputed
                request.mediation, request.tribunal = flags.request_mediation, flags.request_tribunal
                assessment = request.assessment
                if assessment is not None:
                    assessment.mediation, assessment.tribunal = flags.assessment_mediation, flags.assessment_tribunal
                    assessment.other_mediation, assessment.other_tribunal = flags.other_mediation, flags.other_tribunal
                elif flags.assessment_mediation or flags.assessment_tribunal or flags.other_mediation \
                        or flags.other_tribunal:
                    request.other_unwritten = True

    def request_of(self, person: Person, item: DisputedDecision) -> Request | None:
        """The request a disputed decision belongs to: by its assessment, by its plan's first version, else the
        child's request whose plan is in force, else their latest request held here."""
        assessment_id = item.assessment_id
        if assessment_id is None and item.plan_id is not None:
            root = self.chains.get(self.root_of.get(item.plan_id, -1))
            assessment_id = root.root[P_ASSESSMENT] if root is not None else None
        requests = person.requests
        found = next((r for r in requests if assessment_id is not None and r.assessment_id == assessment_id), None)
        held_here = [r for r in requests if r.assessment_id is not None]
        return found or next((r for r in held_here if r.active_plan is not None), held_here[-1] if held_here else None)

    def request(self, row: tuple, chain: _Chain | None) -> Request | None:
        (assessment_id, _, caseworker_id, source, received_on, to_assess, decided_to_assess, to_issue,
         decided_to_issue, final, exception, withdrawn) = row
        census, start, end = self.census, self.start, self.end
        # A decision dated after the census day has not happened yet.
        if to_assess is not None and to_assess > census:
            to_assess = None
        if to_issue is not None and to_issue > census:
            to_issue = None
        if final is not None and final > census:
            final = None
        if withdrawn is not None and withdrawn > census:
            withdrawn = None
        activity = (start <= received_on <= end or (to_assess is not None and start <= to_assess <= end)
                    or (to_issue is not None and start <= to_issue <= end) or (final is not None and start <= final <= end)
                    or (withdrawn is not None and start <= withdrawn <= end))
        concluded = bool(final or withdrawn or (to_assess and decided_to_assess is False)
                         or (to_issue and decided_to_issue is False))
        root_id = chain.root[P_ID] if chain is not None else None
        if not (activity or not concluded or root_id in self.reported_roots):
            return None
        historical = not activity and concluded
        if historical:
            outcome = codes.HISTORICAL
        elif final or (to_assess and decided_to_assess is not None):
            outcome = codes.YES if final or decided_to_assess else codes.NO
        else:
            outcome = codes.WITHDRAWN if withdrawn else codes.AWAITING
        request = Request(outcome, assessment_id, received_on, codes.REQUEST_SOURCE.get(source),
                          to_assess if outcome in (codes.YES, codes.NO, codes.HISTORICAL) else None, None, None,
                          caseworker_id)
        if outcome == codes.YES or outcome == codes.HISTORICAL:  # the assessment, and the plan if one was made
            if historical:
                assessed = codes.HISTORICAL
            elif final or (to_issue and decided_to_issue is not None):
                assessed = codes.YES if final or decided_to_issue else codes.NO
            else:
                assessed = codes.WITHDRAWN if withdrawn else codes.AWAITING
            assessment = request.assessment = Assessment(
                assessed, to_issue or final if assessed != codes.AWAITING else None)
            if final is not None:
                assessment.week20 = exception
                assessment.named_plan = self.named_plan(chain, final)
        if root_id is not None and root_id in self.active_roots:
            request.active_plan = self.active_plan(chain)
        return request

    def historical(self, chain: _Chain) -> Request:
        """A plan in force (or ended in the year) with no request here: transferred in, or made after a
        re-assessment, or before Pathfinder."""
        start = chain.root[P_FIRST_MADE] or chain.root[P_ISSUED]
        request = Request(outcome=codes.HISTORICAL, assessment=Assessment(
            outcome=codes.HISTORICAL, named_plan=self.named_plan(chain, start)))
        if chain.root[P_ID] in self.active_roots:
            request.active_plan = self.active_plan(chain)
        return request

    def named_plan(self, chain: _Chain | None, start: date) -> NamedPlan:
        if chain is None:
            return NamedPlan(start_date=start, plan_id=None)
        current = chain.current
        plan = NamedPlan(start, current[P_ID], self.plan_details(current))
        root_id = chain.root[P_ID]
        if root_id in self.active_roots:
            flags = self.budget_flags.get(current[P_CHILD])
            if flags is not None:
                plan.pb, plan.oa, plan.dp = flags.pb, flags.oa, flags.dp
        if root_id in self.ended_roots:
            plan.cease_date = chain.ended_on
            plan.cease_reason = codes.CEASE_REASON.get(current[P_CEASED] or current[P_SENT_AWAY] or "")
        return plan

    def plan_details(self, current: tuple) -> list[Setting]:
        """The setting named in section I of the version in force: a URN or UKPRN, else a SEN2 setting code."""
        urn, ukprn = codes.establishment(current[P_URN])
        if urn or ukprn:
            return [Setting(urn, ukprn)]
        placement_type = current[P_TYPE]
        if placement_type == "other":
            setting_code = self.children[current[P_CHILD]][C_CODE]
            if setting_code:
                return [Setting(sen_setting=codes.SEN_SETTING[setting_code])]
        if placement_type == "early_years":
            return [Setting(sen_setting="EYP")]
        if placement_type:
            return [Setting(sen_setting="OTH")]  # "type of setting specified but none named"
        return []

    def active_plan(self, chain: _Chain) -> ActivePlan:
        root = chain.root
        child_id = root[P_CHILD]
        child = self.children[child_id]
        urn, ukprn = codes.establishment(child[C_URN] or child[C_UKPRN])
        if urn or ukprn:
            placements = [Setting(urn, ukprn)]
        elif child[C_CODE]:
            placements = [Setting(sen_setting=codes.SEN_SETTING[child[C_CODE]])]
        else:
            placements = []
        need_1, need_2 = child[C_NEED_1], child[C_NEED_2]
        needs = [(codes.SEN_TYPE[need_1], 1)] if need_1 else []
        if need_2:
            needs.append((codes.SEN_TYPE[need_2], 2))
        active = ActivePlan(chain.current[P_ID], placements, needs)
        if root[P_FROM_LA]:
            moved_in = root[P_MOVED_IN]
            if moved_in is not None and self.start <= moved_in <= self.end:
                active.transfer_la = root[P_FROM_LA]
        review = self.latest_review.get(child_id)
        if review is not None:
            active.review = self.review(review, child)
        return active

    def review(self, row: tuple, child: tuple) -> Review:
        (review_id, kind, meeting_on, status, decision, decided_on, draft_sent_on, amendment_issued_on, *_) = row
        census = self.census
        decided_on = decided_on if status == "decided" and decided_on is not None and decided_on <= census else None
        review = Review(review_id, meeting_on, codes.REVIEW_OUTCOME.get(decision) if decided_on else None, decided_on,
                        draft_sent_on if draft_sent_on is not None and draft_sent_on <= census else None)
        if kind == "phase_transfer":
            transfer = statutory.phase_transfer(date_of_birth=child[C_BIRTH], phase=child[C_PHASE],
                                                transfer_year=next_transfer_year(meeting_on))
            review.phase_transfer_due_on = transfer.long_stop if transfer is not None else None
            review.phase_transfer_final_on = (amendment_issued_on if amendment_issued_on is not None
                                              and amendment_issued_on <= census else None)
        return review
