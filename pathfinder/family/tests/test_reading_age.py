"""The family pages are written for a reading age of about 9 (Flesch-Kincaid grade 4): measured, not hoped for.

Each page's main text (inside <main>, without the navigation, the error summary or the sign-out button) is
measured with textstat's Flesch-Kincaid grade; reading age is grade + 5. A block (paragraph, list item, heading,
label) ends a sentence. Each page must stay at or below PAGE_CEILING and their average at or below
AVERAGE_CEILING, so a change that makes them harder to read fails here. The figures are printed when it runs.
"""

from __future__ import annotations

import re
import sys
from datetime import timedelta
from html import unescape

import pytest
import textstat
from django.urls import reverse
from django.utils import timezone

from pathfinder.accounts.tests.factories import ParentFactory, YoungPersonFactory
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.assessments.tests.factories import AdviceRequestFactory, AssessingFactory
from pathfinder.family.invitations import family_invitation_create
from pathfinder.family.tests.factories import OnlineRequestFactory
from pathfinder.people.tests.factories import ChildFactory, FamilyMemberFactory

pytestmark = pytest.mark.django_db

#: The Flesch-Kincaid grade no family page may go above: 4.5, a reading age of 9 and a half. Measured when
#: written (December 2026), main text including form labels and hints: start page 2.8, case page 2.8 to 4.0 (the
#: timeline's dates and "educational psychologist" weigh most), who can see your case 0.3, ask for an account
#: 1.3, request sent 0.0, ask for an assessment 2.7, assessment request sent 2.4, make your account 0.8, link
#: cannot be used 1.9; average 1.8 (reading age about 7).
PAGE_CEILING = 4.5
AVERAGE_CEILING = 3.0

MAIN = re.compile(r"<main\b.*?</main>", re.DOTALL)
DROP = re.compile(r"<(script|style|form)\b.*?</\1>|<div class=\"govuk-error-summary.*?</div>\s*</div>", re.DOTALL)
TAG = re.compile(r"<[^>]+>")


def main_text(html: str, keep_forms: bool = True) -> str:
    body = MAIN.search(html).group(0)
    if not keep_forms:
        body = DROP.sub(" ", body)
    body = re.sub(r"</(p|li|h\d|label|legend|dt|dd)>", ". ", body)  # blocks end a sentence; inline text does not
    text = unescape(TAG.sub(" ", body))
    text = re.sub(r"\s+", " ", text)
    return re.sub(r"(\.\s*){2,}", ". ", text).strip()


def grade(text: str) -> float:
    textstat.set_lang("en_GB")
    return textstat.flesch_kincaid_grade(text)


@pytest.fixture
def pages(client):
    today = timezone.localdate()
    assessment = AssessingFactory(child__legal_first_name="Sam", received_on=today - timedelta(days=50),
                                  decision_to_assess_on=today - timedelta(days=10))
    AdviceRequestFactory(assessment=assessment, requested_on=today - timedelta(days=9))
    child = assessment.child
    parent = ParentFactory()
    FamilyMemberFactory(child=child, user=parent)
    got = {}
    sign_in(client, parent)
    got["start page"] = client.get(reverse("family:home")).content.decode()
    got["case page"] = client.get(reverse("family:case", kwargs={"child_id": child.pk})).content.decode()
    client.logout()
    young = YoungPersonFactory()
    grown = ChildFactory(date_of_birth=today.replace(year=today.year - 18), user=young)
    FamilyMemberFactory(child=grown, user=ParentFactory(), name="Ruth Adeyemi")
    sign_in(client, young)
    got["who can see your case"] = client.get(reverse("family:sharing", kwargs={"child_id": grown.pk})).content.decode()
    client.logout()
    got["ask for an account"] = client.get(reverse("family:account-request")).content.decode()
    got["account request sent"] = client.get(reverse("family:account-request-sent")).content.decode()
    got["ask for an assessment"] = client.get(reverse("family:online-request")).content.decode()
    online = OnlineRequestFactory(decision_due_on=today + timedelta(days=30))
    session = client.session
    session["family_online_request"] = online.reference
    session.save()
    got["assessment request sent"] = client.get(reverse("family:online-request-sent")).content.decode()
    member = FamilyMemberFactory(child=child, user=None)
    token = family_invitation_create(acting_user=assessment.caseworker, child=child, member=member)
    got["make your account"] = client.get(reverse("family:accept", kwargs={"token": token})).content.decode()
    got["link cannot be used"] = client.get(reverse("family:accept", kwargs={"token": "nope"})).content.decode()
    return got


def test_family_pages_read_at_about_age_nine(pages, capsys):
    grades = {name: grade(main_text(html)) for name, html in pages.items()}
    lines = [f"  {name:28} grade {value:4.1f}  reading age {value + 5:4.1f}" for name, value in grades.items()]
    lines.append(f"  {'average':28} grade {sum(grades.values()) / len(grades):4.1f}")
    with capsys.disabled():  # the figures are reported, so they are shown on every run
        sys.stdout.write("\nFlesch-Kincaid grade of the family pages' main text:\n" + "\n".join(lines) + "\n")
    too_hard = {name: value for name, value in grades.items() if value > PAGE_CEILING}
    assert not too_hard, f"Pages harder to read than their ceiling: {too_hard}"
    assert sum(grades.values()) / len(grades) <= AVERAGE_CEILING


def test_the_measure_would_catch_officialese():
    """The test can fail: the caseworkers' wording of the same step scores far above the family pages."""
    official = ("The local authority must notify the child's parent of its decision as to whether it is "
                "necessary for special educational provision to be secured in accordance with an EHC plan.")
    assert grade(official) > PAGE_CEILING + 5
