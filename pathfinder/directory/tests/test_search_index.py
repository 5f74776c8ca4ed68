"""The text index keeps up with every write, whatever writes it, and PostgreSQL answers searches without JIT."""

from __future__ import annotations

import pytest
from django.db import connection

from pathfinder.directory.models import Service
from pathfinder.directory.search import service_search
from pathfinder.directory.search_query import understand
from pathfinder.directory.tests.factories import ServiceFactory

pytestmark = pytest.mark.django_db


def names(result):
    return [s.name for s in result.items]


def test_a_renamed_service_is_found_by_its_new_name_at_once():
    service = ServiceFactory(name="Holiday club", description="Activities in the holidays")
    Service.objects.filter(pk=service.pk).update(name="Trampoline club")  # a bulk write, not a save()
    assert names(service_search(text="trampoline")) == ["Trampoline club"]
    assert names(service_search(text="holiday")) == ["Trampoline club"]  # still in the description
    service.refresh_from_db()
    service.description = "Jumping sessions"
    service.save()
    assert names(service_search(text="holiday")) == []
    assert names(service_search(text="jumping")) == ["Trampoline club"]


def test_bulk_created_services_are_searchable():
    organisation = ServiceFactory().organisation
    Service.objects.bulk_create(
        [ServiceFactory.build(name=f"Sensory room {n}", organisation=organisation) for n in range(3)])
    assert len(names(service_search(text="sensory"))) == 3


def test_a_word_no_service_uses_is_known_to_be_missing():
    ServiceFactory(name="Swimming lessons", description="Pool sessions")
    plan = understand("swimming zzyzx")
    assert "zzyzx" in plan.left_out
    assert [group.typed for group in plan.groups] == ["swimming"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL keeps the document in a column")
def test_postgresql_stores_the_document_and_never_compiles_queries():
    service = ServiceFactory(name="Speech therapy", description="For children")
    with connection.cursor() as cur:
        cur.execute("SELECT search_vector::text FROM directory_service WHERE id = %s", [service.pk])
        (document,) = cur.fetchone()
        cur.execute("SHOW jit")
        (jit,) = cur.fetchone()
    assert "'speech':1A" in document and "'children':" in document
    assert jit == "off"
