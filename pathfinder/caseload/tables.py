"""Rows of one model written with executemany: whole INSERTs with the model's defaults, and UPDATEs of the
template's columns by id.

Why not the ORM: building model objects and SQL per row costs about ten times more than the write itself, and the
import must take 100,000 children with their history at thousands of rows a second (`make bench`). The same idea
as the demo's lean rows (pathfinder.demo.bulk), with updates, and ids taken under a table lock (see writer).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from operator import itemgetter

from django.core.management.color import no_style
from django.db import connection


@dataclass(frozen=True)
class HistoryStamp:
    """What the import's rows say in their "History of changes" (django-simple-history): who, and why."""

    user_id: int | None
    created_reason: str
    changed_reason: str


class Table:
    def __init__(self, model, now: datetime, history: HistoryStamp | None = None) -> None:
        self.model = model
        self.fields = list(model._meta.concrete_fields)
        qn = connection.ops.quote_name
        self.table = qn(model._meta.db_table)
        self.insert_sql = "INSERT INTO {} ({}) VALUES ({})".format(
            self.table, ", ".join(qn(f.column) for f in self.fields), ", ".join(["%s"] * len(self.fields))
        )
        self.defaults = []
        for f in self.fields:
            value = now if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False) else f.get_default()
            self.defaults.append(f.get_db_prep_save(value, connection))
        self.index = {f.attname: i for i, f in enumerate(self.fields)}
        #: A new row is the defaults overlaid by the values given, picked out in column order (in C, not a loop).
        self.default_values = {f.attname: value for f, value in zip(self.fields, self.defaults, strict=True)}
        self.in_order = itemgetter(*(f.attname for f in self.fields))
        self.columns = {f.attname: f.column for f in self.fields}
        self.touch = [f.attname for f in self.fields if getattr(f, "auto_now", False)]
        self.now = now
        self.next_id = 0
        self.inserts: list[list] = []
        self.updates: dict[tuple[str, ...], list[list]] = {}
        self.written = False
        self.history = history if getattr(model, "history", None) is not None else None
        if self.history is not None:
            self._history_sql()

    def _history_sql(self) -> None:
        """One INSERT ... SELECT per flush copies the rows just written into the model's historical table, so the
        database does the copying (no model objects: ``bulk_create_with_history`` would need them, and would cost
        what this module exists to avoid)."""
        qn = connection.ops.quote_name
        historical = self.model.history.model
        ours = {f.column for f in self.fields}
        common = ", ".join(qn(f.column) for f in historical._meta.concrete_fields if f.column in ours)
        stamps = ", ".join(qn(c) for c in ("history_date", "history_change_reason", "history_type",
                                            "history_user_id"))
        self.history_sql = (f"INSERT INTO {qn(historical._meta.db_table)} ({common}, {stamps}) "
                            f"SELECT {common}, %s, %s, %s, %s FROM {self.table} WHERE {qn('id')} ")

    def start_ids(self) -> None:
        """The first free id, read once the table is locked against other writers."""
        self.next_id = (self.model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1

    def add(self, **values) -> int:
        """A new row (dates are left to the driver: Django's SQLite adapter writes them as adapt_datefield_value
        does, ISO text, and psycopg as dates)."""
        pk = self.next_id
        self.next_id = pk + 1
        self.inserts.append(self.in_order({**self.default_values, **values, "id": pk}))
        return pk

    def change(self, pk: int, **values) -> None:
        for name in self.touch:
            values.setdefault(name, self.now)
        names = tuple(values)
        self.updates.setdefault(names, []).append([_adapt(values[name]) for name in names] + [pk])

    def flush(self, cursor) -> None:
        added = (self.inserts[0][self.index["id"]], self.inserts[-1][self.index["id"]]) if self.inserts else None
        if self.inserts:
            self.written = True
            for start in range(0, len(self.inserts), 5000):
                cursor.executemany(self.insert_sql, self.inserts[start:start + 5000])
        qn = connection.ops.quote_name
        changed: set[int] = set()
        for names, rows in self.updates.items():
            sets = ", ".join(f"{qn(self.columns[name])} = %s" for name in names)
            cursor.executemany(f"UPDATE {self.table} SET {sets} WHERE {qn('id')} = %s", rows)
            changed.update(row[-1] for row in rows)
        if self.history is not None:
            self._history_write(cursor, added, changed)
        self.inserts, self.updates = [], {}

    def _history_write(self, cursor, added: tuple[int, int] | None, changed: set[int]) -> None:
        """One history row for each row written: "+" created for a new row (ids taken in order, so one range),
        "~" changed for an updated one (a row both added and changed in this flush is one "+", as it now stands)."""
        stamp, when = self.history, _adapt(self.now)
        if added is not None:
            cursor.execute(self.history_sql + "BETWEEN %s AND %s",
                           [when, stamp.created_reason[:100], "+", stamp.user_id, *added])
            changed = {pk for pk in changed if not added[0] <= pk <= added[1]}
        ids = sorted(changed)
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            cursor.execute(self.history_sql + f"IN ({', '.join(['%s'] * len(chunk))})",
                           [when, stamp.changed_reason[:100], "~", stamp.user_id, *chunk])

    def sequence_reset(self, cursor) -> None:
        if self.written:
            for statement in connection.ops.sequence_reset_sql(no_style(), [self.model]):
                cursor.execute(statement)


def _adapt(value):
    if isinstance(value, datetime):
        return connection.ops.adapt_datetimefield_value(value)
    if isinstance(value, date):
        return connection.ops.adapt_datefield_value(value)
    return value


def tables_lock(tables: list[Table]) -> None:
    """Keep other writers out of these tables until the import's transaction ends, so the ids it takes are free
    (PostgreSQL; SQLite already lets one writer in at a time). Readers are not blocked."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for table in tables:
                cursor.execute(f"LOCK TABLE {table.table} IN SHARE ROW EXCLUSIVE MODE")
    for table in tables:
        table.start_ids()
