"""Turning a record into plain values for the subject access pack: every field, by its name, as the family can read it.

Why generic: the pack must hold everything held about the child, and a field added to a model next year must appear
in it without anyone remembering to add it here. So each record gives all its own fields, with a few rules:
choices are shown by their label; a person (a user) by their name; a document by its file name; an organisation
or team by its name; the child themself is left out (the whole pack is about them); any other record by its
reference (``<field>_id``). Secrets and machine details are never shown: ``EXCLUDED`` lists them with why.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from django.db import models

#: Field names never put in a pack, each for a reason: a guard against two people saving at once; the
#: documents store's random name and checksum; an invitation's token hash; a keyed hash used for rate limits;
#: a provider's message id.
EXCLUDED = frozenset({"version", "stored_name", "sha256", "bundle_sha256", "token_hash", "sender_key", "notify_id"})


def plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _related(field: models.ForeignKey, obj: models.Model) -> tuple[str, Any]:
    target = field.related_model._meta.label
    related = getattr(obj, field.name)
    if related is None:
        return field.name, None
    if target == "accounts.User":
        return field.name, related.display_name
    if target == "documents.Document":
        return field.name, related.original_name
    if target in ("organisations.Organisation", "accounts.Team"):
        return field.name, related.name
    return field.attname, related.pk


def record(obj: models.Model, *, exclude: Iterable[str] = ()) -> dict[str, Any]:
    """Every concrete field of ``obj`` (but those excluded and a link to the child), in plain values."""
    out: dict[str, Any] = {"id": obj.pk}
    skip = EXCLUDED | set(exclude)
    for field in obj._meta.concrete_fields:
        if field.name in skip or field.primary_key:
            continue
        if field.is_relation:
            if field.related_model._meta.label == "people.Child":
                continue
            key, value = _related(field, obj)
            out[key] = value
        elif field.choices:
            value = getattr(obj, field.attname)
            out[field.name] = dict(field.flatchoices).get(value, value) if value not in (None, "") else value
        else:
            out[field.name] = plain(getattr(obj, field.attname))
    return out


def records(objs: Iterable[models.Model], **kwargs) -> list[dict[str, Any]]:
    return [record(obj, **kwargs) for obj in objs]
