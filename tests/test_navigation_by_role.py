"""Pins the service navigation and the home page each role gets, exactly and in order.

Written before navigation moved out of core into each app's navigation.py: the lists change only on purpose
(organisations added "Your organisation" for advisers and "Advice backlog" for case staff; the family portal
"Family requests" for case staff; notifications "Messages" and "How we contact you"; ceasing "Plans ceased" for managers; tribunal "Appeals and orders" for managers;
transfers "Council moves" for case staff; disclosure "Inspection lists" for managers;
caseload "Caseload import" for administrators; disagreements "Mediations" for the mediation service; sen2 "SEN2 return" for managers and administrators; budgets
"Personal budgets" for case staff, "Personal budget" for families, "NHS shares of budgets" for advisers,
"Resource allocation" and "Personal budget figures" for managers). Sections keep case staff's header short (it
had 16 links in three rows for managers): "Case lists" (Family requests, Reviews, Phase transfers, Advice backlog,
Council moves) for case staff, and for managers "Reports" (Plans ceased, Appeals and orders, SEN2 return,
Inspection lists) and
"Personal budgets" (the requests, Resource allocation, Personal budget figures) are one link each to a page
listing them (core.navigation); a role with one link in a section (the administrator's SEN2 return) sees that
link itself.
"""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from pathfinder.accounts.roles import Role
from pathfinder.accounts.tests.factories import UserFactory
from pathfinder.core.navigation import navigation_items

NAVIGATION_BY_ROLE = {
    Role.CASEWORKER: [("My cases", "/insights/"), ("Find a child", "/children/"), ("New request", "/assessments/new/"),
                      ("Case lists", "/menu/case-lists/"), ("Personal budgets", "/budgets/requests/"),
                      ("Messages", "/messages/"), ("Local Offer", "/local-offer/")],
    Role.MANAGER: [("Timeliness", "/insights/manager/"), ("Find a child", "/children/"), ("New request", "/assessments/new/"),
                   ("Case lists", "/menu/case-lists/"), ("Reports", "/menu/reports/"),
                   ("Personal budgets", "/menu/personal-budgets/"), ("Messages", "/messages/"),
                   ("Local Offer", "/local-offer/")],
    Role.ADVISER: [("Advice requests", "/advice/"), ("Reviews", "/reviews/school/"), ("Your organisation", "/organisations/"),
                   ("NHS shares of budgets", "/budgets/health/"),
                   ("How we contact you", "/messages/how-we-contact-you/"), ("Local Offer", "/local-offer/")],
    Role.PARENT: [("Your child", "/children/family/"), ("Personal budget", "/family/personal-budget/"),
                  ("How we contact you", "/messages/how-we-contact-you/"),
                  ("Local Offer", "/local-offer/")],
    Role.YOUNG_PERSON: [("Your plan", "/children/family/"), ("Personal budget", "/family/personal-budget/"),
                        ("How we contact you", "/messages/how-we-contact-you/"),
                        ("Local Offer", "/local-offer/")],
    Role.ADMINISTRATOR: [("Users", "/account/users/"), ("SEN2 return", "/returns/sen2/"), ("Caseload import", "/caseload/"), ("Messages", "/messages/"),
                         ("Local Offer", "/local-offer/")],
    Role.PROVIDER: [("Your services", "/local-offer/provider/"), ("Local Offer", "/local-offer/")],
    Role.LOCAL_OFFER_OFFICER: [("Approvals", "/local-offer/officer/"), ("Local Offer", "/local-offer/")],
    Role.MEDIATOR: [("Mediations", "/mediation/"), ("Local Offer", "/local-offer/")],
}

HOME_BY_ROLE = {
    Role.CASEWORKER: "/insights/",
    Role.MANAGER: "/insights/manager/",
    Role.ADVISER: "/advice/",
    Role.PARENT: "/children/family/",
    Role.YOUNG_PERSON: "/children/family/",
    Role.ADMINISTRATOR: "/account/users/",
    Role.PROVIDER: "/local-offer/provider/",
    Role.LOCAL_OFFER_OFFICER: "/local-offer/officer/",
    Role.MEDIATOR: "/mediation/",
}


def _nav(user, path: str = "/nowhere/") -> list[tuple[str, str]]:
    request = RequestFactory().get(path)
    request.user = user
    return [(item["text"], item["href"]) for item in navigation_items(request)]


def test_every_role_is_pinned():
    assert set(NAVIGATION_BY_ROLE) == set(Role) == set(HOME_BY_ROLE)


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(Role))
def test_each_role_sees_exactly_todays_navigation_in_order(role):
    assert _nav(UserFactory(role=role)) == NAVIGATION_BY_ROLE[role]


CASE_LISTS = [("Family requests", "/family/requests/"), ("Reviews", "/reviews/"),
                                  ("Phase transfers", "/insights/phase-transfers/"), ("Advice backlog", "/advice/backlog/"),
                                  ("Council moves", "/transfers/")]
SECTIONS_BY_ROLE = {
    (Role.CASEWORKER, "case-lists"): CASE_LISTS,
    (Role.MANAGER, "case-lists"): CASE_LISTS,
    (Role.MANAGER, "reports"): [("Plans ceased", "/ceasing/"), ("Appeals and orders", "/appeals-and-orders/"),
                                ("SEN2 return", "/returns/sen2/"), ("Inspection lists", "/inspection/")],
    (Role.MANAGER, "personal-budgets"): [("Requests for personal budgets", "/budgets/requests/"),
                                         ("Resource allocation", "/budgets/allocation/"),
                                         ("Personal budget figures", "/budgets/figures/")],
}


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "section"), list(SECTIONS_BY_ROLE))
def test_each_section_page_lists_exactly_its_links_in_order(client, role, section):
    from pathfinder.accounts.tests.helpers import sign_in

    sign_in(client, UserFactory(role=role))
    page = client.get(f"/menu/{section}/").content.decode()
    found = re.findall(r'<h2 class="govuk-heading-s[^"]*"><a class="govuk-link" href="([^"]+)">([^<]+)</a>', page)
    assert [(text, href) for href, text in found] == SECTIONS_BY_ROLE[(role, section)]


def test_someone_signed_out_sees_the_local_offer_and_sign_in():
    assert _nav(AnonymousUser()) == [("Local Offer", "/local-offer/"), ("Sign in", "/account/sign-in/")]


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(Role))
def test_each_role_is_sent_to_its_own_home_page(client, role):
    client.force_login(UserFactory(role=role))
    response = client.get("/")
    assert response.status_code == 302
    assert response.url == HOME_BY_ROLE[role]


@pytest.mark.django_db
def test_someone_signed_out_sees_the_start_page(client):
    assert client.get("/").status_code == 200
