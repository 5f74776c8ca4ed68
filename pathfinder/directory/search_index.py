"""The text index the Local Offer search reads: SQLite FTS5 (with triggers) or a PostgreSQL GIN index.

Called from migrations and `manage.py rebuild_search_index`; safe to call again (e.g. after a migration rebuilds
the service table).
"""

from __future__ import annotations

FTS_TABLE = "directory_service_fts"
PG_INDEX = "directory_service_search_gin"


def pg_search_vector():
    """The weighted document PostgreSQL searches: name (A), organisation and terms (B), description (C)."""
    from django.contrib.postgres.search import SearchVector

    return (
        SearchVector("name", weight="A", config="english")
        + SearchVector("search_document", weight="B", config="english")
        + SearchVector("description", weight="C", config="english")
    )


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
        from django.contrib.postgres.indexes import GinIndex

        from pathfinder.directory.models import Service as LiveService

        with conn.cursor() as cur:
            if not conn.get_autocommit():
                cur.execute("SET CONSTRAINTS ALL IMMEDIATE")  # CREATE INDEX refuses pending deferred FK checks
            cur.execute(f"DROP INDEX IF EXISTS {PG_INDEX}")
        schema_editor.add_index(LiveService, GinIndex(pg_search_vector(), name=PG_INDEX))


def search_index_remove(schema_editor) -> None:
    conn = schema_editor.connection
    with conn.cursor() as cur:
        if conn.vendor == "sqlite":
            for name in ("ai", "ad", "au"):
                cur.execute(f"DROP TRIGGER IF EXISTS directory_service_fts_{name}")
            cur.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
        elif conn.vendor == "postgresql":
            cur.execute(f"DROP INDEX IF EXISTS {PG_INDEX}")
