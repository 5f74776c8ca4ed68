"""The demo county is as coherent as real data, checked over the whole of a (small) load_demo:

- every name in a plan, a request, a decision and an advice request is that child's own;
- every final plan has its PDF, or a queued task that makes it (the plans the demo sign-ins open first have it now);
- every Local Offer service is of a kind its provider runs (a nursery does not run disabled children's social work).
"""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from pathfinder.assessments.models import AdviceRequest, Assessment
from pathfinder.demo import wording
from pathfinder.demo.county import CountyBuilder
from pathfinder.demo.pdfs import queued_pdf_plan_ids
from pathfinder.directory.constants import TAXONOMY_SUPPORT, OrganisationKind
from pathfinder.directory.demo import RUN_BY, SERVICE_PATTERNS
from pathfinder.directory.models import Service
from pathfinder.people.models import Child, FamilyMember
from pathfinder.plans.models import Plan, PlanStatus

pytestmark = pytest.mark.django_db
SEED = 3
WORD = re.compile(r"[A-Z][a-z]+(?:[-'][A-Z][a-z]+)?")


@pytest.fixture(scope="module")
def demo(module_db, module_demo_settings):
    """One demo for every test here (they only read it; what a test changes is undone after it)."""
    out = StringIO()
    call_command("load_demo", "--plans=50", "--requests=60", "--services=80", f"--seed={SEED}", stdout=out)
    return out.getvalue()


def _names_the_demo_could_give() -> set[str]:
    """Every first name and surname the generator draws children from, less words the wording itself uses."""
    builder = CountyBuilder(plans=0, requests=0, seed=SEED, local_offer_services=0)
    pool = set(builder.male_names) | set(builder.female_names) | set(builder.surnames) | {"Jordan", "Ellis"}
    own_words = set()
    for value in vars(wording).values():
        for text in value.values() if isinstance(value, dict) else value if isinstance(value, tuple) else ():
            parts = text if isinstance(text, tuple) else (text,)
            for part in parts:
                for field in (vars(part).values() if hasattr(part, "__dataclass_fields__") else (part,)):
                    own_words |= set(WORD.findall(str(field)))
    return pool - own_words


def _plan_texts(plan: Plan) -> list[str]:
    a = plan.assessment  # None for an amendment (its own reason is checked instead)
    texts = [plan.section_a, plan.section_c, plan.section_d, plan.amendment_reason]
    texts += [a.request_summary, a.refusal_reasons, a.not_issue_reasons] if a is not None else []
    texts += [n.description for n in plan.needs.all()] + [o.description for o in plan.outcomes.all()]
    return [t for t in texts if t]


def test_every_plan_names_only_its_own_child(demo):
    names = _names_the_demo_could_give()
    plans = Plan.objects.select_related("child", "assessment").prefetch_related("needs", "outcomes")
    checked = 0
    for plan in plans:
        child = plan.child
        own = {child.legal_first_name, child.legal_last_name, child.preferred_name} - {""}
        for text in _plan_texts(plan):
            others = {w for w in WORD.findall(text) if w in names} - own
            assert not others, (child.full_name, others, text[:120])
            checked += 1
    assert checked > 200


def test_requests_and_decisions_name_their_own_child(demo):
    for a in Assessment.objects.select_related("child"):
        assert f"for {a.child.legal_first_name}:" in a.request_summary
        for reasons in (a.refusal_reasons, a.not_issue_reasons):
            if reasons:
                assert a.child.legal_first_name in reasons


def test_advice_from_the_family_names_their_own_child(demo):
    parents = AdviceRequest.objects.filter(kind="a").select_related("assessment__child")
    assert parents.exists()
    for advice in parents:
        assert advice.adviser_name == f"Parent of {advice.assessment.child.legal_first_name}"


