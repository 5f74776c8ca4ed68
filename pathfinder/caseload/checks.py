"""Checking every row before anything is written: the dry run is this, and the real run does it first too.

A row is refused with the reason a council can act on (a bad UPN check letter, an unknown code, a plan dated before
its request, a duplicate, a row whose child was refused); every other row is accepted, matched to the record it
updates (the legacy id from an earlier import, else the child's UPN or NHS number) or marked new. Rows that refer
to a refused row are refused too, saying so, so every row is either accepted or listed: the counts reconcile.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from pathfinder.accounts.models import Team
from pathfinder.caseload.fields import row_values
from pathfinder.caseload.models import LegacyLink
from pathfinder.caseload.reading import WARNING, Problem, Source, SourceRow
from pathfinder.caseload.template import FILES
from pathfinder.people.identifiers import nhs_number_problem, normalise, uln_problem, upn_problem
from pathfinder.people.models import Child, ChildNeed

_LABEL = {"children": "child", "requests": "request", "plans": "plan"}


@dataclass
class Accepted:
    row: SourceRow
    values: dict
    child_key: str
    object_id: int | None = None  # the row it updates; None for a new one
    merged: dict = field(default_factory=dict)  # assessment into request, placement into plan


@dataclass
class Context:
    source_system: str
    today: date
    team_name: str = ""
    la_code: str = ""


@dataclass
class Checked:
    accepted: dict[str, dict[str, Accepted]] = field(default_factory=lambda: {name: {} for name in FILES})
    problems: list[Problem] = field(default_factory=list)
    read: dict[str, int] = field(default_factory=dict)
    refused_lines: dict[str, dict[str, int]] = field(default_factory=lambda: {name: {} for name in FILES})

    def refused_count(self, file: str) -> int:
        return len({p.line for p in self.problems if p.file == file and p.level != WARNING and p.line})


class Checker:
    def __init__(self, source: Source, context: Context) -> None:
        self.source, self.context = source, context
        self.out = Checked(problems=list(source.warnings))
        self._links: dict[str, dict[str, int]] = {}
        self._linked_ids: dict[str, set[int]] = {}
        #: what earlier rows of this import have taken, by rule: a UPN, a child's need rank, a child's final plan...
        self.claimed: dict[str, dict] = {}
        self._teams: dict[str, int] | None = None
        self._new_teams: set[str] = set()
        self._by_identifier: dict[tuple[str, str], int] | None = None

    def links(self, record_type: str) -> dict[str, int]:
        if record_type not in self._links:
            self._links[record_type] = dict(LegacyLink.objects.filter(
                source_system=self.context.source_system, record_type=record_type,
            ).values_list("legacy_id", "object_id"))
        return self._links[record_type]

    def linked_ids(self, record_type: str) -> set[int]:
        """Our ids of the records this source system's earlier imports made (that this import may update)."""
        if record_type not in self._linked_ids:
            self._linked_ids[record_type] = set(self.links(record_type).values())
        return self._linked_ids[record_type]

    def run(self) -> Checked:
        for file in FILES:
            self.out.read[file] = len(self.source.rows[file])
            seen: dict[str, int] = {}
            check = getattr(self, f"_{file}")
            rows = self.source.rows[file]
            if file == "plans":  # a plan before the amendments that name it, wherever they are in the file
                rows = sorted(rows, key=lambda row: bool(row.values.get("amends_legacy_id")))
            for row in rows:
                values, problems = row_values(row, self.context.today)
                key = values["legacy_id"]
                if key and key in seen:
                    problems.append(Problem(file, row.line, "legacy_id", f"Duplicate: legacy id {key} is already "
                                                                         f"on line {seen[key]}"))
                if key and key not in seen:
                    seen[key] = row.line
                if not problems:
                    accepted = check(row, values, problems)
                    if accepted is not None and (not problems or not _refusing(problems)):
                        self.out.accepted[file][key] = accepted
                if problems:
                    self.out.problems.extend(problems)
                    if _refusing(problems) and key:
                        self.out.refused_lines[file].setdefault(key, row.line)
        return self.out

    def _parent(self, file: str, row: SourceRow, column: str, key: str, problems: list[Problem]):
        """The row another refers to: (accepted row in this import or None, id of the record it already is)."""
        if key in self.out.accepted[file]:
            found = self.out.accepted[file][key]
            return found, found.object_id
        if key in self.out.refused_lines[file]:
            problems.append(Problem(row.file, row.line, column, f"Its {_LABEL[file]} ({key}, {file}.csv line "
                                                                f"{self.out.refused_lines[file][key]}) was refused"))
        elif key in self.links(file):
            return None, self.links(file)[key]
        else:
            problems.append(Problem(row.file, row.line, column, f"No {_LABEL[file]} with legacy id {key} in "
                                                                f"{file}.csv or imported before"))
        return None, None

    def _child_key(self, parent: Accepted | None, object_id: int | None) -> str:
        return parent.child_key if parent is not None else f"#{object_id}"

    def _children(self, row: SourceRow, values: dict, problems: list[Problem]) -> Accepted | None:
        for column, check in (("upn", upn_problem), ("nhs_number", nhs_number_problem), ("uln", uln_problem)):
            if values[column]:
                values[column] = normalise(values[column]).replace("-", "")
                problem = check(values[column])
                if problem:
                    problems.append(Problem(row.file, row.line, column, problem))
        if values["date_of_birth"] and values["date_of_birth"] < date(1990, 1, 1):
            problems.append(Problem(row.file, row.line, "date_of_birth", "Born before 1990: too old for an EHC plan"))
        values["team_id"] = self._team(row, values["team"], problems)
        values["team"] = values["team"] or self.context.team_name
        object_id = self.links("children").get(values["legacy_id"])
        if object_id is None:
            object_id = self._match_child(values)
        claimed = self.claimed.setdefault("children", {})
        for column in ("upn", "nhs_number"):
            if values[column]:
                other = claimed.get((column, values[column]))
                if other:
                    problems.append(Problem(row.file, row.line, column, f"Duplicate: the same {column.upper()} "
                                                                        f"is on line {other}"))
                claimed[(column, values[column])] = row.line
        if object_id is not None and ("pk", object_id) in claimed:
            problems.append(Problem(row.file, row.line, "legacy_id", "Duplicate: the child on line "
                                                                     f"{claimed[('pk', object_id)]} is the same child"))
        if _refusing(problems):
            return None
        claimed[("pk", object_id)] = row.line
        if not values["upn"] and not values["nhs_number"]:
            problems.append(Problem(row.file, row.line, "upn", "No UPN or NHS number: matched on its legacy id only",
                                    WARNING))
        return Accepted(row, values, values["legacy_id"], object_id)

    def _team(self, row: SourceRow, name: str, problems: list[Problem]) -> int | None:
        """The team's id, or None for a team the import will make (with a warning, once); refused if none."""
        if self._teams is None:
            self._teams = {team.name.lower(): team.pk for team in Team.objects.all()}
        name = name or self.context.team_name
        if not name:
            if len(self._teams) == 1:
                return next(iter(self._teams.values()))
            problems.append(Problem(row.file, row.line, "team", "No team: name one in the team column, or choose "
                                                                "a team for the import"))
            return None
        team_id = self._teams.get(name.lower())
        if team_id is None and name.lower() not in self._new_teams:
            self._new_teams.add(name.lower())
            problems.append(Problem(row.file, row.line, "team", f"There is no team called '{name}' yet: the import "
                                                                "makes it", WARNING))
        return team_id

    def _match_child(self, values: dict) -> int | None:
        if self._by_identifier is None:
            self._by_identifier = {}
            for pk, upn, nhs in Child.objects.exclude(upn="", nhs_number="").values_list("pk", "upn", "nhs_number"):
                if upn:
                    self._by_identifier.setdefault(("upn", upn), pk)
                if nhs:
                    self._by_identifier.setdefault(("nhs_number", nhs), pk)
        for column in ("upn", "nhs_number"):
            if values[column] and (column, values[column]) in self._by_identifier:
                return self._by_identifier[(column, values[column])]
        return None

    def _family(self, row: SourceRow, values: dict, problems: list[Problem]) -> Accepted | None:
        parent, child_id = self._parent("children", row, "child_legacy_id", values["child_legacy_id"], problems)
        if _refusing(problems):
            return None
        return Accepted(row, values, self._child_key(parent, child_id), self.links("family").get(values["legacy_id"]))

    def _needs(self, row: SourceRow, values: dict, problems: list[Problem]) -> Accepted | None:
        parent, child_id = self._parent("children", row, "child_legacy_id", values["child_legacy_id"], problems)
        child_key = self._child_key(parent, child_id)
        ranks = self.claimed.setdefault("needs", {})
        if (child_key, values["rank"]) in ranks:
            problems.append(Problem(row.file, row.line, "rank", f"Duplicate: this child's need ranked "
                                                                f"{values['rank']} is on line {ranks[child_key, values['rank']]}"))
        if values["rank"] == 0:
            problems.append(Problem(row.file, row.line, "rank", "rank starts at 1 (the primary need)"))
        if _refusing(problems):
            return None
        ranks[(child_key, values["rank"])] = row.line
        object_id = self.links("needs").get(values["legacy_id"])
        if object_id is None and child_id is not None:
            object_id = ChildNeed.objects.filter(child_id=child_id, rank=values["rank"]).values_list(
                "pk", flat=True).first()
        return Accepted(row, values, child_key, object_id)

    def _requests(self, row: SourceRow, values: dict, problems: list[Problem]) -> Accepted | None:
        parent, child_id = self._parent("children", row, "child_legacy_id", values["child_legacy_id"], problems)
        for column in ("decision_to_assess_on", "withdrawn_on"):
            if values[column] and values["received_on"] and values[column] < values["received_on"]:
                problems.append(Problem(row.file, row.line, column, f"{column} is before the request was received"))
        if values["decision_to_assess_on"] and values["decided_to_assess"] is None:
            problems.append(Problem(row.file, row.line, "decided_to_assess", "A decision date needs the decision: "
                                                                             "Y or N"))
        if _refusing(problems):
            return None
        return Accepted(row, values, self._child_key(parent, child_id), self.links("requests").get(values["legacy_id"]))

    def _assessments(self, row: SourceRow, values: dict, problems: list[Problem]) -> Accepted | None:
        request, request_id = self._parent("requests", row, "request_legacy_id", values["request_legacy_id"], problems)
        if _refusing(problems):
            return None
        taken = self.claimed.setdefault("assessments", {})
        if values["request_legacy_id"] in taken:
            problems.append(Problem(row.file, row.line, "request_legacy_id", "Duplicate: this request's assessment "
                                                                             f"is on line {taken[values['request_legacy_id']]}"))
            return None
        if request is not None:
            received = request.values["received_on"]
            for column in ("decision_to_issue_on", "draft_served_on", "final_issued_on"):
                if values[column] and values[column] < received:
                    problems.append(Problem(row.file, row.line, column, f"{column} is before the request was "
                                                                        "received"))
            if request.values["decided_to_assess"] is False and values["decided_to_issue"] is not None:
                problems.append(Problem(row.file, row.line, "decided_to_issue", "The council refused to assess, so "
                                                                                "there is no decision to issue"))
        if _refusing(problems):
            return None
        taken[values["request_legacy_id"]] = row.line
        accepted = Accepted(row, values, self._child_key(request, request_id), request_id)
        if request is not None:
            request.merged["assessment"] = accepted
        return accepted

    def _plans(self, row: SourceRow, values: dict, problems: list[Problem]) -> Accepted | None:
        from pathfinder.caseload.plan_checks import plan_problems

        parent, child_id = self._parent("children", row, "child_legacy_id", values["child_legacy_id"], problems)
        request = request_id = None
        if values["request_legacy_id"]:
            request, request_id = self._parent("requests", row, "request_legacy_id", values["request_legacy_id"],
                                               problems)
        amends = None
        if values["amends_legacy_id"]:
            amends, _ = self._parent("plans", row, "amends_legacy_id", values["amends_legacy_id"], problems)
        if _refusing(problems):
            return None
        accepted = Accepted(row, values, self._child_key(parent, child_id), self.links("plans").get(values["legacy_id"]))
        problems.extend(plan_problems(self, accepted, child_id, request))
        accepted.merged["request"] = request
        accepted.merged["request_id"] = request_id
        accepted.merged["amends"] = amends
        return None if _refusing(problems) else accepted

    def _placements(self, row: SourceRow, values: dict, problems: list[Problem]) -> Accepted | None:
        plan, plan_id = self._parent("plans", row, "plan_legacy_id", values["plan_legacy_id"], problems)
        if values["rank"] not in (None, 1):
            problems.append(Problem(row.file, row.line, "rank", "Pathfinder names one placement per plan: only "
                                                                "rank 1 can be imported"))
        taken = self.claimed.setdefault("placements", {})
        if values["plan_legacy_id"] in taken and not problems:
            problems.append(Problem(row.file, row.line, "plan_legacy_id", "Duplicate: this plan's placement is on "
                                                                          f"line {taken[values['plan_legacy_id']]}"))
        if _refusing(problems):
            return None
        taken[values["plan_legacy_id"]] = row.line
        accepted = Accepted(row, values, self._child_key(plan, plan_id), plan_id)
        if plan is not None:
            plan.merged["placement"] = accepted
        return accepted

    def _reviews(self, row: SourceRow, values: dict, problems: list[Problem]) -> Accepted | None:
        from pathfinder.caseload.plan_checks import review_problems

        plan, plan_id = self._parent("plans", row, "plan_legacy_id", values["plan_legacy_id"], problems)
        if _refusing(problems):
            return None
        problems.extend(review_problems(self, row, values))
        if _refusing(problems):
            return None
        accepted = Accepted(row, values, self._child_key(plan, plan_id), self.links("reviews").get(values["legacy_id"]))
        accepted.merged["plan"] = plan
        accepted.merged["plan_id"] = plan_id
        return accepted


def _refusing(problems: list[Problem]) -> bool:
    return any(p.level != WARNING for p in problems)


def caseload_check(source: Source, context: Context) -> Checked:
    """Check every row of ``source``: accepted rows, ready to write, and every refused row and warning."""
    return Checker(source, context).run()

