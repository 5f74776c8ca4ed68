"""Writing the checked rows: new rows inserted, matched rows updated, a link kept from each legacy id to our row.

All or nothing: the caller runs the whole write inside one transaction, so a failure in any batch leaves the
database as it was. Batches (a few thousand children with everything about them) are the unit of progress and of
the audit trail: one audit event per batch names the run and its counts. Rows written here bypass the services, so
the writer keeps in step what the services would: the name search keys, the allocated team's involvement (who may
see the child), the plan's review clock, the assessment's statutory due dates, and each row's "History of changes"
(one row per record written, "Imported from <source system>" by the importing user: caseload.tables).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import contextmanager
from datetime import date

from django.db import connection
from django.utils import timezone

from pathfinder.accounts.models import Team
from pathfinder.assessments.models import Assessment
from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record
from pathfinder.caseload import records
from pathfinder.caseload.checks import Accepted, Checked, Checker
from pathfinder.caseload.ended import PlanHistory
from pathfinder.caseload.models import ImportRun, LegacyLink
from pathfinder.caseload.tables import HistoryStamp, Table, tables_lock
from pathfinder.people.codes import InvolvementCapacity
from pathfinder.people.involvements import CHILD_SOURCE, team_involvement_move
from pathfinder.people.models import Child, ChildNeed, ChildSearchKey, FamilyMember, Involvement
from pathfinder.people.names import name_search_keys
from pathfinder.plans.models import Plan, PlanKind
from pathfinder.reviews.models import Review

BATCH_CHILDREN = 2000
MODELS = (Child, ChildSearchKey, Involvement, FamilyMember, ChildNeed, Assessment, Plan, Review, LegacyLink)
Progress = Callable[[int, int], None]


def batches(checked: Checked) -> list[list[str]]:
    """The children's keys in the order they were read, in batches; every other row goes with its child."""
    keys: dict[str, None] = {}
    for rows in checked.accepted.values():
        for accepted in rows.values():
            keys.setdefault(accepted.child_key, None)
    ordered = list(keys)
    return [ordered[i:i + BATCH_CHILDREN] for i in range(0, len(ordered), BATCH_CHILDREN)]


