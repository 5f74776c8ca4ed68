"""A new app plugs its navigation and worklist items in through core's public registries, with no edit to core.

The "app" here is this module: it registers a link and a worklist provider exactly as an app's navigation.py
and worklist.py would (those are imported at start-up by CoreConfig.ready()), and takes them out afterwards.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.test import RequestFactory
from django.urls import reverse

from pathfinder.accounts.roles import Role
from pathfinder.accounts.tests.factories import CaseworkerFactory, ManagerFactory
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.audit.models import AuditEvent
from pathfinder.core.navigation import (
    home_page_for,
    nav_items_for,
    navigation_items,
    register_nav_item,
    unregister_nav_item,
)
from pathfinder.core.worklist import (
    WorklistItem,
    register_worklist_provider,
    unregister_worklist_provider,
    worklist_providers,
)
from pathfinder.insights import views
from pathfinder.insights.selectors import caseworker_worklist
from pathfinder.insights.tests.factories import case
from pathfinder.people.tests.factories import ChildFactory

TODAY = date(2026, 9, 14)


@pytest.fixture
def transport_app():
    """A pretend "transport" app: one link for caseworkers, one provider of things due."""
    children = []

    def transport_claims(user, today):
        for child in children:
            yield WorklistItem(
                child=child, title="Check the travel assistance claim", due=today + timedelta(days=2),
                url=reverse("core:privacy"), reason="Council travel policy, section 3", today=today,
                sort_key=(child.legal_last_name, child.pk),
            )

    item = register_nav_item("Transport", "core:accessibility", roles=[Role.CASEWORKER], order=25)
    register_worklist_provider(transport_claims)
    yield children
    unregister_nav_item(item)
    unregister_worklist_provider(transport_claims)


def _nav_texts(user) -> list[str]:
    request = RequestFactory().get("/nowhere/")
    request.user = user
    return [item["text"] for item in navigation_items(request)]


def test_the_apps_own_modules_are_discovered_at_start_up():
    # given only Django's start-up (no test has registered anything)
    from pathfinder.assessments.worklist import open_assessment_steps

    # then every app's navigation.py and worklist.py has been imported and registered
    assert open_assessment_steps in worklist_providers()
    assert [item.text for item in nav_items_for(Role.CASEWORKER)] == ["My cases", "Find a child", "New request",
                                                                  "Family requests", "Reviews", "Phase transfers",
                                                                  "Advice backlog", "Council moves",
                                                                  "Personal budgets", "Messages"]
    assert home_page_for(Role.ADVISER) == "assessments:adviser-home"


@pytest.mark.django_db
def test_a_new_app_adds_a_navigation_item_for_the_roles_it_names(transport_app):
    assert _nav_texts(CaseworkerFactory()) == ["My cases", "Find a child", "Transport", "New request", "Case lists",
                                               "Personal budgets", "Messages", "Local Offer"]
    assert "Transport" not in _nav_texts(ManagerFactory())


@pytest.mark.django_db
def test_a_new_app_adds_items_to_the_caseworkers_worklist_beside_the_assessment_steps(transport_app):
    caseworker = CaseworkerFactory()
    assessment = case(date(2026, 8, 9), child=ChildFactory(team=caseworker.team, legal_last_name="Brown"),
                      caseworker=caseworker)  # decision whether to assess due Sunday 20 September
    transport_app.append(ChildFactory(team=caseworker.team, legal_last_name="Young"))

    worklist = caseworker_worklist(caseworker, TODAY)

    assert [(i.child.legal_last_name, i.title, i.due) for i in worklist.due_this_week] == [
        ("Young", "Check the travel assistance claim", date(2026, 9, 16)),
        ("Brown", "Decide whether to assess and tell the family", date(2026, 9, 20)),
    ]
    assert worklist.case_count == 1  # the provider said nothing about cases; the assessments' did
    assert worklist.due_this_week[1].assessment == assessment


@pytest.mark.django_db
def test_the_caseworkers_home_shows_and_audits_a_new_apps_items(client, monkeypatch, transport_app):
    monkeypatch.setattr(views, "_today", lambda: TODAY)
    caseworker = CaseworkerFactory()
    child = ChildFactory(team=caseworker.team, legal_first_name="Yasmin", legal_last_name="Young")
    transport_app.append(child)
    sign_in(client, caseworker)

    response = client.get(reverse("insights:caseworker-home"))

    html = response.content.decode()
    assert "Check the travel assistance claim" in html
    assert "Council travel policy, section 3" in html
    assert f'href="{reverse("core:privacy")}">Yasmin Young</a>' in html
    assert "Transport" in html  # the service navigation
    assert AuditEvent.objects.filter(child_id=child.pk, what="my cases (worklist)").exists()
