"""The outbox, the letters to print and "How we contact you": who may open them, and what each one shows."""

import pytest
from django.urls import reverse

from pathfinder.accounts.models import User
from pathfinder.accounts.tests.factories import (
    AdministratorFactory,
    AdviserFactory,
    CaseworkerFactory,
    LocalOfferOfficerFactory,
    ManagerFactory,
    ParentFactory,
    ProviderFactory,
    YoungPersonFactory,
)
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.audit.models import AuditEvent
from pathfinder.notifications.models import MessageStatus
from pathfinder.notifications.tests.factories import LetterFactory, MessageFactory
from pathfinder.people.tests.factories import ChildFactory

pytestmark = pytest.mark.django_db

OK, NOT_FOUND, FORBIDDEN, SIGN_IN = 200, 404, 403, 302


@pytest.fixture
def world():
    child = ChildFactory()
    own = CaseworkerFactory(team=child.team)
    return {
        "child": child,
        "letter": LetterFactory(child_id=child.pk, to_address="4 Mill Lane\nWealdbury"),
        "users": {
            "own caseworker": own, "other team's caseworker": CaseworkerFactory(), "manager": ManagerFactory(),
            "adviser": AdviserFactory(), "parent": ParentFactory(), "young person": YoungPersonFactory(),
            "administrator": AdministratorFactory(), "provider": ProviderFactory(),
            "local offer officer": LocalOfferOfficerFactory(), "anonymous": None,
        },
    }


STAFF_ONLY = {"own caseworker": OK, "other team's caseworker": OK, "manager": OK, "adviser": FORBIDDEN,
              "parent": FORBIDDEN, "young person": FORBIDDEN, "administrator": OK, "provider": FORBIDDEN,
              "local offer officer": FORBIDDEN, "anonymous": SIGN_IN}
PAGES = {
    "outbox": ("notifications:outbox", STAFF_ONLY),
    "letters to print": ("notifications:letters", STAFF_ONLY),
    # One letter: only the caseworker of the child's team, the manager and the administrator; anyone else is told
    # nothing (404), not even that it exists.
    "a letter": ("notifications:letter", {**STAFF_ONLY, "other team's caseworker": NOT_FOUND}),
    "how we contact you": ("notifications:preferences", {**{role: OK for role in STAFF_ONLY}, "anonymous": SIGN_IN}),
}


def _url(name, world):
    return reverse(name, args=[world["letter"].pk]) if name == "notifications:letter" else reverse(name)


@pytest.mark.parametrize("page", PAGES)
def test_role_matrix(client, world, page):
    name, expected = PAGES[page]
    assert set(expected) == set(world["users"])
    got = {}
    for role, user in world["users"].items():
        client.logout()
        if user is not None:
            sign_in(client, user)
        got[role] = client.get(_url(name, world)).status_code
    assert got == expected


def test_a_caseworker_sees_only_their_own_cases_messages_and_the_read_is_audited(client, world):
    other = MessageFactory(child_id=ChildFactory().pk, to_email="someone-else@example.test")
    mine = MessageFactory(child_id=world["child"].pk, to_email="family@example.test")
    caseworker = world["users"]["own caseworker"]
    sign_in(client, caseworker)
    page = client.get(reverse("notifications:outbox")).content.decode()
    assert mine.to_email in page and other.to_email not in page
    assert "GOV.UK Notify is not set up, so nothing is sent" in page
    assert AuditEvent.objects.filter(actor=caseworker, child=world["child"], action="view").exists()


def test_the_administrator_sees_every_message(client, world):
    MessageFactory(child_id=ChildFactory().pk, to_email="someone-else@example.test",
                   status=MessageStatus.FAILED, failure_reason="GOV.UK Notify refused it (400): bad number")
    sign_in(client, world["users"]["administrator"])
    page = client.get(reverse("notifications:outbox")).content.decode()
    assert "someone-else@example.test" in page and "Not delivered" in page and "bad number" in page


def test_another_teams_caseworker_cannot_mark_a_letter_printed(client, world):
    sign_in(client, world["users"]["other team's caseworker"])
    response = client.post(reverse("notifications:letter-printed", args=[world["letter"].pk]))
    assert response.status_code == 404
    world["letter"].refresh_from_db()
    assert world["letter"].status == MessageStatus.LETTER_TO_PRINT


def test_a_letter_is_printed_on_the_letterhead_and_marked_printed(client, world):
    caseworker = world["users"]["own caseworker"]
    sign_in(client, caseworker)
    page = client.get(reverse("notifications:letter", args=[world["letter"].pk])).content.decode()
    assert "Wealdmoor County Council" in page and "01632 960100" in page and "4 Mill Lane" in page
    response = client.post(reverse("notifications:letter-printed", args=[world["letter"].pk]))
    assert response.status_code == 302
    world["letter"].refresh_from_db()
    assert (world["letter"].status, world["letter"].printed_by) == (MessageStatus.PRINTED, caseworker)
    assert AuditEvent.objects.filter(actor=caseworker, child=world["child"], action="update",
                                     what__startswith="printed and posted a letter").exists()
    assert "There are no letters to print." in client.get(reverse("notifications:letters")).content.decode()


def test_someone_chooses_text_messages(client):
    parent = ParentFactory()
    sign_in(client, parent)
    response = client.post(reverse("notifications:preferences"),
                           {"contact_preference": "sms", "phone": "07700 900982", "postal_address": ""})
    assert response.status_code == 302
    assert "We have saved how we contact you." in client.get(response.url).content.decode()
    saved = User.objects.get(pk=parent.pk)
    assert (saved.contact_preference, saved.phone) == ("sms", "07700 900982")


@pytest.mark.parametrize(("data", "field", "message"), [
    ({"contact_preference": "sms", "phone": ""}, "phone", "Enter a mobile phone number, so that we can send you"),
    ({"contact_preference": "sms", "phone": "01632 960100"}, "phone", "Enter a UK mobile phone number"),
    ({"contact_preference": "letter", "postal_address": " "}, "postal_address", "Enter your postal address"),
    ({}, "contact_preference", "Select how we should contact you"),
])
def test_a_choice_we_cannot_use_is_refused_with_the_reason_by_its_field(client, data, field, message):
    parent = ParentFactory()
    sign_in(client, parent)
    page = client.post(reverse("notifications:preferences"), {"phone": "", "postal_address": "", **data})
    html = page.content.decode()
    assert page.status_code == 200
    assert "There is a problem" in html and message in html
    assert f'href="#id_{field}' in html
    assert User.objects.get(pk=parent.pk).contact_preference == "email"
