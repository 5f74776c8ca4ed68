"""Reading a council's last SEN2 return (the DfE's person-level XML) into the caseload template's rows, so it is
checked and written exactly as the CSV files are.

What each SEN2 module becomes: Person a child (matched on UPN); Requests a request, its Assessment the assessment;
NamedPlan a plan made after that request, its PlanDetail the placement named; ActivePlans the plan active at the
census (a plan made before the collection year, if no NamedPlan), its review, its SENneed the child's ranked needs
and its first PlacementDetail the child's current setting. Items Pathfinder does not keep (ethnicity, mediation and
tribunal flags, personal budget details...) are listed once as a warning with how often they occurred.

The XML is parsed with lxml without entities, DTDs or network access (a file that declares any is refused). It is
then checked against the schema the SEN2 return is written to (pathfinder/sen2/schema/sen2-pathfinder-2026.xsd),
but a schema error does not refuse the file: an old system's return is often slightly off the schema (an item out
of order, a 2024 return without RequestSource), and the council's last return is what it has. So each schema error
is a warning with its line (the first ``SCHEMA_WARNINGS``, then how many more), on the dry run and the real run
alike, and everything that can be read is imported; a row the checks cannot accept is refused by them, in words.
"""

from __future__ import annotations

from collections import Counter

from lxml import etree

from pathfinder.caseload.reading import WARNING, FileRefused, Problem, Source, SourceRow
from pathfinder.people.codes import SettingCode
from pathfinder.sen2 import codes
from pathfinder.sen2.xml import schema

#: How many schema errors are listed one by one (then counted): a file wrong everywhere is wrong the same way.
SCHEMA_WARNINGS = 20

_KEPT = {
    "Surname", "Forename", "PersonBirthDate", "Sex", "PostCode", "UPN", "UniqueLearnerNumber", "UPNunknown",
    "ReceivedDate", "RequestSource", "RequestOutcomeDate", "RequestOutcome", "AssessmentOutcome",
    "AssessmentOutcomeDate", "Week20", "StartDate", "CeaseDate", "URN", "UKPRN", "SENSetting", "PlacementRank",
    "ReviewMeeting", "ReviewOutcome", "LastReview", "SENtype", "SENtypeRank", "CeaseReason", "TransferLA",
}
_CONTAINERS = {"Requests", "Assessment", "NamedPlan", "PlanDetail", "ActivePlans", "PlacementDetail", "SENneed"}
#: The SEN2 code lists are pathfinder.sen2.codes (the return writes them, this reads them back): one source.


def _ours(mapping: dict[str, str], sen2_code: str) -> str:
    """Our code for a SEN2 code; an unknown one is passed on as it is, for the checks to refuse in words."""
    return codes.decoded(mapping, sen2_code) or sen2_code


def _start_date(request) -> str:
    return next((_text(named, "StartDate") for assessment in _children(request, "Assessment")
                 for named in _children(assessment, "NamedPlan")), "")


def _name(element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _children(element, name: str) -> list:
    return [child for child in element if _name(child) == name]


def _text(element, name: str) -> str:
    for child in element:
        if _name(child) == name:
            return (child.text or "").strip()
    return ""


def sen2_parse(data: bytes, file_name: str = "SEN2 file"):
    """The XML's root, or FileRefused saying in words why the file cannot be read."""
    head = data[:512].lstrip()
    if not head.startswith(b"<"):
        raise FileRefused(file_name, "This is not an XML file. Choose the SEN2 return as the XML file sent to "
                                     "the DfE (COLLECT)")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                             huge_tree=False, remove_comments=True)
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as error:
        raise FileRefused(file_name, f"The XML is not well formed (line {error.lineno}): {error.msg}") from None
    if root.getroottree().docinfo.internalDTD is not None or b"<!ENTITY" in data[:65536]:
        raise FileRefused(file_name, "The file declares a DTD or entities, which Pathfinder does not read. Export "
                                     "the return again without them")
    if _name(root) != "Message" or not _children(root, "Persons"):
        raise FileRefused(file_name, f"This is not an SEN2 return: it starts with <{_name(root)}>, not <Message> "
                                     "with <Persons>")
    return root


