"""The text index the Local Offer search reads: SQLite FTS5 (with triggers) or a PostgreSQL stored tsvector.

On PostgreSQL each service keeps its weighted document in a `search_vector` column that a trigger fills on every
insert and update, with a GIN index on it. The column is the database's business, not the model's (SQLite has
no tsvector), so queries reach it through :class:`ServiceSearchVector`. Why stored, not an expression index: a
search has to rank the services it matches and PostgreSQL re-checks GIN matches against the row, so an
expression index made it rebuild the document of every matching service on every search. At national scale
(100,000 services) a one-word search took one to five seconds; from the stored column it takes milliseconds
(`make bench-load`). A trigger rather than a generated column, so later migrations may still change the
columns it reads (PostgreSQL refuses to alter the type of a column a generated column uses).

Called from migrations and `manage.py rebuild_search_index`; safe to call again (e.g. after a migration rebuilds
the service table).
"""

from __future__ import annotations

from django.db.models import Expression

FTS_TABLE = "directory_service_fts"
PG_INDEX = "directory_service_search_gin"
PG_COLUMN = "search_vector"
PG_FUNCTION = "directory_service_search_vector"
PG_TRIGGER = "directory_service_search_vector_biu"
# The weighted document: name (A), organisation and terms (B), description (C).
_PG_DOCUMENT = (
    "setweight(to_tsvector('english'::regconfig, COALESCE({row}name, '')), 'A')"
    " || setweight(to_tsvector('english'::regconfig, COALESCE({row}search_document, '')), 'B')"
    " || setweight(to_tsvector('english'::regconfig, COALESCE({row}description, '')), 'C')"
)


class ServiceSearchVector(Expression):
    """The service's stored search document (PostgreSQL), under whatever alias the query gives the service table
    (a subquery's is "U0"), so it can be ranked and filtered like a `SearchVector` without rebuilding it."""

    def __init__(self):
        from django.contrib.postgres.search import SearchVectorField

        super().__init__(output_field=SearchVectorField())

    def as_sql(self, compiler, connection):
        alias = compiler.query.get_initial_alias()
        return f"{compiler.quote_name_unless_alias(alias)}.{connection.ops.quote_name(PG_COLUMN)}", []


def pg_search_vector() -> ServiceSearchVector:
    """The weighted document PostgreSQL searches (see the module docstring)."""
    return ServiceSearchVector()


_SQLITE_TRIGGERS = f"""
CREATE TRIGGER directory_service_fts_ai AFTER INSERT ON directory_service BEGIN
  INSERT INTO {FTS_TABLE}(rowid, name, description, search_document)
  VALUES (new.rowid, new.name, new.description, new.search_document);
END;
CREATE TRIGGER directory_service_fts_ad AFTER DELETE ON directory_service BEGIN
  INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, name, description, search_document)
  VALUES ('delete', old.rowid, old.name, old.description, old.search_document);
END;
CREATE TRIGGER directory_service_fts_au AFTER UPDATE ON directory_service BEGIN
  INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, name, description, search_document)
  VALUES ('delete', old.rowid, old.name, old.description, old.search_document);
  INSERT INTO {FTS_TABLE}(rowid, name, description, search_document)
  VALUES (new.rowid, new.name, new.description, new.search_document);
END;
"""


def search_index_install(schema_editor) -> None:
    """Create (or re-create) the text index for this database and fill it from the service table."""
    conn = schema_editor.connection
    if conn.vendor == "sqlite":
        with conn.cursor() as cur:
            for name in ("ai", "ad", "au"):
                cur.execute(f"DROP TRIGGER IF EXISTS directory_service_fts_{name}")
            cur.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
            cur.execute(
                f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(name, description, search_document, "
                "content='directory_service', content_rowid='rowid', tokenize='porter unicode61 remove_diacritics 2')"
            )
            for statement in _SQLITE_TRIGGERS.split("END;"):
                if statement.strip():
                    cur.execute(statement + "END;")
            cur.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")
    elif conn.vendor == "postgresql":
        with conn.cursor() as cur:
            if not conn.get_autocommit():
                cur.execute("SET CONSTRAINTS ALL IMMEDIATE")  # CREATE INDEX refuses pending deferred FK checks
            cur.execute(f"DROP INDEX IF EXISTS {PG_INDEX}")
            cur.execute(f"ALTER TABLE directory_service ADD COLUMN IF NOT EXISTS {PG_COLUMN} tsvector")
            cur.execute(
                f"CREATE OR REPLACE FUNCTION {PG_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                f"NEW.{PG_COLUMN} := {_PG_DOCUMENT.format(row='NEW.')}; RETURN NEW; END $$"
            )
            cur.execute(f"DROP TRIGGER IF EXISTS {PG_TRIGGER} ON directory_service")
            cur.execute(
                f"CREATE TRIGGER {PG_TRIGGER} BEFORE INSERT OR UPDATE ON directory_service "
                f"FOR EACH ROW EXECUTE FUNCTION {PG_FUNCTION}()"
            )
            cur.execute(f"UPDATE directory_service SET {PG_COLUMN} = {_PG_DOCUMENT.format(row='')}")
            cur.execute(f"CREATE INDEX {PG_INDEX} ON directory_service USING gin ({PG_COLUMN})")
            cur.execute("ANALYZE directory_service")


def search_index_remove(schema_editor) -> None:
    conn = schema_editor.connection
    with conn.cursor() as cur:
        if conn.vendor == "sqlite":
            for name in ("ai", "ad", "au"):
                cur.execute(f"DROP TRIGGER IF EXISTS directory_service_fts_{name}")
            cur.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
        elif conn.vendor == "postgresql":
            cur.execute(f"DROP INDEX IF EXISTS {PG_INDEX}")
            cur.execute(f"DROP TRIGGER IF EXISTS {PG_TRIGGER} ON directory_service")
            cur.execute(f"DROP FUNCTION IF EXISTS {PG_FUNCTION}()")
            cur.execute(f"ALTER TABLE directory_service DROP COLUMN IF EXISTS {PG_COLUMN}")
