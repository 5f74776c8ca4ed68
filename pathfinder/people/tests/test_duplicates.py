"""A UPN, NHS number or ULN already on another child's record is refused until the user confirms, and the
warning names the other child only to someone who may see that child's record."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.urls import reverse

from pathfinder.accounts.tests.factories import CaseworkerFactory, ManagerFactory
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.audit.models import AuditEvent
from pathfinder.people import services
from pathfinder.people.duplicates import DuplicateIdentifiers
from pathfinder.people.models import Child
from pathfinder.people.tests.factories import ChildFactory, fictional_upn, nhs_number_for_testing

pytestmark = pytest.mark.django_db


def _data(team, **changes) -> dict:
    """Cleaned form data for a new child."""
    data = {field: "" for field in services.CHILD_FIELDS}
    data.update(legal_first_name="Robin", legal_last_name="Hart", date_of_birth=date(2015, 4, 3), sex="F",
                first_language="English", team=team, upn=fictional_upn(777), nhs_number="", uln="")
    data.update(changes)
    return data


class TestService:
    def test_same_upn_in_my_team_is_refused_naming_the_other_child(self):
        other = ChildFactory(legal_first_name="Ashley", legal_last_name="Hart", date_of_birth=date(2015, 4, 3))
        caseworker = CaseworkerFactory(team=other.team)
        with pytest.raises(DuplicateIdentifiers) as refused:
            services.child_create(acting_user=caseworker, data=_data(other.team, upn=other.upn))
        assert refused.value.field == "upn"
        assert "Another child's record has this UPN: Ashley Hart, born 3 April 2015" in refused.value.message
        assert Child.objects.count() == 1

    def test_a_child_i_may_not_see_is_not_named(self):
        other = ChildFactory(legal_first_name="Ashley", legal_last_name="Hart")
        caseworker = CaseworkerFactory()  # another team
        with pytest.raises(DuplicateIdentifiers) as refused:
            services.child_create(acting_user=caseworker, data=_data(caseworker.team, nhs_number=other.nhs_number))
        message = refused.value.message
        assert refused.value.field == "nhs_number"
        assert "Ashley" not in message and "Hart" not in message
        assert "NHS number, and it is not a record you can see" in message and "ask a SEND manager" in message

    def test_uln_is_checked_too(self):
        other = ChildFactory(uln="1234567890")
        with pytest.raises(DuplicateIdentifiers, match="unique learner number"):
            services.child_create(acting_user=ManagerFactory(), data=_data(other.team, uln="1234567890"))

    def test_confirmed_numbers_are_saved_and_the_confirmation_audited(self):
        other = ChildFactory()
        manager = ManagerFactory()
        child = services.child_create(acting_user=manager, data=_data(other.team, upn=other.upn),
                                      confirmed={f"upn:{other.upn}"})
        assert child.upn == other.upn
        assert AuditEvent.objects.filter(child=child, what__contains="different child from another record").exists()

    def test_a_confirmation_covers_only_the_number_it_was_given_for(self):
        other = ChildFactory()
        with pytest.raises(DuplicateIdentifiers):
            services.child_create(acting_user=ManagerFactory(), data=_data(other.team, upn=other.upn),
                                  confirmed={f"upn:{fictional_upn(778)}"})

    def test_update_checks_only_a_changed_number(self):
        first = ChildFactory()
        second = ChildFactory(team=first.team, upn=first.upn)  # an old duplicate, from before this check
        caseworker = CaseworkerFactory(team=first.team)
        data = {field: getattr(second, field) for field in services.CHILD_FIELDS}
        services.child_update(acting_user=caseworker, child=second, data={**data, "setting_name": "Oak School"})
        with pytest.raises(DuplicateIdentifiers, match="NHS number"):
            services.child_update(acting_user=caseworker, child=second, data={**data, "nhs_number": first.nhs_number})
        assert Child.objects.get(pk=second.pk).nhs_number != first.nhs_number

    def test_no_clash_with_its_own_number(self):
        child = ChildFactory()
        data = {field: getattr(child, field) for field in services.CHILD_FIELDS}
        services.child_update(acting_user=ManagerFactory(), child=child, data={**data, "nhs_number": ""})
        services.child_update(acting_user=ManagerFactory(), child=child, data={**data, "nhs_number": child.nhs_number})


def _errors(html: str) -> list[str]:
    summary = html.split("govuk-error-summary__list", 1)
    return re.findall(r'<a href="#[^"]*">([^<]+)</a>', summary[1].split("</ul>", 1)[0]) if len(summary) > 1 else []


class TestPage:
    def _post(self, client, team, **fields):
        data = {"legal_first_name": "Robin", "legal_last_name": "Hart", "date_of_birth-day": "3",
                "date_of_birth-month": "4", "date_of_birth-year": "2015", "sex": "F", "first_language": "English",
                "team": team.pk, **fields}
        return client.post(reverse("people:child-new"), data)

    def test_warn_then_save_once_confirmed(self, client):
        other = ChildFactory(legal_first_name="Ashley", legal_last_name="Hart", date_of_birth=date(2015, 4, 3))
        caseworker = CaseworkerFactory(team=other.team)
        sign_in(client, caseworker)
        spaced = f"{other.nhs_number[:3]} {other.nhs_number[3:6]} {other.nhs_number[6:]}"

        response = self._post(client, other.team, nhs_number=spaced)
        html = response.content.decode()
        assert response.status_code == 200 and Child.objects.count() == 1
        assert any("this NHS number: Ashley Hart, born 3 April 2015" in e.replace("&#39;", "'") for e in _errors(html))
        assert 'name="confirm_different_child"' in html
        assert f'value="nhs_number:{other.nhs_number}"' in html and spaced in html  # the input is kept

        # not ticked: asked again, still nothing saved
        response = self._post(client, other.team, nhs_number=spaced,
                              confirmed_identifiers=f"nhs_number:{other.nhs_number}")
        assert response.status_code == 200 and Child.objects.count() == 1

        response = self._post(client, other.team, nhs_number=spaced, confirm_different_child="on",
                              confirmed_identifiers=f"nhs_number:{other.nhs_number}")
        assert response.status_code == 302 and Child.objects.count() == 2

    def test_another_teams_child_is_not_named_on_the_page(self, client):
        other = ChildFactory(legal_first_name="Ashley", legal_last_name="Zebedee", upn=fictional_upn(4321),
                             nhs_number=nhs_number_for_testing(4321))
        caseworker = CaseworkerFactory()
        sign_in(client, caseworker)
        html = self._post(client, caseworker.team, upn=other.upn).content.decode()
        assert "not a record you can see" in html and "Zebedee" not in html

    def test_the_warning_is_a_read_of_the_other_record_and_audited(self, client):
        other = ChildFactory(legal_first_name="Ashley", legal_last_name="Hart")
        sign_in(client, CaseworkerFactory(team=other.team))
        self._post(client, other.team, upn=other.upn)
        assert AuditEvent.objects.filter(child=other, what__contains="same number (warning)").count() == 1


class TestRecordPage:
    """An older duplicate (from before the check, or confirmed) stays visible on the record itself."""

    def test_warns_and_links_to_a_record_i_may_see(self, client):
        first = ChildFactory(legal_first_name="Ashley", legal_last_name="Hart", date_of_birth=date(2015, 4, 3))
        second = ChildFactory(team=first.team, upn=first.upn)
        sign_in(client, CaseworkerFactory(team=first.team))
        html = client.get(reverse("people:child", args=[second.pk])).content.decode().replace("&#39;", "'")
        assert "govuk-warning-text" in html and "this UPN: Ashley Hart, born 3 April 2015" in html
        assert f'href="{reverse("people:child", args=[first.pk])}"' in html
        assert AuditEvent.objects.filter(child=first, what__contains="same number (warning)").exists()

    def test_does_not_name_a_record_i_may_not_see(self, client):
        first = ChildFactory(legal_first_name="Ashley", legal_last_name="Zebedee")
        second = ChildFactory(nhs_number=first.nhs_number)  # another team
        sign_in(client, CaseworkerFactory(team=second.team))
        html = client.get(reverse("people:child", args=[second.pk])).content.decode()
        assert "not a record you can see" in html and "Zebedee" not in html
        assert not AuditEvent.objects.filter(child=first).exists()

    def test_no_warning_without_a_duplicate(self, client):
        child = ChildFactory()
        sign_in(client, CaseworkerFactory(team=child.team))
        assert "govuk-warning-text" not in client.get(reverse("people:child", args=[child.pk])).content.decode()
