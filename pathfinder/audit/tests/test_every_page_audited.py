"""Every page that shows a child's name or identifier writes an audit event for that child, for every role.

A small world (children with distinctive names and identifiers at every stage, one user per role) is crawled
breadth-first from each role's home page through the test client (GET only, same-site, bounded), and every URL
pattern is also opened with the world's real ids. Whenever a response shows a child, an AuditEvent for that
request's user and that child must have been written during the request: a read that leaves no trace fails here.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, field
from datetime import date
from html import unescape
from urllib.parse import urljoin, urlsplit

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from pathfinder.accounts.models import User
from pathfinder.accounts.tests.factories import (
    AdministratorFactory,
    AdviserFactory,
    CaseworkerFactory,
    LocalOfferOfficerFactory,
    ManagerFactory,
    ParentFactory,
    ProviderFactory,
    TeamFactory,
    YoungPersonFactory,
)
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.assessments.constants import AssessmentStatus
from pathfinder.assessments.tests.factories import AdviceRequestFactory, AssessmentFactory
from pathfinder.audit.models import AuditEvent
from pathfinder.insights.tests.factories import ConsultationFactory
from pathfinder.people.models import Child
from pathfinder.people.tests.factories import ChildFactory, FamilyMemberFactory
from pathfinder.plans.models import PlanStatus
from pathfinder.plans.tests.factories import PlanFactory as DraftPlanFactory
from pathfinder.plans.tests.factories import PlanNeedFactory, PlanOutcomeFactory, PlanProvisionFactory

pytestmark = pytest.mark.django_db

MAX_PAGES_PER_ROLE = 350  # every route is tried per child (seeded routes first; a family member's own pages are found by links after them): disagreements and tribunal added routes
SKIP_PREFIXES = ("/static/", "/media/", "/api/oruk/")  # the API serves the Local Offer only, never children
HREF = re.compile(r"""href="([^"#]+)""")

# (first, last, stage): names no page would print by chance
STAGES = (
    ("Zephyrine", "Quillbottom", "requested"),
    ("Ottoline", "Brackenwhistle", "assessing"),
    ("Peregrine", "Fennimoreton", "refused"),
    ("Clementine", "Ashbarrow", "drafting"),
    ("Bartholomew", "Wintersgill", "draft_sent"),
    ("Evangeline", "Thistlewood", "final"),
    ("Lysander", "Marchbanks", "withdrawn"),
)
# Stages after the decision to issue: the assessment has ended there and the plan carries the stage.
PLAN_STAGES = {"drafting": PlanStatus.DRAFT, "draft_sent": PlanStatus.DRAFT_SENT, "final": PlanStatus.FINAL}


def _assessment_status(stage: str) -> str:
    return AssessmentStatus.DECIDED_TO_ISSUE if stage in PLAN_STAGES else stage


@dataclass
class World:
    users: dict[str, User]
    children: list[Child]
    ids: dict[int, dict[str, int]]  # child pk -> URL kwargs that reach its records
    pages_showing_children: set[str] = field(default_factory=set)


def _dates(status: str) -> dict:
    later = {
        "assessing": 1, "drafting": 2, "draft_sent": 3, "final": 4,
    }.get(status, 0)
    fields: dict = {"received_on": date(2026, 3, 2)}
    if status == "refused":
        fields.update(decision_to_assess_on=date(2026, 4, 6), decided_to_assess=False,
                      refusal_reasons="The school can meet the needs with SEN support.")
    if status == "withdrawn":
        fields.update(withdrawn_on=date(2026, 3, 20))
    if later >= 1:
        fields.update(decision_to_assess_on=date(2026, 4, 6), decided_to_assess=True)
    if later >= 2:
        fields.update(decision_to_issue_on=date(2026, 6, 22), decided_to_issue=True)
    if later >= 3:
        fields.update(draft_served_on=date(2026, 6, 29))
    if later >= 4:
        fields.update(final_issued_on=date(2026, 7, 20))
    return fields


