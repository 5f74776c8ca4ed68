"""Per-address limits count the real client: a made-up X-Forwarded-For is ignored unless our own proxies wrote it.

Covers the shared helper (pathfinder.core.client_address), the Open Referral API's throttle, the anonymous
comment limit, the sign-in lockout and the per-address sign-in limit, and the audit trail's address.
"""

from __future__ import annotations

import pytest
from django.test import RequestFactory
from django.urls import reverse

from pathfinder.accounts.tests.factories import TEST_PASSWORD, ParentFactory
from pathfinder.audit.models import AuditAction, AuditEvent
from pathfinder.core.client_address import client_address
from pathfinder.feedback.models import Comment

SIGN_IN = "/account/sign-in/"


def request_from(remote: str, forwarded: str | None = None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


class TestClientAddress:
    def test_forwarded_for_is_ignored_without_trusted_proxies(self, settings):
        settings.PATHFINDER_TRUSTED_PROXIES = 0
        assert client_address(request_from("192.0.2.10", "203.0.113.99")) == "192.0.2.10"

    def test_one_trusted_proxy_gives_the_address_it_recorded(self, settings):
        settings.PATHFINDER_TRUSTED_PROXIES = 1
        # The client claimed 6.6.6.6; our proxy appended the address it really saw.
        assert client_address(request_from("10.0.0.2", "6.6.6.6, 203.0.113.7")) == "203.0.113.7"

    def test_two_trusted_proxies_count_from_the_right(self, settings):
        settings.PATHFINDER_TRUSTED_PROXIES = 2
        assert client_address(request_from("10.0.0.3", "6.6.6.6, 203.0.113.7, 10.0.0.2")) == "203.0.113.7"

    def test_without_a_header_behind_a_proxy_the_peer_is_used(self, settings):
        settings.PATHFINDER_TRUSTED_PROXIES = 1
        assert client_address(request_from("192.0.2.10")) == "192.0.2.10"

    def test_a_forwarded_value_that_is_not_an_address_is_not_used(self, settings):
        settings.PATHFINDER_TRUSTED_PROXIES = 1
        assert client_address(request_from("192.0.2.10", "not-an-ip")) == "192.0.2.10"

    def test_the_api_setting_follows_the_same_number(self):
        from config.settings import base

        assert base.REST_FRAMEWORK["NUM_PROXIES"] == base.PATHFINDER_TRUSTED_PROXIES
        assert base.AXES_CLIENT_IP_CALLABLE == "pathfinder.core.client_address.client_address"


@pytest.mark.django_db
class TestOpenReferralThrottle:
    @pytest.fixture(autouse=True)
    def _low_rate(self, settings):
        settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "3/minute"}}

    def codes(self, client, forwarded_values, remote="192.0.2.20"):
        return [
            client.get("/api/oruk/taxonomies", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=value).status_code
            for value in forwarded_values
        ]

    def test_a_fresh_forwarded_for_each_time_does_not_escape_the_limit(self, client):
        assert self.codes(client, ["203.0.113.1", "203.0.113.2", "203.0.113.3", "203.0.113.4"]) == [200, 200, 200, 429]

    def test_behind_a_trusted_proxy_each_client_has_its_own_allowance(self, client, settings):
        settings.PATHFINDER_TRUSTED_PROXIES = 1
        assert self.codes(client, ["203.0.113.1"] * 4) == [200, 200, 200, 429]
        assert self.codes(client, ["203.0.113.2"]) == [200]
        # ...and a client cannot borrow another's allowance by writing its own entry in front.
        assert self.codes(client, ["203.0.113.9, 203.0.113.1"]) == [429]

    def test_counts_live_in_the_shared_cache(self, client):
        from django.core.cache import cache
        from rest_framework.throttling import SimpleRateThrottle

        assert SimpleRateThrottle.cache is cache or SimpleRateThrottle.cache._alias == "default"
        self.codes(client, ["203.0.113.1"])
        assert cache.get("throttle_anon_192.0.2.20")


@pytest.mark.django_db
class TestCommentLimit:
    def comment(self, client, remote, forwarded):
        data = {"topic": "missing", "text": "There is nothing about autism-friendly swimming in the north.",
                "name": "Priya Shah", "email": "priya@example.org", "sender_kind": "parent"}
        return client.post(reverse("feedback:comment"), data, REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)

    def test_a_made_up_forwarded_for_does_not_reset_the_comment_limit(self, client, settings):
        settings.PATHFINDER_FEEDBACK_PER_HOUR = 2
        codes = [self.comment(client, "192.0.2.30", f"203.0.113.{n}").status_code for n in range(3)]
        assert codes == [302, 302, 200]
        assert Comment.objects.count() == 2

    def test_behind_a_trusted_proxy_the_limit_is_per_client(self, client, settings):
        settings.PATHFINDER_FEEDBACK_PER_HOUR = 1
        settings.PATHFINDER_TRUSTED_PROXIES = 1
        assert self.comment(client, "10.0.0.2", "203.0.113.1").status_code == 302
        assert self.comment(client, "10.0.0.2", "203.0.113.2").status_code == 302
        assert self.comment(client, "10.0.0.2", "203.0.113.1").status_code == 200


