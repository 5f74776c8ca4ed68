"""A family comments on the Local Offer; the officer moderates and responds; 'You said, we did' publishes it."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime

import pytest
from django.urls import reverse

from pathfinder.feedback.constants import CommentStatus
from pathfinder.feedback.models import Comment
from pathfinder.feedback.tests.factories import (
    CommentFactory,
    OfficerFactory,
    ProviderUserFactory,
    PublishedCommentFactory,
    sign_in,
)

pytestmark = pytest.mark.django_db


def _errors(response) -> list[str]:
    return [html.unescape(e) for e in re.findall(r'<a href="#[^"]*">([^<]+)</a>', response.content.decode())]


def _comment(client, **extra):
    data = {"topic": "missing", "text": "There is nothing about autism-friendly swimming in the north of the county.",
            "name": "Priya Shah", "email": "priya@example.org", "sender_kind": "parent", **extra}
    return client.post(reverse("feedback:comment"), data, REMOTE_ADDR=extra.pop("ip", "203.0.113.5"))


def test_comment_is_moderated_answered_and_published_without_identifying_anyone(client):
    # given a parent who is not signed in
    page = client.get(reverse("feedback:comment")).content.decode()
    assert "Your name and email address are optional" in page and 'name="csrfmiddlewaretoken"' in page

    # when they comment on what is missing
    response = _comment(client, text="My son Tom at Oak School needs autism-friendly swimming in the north.")
    assert response.status_code == 302 and response["Location"] == reverse("feedback:comment-sent")
    comment = Comment.objects.get()
    assert comment.status == CommentStatus.RECEIVED and comment.name == "Priya Shah"

    # then nothing is public yet
    assert "swimming" not in client.get(reverse("feedback:you-said-we-did")).content.decode()

    # when the officer publishes it with wording that identifies nobody
    officer = OfficerFactory()
    sign_in(client, officer)
    listing = client.get(reverse("feedback:officer-comments")).content.decode()
    assert "Oak School" in listing
    response = client.post(reverse("feedback:officer-comment-moderate", args=[comment.pk]), {
        "decision": "publish", "published_text": "We need autism-friendly swimming sessions in the north.",
        "version": comment.version,
    })
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == CommentStatus.ACCEPTED
    assert comment.text.startswith("My son Tom")  # the original is kept privately

    # then it is still not public until the council responds
    client.logout()
    assert "swimming" not in client.get(reverse("feedback:you-said-we-did")).content.decode()

    # when the officer writes the response and action
    sign_in(client, officer)
    response = client.post(reverse("feedback:officer-comment-respond", args=[comment.pk]), {
        "response": "We agree. We asked leisure centres in the north about quiet sessions.",
        "action": "Quiet swimming now runs on Saturday mornings at Northgate Pool.", "version": comment.version,
    })
    assert response.status_code == 302
    history = client.get(reverse("feedback:officer-comment", args=[comment.pk])).content.decode()
    assert "Accepted for publishing" in history and "Council response written" in history

    # then 'You said, we did' shows the comment, response and action, and nothing that identifies anyone
    client.logout()
    public = client.get(reverse("feedback:you-said-we-did")).content.decode()
    assert "We need autism-friendly swimming sessions in the north." in public
    assert "We asked leisure centres in the north" in public
    assert "Saturday mornings at Northgate Pool" in public
    for private in ("Tom", "Oak School", "Priya", "priya@example.org"):
        assert private not in public


def test_a_comment_about_ones_own_case_is_not_published_and_the_reason_is_kept(client):
    comment = CommentFactory(text="Why has my daughter's plan not been finalised? Case 1234.")
    officer = OfficerFactory()
    sign_in(client, officer)
    url = reverse("feedback:officer-comment-moderate", args=[comment.pk])

    # refusing without a reason is explained and saves nothing
    response = client.post(url, {"decision": "refuse", "version": comment.version})
    assert "Select why the comment will not be published" in _errors(response)
    assert Comment.objects.get(pk=comment.pk).status == CommentStatus.RECEIVED

    response = client.post(url, {"decision": "refuse", "reason": "own_case",
                                 "note": "Passed to the SEND team to reply.", "version": comment.version})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == CommentStatus.NOT_PUBLISHED and comment.not_published_reason == "own_case"
    assert comment.moderated_by == officer

    # and the council cannot respond to (and so publish) a refused comment
    response = client.post(reverse("feedback:officer-comment-respond", args=[comment.pk]), {
        "response": "Sorry", "action": "", "version": comment.version})
    assert "Decide to publish the comment before writing the council's response." in _errors(response)

    client.logout()
    assert "finalised" not in client.get(reverse("feedback:you-said-we-did")).content.decode()


def test_published_wording_with_contact_details_is_refused(client):
    comment = CommentFactory()
    sign_in(client, OfficerFactory())
    response = client.post(reverse("feedback:officer-comment-moderate", args=[comment.pk]), {
        "decision": "publish", "published_text": "Call me on 07700 900123 or write to me at WM4 2AB.",
        "version": comment.version,
    })
    errors = _errors(response)
    assert any("a phone number and a postcode" in e for e in errors)
    assert "<title>Error:" in response.content.decode()
    assert Comment.objects.get(pk=comment.pk).status == CommentStatus.RECEIVED


def test_a_stale_decision_is_refused(client):
    comment = CommentFactory(version=3)
    sign_in(client, OfficerFactory())
    response = client.post(reverse("feedback:officer-comment-moderate", args=[comment.pk]), {
        "decision": "publish", "published_text": "Fine words.", "version": 2})
    assert any("Someone else changed this comment" in e for e in _errors(response))
    assert Comment.objects.get(pk=comment.pk).status == CommentStatus.RECEIVED
    page = response.content.decode()
    assert "Fine words." in page  # what was typed is kept
    assert 'name="version" value="3"' in page  # and saving again, after checking, is against the comment as saved


def test_a_stale_response_is_refused_and_keeps_what_was_typed(client):
    comment = CommentFactory(version=3, status=CommentStatus.ACCEPTED, published_text="Fine words.")
    sign_in(client, OfficerFactory())
    url = reverse("feedback:officer-comment-respond", args=[comment.pk])
    response = client.post(url, {"response": "We have added more sessions.", "action": "", "version": 2})
    assert any("Someone else changed this comment" in e for e in _errors(response))
    assert "We have added more sessions." in response.content.decode()
    comment.refresh_from_db()
    assert (comment.status, comment.response, comment.version) == (CommentStatus.ACCEPTED, "", 3)
    response = client.post(url, {"response": "We have added more sessions.", "action": "", "version": 3})
    comment.refresh_from_db()
    assert (comment.status, comment.response, comment.version) == (CommentStatus.PUBLISHED,
                                                                   "We have added more sessions.", 4)
    assert comment.history.order_by("-history_date", "-history_id").first().history_change_reason == (
        "Council response written")


def test_a_robot_filling_the_honeypot_is_thanked_but_nothing_is_kept(client):
    response = _comment(client, website="http://spam.example")
    assert response.status_code == 302
    assert not Comment.objects.exists()


def test_one_address_can_send_only_a_few_comments_an_hour(client, settings):
    settings.PATHFINDER_FEEDBACK_PER_HOUR = 2
    assert _comment(client).status_code == 302
    assert _comment(client).status_code == 302
    response = _comment(client)
    assert response.status_code == 200
    assert any("several messages in the last hour" in e for e in _errors(response))
    assert Comment.objects.count() == 2
    # another address is not affected
    assert _comment(client, ip="198.51.100.7").status_code == 302
    assert Comment.objects.count() == 3


def test_a_comment_must_say_something(client):
    response = client.post(reverse("feedback:comment"), {"topic": "", "text": "", "email": "not-an-email"})
    errors = _errors(response)
    assert "Select what your comment is about" in errors
    assert "Enter your comment" in errors
    assert "Enter an email address in the correct format, like name@example.com" in errors
    assert not Comment.objects.exists()


def test_you_said_we_did_is_filterable_by_year(client):
    PublishedCommentFactory(published_text="Comment from 2025", received_at=datetime(2025, 5, 1, tzinfo=UTC))
    late = PublishedCommentFactory(published_text="Comment from 2026")
    Comment.objects.filter(published_text="Comment from 2025").update(received_at=datetime(2025, 5, 1, tzinfo=UTC))
    Comment.objects.filter(pk=late.pk).update(received_at=datetime(2026, 3, 1, tzinfo=UTC))

    latest = client.get(reverse("feedback:you-said-we-did")).content.decode()
    assert "Comment from 2026" in latest and "Comment from 2025" not in latest
    assert '<option value="2025"' in latest

    older = client.get(reverse("feedback:you-said-we-did"), {"year": "2025"}).content.decode()
    assert "Comment from 2025" in older and "Comment from 2026" not in older
    # a year that is not offered falls back to the latest, not an error page
    response = client.get(reverse("feedback:you-said-we-did"), {"year": "1999"})
    assert response.status_code == 200 and "Comment from 2026" in response.content.decode()


def test_comment_text_is_escaped_everywhere(client):
    script = "<script>alert(1)</script>"
    _comment(client, text=script, name=script)
    comment = Comment.objects.get()
    officer = OfficerFactory()
    sign_in(client, officer)
    page = client.get(reverse("feedback:officer-comment", args=[comment.pk])).content.decode()
    assert script not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    client.post(reverse("feedback:officer-comment-moderate", args=[comment.pk]),
                {"decision": "publish", "published_text": script, "version": 1})
    client.post(reverse("feedback:officer-comment-respond", args=[comment.pk]),
                {"response": script, "action": script, "version": 2})
    assert Comment.objects.get().status == CommentStatus.PUBLISHED
    public = client.get(reverse("feedback:you-said-we-did")).content.decode()
    assert script not in public and public.count("&lt;script&gt;alert(1)&lt;/script&gt;") == 3


def test_only_the_local_offer_officer_sees_comments(client):
    comment = CommentFactory()
    urls = [reverse("feedback:officer-comments"), reverse("feedback:officer-comment", args=[comment.pk]),
            reverse("feedback:officer-comment-moderate", args=[comment.pk])]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and "/account/" in response["Location"]
    sign_in(client, ProviderUserFactory())
    for url in urls:
        assert client.get(url).status_code == 403


def test_forms_are_csrf_protected(client):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post(reverse("feedback:comment"), {"topic": "content", "text": "Hello"})
    assert response.status_code == 403
    assert not Comment.objects.exists()