@pytest.fixture
def world() -> World:
    team = TeamFactory(name="Crawl team")
    caseworker = CaseworkerFactory(username="crawl.caseworker", team=team, first_name="Casey", last_name="Worker")
    users = {
        "caseworker": caseworker,
        "manager": ManagerFactory(username="crawl.manager", first_name="Mona", last_name="Manager"),
        "adviser": AdviserFactory(username="crawl.adviser", first_name="Ada", last_name="Adviser"),
        "parent": ParentFactory(username="crawl.parent", first_name="Pat", last_name="Parent"),
        "young_person": YoungPersonFactory(username="crawl.young", first_name="Evangeline", last_name="Thistlewood"),
        "admin": AdministratorFactory(username="crawl.admin", first_name="Adam", last_name="Admin"),
        "provider": ProviderFactory(username="crawl.provider", first_name="Prue", last_name="Provider"),
        "localoffer": LocalOfferOfficerFactory(username="crawl.localoffer", first_name="Lou", last_name="Officer"),
    }
    children, ids = [], {}
    for first, last, status in STAGES:
        dob = date(2009, 3, 1) if status == "final" else date(2016, 5, 4)
        young = status == "final"
        child = ChildFactory(legal_first_name=first, legal_last_name=last, team=team, date_of_birth=dob,
                             user=users["young_person"] if young else None, uln="9999912345" if young else "",
                             preferred_name="Zeph" if first == "Zephyrine" else "")
        # The parent's sign-in is linked on the draft-sent case (the factory records their involvement).
        FamilyMemberFactory(child=child, name="Morwenna Parent-Carer",
                            user=users["parent"] if status == "draft_sent" else None)
        assessment = AssessmentFactory(child=child, caseworker=caseworker, status=_assessment_status(status),
                                       **_dates(status))
        kw = {"child_id": child.pk, "assessment_id": assessment.pk}
        if status != "requested":
            advice = AdviceRequestFactory(assessment=assessment, adviser=users["adviser"],
                                          adviser_name="Ada Adviser, educational psychologist")
            kw["advice_id"] = advice.pk
        if status in PLAN_STAGES:
            plan = DraftPlanFactory(
                assessment=assessment, child=child, section_a=f"{first} likes drawing.", status=PLAN_STAGES[status],
                draft_sent_on=assessment.draft_served_on, issued_on=assessment.final_issued_on,
            )
            kw["plan_id"] = plan.pk
            need = PlanNeedFactory(plan=plan, description=f"{first} finds long instructions hard.")
            outcome = PlanOutcomeFactory(plan=plan, needs=[need], description=f"By July 2027 {first} will read.")
            provision = PlanProvisionFactory(plan=plan, needs=[need], outcomes=[outcome])
            kw.update(need_id=need.pk, outcome_id=outcome.pk, provision_id=provision.pk)
            if status != "drafting":
                kw["consultation_id"] = ConsultationFactory(plan=plan).pk
            else:
                kw.update(_personal_budget(plan))
        children.append(child)
        ids[child.pk] = kw
    _neighbours_feed(users["localoffer"])
    return World(users=users, children=children, ids=ids)


def _neighbours_feed(officer: User) -> None:
    """A neighbour's feed harvested once, with a service brought in and a conflict waiting, so the officer's feed
    pages (list, feed, harvest report with its conflict) are opened by the crawl too."""
    from pathfinder.directory.content import ServiceContent
    from pathfinder.directory.harvest.models import FeedSubscription, HarvestConflict, HarvestedService, HarvestRun
    from pathfinder.directory.tests.factories import ServiceFactory

    feed = FeedSubscription.objects.create(name="Eastshire", base_url="https://eastshire.test/api/oruk/")
    service = ServiceFactory(name="Eastshire swim")
    link = HarvestedService.objects.create(service=service, subscription=feed, remote_id="1", harvested_version=0)
    run = HarvestRun.objects.create(subscription=feed, status=HarvestRun.Status.DONE, added=1, conflicts=1,
                                    started_by=officer, items=[
                                        {"remote_id": "1", "name": "Eastshire swim", "outcome": "conflict",
                                         "service_id": str(service.pk), "reason": "Changed here"},
                                        {"remote_id": "2", "name": "Bad", "outcome": "refused", "reason": "No name"}])
    HarvestConflict.objects.create(run=run, link=link, incoming=ServiceContent.from_service(service).to_data())