class Writer:
    def __init__(self, checker: Checker, run: ImportRun, acting_user) -> None:
        self.checker, self.run, self.acting_user = checker, run, acting_user
        self.source_system = checker.context.source_system
        self.today = checker.context.today
        now, user_id = timezone.now(), getattr(acting_user, "pk", None)
        stamp = HistoryStamp(user_id, f"Imported from {self.source_system}",
                             f"Updated by an import from {self.source_system}")
        self.tables = {model: Table(model, now, stamp) for model in MODELS}
        tables_lock(list(self.tables.values()))
        self.ids: dict[tuple[str, str], int] = {}
        self.counts = {file: {"imported": 0, "updated": 0} for file in checked_files(checker)}
        self.team_names = dict(Team.objects.values_list("pk", "name"))
        self.team_moves: list[tuple[int, int, str]] = []
        self.new_teams: dict[str, int] = {}
        self.history = PlanHistory(acting_user)

    def write(self, progress: Progress | None = None) -> dict[str, dict[str, int]]:
        with sqlite_cache():
            return self._write(progress)

    def _write(self, progress: Progress | None) -> dict[str, dict[str, int]]:
        checked = self.checker.out
        by_child: dict[str, dict[str, list[Accepted]]] = {}
        for file, rows in checked.accepted.items():
            for accepted in rows.values():
                by_child.setdefault(accepted.child_key, {}).setdefault(file, []).append(accepted)
        groups = batches(checked)
        total, done = sum(len(keys) for keys in groups), 0
        for number, keys in enumerate(groups, start=1):
            before = {file: dict(c) for file, c in self.counts.items()}
            for file in checked.accepted:
                write = getattr(self, f"_{file}")
                for key in keys:
                    rows = by_child[key].get(file)
                    if rows:
                        for accepted in (sorted(rows, key=_amendments_last) if len(rows) > 1 else rows):
                            write(accepted)
            with connection.cursor() as cursor:
                for table in self.tables.values():
                    table.flush(cursor)
            self._audit(number, len(groups), before)
            done += len(keys)
            if progress:
                progress(done, total)
        with connection.cursor() as cursor:
            for table in self.tables.values():
                table.sequence_reset(cursor)
        self.history.write()
        for child_id, team_id, reason in self.team_moves:
            team_involvement_move(child=Child.objects.get(pk=child_id), team=Team.objects.get(pk=team_id),
                                  on=self.today, reason=reason)
        return self.counts

    def _audit(self, number: int, of: int, before: dict) -> None:
        words = ", ".join(f"{file} {c['imported'] - before[file]['imported']} new "
                          f"{c['updated'] - before[file]['updated']} updated" for file, c in self.counts.items())
        audit_event_record(acting_user=self.acting_user, action=AuditAction.CREATE, obj=self.run,
                           what=f"Caseload import {self.run.pk}, batch {number} of {of}: {words}"[:200])

    def _id(self, file: str, key: str) -> int | None:
        return self.ids.get((file, key)) or self.checker.links(file).get(key)

    def _save(self, file: str, model, accepted: Accepted, values: dict) -> int:
        """Insert or update the row, link its legacy id, count it."""
        key = accepted.row.values["legacy_id"]
        if accepted.object_id is None:
            pk = self.tables[model].add(**values)
            self.counts[file]["imported"] += 1
        else:
            pk = accepted.object_id
            self.tables[model].change(pk, **values)
            self.counts[file]["updated"] += 1
        self._link(file, key, pk)
        return pk

    def _link(self, file: str, key: str, pk: int) -> None:
        self.ids[(file, key)] = pk
        if key not in self.checker.links(file):
            self.tables[LegacyLink].add(source_system=self.source_system, record_type=file, legacy_id=key,
                                        object_id=pk)

    def _children(self, accepted: Accepted) -> None:
        values = records.child_values(accepted.values, self.checker.context.la_code)
        if values["team_id"] is None:  # a team the file names that is not here yet (the check warned)
            values["team_id"] = self._team_make(accepted.values["team"])
        old_team = None
        if accepted.object_id is not None:
            old_team = Child.objects.filter(pk=accepted.object_id).values_list("team_id", flat=True).first()
            ChildSearchKey.objects.filter(child_id=accepted.object_id).delete()
        pk = self._save("children", Child, accepted, values)
        for key in name_search_keys(values["legal_first_name"], values["legal_last_name"], values["preferred_name"]):
            self.tables[ChildSearchKey].add(child_id=pk, key=key)
        team_name = self.team_names[values["team_id"]]
        if accepted.object_id is None:
            self.tables[Involvement].add(
                child_id=pk, capacity=InvolvementCapacity.TEAM, team_id=values["team_id"], starts_on=self.today,
                source_type=CHILD_SOURCE, source_id=str(pk),
                reason=f"Allocated to {team_name} when the caseload was imported, on {_day(self.today)}",
            )
        elif old_team != values["team_id"]:  # made through the ORM once the bulk rows' ids are settled
            self.team_moves.append((pk, values["team_id"], f"Moved to {team_name} by a caseload import on "
                                                           f"{_day(self.today)}"))

    def _team_make(self, name: str) -> int:
        if name.lower() not in self.new_teams:
            team, _ = Team.objects.get_or_create(name=name)
            self.team_names[team.pk] = team.name
            self.new_teams[name.lower()] = team.pk
        return self.new_teams[name.lower()]

    def _family(self, accepted: Accepted) -> None:
        child_id = self._id("children", accepted.values["child_legacy_id"])
        self._save("family", FamilyMember, accepted, records.family_values(accepted.values, child_id))

    def _needs(self, accepted: Accepted) -> None:
        values = accepted.values
        self._save("needs", ChildNeed, accepted, {"child_id": self._id("children", values["child_legacy_id"]),
                                                  "need_type": values["need_type"], "rank": values["rank"]})

    def _requests(self, accepted: Accepted) -> None:
        assessment = accepted.merged.get("assessment")
        values = records.assessment_values(accepted.values, assessment.values if assessment else None)
        values["child_id"] = self._id("children", accepted.values["child_legacy_id"])
        pk = self._save("requests", Assessment, accepted, values)
        if assessment is not None:
            self.counts["assessments"]["updated" if accepted.object_id else "imported"] += 1
            self._link("assessments", assessment.values["legacy_id"], pk)

    def _assessments(self, accepted: Accepted) -> None:
        if accepted.row.values["request_legacy_id"] in self.checker.out.accepted["requests"]:
            return  # written with its request
        assessment = Assessment.objects.get(pk=accepted.object_id)
        request = {name: getattr(assessment, name) for name in records.REQUEST_FIELDS}
        request.update(kind=assessment.kind, received_by=assessment.received_by)
        values = records.assessment_values(request, accepted.values)
        self.tables[Assessment].change(assessment.pk, **{name: values[name] for name in (
            *records.ASSESSMENT_FIELDS, "final_plan_exception_applies", "status")})
        self.counts["assessments"]["updated"] += 1
        self._link("assessments", accepted.values["legacy_id"], assessment.pk)

    def _plans(self, accepted: Accepted) -> None:
        values = accepted.values
        request_key, amends_key = values["request_legacy_id"], values["amends_legacy_id"]
        pk = self._save("plans", Plan, accepted, records.plan_values(
            accepted, child_id=self._id("children", values["child_legacy_id"]),
            assessment_id=self._id("requests", request_key) if request_key else None,
            amends_id=self._id("plans", amends_key) if amends_key else None,
        ))
        self.history.plan(pk, self._id("children", values["child_legacy_id"]), values)
        placement = accepted.merged.get("placement")
        if placement is not None:
            self.counts["placements"]["updated" if accepted.object_id else "imported"] += 1
            self._link("placements", placement.values["legacy_id"], pk)

    def _placements(self, accepted: Accepted) -> None:
        if accepted.row.values["plan_legacy_id"] in self.checker.out.accepted["plans"]:
            return  # written with its plan
        values = accepted.values
        self.tables[Plan].change(accepted.object_id, placement_name=values["name"],
                                 placement_type=values["institution_type"], placement_urn=values["urn"])
        self.counts["placements"]["updated"] += 1
        self._link("placements", values["legacy_id"], accepted.object_id)

    def _reviews(self, accepted: Accepted) -> None:
        plan_id = self._id("plans", accepted.values["plan_legacy_id"])
        self._save("reviews", Review, accepted, records.review_values(accepted.values, plan_id))


@contextmanager
def sqlite_cache(kib: int = 256 * 1024):
    """A bigger page cache for the import's connection on SQLite (its default, 2 MB, makes every index insert of a
    large import a disk read), put back afterwards."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        before = cursor.fetchone()[0]
        cursor.execute(f"PRAGMA cache_size = -{int(kib)}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {int(before)}")


def checked_files(checker: Checker) -> list[str]:
    return list(checker.out.accepted)


def _amendments_last(accepted: Accepted) -> int:
    return 1 if accepted.row.file == "plans" and accepted.values["kind"] == PlanKind.AMENDMENT else 0


def _day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"