def sen2_read(data: bytes, file_name: str = "SEN2 file") -> Source:
    """Every person of an SEN2 return as the template's rows (line numbers are the XML's)."""
    root = sen2_parse(data, file_name)
    source = Source(description=file_name)
    header = next(iter(_children(root, "Header")), None)
    la_code, year_start = "", ""
    if header is not None:
        for element in header.iter():
            if _name(element) == "LEA":
                la_code = (element.text or "").strip()
            elif _name(element) == "ReferenceDate" and (element.text or "").strip()[:4].isdigit():
                year_start = f"{int(element.text.strip()[:4]) - 1}-01-01"  # the collection (activity) year
    source.warnings.extend(schema_warnings(root))
    reader = _Reader(source, la_code, year_start)
    for persons in _children(root, "Persons"):
        for person in _children(persons, "Person"):
            reader.person(person)
    if reader.no_source:
        have = "request has" if reader.no_source == 1 else "requests have"
        source.warnings.append(Problem("requests", 0, "request_source", f"{reader.no_source:,} {have} no "
                                       "RequestSource (returns before 2026): recorded as 5, other", WARNING))
    if reader.undated_withdrawals:
        have = "withdrawal has" if reader.undated_withdrawals == 1 else "withdrawals have"
        source.warnings.append(Problem("requests", 0, "withdrawn_on", f"{reader.undated_withdrawals:,} {have} no "
                                       "date in SEN2: recorded as the latest date the return gives for that "
                                       "request (not before the collection year)", WARNING))
    if reader.undated_transfers:
        plans = "plan transferred in (TransferLA) has" if reader.undated_transfers == 1 else \
            "plans transferred in (TransferLA) have"
        source.warnings.append(Problem("plans", 0, "transferred_in_on", f"{reader.undated_transfers:,} {plans} no "
                                       "transfer date in SEN2: recorded as the first day of the collection year",
                                       WARNING))
    if reader.not_kept:
        items = ", ".join(f"{name} ({count})" for name, count in sorted(reader.not_kept.items()))
        source.warnings.append(Problem("children", 0, "", f"SEN2 items Pathfinder does not keep: {items}", WARNING))
    return source


def schema_warnings(root) -> list[Problem]:
    """The file's schema errors as warnings, by line (the return's own schema: what Pathfinder writes)."""
    validator = schema()
    if validator.validate(root):
        return []
    errors = list(validator.error_log)
    warnings = [Problem("children", error.line, "", f"Not as the SEN2 schema says (line {error.line}): "
                        f"{error.message}", WARNING) for error in errors[:SCHEMA_WARNINGS]]
    if len(errors) > SCHEMA_WARNINGS:
        warnings.append(Problem("children", 0, "", f"{len(errors) - SCHEMA_WARNINGS:,} more schema errors (the "
                                f"first {SCHEMA_WARNINGS} are listed)", WARNING))
    return warnings