@pytest.mark.django_db
class TestSignInLimits:
    def post(self, client, username, password, remote="192.0.2.40", forwarded=None):
        extra = {"REMOTE_ADDR": remote}
        if forwarded:
            extra["HTTP_X_FORWARDED_FOR"] = forwarded
        return client.post(SIGN_IN, {"username": username, "password": password}, **extra)

    def test_one_password_against_many_usernames_throttles_the_address(self, client, settings):
        settings.PATHFINDER_SIGN_IN_ADDRESS_FAILURE_LIMIT = 6
        victims = ParentFactory.create_batch(6)
        for victim in victims:
            assert self.post(client, victim.username, "Summer2026!").status_code == 200
        refused = self.post(client, "anyone", "Summer2026!")
        assert refused.status_code == 429
        assert "Too many tries to sign in" in refused.content.decode()
        # Even the right password is not checked from this address for now...
        assert self.post(client, victims[0].username, TEST_PASSWORD).status_code == 429

    def test_the_address_limit_locks_no_account(self, client, settings):
        settings.PATHFINDER_SIGN_IN_ADDRESS_FAILURE_LIMIT = 3
        colleague = ParentFactory()
        for _ in range(4):
            self.post(client, colleague.username, "wrong-password", remote="192.0.2.41")
        # ...but the colleague, from their own address, signs in as usual.
        assert self.post(client, colleague.username, TEST_PASSWORD, remote="198.51.100.8").status_code == 302

    def test_a_made_up_forwarded_for_does_not_escape_the_address_limit(self, client, settings):
        settings.PATHFINDER_SIGN_IN_ADDRESS_FAILURE_LIMIT = 3
        for n in range(3):
            self.post(client, f"user-{n}", "Summer2026!", forwarded=f"203.0.113.{n}")
        assert self.post(client, "user-9", "Summer2026!", forwarded="203.0.113.200").status_code == 429

    def test_the_account_lockout_ignores_a_made_up_forwarded_for(self, client):
        parent = ParentFactory()
        codes = [self.post(client, parent.username, "wrong", forwarded=f"203.0.113.{n}").status_code
                 for n in range(5)]
        assert codes[-1] == 429  # locked after five, whatever address each try claimed
        assert self.post(client, parent.username, TEST_PASSWORD, forwarded="203.0.113.77").status_code == 429

    def test_behind_a_trusted_proxy_the_lockout_counts_each_real_client(self, client, settings):
        settings.PATHFINDER_TRUSTED_PROXIES = 1
        parent = ParentFactory()
        for _ in range(5):
            self.post(client, parent.username, "wrong", remote="10.0.0.2", forwarded="203.0.113.66")
        # The same account from another real client behind the same proxy is not locked out.
        response = self.post(client, parent.username, TEST_PASSWORD, remote="10.0.0.2", forwarded="198.51.100.9")
        assert response.status_code == 302

    def test_the_audit_trail_records_the_real_address(self, client, settings):
        self.post(client, "nobody", "wrong", remote="192.0.2.42", forwarded="203.0.113.5")
        assert AuditEvent.objects.get(action=AuditAction.SIGN_IN_FAILED).ip_address == "192.0.2.42"
        settings.PATHFINDER_TRUSTED_PROXIES = 1
        self.post(client, "nobody2", "wrong", remote="10.0.0.2", forwarded="203.0.113.5")
        assert AuditEvent.objects.filter(ip_address="203.0.113.5").exists()


@pytest.mark.django_db
class TestOutOfDateReportLimit:
    def report(self, client, url, remote, forwarded):
        return client.post(url, {"problem": "other", "details": "Wrong phone number"},
                           REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)

    def test_behind_a_trusted_proxy_the_limit_is_per_client_and_a_made_up_entry_does_not_help(self, client, settings):
        from pathfinder.directory.models import OutOfDateReport
        from pathfinder.directory.tests.factories import ServiceFactory

        settings.PATHFINDER_FEEDBACK_PER_HOUR = 1
        settings.PATHFINDER_TRUSTED_PROXIES = 1
        url = reverse("directory:report", args=[ServiceFactory().pk])
        assert self.report(client, url, "10.0.0.2", "203.0.113.1").status_code == 302
        assert self.report(client, url, "10.0.0.2", "203.0.113.2").status_code == 302  # another family
        assert self.report(client, url, "10.0.0.2", "6.6.6.6, 203.0.113.1").status_code == 200  # the first again
        assert OutOfDateReport.objects.count() == 2