def _personal_budget(plan) -> dict[str, object]:
    """A personal budget asked for while the plan is drafted, with a line and a direct payment, so every budgets
    page is opened too (its routes name their records child_id, plan_id, request_id, line_id, direct_payment_id)."""
    from pathfinder.budgets.tests.factories import BudgetRequestFactory, DirectPaymentFactory, line_with_share

    budget_request = BudgetRequestFactory(plan=plan, child=plan.child)
    line = line_with_share(request=budget_request)
    direct_payment = DirectPaymentFactory(request=budget_request)
    direct_payment.lines.add(line)
    return {"request_id": budget_request.pk, "direct_payment_id": direct_payment.pk, "line_id": line.pk,
            "stream": "social_care"}


def _markers(child: Child) -> list[str]:
    """What on a page identifies this child: any name, the UPN, the ULN, the NHS number (as stored or spaced)."""
    nhs = child.nhs_number
    return [child.legal_first_name, child.legal_last_name, child.preferred_name, child.upn, child.uln, nhs,
            f"{nhs[:3]} {nhs[3:6]} {nhs[6:]}"]


SIGN_OUT = re.compile(r"Sign out \([^)]*\)")


def _children_shown(body: str, world: World) -> list[Child]:
    """Children named on the page, leaving out the "Sign out (name)" button: a young person signed in sees
    their own name there on every page, which is who they are, not a read of their record."""
    body = SIGN_OUT.sub("", body)
    return [c for c in world.children if any(m and m in body for m in _markers(c))]


def _patterns(resolvers, prefix: str = ""):
    for entry in resolvers:
        if isinstance(entry, URLResolver):
            yield from _patterns(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern)


PARAM = re.compile(r"<(?:(\w+):)?(\w+)>")


def _pattern_urls(world: World) -> list[str]:
    """Every route, filled in with each child's real ids (routes needing ids the world lacks are left out)."""
    urls = set()
    for route in _patterns(get_resolver().url_patterns):
        if route.startswith(("admin/", "api/")) or "^" in route or "(?P" in route:
            continue
        names = [m.group(2) for m in PARAM.finditer(route)]
        if not names:
            urls.add("/" + route)
            continue
        if not set(names) <= {"child_id", "assessment_id", "advice_id", "need_id", "outcome_id", "provision_id",
                              "consultation_id", "section", "plan_id", "request_id", "direct_payment_id", "line_id",
                              "stream"}:
            continue
        for kw in world.ids.values():
            values = {**kw, "section": "A" if "provision" not in route else "F"}
            if all(n in values for n in names):
                urls.add("/" + PARAM.sub(lambda m, v=values: str(v[m.group(2)]), route))
    return sorted(urls)


def _check(client: Client, user: User, url: str, world: World, problems: list[str]) -> str | None:
    """GET one URL and check its audit trail; return the body if it is an HTML page (for the crawl)."""
    before = AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    response = client.get(url)
    if response.status_code in (301, 302, 303):
        return None
    if response.get("Content-Type", "").split(";")[0] not in ("text/html", "application/pdf", "text/csv"):
        return None
    body = response.content.decode(errors="replace") if not getattr(response, "streaming", False) else ""
    if not body:
        return None
    audited = set(AuditEvent.objects.filter(pk__gt=before, actor=user).values_list("child_id", flat=True))
    for child in _children_shown(body, world):
        world.pages_showing_children.add(url)
        if child.pk not in audited:
            problems.append(f"{user.role} {url} ({response.status_code}) shows {child.full_name} with no audit event")
    return body if response.status_code == 200 else None


def _crawl(client: Client, user: User, world: World, problems: list[str]) -> set[str]:
    seen, queue = {"/"}, deque(["/"])
    for url in _pattern_urls(world):
        if url not in seen:
            seen.add(url)
            queue.append(url)
    visited = set()
    while queue and len(visited) < MAX_PAGES_PER_ROLE:
        url = queue.popleft()
        visited.add(url)
        response_body = None
        response = client.get(url) if url == "/" else None
        if response is not None and response.status_code in (301, 302):
            target = response["Location"]
            if target not in seen:
                seen.add(target)
                queue.appendleft(target)
            continue
        response_body = _check(client, user, url, world, problems)
        for href in HREF.findall(response_body or ""):
            target = urljoin(url, href.replace("&amp;", "&"))
            parts = urlsplit(target)
            if parts.netloc or not parts.path.startswith("/") or parts.path.startswith(SKIP_PREFIXES):
                continue
            if "sign-out" in parts.path or "logout" in parts.path:
                continue
            target = parts.path + (f"?{parts.query}" if parts.query else "")
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return visited