class _Reader:
    def __init__(self, source: Source, la_code: str, year_start: str = "") -> None:
        self.source, self.la_code, self.year_start = source, la_code, year_start
        self.undated_withdrawals = self.undated_transfers = 0
        self.not_kept: Counter[str] = Counter()
        self.no_source = 0

    def add(self, file: str, element, **values: str) -> None:
        self.source.rows[file].append(SourceRow(file, element.sourceline or 0, values))

    def person(self, person) -> None:
        self._count_not_kept(person)
        upn, uln = _text(person, "UPN"), _text(person, "UniqueLearnerNumber")
        born = _text(person, "PersonBirthDate")
        key = (f"UPN:{upn}" if upn else f"ULN:{uln}" if uln
               else f"{_text(person, 'Surname')}|{_text(person, 'Forename')}|{born}")
        child = {"legacy_id": key, "legal_first_name": _text(person, "Forename"),
                 "legal_last_name": _text(person, "Surname"), "date_of_birth": born, "sex": _ours(codes.SEX, _text(person, "Sex")),
                 "upn": upn, "uln": uln, "postcode": _text(person, "PostCode"), "la_code": self.la_code}
        needs_done = False
        setting_done = False
        for request in _children(person, "Requests"):
            # A plan with no request here (no ReceivedDate) is told apart by its StartDate: a child may have two.
            request_key = f"{key}/request/{_text(request, 'ReceivedDate') or 'none-' + _start_date(request)}"
            plan_key = self._request(request, key, request_key)
            for active in _children(request, "ActivePlans"):
                plan_key = self._active_plan(active, key, request_key, plan_key)
                for detail in _children(active, "PlacementDetail"):
                    if not setting_done and _text(detail, "PlacementRank") in ("", "1"):
                        child.update(setting_urn=_text(detail, "URN"), setting_ukprn=_text(detail, "UKPRN"))
                        if not (child["setting_urn"] or child["setting_ukprn"]):
                            child["setting_code"] = _ours(codes.SEN_SETTING, _text(detail, "SENSetting"))
                        setting_done = True
                    else:
                        self.not_kept["PlacementDetail (second placement)"] += 1
                for need in _children(active, "SENneed"):
                    if needs_done:
                        self.not_kept["SENneed (repeated in a later request)"] += 1
                        continue
                    rank = _text(need, "SENtypeRank")
                    self.add("needs", need, legacy_id=f"{key}/need/{rank}", child_legacy_id=key,
                             need_type=_ours(codes.SEN_TYPE, _text(need, "SENtype")), rank=rank)
                needs_done = needs_done or bool(_children(active, "SENneed"))
        self.source.rows["children"].append(SourceRow("children", person.sourceline or 0, child))

    def _request(self, request, child_key: str, request_key: str) -> str:
        outcome, outcome_on = _text(request, "RequestOutcome"), _text(request, "RequestOutcomeDate")
        source_code = _text(request, "RequestSource")
        if not source_code and _text(request, "ReceivedDate"):
            self.no_source += 1
        # No ReceivedDate: a plan that came without a request here (from another council, or made before the
        # council's records began: outcome H). Its plan is kept, with no request or assessment to go with it.
        here = bool(_text(request, "ReceivedDate"))
        row = {"legacy_id": request_key, "child_legacy_id": child_key, "received_on": _text(request, "ReceivedDate"),
               "request_source": _ours(codes.REQUEST_SOURCE, source_code or "5")}
        if outcome in (codes.YES, codes.NO, codes.HISTORICAL):
            row.update(decided_to_assess="N" if outcome == codes.NO else "Y", decision_to_assess_on=outcome_on)
        elif outcome == codes.WITHDRAWN:
            row["withdrawn_on"] = outcome_on or self.withdrawn_day(request)
        plan_key = ""
        for assessment in _children(request, "Assessment"):
            result, result_on = _text(assessment, "AssessmentOutcome"), _text(assessment, "AssessmentOutcomeDate")
            facts = {"legacy_id": f"{request_key}/assessment", "request_legacy_id": request_key,
                     "final_plan_exception_applies": "Y" if _text(assessment, "Week20") in ("1", "true") else "N"}
            named_plans = _children(assessment, "NamedPlan")
            if result in (codes.YES, codes.HISTORICAL):
                # AssessmentOutcomeDate is the decision to issue (or the final plan's day when that is all we
                # know); the final plan's day is its NamedPlan StartDate, and no NamedPlan means not issued yet.
                facts.update(decided_to_issue="Y", decision_to_issue_on=result_on,
                             final_issued_on=_text(named_plans[0], "StartDate") if named_plans else "")
            elif result == codes.NO:
                facts.update(decided_to_issue="N", decision_to_issue_on=result_on)
            elif result == codes.WITHDRAWN and not row.get("withdrawn_on"):
                row["withdrawn_on"] = result_on or self.withdrawn_day(request, assessment)
            if here:
                self.add("assessments", assessment, **facts)
            for named in named_plans:
                plan_key = f"{request_key}/plan"
                ceased = _text(named, "CeaseDate")
                self.add("plans", named, legacy_id=plan_key, child_legacy_id=child_key,
                         request_legacy_id=request_key if here else "", kind="new",
                         status="ceased" if ceased else "final", issued_on=_text(named, "StartDate"), ended_on=ceased,
                         cease_reason=_ours(codes.CEASE_REASON, _text(named, "CeaseReason")) if ceased else "")
                for detail in _children(named, "PlanDetail"):
                    self._placement(detail, plan_key)
        if here:
            self.source.rows["requests"].append(SourceRow("requests", request.sourceline or 0, row))
        return plan_key

    def withdrawn_day(self, *elements) -> str:
        """SEN2 gives no date for a withdrawal (outcome W): the latest date the return gives for that request, but
        not before the collection year (it is in the return for activity in that year). Counted as a warning."""
        self.undated_withdrawals += 1
        days = [(element.text or "").strip() for parent in elements for element in parent
                if _name(element) in ("ReceivedDate", "RequestOutcomeDate", "AssessmentOutcomeDate")]
        return max([day for day in days if day] + [self.year_start])

    def _placement(self, detail, plan_key: str) -> None:
        urn, ukprn, setting = _text(detail, "URN"), _text(detail, "UKPRN"), _text(detail, "SENSetting")
        rank = _text(detail, "PlacementRank") or "1"
        ours = codes.decoded(codes.SEN_SETTING, setting)
        name = (f"School URN {urn}" if urn else f"Provider UKPRN {ukprn}" if ukprn
                else SettingCode(ours).label if ours else setting)
        self.add("placements", detail, legacy_id=f"{plan_key}/placement/{rank}", plan_legacy_id=plan_key, name=name,
                 institution_type="" if (urn or ukprn) else "other", urn=urn or ukprn, rank=rank)

    def _active_plan(self, active, child_key: str, request_key: str, plan_key: str) -> str:
        if not plan_key:  # a plan made before the collection year: no NamedPlan, so its start date is not known
            plan_key = f"{request_key}/plan"
            self.add("plans", active, legacy_id=plan_key, child_legacy_id=child_key,
                     request_legacy_id=request_key if _text(active.getparent(), "ReceivedDate") else "",
                     kind="new", status="final")
        plan = next(row for row in reversed(self.source.rows["plans"]) if row.values["legacy_id"] == plan_key)
        if _text(active, "TransferLA"):
            # SEN2 names the old council only for a plan transferred in the collection year, with no day: the
            # first day of that year stands for it (a warning says so).
            self.undated_transfers += 1
            plan.values.update(kind="transferred_in" if not plan.values["request_legacy_id"] else plan.values["kind"],
                               transferred_from_la=_text(active, "TransferLA"), transferred_in_on=self.year_start)
        if _text(active, "LastReview"):
            plan.values["last_reviewed_on"] = _text(active, "LastReview")
        meeting, decided, outcome = (_text(active, "ReviewMeeting"), _text(active, "LastReview"),
                                     _text(active, "ReviewOutcome"))
        if meeting or decided:
            decision = _ours(codes.REVIEW_OUTCOME, outcome)
            self.add("reviews", active, legacy_id=f"{plan_key}/review/{meeting or decided}", plan_legacy_id=plan_key,
                     status="decided" if decision and decided else "meeting_held", started_on=meeting or decided,
                     meeting_on=meeting, decision=decision if decided else "", decided_on=decided if decision else "")
        return plan_key

    def _count_not_kept(self, person) -> None:
        for element in person.iter():
            name = _name(element)
            if name and name not in _KEPT and name not in _CONTAINERS and name != "Person":
                self.not_kept[name] += 1
