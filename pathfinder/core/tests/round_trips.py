"""Round trips: open a real record's edit page, post the form back exactly as the browser shows it, and check
that nothing changed. Each record has several values in every field that takes several, because that is what
a form rendering several answers as radio buttons loses.

Each case returns (before, after): what the record looked like, and what it looks like after the unchanged save.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from typing import Any

from django.forms.models import model_to_dict
from django.test import Client
from django.urls import reverse

from pathfinder.accounts.tests.factories import CaseworkerFactory, LocalOfferOfficerFactory
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.core.tests.html_forms import main_form

Snapshot = dict[str, Any]


def _post_back(client: Client, url: str) -> None:
    page = client.get(url)
    assert page.status_code == 200, f"GET {url} gave {page.status_code}"
    form = main_form(page.content.decode())
    response = client.post(form.action or url, form.data())
    assert response.status_code == 302, f"POST {url} was refused: {response.content.decode()[:3000]}"


# -- Local Offer: a provider's draft ------------------------------------------------------------------------------


def service(client: Client) -> tuple[Snapshot, Snapshot]:
    from pathfinder.directory.drafts import NO_DRAFT, service_draft_save
    from pathfinder.directory.models import Contact, CostOption, ServiceRevision
    from pathfinder.directory.tests.factories import (
        LocationFactory,
        MembershipFactory,
        ScheduleFactory,
        ServiceAtLocationFactory,
        ServiceFactory,
        link,
        term,
    )

    membership = MembershipFactory()
    record = ServiceFactory(organisation=membership.organisation, in_person=True, online=True, by_phone=True,
                            is_free=False, fees="£3 a session", referral_route="both", minimum_age=4, maximum_age=16,
                            email="hello@swim.example", url="https://swim.example", phone="01632 960123")
    link(record, term("send-needs", "ASD"), term("send-needs", "HI"), term("support-kinds", "therapy"),
         term("support-kinds", "leisure"))
    ScheduleFactory(service=record, byday="MO,WE,FR", opens_at=time(9, 30), closes_at=time(12))
    ScheduleFactory(service=record, byday="SA,SU", opens_at=time(10), closes_at=time(11))
    ServiceAtLocationFactory(service=record, location=LocationFactory(name="Pool", postcode="WM1 1AA"))
    ServiceAtLocationFactory(service=record, location=LocationFactory(name="Hub", postcode="WM4 2AB"))
    Contact.objects.create(service=record, name="Asha Patel", title="Lead", phone="01632 960124")
    CostOption.objects.create(service=record, option="Per session", amount="3.00")
    provider = membership.user
    service_draft_save(acting_user=provider, service=record, data={"fees": "£3 a session, paid at the door"},
                       expected_version=NO_DRAFT)  # being edited

    def snap() -> Snapshot:
        revisions = list(ServiceRevision.objects.filter(service=record).order_by("number"))
        return {"revisions": [(r.number, r.status, r.version) for r in revisions], "draft": revisions[-1].data}

    before = snap()
    assert len(before["draft"]["delivery"]) == 3 and len(before["draft"]["term_ids"]) == 4
    sign_in(client, provider)
    _post_back(client, reverse("directory:service-edit", args=[record.pk]))
    return before, snap()


def information_page(client: Client) -> tuple[Snapshot, Snapshot]:
    from pathfinder.directory.constants import InformationTopic
    from pathfinder.directory.models import InformationPage

    page = InformationPage.objects.create(
        slug="help-with-travel", title="Help with travel to school", summary="Who can get free travel",
        body="Some children can get free travel.\n\n- Ask the school\n- Fill in the form", sort_order=3,
        topic=InformationTopic.values[-1], published=True)

    def snap() -> Snapshot:
        page.refresh_from_db()
        return model_to_dict(page, exclude=["updated_at", "updated_by"])

    before = snap()
    sign_in(client, LocalOfferOfficerFactory())
    _post_back(client, reverse("directory:officer-page-edit", args=[page.slug]))
    return before, snap()


def search_synonym(client: Client) -> tuple[Snapshot, Snapshot]:
    """A search word with several things to look for and two linked terms survives being saved unchanged."""
    from pathfinder.directory.models import SearchSynonym
    from pathfinder.directory.tests.factories import term

    entry = SearchSynonym.objects.create(phrase="salt and pepper", kind="everyday",
                                         means="speech and language therapy, can't talk")
    entry.terms.set([term("send-needs", "SLCN"), term("support-kinds", "therapy")])

    def snap() -> Snapshot:
        entry.refresh_from_db()
        data = model_to_dict(entry, exclude=["updated_at", "updated_by", "version", "terms"])
        return {**data, "terms": sorted(str(t) for t in entry.terms.values_list("pk", flat=True))}

    before = snap()
    sign_in(client, LocalOfferOfficerFactory())
    _post_back(client, reverse("directory:officer-search-word-edit", args=[entry.pk]))
    return before, snap()


def search(client: Client) -> tuple[Snapshot, Snapshot]:
    """The public search is a GET form: the query it shows must be the query it sends again."""
    query = [("q", "swimming"), ("need", "ASD"), ("need", "HI"), ("kind", "health"), ("kind", "leisure"),
             ("delivery", "in_person"), ("delivery", "online"), ("age", "7"), ("cost", "free")]
    page = client.get(reverse("directory:search"), dict(_grouped(query)))
    assert page.status_code == 200
    sent = [(k, v) for k, v in main_form(page.content.decode(), method="get").pairs() if v != ""]
    picked = {"need", "kind", "delivery", "q", "age", "cost"}
    return {"query": sorted(query)}, {"query": sorted((k, v) for k, v in sent if k in picked)}


def _grouped(pairs: list[tuple[str, str]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for k, v in pairs:
        out.setdefault(k, []).append(v)
    return out


# -- a child's record ----------------------------------------------------------------------------------------------


def child(client: Client) -> tuple[Snapshot, Snapshot]:
    from pathfinder.people.codes import NeedType
    from pathfinder.people.services import CHILD_FIELDS
    from pathfinder.people.tests.factories import ChildFactory, ChildNeedFactory

    record = ChildFactory(preferred_name="Sam", address="1 High Street\nWealdbury", communication_needs="Short\nsentences",
                          date_of_birth=date(2016, 2, 29), setting_phase="junior")
    ChildNeedFactory(child=record, need_type=NeedType.ASD, rank=1)
    ChildNeedFactory(child=record, need_type=NeedType.SLCN, rank=2)

    def snap() -> Snapshot:
        record.refresh_from_db()
        return {**{f: getattr(record, f) for f in CHILD_FIELDS},
                "needs": [n.need_type for n in record.ranked_needs()], "history": record.history.count()}

    before = snap()
    sign_in(client, CaseworkerFactory(team=record.team))
    _post_back(client, reverse("people:child-edit", args=[record.pk]))
    return before, snap()


def contact_preference(client: Client) -> tuple[Snapshot, Snapshot]:
    from pathfinder.accounts.models import User
    from pathfinder.accounts.tests.factories import ParentFactory

    record = ParentFactory(contact_preference="letter", phone="07700 900982", postal_address="1 High Street\nWealdbury")

    def snap() -> Snapshot:
        fresh = User.objects.get(pk=record.pk)
        return {"contact_preference": fresh.contact_preference, "phone": fresh.phone,
                "postal_address": fresh.postal_address}

    before = snap()
    sign_in(client, record)
    _post_back(client, reverse("notifications:preferences"))
    return before, snap()


# -- a draft EHC plan ----------------------------------------------------------------------------------------------


def _plan_with_items():
    from pathfinder.plans.tests.factories import PlanFactory, PlanNeedFactory, PlanOutcomeFactory, PlanProvisionFactory

    plan = PlanFactory()
    needs = [PlanNeedFactory(plan=plan, area="Communication"), PlanNeedFactory(plan=plan, area="Cognition")]
    outcomes = [PlanOutcomeFactory(plan=plan, needs=needs, preparing_for_adulthood=True),
                PlanOutcomeFactory(plan=plan, needs=needs, description="By July 2027, Sam will read aloud.")]
    provision = PlanProvisionFactory(plan=plan, section="G", needs=needs, outcomes=outcomes,
                                     health_commissioner_agreed=True, health_commissioner_agreed_by="Dr Okafor")
    sign_in_as = CaseworkerFactory(team=plan.assessment.child.team)
    return plan, needs, outcomes, provision, sign_in_as


def _kw(plan) -> dict[str, int]:
    return {"child_id": plan.child_id, "plan_id": plan.pk}


def _item(obj) -> Snapshot:
    obj.refresh_from_db()
    data = model_to_dict(obj)
    for name in ("needs", "outcomes"):
        if name in data:
            data[name] = sorted(x.pk for x in data[name])
    return data


def _plan_case(client: Client, url_for: Callable, item_of: Callable) -> tuple[Snapshot, Snapshot]:
    plan, needs, outcomes, provision, user = _plan_with_items()
    item = item_of(plan, needs, outcomes, provision)

    def snap() -> Snapshot:
        plan.refresh_from_db()
        return {"item": _item(item), "plan_version": plan.version}

    before = snap()
    sign_in(client, user)
    _post_back(client, url_for(plan, item))
    return before, snap()


def plan_section(client: Client) -> tuple[Snapshot, Snapshot]:
    return _plan_case(client, lambda plan, item: reverse("plans:section", kwargs={**_kw(plan), "section": "a"}),
                      lambda plan, *_: plan)


def plan_need(client: Client) -> tuple[Snapshot, Snapshot]:
    return _plan_case(client, lambda plan, item: reverse("plans:need-edit", kwargs={**_kw(plan), "need_id": item.pk}),
                      lambda plan, needs, *_: needs[0])


def plan_outcome(client: Client) -> tuple[Snapshot, Snapshot]:
    return _plan_case(
        client, lambda plan, item: reverse("plans:outcome-edit", kwargs={**_kw(plan), "outcome_id": item.pk}),
        lambda plan, needs, outcomes, _: outcomes[0])


def plan_provision(client: Client) -> tuple[Snapshot, Snapshot]:
    return _plan_case(
        client,
        lambda plan, item: reverse("plans:provision-edit", kwargs={**_kw(plan), "section": "G", "provision_id": item.pk}),
        lambda plan, needs, outcomes, provision: provision)


def child_views(client: Client) -> tuple[Snapshot, Snapshot]:
    from pathfinder.accounts.tests.factories import ParentFactory
    from pathfinder.people.tests.factories import ChildFactory, FamilyMemberFactory
    from pathfinder.plans.models import ChildViews

    child = ChildFactory()
    parent = ParentFactory()
    FamilyMemberFactory(child=child, user=parent)
    record = ChildViews.objects.create(child=child, whose="parent", important="Her dog.\nHer gran.", enjoys="Swimming",
                                       hard="", future="College", helped="Pictures first")
    before = _item(record)
    sign_in(client, parent)
    _post_back(client, reverse("plans:views-edit", kwargs={"child_id": child.pk, "whose": "parent"}))
    return before, _item(record)


def comment_answer(client: Client) -> tuple[Snapshot, Snapshot]:
    from pathfinder.plans.models import Representation

    plan, *_, user = _plan_with_items()
    comment = Representation.objects.create(plan=plan, text="Add swimming.", section="F", kind="section",
                                            reply="Added as F2.", status="dealt_with")
    before = _item(comment)
    sign_in(client, user)
    _post_back(client, reverse("plans:comment-answer", kwargs={**_kw(plan), "comment_id": comment.pk}))
    return before, _item(comment)


# -- personal budgets: a draft RAS version, and a priced provision ----------------------------------------------


def _ras_case(client: Client, url_name: str, with_question: bool = False) -> tuple[Snapshot, Snapshot]:
    from pathfinder.accounts.tests.factories import ManagerFactory
    from pathfinder.budgets.models_ras import AllocationSystem
    from pathfinder.budgets.ras import ras_details_save, ras_draft_start
    from pathfinder.budgets.tests.factories import published_ras

    manager = ManagerFactory()
    published_ras(agreed_with="Wealdmoor ICB")
    draft = ras_draft_start(acting_user=manager, stream="social_care")
    draft = ras_details_save(acting_user=manager, system=draft, expected_version=draft.version, title="Short breaks",
                             what_changed="Band C costs more.\nA new question.", agreed_with="Wealdmoor ICB",
                             effective_from=date(2027, 4, 1))

    def snap() -> Snapshot:
        system = AllocationSystem.objects.get(pk=draft.pk)
        return {"system": model_to_dict(system, exclude=["id"]),
                "questions": [(q.text, q.help_text, [(o.label, o.points) for o in q.options.all()])
                              for q in system.questions.all()],
                "bands": [(b.name, b.min_points, b.max_points, b.yearly_amount) for b in system.bands.all()]}

    before = snap()
    sign_in(client, manager)
    args = [draft.pk, draft.questions.first().pk] if with_question else [draft.pk]
    _post_back(client, reverse(url_name, args=args))
    return before, snap()


def ras_details(client: Client) -> tuple[Snapshot, Snapshot]:
    return _ras_case(client, "budgets:ras_details")


def ras_question(client: Client) -> tuple[Snapshot, Snapshot]:
    return _ras_case(client, "budgets:ras_question", with_question=True)


def ras_bands(client: Client) -> tuple[Snapshot, Snapshot]:
    return _ras_case(client, "budgets:ras_bands")


def provision_price(client: Client) -> tuple[Snapshot, Snapshot]:
    from decimal import Decimal

    from pathfinder.budgets.costing import provision_price as price
    from pathfinder.budgets.models import BudgetLine
    from pathfinder.budgets.tests.factories import BudgetRequestFactory

    budget_request = BudgetRequestFactory()
    provision = budget_request.plan.provisions.first()
    user = CaseworkerFactory(team=budget_request.child.team)
    line = price(acting_user=user, provision=provision, source="agreed", unit_price=Decimal("1234.56"),
                 units_per_year=Decimal("38.5"), stream="education", today=date(2026, 12, 1))
    before = _item(line)
    sign_in(client, user)
    _post_back(client, reverse("budgets:provision_price", args=[budget_request.child_id, budget_request.plan_id,
                                                                  provision.pk]))
    return before, _item(BudgetLine.objects.get(pk=line.pk))


# -- personal budgets: a budget line and a direct payment's details ------------------------------------------------


def budget_line(client: Client) -> tuple[Snapshot, Snapshot]:
    from decimal import Decimal

    from pathfinder.budgets.models import BudgetLineShare, RequestStatus
    from pathfinder.budgets.tests.factories import BudgetLineFactory, BudgetRequestFactory

    budget_request = BudgetRequestFactory(status=RequestStatus.INDICATIVE)
    line = BudgetLineFactory(request=budget_request, yearly_amount=Decimal("1200.50"), cannot_separate=True,
                             cannot_separate_reason="Part of the county's block contract.\nSecond line.")
    BudgetLineShare.objects.create(line=line, funder="council", amount=Decimal("700.50"))
    BudgetLineShare.objects.create(line=line, funder="icb", amount=Decimal("500"), agreed_on=date(2026, 5, 1),
                                   agreed_by_name="Dr Ahmed")

    def snap() -> Snapshot:
        budget_request.refresh_from_db()
        shares = sorted((s.funder, s.amount, s.agreed_on) for s in line.shares.all())
        return {"line": _item(line), "shares": shares, "version": budget_request.version}

    before = snap()
    sign_in(client, CaseworkerFactory(team=budget_request.child.team))
    _post_back(client, reverse("budgets:line_edit", kwargs={
        "child_id": budget_request.child_id, "request_id": budget_request.pk, "line_id": line.pk}))
    return before, snap()


def direct_payment_details(client: Client) -> tuple[Snapshot, Snapshot]:
    from pathfinder.budgets.tests.factories import DirectPaymentFactory

    dp = DirectPaymentFactory(consent_given_on=date(2026, 5, 1), will_use_appropriately=True, efficient_use=True,
                              on_school_premises=True, head_name="Mrs Okafor", head_agreed_on=date(2026, 5, 2),
                              holding="prepaid_card")
    before = _item(dp)
    sign_in(client, CaseworkerFactory(team=dp.request.child.team))
    _post_back(client, reverse("budgets:direct_payment_details", kwargs={
        "child_id": dp.request.child_id, "request_id": dp.request_id, "direct_payment_id": dp.pk}))
    return before, _item(dp)


ROUND_TRIPS: dict[str, Callable[[Client], tuple[Snapshot, Snapshot]]] = {
    "ras_details": ras_details, "ras_question": ras_question, "ras_bands": ras_bands,
    "provision_price": provision_price,
    "budget_line": budget_line, "direct_payment_details": direct_payment_details,
    "child_views": child_views, "comment_answer": comment_answer,
    "service": service, "information_page": information_page, "search": search,
    "search_synonym": search_synonym, "child": child,
    "plan_section": plan_section, "plan_need": plan_need, "plan_outcome": plan_outcome,
    "plan_provision": plan_provision, "contact_preference": contact_preference,
}