@pytest.mark.parametrize("role", ["caseworker", "manager", "adviser", "parent", "young_person", "admin",
                                  "provider", "localoffer"])
def test_every_page_that_shows_a_child_audits_the_read(world, role):
    client = Client()
    user = world.users[role]
    sign_in(client, user)
    problems: list[str] = []
    visited = _crawl(client, user, world, problems)
    assert len(visited) > 20  # the crawl really went somewhere
    assert problems == []
    # The check is not vacuous: case roles really saw children, the others never did.
    if role in ("caseworker", "manager", "adviser", "parent", "young_person"):
        assert len(world.pages_showing_children) >= (2 if role in ("parent", "young_person", "adviser") else 20)
    elif role == "admin":
        # Only the list of accounts, where a young person's account bears their name (and is audited above).
        assert world.pages_showing_children == {"/account/users/"}
    else:
        assert world.pages_showing_children == set()


def test_the_crawl_notices_a_page_that_shows_a_child_without_an_audit_event(world, monkeypatch):
    """The check itself can fail: the worklist with its audit call removed is reported."""
    from pathfinder.insights import views

    monkeypatch.setattr(views, "audit_reads", lambda *args, **kwargs: 0)
    client = Client()
    user = world.users["caseworker"]
    sign_in(client, user)
    problems: list[str] = []
    _check(client, user, "/insights/", world, problems)
    assert problems and "shows" in problems[0]


def test_list_pages_write_one_event_per_child_shown(world):
    client = Client()
    user = world.users["caseworker"]
    sign_in(client, user)
    before = AuditEvent.objects.count()
    response = client.get("/children/")
    assert response.status_code == 200
    events = AuditEvent.objects.order_by("pk")[before:]
    assert sorted(e.child_id for e in events) == sorted(c.pk for c in world.children)
    assert {e.what for e in events} == {"child search results"}
    assert all(e.actor_id == user.pk and e.path == "/children/" for e in events)


def test_a_form_shown_again_after_an_error_is_audited(world):
    """A refused POST re-shows the child's record in the form: that is a read and is audited."""
    client = Client()
    user = world.users["caseworker"]
    sign_in(client, user)
    child = world.children[0]
    before = AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    response = client.post(f"/children/{child.pk}/change/", {"legal_first_name": ""})
    assert response.status_code == 200 and child.legal_last_name in unescape(response.content.decode())
    event = AuditEvent.objects.get(pk__gt=before, actor=user, child=child)
    assert event.action == "view" and "shown again" in event.what


def test_the_advice_form_shown_again_after_an_error_is_audited(world):
    client = Client()
    user = world.users["adviser"]
    sign_in(client, user)
    child = world.children[1]
    advice_id = world.ids[child.pk]["advice_id"]
    before = AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    response = client.post(f"/advice/{advice_id}/", {"summary": ""})
    assert response.status_code == 200 and child.legal_last_name in unescape(response.content.decode())
    assert AuditEvent.objects.filter(pk__gt=before, actor=user, child=child, action="view").exists()


def test_a_parent_guessing_another_childs_addresses_sees_nothing_and_each_try_is_audited(world):
    """Every route about a child, filled in with the world's real ids, opened by a parent of a different child:
    refused every time (403 by role, or 404 so the record's existence is not confirmed), and every 404 leaves a
    "denied" event naming the address tried (people.access.child_view), never the child."""
    intruder = ParentFactory()
    FamilyMemberFactory(user=intruder)  # the parent of some other child
    client = Client()
    sign_in(client, intruder)
    tried = [url for url in _pattern_urls(world) if url.startswith("/children/") and url != "/children/family/"
             or "/family/children/" in url]
    assert len(tried) > 40  # the world's children reach the case, plan, views and family pages
    problems = []
    for url in tried:
        before = AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        response = client.get(url)
        events = AuditEvent.objects.filter(pk__gt=before, actor=intruder)
        if response.status_code == 404:
            if not events.filter(action="denied", child__isnull=True).exists():
                problems.append(f"{url}: 404 with no denied event")
        elif response.status_code != 403:
            problems.append(f"{url}: {response.status_code}")
        if events.filter(child__isnull=False).exists():
            problems.append(f"{url}: an event names a child the parent may not see")
    assert problems == []