def test_the_demo_young_persons_plan_is_about_jordan(demo):
    jordan = Child.objects.get(user__username="young.person")
    assert (jordan.legal_first_name, jordan.legal_last_name) == ("Jordan", "Ellis")
    plan = Plan.objects.get(assessment__child=jordan)
    assert plan.section_a.count("Jordan") >= 1
    assert all("Jordan" in n.description for n in plan.needs.all())


def test_the_demo_parent_is_the_mother_of_a_child_with_her_surname(demo):
    member = FamilyMember.objects.select_related("child").get(user__username="parent")
    assert (member.name, member.relationship) == ("Claire Whitfield", "Mother")
    assert member.child.legal_last_name == "Whitfield"


def test_every_final_plan_has_its_pdf_or_a_queued_task_that_makes_it(demo):
    finals = list(Plan.objects.filter(status=PlanStatus.FINAL))
    assert len(finals) >= 50
    queued = queued_pdf_plan_ids()
    without = [p.pk for p in finals if not p.final_pdf and p.pk not in queued]
    assert without == []
    # The plans the demo sign-ins open first are ready now: the young person's own plan among them.
    made = [p for p in finals if p.final_pdf]
    assert made and queued and len(made) + len(queued) == len(finals)
    jordan = Plan.objects.get(assessment__child__user__username="young.person")
    with jordan.final_pdf.open("rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    assert "queued for the task worker" in demo


def test_the_queued_tasks_make_the_pdfs(demo):
    """What the worker will do: running a queued task stores that plan's PDF."""
    from pathfinder.plans.tasks import plan_pdf_render

    pk = sorted(queued_pdf_plan_ids())[0]
    plan_pdf_render.call(pk)
    assert Plan.objects.get(pk=pk).final_pdf


def test_every_service_is_of_a_kind_its_provider_runs(demo):
    services = Service.objects.select_related("organisation").prefetch_related("attributes__term__taxonomy")
    assert services.count() == 80
    support_by_pattern = {p[1]: p[0] for p in SERVICE_PATTERNS}
    for service in services:
        kind = service.organisation.kind
        supports = {a.term.code for a in service.attributes.all() if a.term.taxonomy.code == TAXONOMY_SUPPORT}
        pattern = next(p for p in RUN_BY if service.name.startswith(p.format(org=service.organisation.name)))
        assert support_by_pattern[pattern] in supports
        assert kind in RUN_BY[pattern], (service.name, kind)
        # Plain rules a family would expect, whatever the table says:
        if kind == OrganisationKind.EARLY_YEARS:
            assert supports <= {"education", "childcare", "support-groups"}, service.name
        if "social-care" in supports or pattern.startswith("SEND information"):
            assert kind == OrganisationKind.COUNCIL, service.name
        if supports & {"therapy"}:
            assert kind == OrganisationKind.NHS, service.name


def test_the_demo_caseworkers_teams_pdfs_are_made_first(demo):
    from django_tasks_db.models import DBTaskResult

    from pathfinder.demo.pdfs import SOONER, TASK_PATH

    team_plans = set(Plan.objects.filter(status=PlanStatus.FINAL, final_pdf__isnull=True,
                                         assessment__child__team__members__username="caseworker")
                     .values_list("pk", flat=True))
    rows = DBTaskResult.objects.filter(task_path=TASK_PATH).values_list("args_kwargs", "priority")
    by_plan = {args["args"][0]: priority for args, priority in rows}
    assert team_plans and all(by_plan[pk] == SOONER for pk in team_plans)
    assert any(priority < SOONER for pk, priority in by_plan.items() if pk not in team_plans)


def test_a_plan_issued_during_the_demo_gets_its_pdf_before_the_demo_backlog(demo):
    """The backlog is queued below the default priority that a real issue uses, so nobody waits behind it."""
    from django_tasks_db.models import DBTaskResult

    from pathfinder.demo.pdfs import TASK_PATH
    from pathfinder.plans.tasks import plan_pdf_render

    backlog = set(DBTaskResult.objects.filter(task_path=TASK_PATH).values_list("priority", flat=True))
    assert backlog and max(backlog) < plan_pdf_render.priority


def test_staff_email_addresses_are_their_names(demo):
    """A family reads their caseworker's address on their start page: it is the caseworker's name, not a login."""
    from pathfinder.accounts.models import User
    from pathfinder.demo.contacts import work_email

    staff = User.objects.exclude(first_name="").exclude(email="").filter(email__endswith="@wealdmoor.example")
    assert staff.count() > 20
    for user in staff:
        assert user.email == work_email(user.first_name, user.last_name), (user.username, user.email)
    parent = User.objects.get(username="parent")
    assert parent.email == work_email(parent.first_name, parent.last_name, "example.com")  # not the council's


def test_the_demo_family_has_a_voice_and_a_final_plan_shows_what_changed(demo):
    """The demo parent's draft has comments on its sections (one answered) and a meeting request; some children
    have their views written; the young person's final plan changed since its draft."""
    from pathfinder.plans.changes import changes_since_draft
    from pathfinder.plans.models import ChildViews, Representation

    member = FamilyMember.objects.select_related("child").get(user__username="parent")
    comments = Representation.objects.filter(plan__child=member.child)
    assert {(c.kind, c.section, c.status) for c in comments} == {
        ("section", "A", "dealt_with"), ("section", "F", "open"), ("meeting", "", "open")}
    assert all(member.child.legal_first_name in c.text or c.kind == "meeting" or "clinic" in c.text
               for c in comments)
    assert ChildViews.objects.filter(child=member.child, whose="parent").exists()
    assert ChildViews.objects.count() >= 10
    jordan = Plan.objects.get(assessment__child__user__username="young.person")
    since = changes_since_draft(jordan)
    assert since.known and {s.section for s in since.sections} >= {"A", "I"}
    # and the pages show them: the parent reads the answer; the caseworker sees the comments by section
    from django.urls import reverse

    from pathfinder.accounts.tests.helpers import sign_in

    plan = Plan.objects.get(child=member.child, status="draft_sent")
    kw = {"child_id": plan.child_id, "plan_id": plan.pk}
    client = Client()
    sign_in(client, member.user)
    page = client.get(reverse("plans:document", kwargs=kw)).content.decode()
    assert "Our answer" in page and "Comment on this section" in page
    sign_in(client, plan.assessment.caseworker)
    page = client.get(reverse("plans:overview", kwargs=kw)).content.decode()
    assert "Requests for a meeting" in page and "from the family on this section" in page
    sign_in(client, jordan.child.user)
    assert "What changed since the draft" in client.get(reverse("plans:document", kwargs={
        "child_id": jordan.child_id, "plan_id": jordan.pk})).content.decode()


def test_the_demo_amendments_agree_with_the_law(demo):
    """Amendments mid-way and issued: notices within the weeks after the meeting, amended plans after the family's
    days to comment, the plan they amend replaced and its review clock carried."""
    import statutory
    from pathfinder.plans.amendments import amendment_timeline_for

    amendments = list(Plan.objects.filter(kind="amendment").select_related("amends"))
    assert {a.status for a in amendments} >= {"draft", "draft_sent", "final"}
    from django.utils import timezone

    today = timezone.localdate()
    for a in amendments:
        timeline = amendment_timeline_for(a, today=today)
        assert not timeline["amendment_notice"].is_late and not statutory.amendment_problems(
            statutory.AmendmentFacts(review_meeting=a.review_meeting_on, notice_served=a.draft_sent_on,
                                     finished=a.issued_on, amended=True if a.issued_on else None), today=today)
        if a.status == "final":
            assert a.amends.status == "replaced" and a.first_made_on == a.amends.first_made_on
            assert a.last_reviewed_on == a.draft_sent_on and not timeline["amendment_final"].is_late
    assert any(a.status == "draft_sent" and amendment_timeline_for(a, today=today)["amendment_final"].is_overdue
               for a in amendments)
