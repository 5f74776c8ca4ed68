"""The caseworker's pages end to end (record an appeal, a refusal on the form, an order, a duty done), the
worklist, the link on the child's record and the manager's report with England's figures beside the council's."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from pathfinder.accounts.tests.factories import CaseworkerFactory, ManagerFactory
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.disagreements.constants import AppealableKind
from pathfinder.disagreements.tests.factories import AppealableDecisionFactory
from pathfinder.people.child_pages import record_links
from pathfinder.people.selectors import children_visible_to
from pathfinder.tribunal import appeals, orders
from pathfinder.tribunal.constants import AppealOutcome, AppealStatus
from pathfinder.tribunal.figures import appeal_figures
from pathfinder.tribunal.models import Appeal, TribunalOrder
from pathfinder.tribunal.national import DFE_APPEAL_RATE
from pathfinder.tribunal.tests.factories import AppealFactory, case, decided_appeal
from pathfinder.tribunal.worklist import tribunal_steps

pytestmark = pytest.mark.django_db


def _date(name: str, day: date) -> dict[str, str]:
    return {f"{name}-day": str(day.day), f"{name}-month": str(day.month), f"{name}-year": str(day.year)}


def test_record_an_appeal_then_an_order_then_a_duty_done(client) -> None:
    decision, caseworker = case(kind=AppealableKind.NOT_TO_ISSUE)
    child = decision.child
    sign_in(client, caseworker)
    new = reverse("tribunal:appeal-new", kwargs={"child_id": child.pk})
    data = {"decision": str(decision.pk), "reference": "EH881/26/00077", "grounds": "Needs are not met at school.",
            **_date("registered_on", date(2026, 4, 20)), **_date("notified_on", date(2026, 4, 22)),
            **_date("certificate_on", date(2026, 4, 10))}
    response = client.post(new, data, follow=True)
    appeal = Appeal.objects.get(reference="EH881/26/00077")
    assert "response is due by" in response.content.decode()
    appeals.appeal_decide(acting_user=caseworker, appeal=appeal, expected_version=1,
                          outcome=AppealOutcome.ALLOWED, decided_on=date(2026, 9, 15))
    order_new = reverse("tribunal:order-new", kwargs={"child_id": child.pk, "appeal_id": appeal.pk})
    response = client.post(order_new, {"kind": "make_plan", **_date("made_on", date(2026, 9, 15)),
                                       "provision": "Speech and language therapy, 20 hours a term"}, follow=True)
    order = TribunalOrder.objects.get(appeal=appeal)
    body = response.content.decode()
    assert "Issue a draft EHC plan" in body and "20 October 2026" in body
    draft = order.duties.get(step="draft_plan")
    done = reverse("tribunal:duty-done", kwargs={"child_id": child.pk, "order_id": order.pk, "duty_id": draft.pk})
    client.post(done, {"version": order.version, **_date("done_on", date(2026, 10, 14))})
    draft.refresh_from_db()
    assert draft.done_on == date(2026, 10, 14)


def test_a_refused_appeal_is_explained_in_the_error_summary_and_not_saved(client) -> None:
    decision, caseworker = case(kind=AppealableKind.PLAN_CONTENTS, sections=["B", "F", "I"])
    sign_in(client, caseworker)
    new = reverse("tribunal:appeal-new", kwargs={"child_id": decision.child.pk})
    data = {"decision": str(decision.pk), "reference": "EH881/26/00078", "grounds": "The school named is wrong.",
            "sections": ["B", "I"], **_date("registered_on", date(2026, 4, 20)),
            **_date("notified_on", date(2026, 4, 22))}
    response = client.post(new, data)
    body = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in body and "mediation certificate" in body
    assert not Appeal.objects.exists()


def test_an_appeal_against_an_older_decision_is_recorded_against_that_decision(client) -> None:
    """The form lists the newest decision first; choosing any other one once failed with a server error."""
    older, caseworker = case(kind=AppealableKind.NOT_TO_ISSUE, decided_on=date(2026, 1, 5),
                             notice_sent=date(2026, 1, 5))
    newer = AppealableDecisionFactory(child=older.child, kind=AppealableKind.NOT_TO_ASSESS)
    sign_in(client, caseworker)
    new = reverse("tribunal:appeal-new", kwargs={"child_id": older.child.pk})
    data = {"decision": str(older.pk), "reference": "EH881/26/00079", "grounds": "Needs are not met at school.",
            **_date("registered_on", date(2026, 2, 20)), **_date("notified_on", date(2026, 2, 23)),
            **_date("certificate_on", date(2026, 2, 10))}
    response = client.post(new, data)
    assert response.status_code == 302
    appeal = Appeal.objects.get(reference="EH881/26/00079")
    assert appeal.decision == older and newer.appeals.count() == 0


def test_a_stale_duty_done_form_keeps_nothing(client) -> None:
    appeal = decided_appeal(decision__kind=AppealableKind.NOT_TO_ISSUE)
    order = orders.tribunal_order_record(acting_user=None, appeal=appeal, kind="make_plan", made_on=date(2026, 9, 15))
    manager = ManagerFactory()
    sign_in(client, manager)
    draft = order.duties.get(step="draft_plan")
    url = reverse("tribunal:duty-done", kwargs={"child_id": order.child_id, "order_id": order.pk, "duty_id": draft.pk})
    response = client.post(url, {"version": 99, **_date("done_on", date(2026, 10, 14))})
    assert response.status_code == 200 and "Someone else changed" in response.content.decode()
    draft.refresh_from_db()
    assert draft.done_on is None


def test_the_worklist_shows_the_response_due_and_overdue_duties_of_own_cases_only() -> None:
    decision, caseworker = case(kind=AppealableKind.NOT_TO_ISSUE)
    open_appeal = AppealFactory(decision=decision, registered_on=date(2026, 11, 2), notified_on=date(2026, 11, 3),
                                certificate_on=date(2026, 10, 20))
    decided = decided_appeal(decision=decision, reference="EH881/26/99999")
    orders.tribunal_order_record(acting_user=None, appeal=decided, kind="make_plan", made_on=date(2026, 9, 15))
    today = date(2026, 11, 10)
    items = tribunal_steps(caseworker, today)
    titles = {i.title: i for i in items}
    response = titles[f"Send the council's response to appeal {open_appeal.reference}"]
    assert response.due == open_appeal.response_due and not response.is_overdue
    draft = next(i for i in items if i.title.startswith("Issue a draft EHC plan"))
    assert draft.due == date(2026, 10, 20) and draft.is_overdue and not draft.excused
    assert any(i.title.startswith("Issue the finalised EHC plan") and not i.is_overdue for i in items)
    assert tribunal_steps(CaseworkerFactory(), today) == []


def test_the_childs_record_links_to_appeals_for_case_staff() -> None:
    decision, caseworker = case()

    class Request:
        user = caseworker

    links = record_links(Request(), decision.child)
    assert any(link.text == "Appeals and Tribunal orders" for link in links)


def test_the_report_counts_appeals_by_decision_outcome_and_team_beside_england(client) -> None:
    decided_appeal(outcome=AppealOutcome.DISMISSED, registered_on=date(2024, 3, 1), notified_on=date(2024, 3, 2),
                   decision__decided_on=date(2024, 1, 10), decision__notice_sent=date(2024, 1, 10))
    for outcome in (AppealOutcome.ALLOWED, AppealOutcome.ALLOWED_IN_PART, AppealOutcome.WITHDRAWN):
        decided_appeal(outcome=outcome, registered_on=date(2024, 5, 1), notified_on=date(2024, 5, 2),
                       decision__decided_on=date(2024, 2, 1), decision__notice_sent=date(2024, 2, 1))
    manager = ManagerFactory()
    sign_in(client, manager)
    response = client.get(reverse("tribunal:report") + "?year=2024")
    body = response.content.decode()
    assert response.status_code == 200
    figures = appeal_figures(children_visible_to(manager), 2024, date(2026, 12, 1))
    assert figures.total == 4 and figures.decisions == 4
    row = next(r for r in figures.by_kind if r.label.startswith("Not to carry out an EHC needs assessment"))
    assert (row.count, row.finished, row.overturned, row.overturn_rate) == (4, 3, 2, "66.7%")
    assert "22,276" in body and "689,739" in body and "3.2%" in body
    assert DFE_APPEAL_RATE[-1].year == 2024 and round(DFE_APPEAL_RATE[-1].rate, 1) == 3.2
    assert "<table" in body.split("England, academic year")[0]  # tables come first: no chart needed to read it


def test_a_caseworker_cannot_open_the_report(client) -> None:
    sign_in(client, CaseworkerFactory())
    assert client.get(reverse("tribunal:report")).status_code == 403


def test_an_open_appeal_page_offers_its_next_steps(client) -> None:
    decision, caseworker = case()
    appeal = AppealFactory(decision=decision)
    sign_in(client, caseworker)
    body = client.get(reverse("tribunal:appeal", kwargs={"child_id": decision.child.pk,
                                                        "appeal_id": appeal.pk})).content.decode()
    assert "Do not oppose the appeal" in body and "Record the council" in body
    assert appeal.status == AppealStatus.REGISTERED


def test_the_evidence_bundle_is_an_indexed_pdf_of_the_cases_records(client) -> None:
    from pathfinder.tribunal.bundle import bundle_html

    decision, caseworker = case(kind=AppealableKind.NOT_TO_ISSUE, summary="Decided not to issue a plan")
    appeal = AppealFactory(decision=decision, reference="EH881/26/00555")
    html = bundle_html(appeal)
    assert 'href="#decisions"' in html and 'id="decisions"' in html and "Decided not to issue a plan" in html
    assert f'id="plan-{decision.child.plans.first().pk}"' in html  # the final plan, as its own PDF shows it
    sign_in(client, caseworker)
    response = client.get(reverse("tribunal:bundle", kwargs={"child_id": decision.child.pk, "appeal_id": appeal.pk}))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF") and b"EH881-26-00555" in response["Content-Disposition"].encode()
    sign_in(client, CaseworkerFactory())
    other = client.get(reverse("tribunal:bundle", kwargs={"child_id": decision.child.pk, "appeal_id": appeal.pk}))
    assert other.status_code == 404  # a child the user may not see: no bundle, and no sign the record exists
