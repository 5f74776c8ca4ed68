"""The review's pages end to end through the forms: a caseworker starts and arranges the review, the school's SENCO
records the meeting and the report, the caseworker keeps the plan. Refusals show on the form and save nothing."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from pathfinder.accounts.tests.factories import CaseworkerFactory
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.organisations.tests.factories import MembershipFactory
from pathfinder.plans.models import Plan
from pathfinder.reviews.models import Review, ReviewStatus
from pathfinder.reviews.tests.factories import final_plan

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def _date(prefix: str, day) -> dict:
    return {f"{prefix}-day": day.day, f"{prefix}-month": day.month, f"{prefix}-year": day.year}


def test_a_review_through_its_pages(client):
    plan = final_plan(outcomes=2)
    school = MembershipFactory(starts_on=TODAY - timedelta(days=300))
    caseworker = CaseworkerFactory(team=plan.child.team)
    kw = {"child_id": plan.child_id, "plan_id": plan.pk}
    sign_in(client, caseworker)
    response = client.post(reverse("reviews:start", kwargs=kw), {
        "kind": "annual", **_date("started_on", TODAY), "run_by": school.organisation.pk})
    review = Review.objects.get()
    assert response.status_code == 302 and review.run_by == school.organisation
    kw["review_id"] = review.pk

    # Too little notice, no reason: refused on the form, nothing saved.
    arrange = reverse("reviews:arrange", kwargs=kw)
    form = {"version": 1, **_date("meeting_on", TODAY + timedelta(days=3)), "meeting_place": "Oakfield School",
            **_date("invited_on", TODAY), "family_name": "Ms Quill", "head_name": "Mrs Head",
            "sen_officer_name": "Mr Officer"}
    page = client.post(arrange, form)
    assert page.status_code == 200 and "notice" in page.content.decode()
    assert Review.objects.get().status == ReviewStatus.PLANNED
    form.update(_date("meeting_on", TODAY + timedelta(days=20)))
    assert client.post(arrange, form).status_code == 302

    # The school's SENCO records the meeting (weeks later: the dates are moved back) and the report.
    Review.objects.filter(pk=review.pk).update(meeting_on=TODAY - timedelta(days=2))
    review.invitees.update(invited_on=TODAY - timedelta(days=20))
    client.logout()
    sign_in(client, school.user)
    meeting = reverse("reviews:meeting", kwargs=kw)
    outcomes = list(plan.outcomes.all())
    data = {"version": 2, **_date("held_on", TODAY - timedelta(days=2)),
            f"progress_{outcomes[0].pk}": "Follows two-step instructions", f"on_track_{outcomes[0].pk}": "yes",
            f"on_track_{outcomes[1].pk}": "no"}
    page = client.post(meeting, data)
    assert page.status_code == 200 and f"outcome E{outcomes[1].order}" in page.content.decode()
    data[f"progress_{outcomes[1].pk}"] = "Still needs adult help at lunchtime"
    assert client.post(meeting, data).status_code == 302
    assert client.post(reverse("reviews:report", kwargs=kw), {
        "version": 3, **_date("received_on", TODAY), "recommendations": "Keep the plan"}).status_code == 302
    assert client.get(reverse("reviews:decide", kwargs=kw)).status_code == 403

    # The caseworker keeps the plan; a stale page is refused first.
    client.logout()
    sign_in(client, caseworker)
    decide = reverse("reviews:decide", kwargs=kw)
    stale = client.post(decide, {"version": 3, **_date("decided_on", TODAY)})
    assert stale.status_code == 200 and "Someone else changed this review" in stale.content.decode()
    assert client.post(decide, {"version": 4, **_date("decided_on", TODAY)}).status_code == 302
    assert Review.objects.get().status == ReviewStatus.DECIDED
    assert Plan.objects.get(pk=plan.pk).last_reviewed_on == TODAY
    page = client.get(reverse("reviews:review", kwargs=kw)).content.decode()
    assert "Keep the plan as it is" in page and "appeal to the Tribunal" in page
    assert "reg 20(10)" in page


def test_the_final_plans_page_says_when_the_next_review_is_due_and_links_to_its_reviews(client):
    from django.urls import reverse

    from pathfinder.accounts.tests.factories import CaseworkerFactory
    from pathfinder.accounts.tests.helpers import sign_in
    from pathfinder.reviews.tests.factories import final_plan

    plan = final_plan()
    sign_in(client, CaseworkerFactory(team=plan.child.team))
    page = client.get(reverse("plans:document", kwargs={"child_id": plan.child_id, "plan_id": plan.pk})).content.decode()
    assert f"The next review is due by {plan.review_due_on.day} " in page and "See the reviews of this plan" in page
    assert reverse("reviews:plan", kwargs={"child_id": plan.child_id, "plan_id": plan.pk}) in page
