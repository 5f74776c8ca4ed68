"""Finding a child: full names, preferred names, dates of birth and identifiers, through one indexed lookup."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.urls import reverse

from pathfinder.accounts.tests.factories import CaseworkerFactory
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.people.models import Child
from pathfinder.people.names import name_search_keys, normalise_name
from pathfinder.people.search import child_search, child_search_keys_create, parse_date_of_birth
from pathfinder.people.tests.factories import ChildFactory, nhs_number_for_testing

pytestmark = pytest.mark.django_db


def found(query: str, children=None) -> set[str]:
    return {c.full_name for c in child_search(children or Child.objects.all(), query)}


class TestNames:
    def test_normalised_without_case_accents_or_punctuation(self):
        assert normalise_name("  Zoë  O'Brien-HART ") == "zoe obrien hart"

    def test_keys_cover_each_order_and_the_preferred_name(self):
        keys = name_search_keys("Ashley Jane", "Hart", "Ash")
        assert {"ashley jane hart", "ashley hart", "jane hart", "hart", "hart ashley", "ash hart", "hart ash"} <= keys


class TestByName:
    @pytest.fixture(autouse=True)
    def _children(self):
        ChildFactory(legal_first_name="Ashley", legal_last_name="Hart", preferred_name="Ash")
        ChildFactory(legal_first_name="Ashley", legal_last_name="Stone")
        ChildFactory(legal_first_name="Zoë", legal_last_name="O'Brien-Hartley")

    @pytest.mark.parametrize("query, expected", [
        ("Ashley Hart", {"Ash Hart"}),
        ("ashley   hart", {"Ash Hart"}),
        ("Hart, Ashley", {"Ash Hart"}),
        ("Ash Hart", {"Ash Hart"}),
        ("Ashley", {"Ash Hart", "Ashley Stone"}),
        ("Hart", {"Ash Hart", "Zoë O'Brien-Hartley"}),  # a surname starting with it, as before
        ("Zoe OBrien", {"Zoë O'Brien-Hartley"}),
        ("o'brien hartley", {"Zoë O'Brien-Hartley"}),
        ("Hartley", {"Zoë O'Brien-Hartley"}),
        ("Ashley Hartley", set()),
        ("!!!", set()),
    ])
    def test_name_queries(self, query, expected):
        assert found(query) == expected

    def test_changed_name_is_found_by_the_new_name_only(self):
        child = Child.objects.get(legal_last_name="Stone")
        child.legal_last_name = "Rivers"
        child.save()
        assert found("Ashley Rivers") == {"Ashley Rivers"} and found("Ashley Stone") == set()

    def test_bulk_created_children_get_keys(self):
        team = Child.objects.first().team
        made = Child.objects.bulk_create([Child(legal_first_name="Robin", legal_last_name="Banks",
                                                date_of_birth=date(2014, 1, 2), la_code="999", team=team)])
        assert found("Robin Banks") == set()
        child_search_keys_create(made)
        assert found("Robin Banks") == {"Robin Banks"}


class TestByDateOfBirth:
    @pytest.mark.parametrize("text", ["3/4/2015", "03/04/2015", "3 April 2015", "3 Apr 2015", "3rd April 2015",
                                      "2015-04-03", "3.4.2015", "3-4-2015", "3 4 2015", "3/4/15"])
    def test_formats_people_write(self, text):
        assert parse_date_of_birth(text, today=date(2026, 12, 1)) == date(2015, 4, 3)

    @pytest.mark.parametrize("text", ["31/2/2015", "Ashley", "3 Smarch 2015", "2015"])
    def test_not_dates(self, text):
        assert parse_date_of_birth(text, today=date(2026, 12, 1)) is None

    def test_two_digit_year_is_never_in_the_future(self):
        assert parse_date_of_birth("1/9/99", today=date(2026, 12, 1)) == date(1999, 9, 1)

    def test_finds_the_child_born_that_day(self):
        ChildFactory(legal_first_name="Ashley", legal_last_name="Hart", date_of_birth=date(2015, 4, 3))
        ChildFactory(legal_first_name="Sam", legal_last_name="Hart", date_of_birth=date(2015, 3, 4))
        assert found("3/4/2015") == {"Ashley Hart"} and found("3 April 2015") == {"Ashley Hart"}


class TestByIdentifier:
    def test_upn_nhs_number_with_spaces_and_uln(self):
        nhs = nhs_number_for_testing(4242)
        child = ChildFactory(legal_first_name="Ashley", legal_last_name="Hart", nhs_number=nhs, uln="1234567890")
        ChildFactory(legal_first_name="Sam", legal_last_name="Other")
        assert found(child.upn.lower()) == {"Ashley Hart"}
        assert found(f"{nhs[:3]} {nhs[3:6]} {nhs[6:]}") == {"Ashley Hart"}
        assert found(nhs) == {"Ashley Hart"}
        assert found("123 456 7890") == {"Ashley Hart"}


class TestPage:
    def test_caseworker_finds_a_full_name_in_their_team_only(self, client):
        mine = ChildFactory(legal_first_name="Ashley", legal_last_name="Hart")
        ChildFactory(legal_first_name="Ashley", legal_last_name="Hart")  # another team's child
        caseworker = CaseworkerFactory(team=mine.team)
        sign_in(client, caseworker)
        page = client.get(reverse("people:child-list"), {"q": "Ashley Hart"}).content.decode()
        assert "1 child" in page and reverse("people:child", args=[mine.pk]) in page


class TestUsesTheIndex:
    """At 25,000 children a search must not read every row: the query plan must use the search-key index."""

    def test_name_search_uses_the_key_index(self):
        ChildFactory(legal_first_name="Ashley", legal_last_name="Hart")
        inner = child_search(Child.objects.all(), "Ashley Hart").query.sql_with_params()
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("SET LOCAL enable_seqscan = off")
                cursor.execute("EXPLAIN " + inner[0], inner[1])
                plan = " ".join(row[0] for row in cursor.fetchall())
                assert "child_search_key_prefix" in plan, plan
            else:
                cursor.execute("EXPLAIN QUERY PLAN " + inner[0], inner[1])
                plan = " ".join(str(row[-1]) for row in cursor.fetchall())
                assert "INDEX child_search_key_prefix (key>? AND key<?)" in plan, plan

    @pytest.mark.parametrize("query", ["3/4/2015", "943 476 5919"])
    def test_date_and_number_searches_read_children_by_key(self, query):
        """Matched through their own index first, then by primary key: never a read of the team or every child
        (most ULNs are empty, so "NHS number or ULN" in one query can make a planner read every row)."""
        child = ChildFactory(date_of_birth=date(2015, 4, 3), nhs_number="9434765919")
        ChildFactory.create_batch(3, uln="", team=child.team)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        sql, params = child_search(Child.objects.filter(team=child.team), query).query.sql_with_params()
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("SET LOCAL enable_seqscan = off")  # a table this small is otherwise read whole
                cursor.execute("EXPLAIN " + sql, params)
                plan = " ".join(row[0] for row in cursor.fetchall())
                assert "people_child_pkey" in plan, plan
            else:
                cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
                plan = " ".join(str(row[-1]) for row in cursor.fetchall())
                assert "SCAN people_child" not in plan and "INTEGER PRIMARY KEY" in plan, plan
