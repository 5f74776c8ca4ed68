"""The officer is warned before publishing wording that looks as if it names a person or a school, and can still
publish it after confirming it identifies nobody."""

from __future__ import annotations

import html
import re

import pytest
from django.urls import reverse

from pathfinder.feedback.constants import CommentStatus
from pathfinder.feedback.models import Comment
from pathfinder.feedback.naming import names_in
from pathfinder.feedback.services import NAMES_MESSAGE
from pathfinder.feedback.tests.factories import CommentFactory, OfficerFactory, sign_in


@pytest.mark.parametrize(("text", "expected"), [
    ("My son Alfie goes to St Mary's Primary and Mrs Patel was great.", ["Mrs Patel", "Alfie", "St Mary's Primary"]),
    ("our daughter, called Isla, loves it. Tom Baker runs it at Wealdbury Academy.",
     ["Isla", "Wealdbury Academy", "Tom Baker"]),
    ("Her teacher Ms Green said no.", ["Ms Green"]),
    ("There is nothing about autism-friendly swimming in the north of the county.", []),
    ("The Wealdmoor Council short breaks team never answer. Speech Therapy waits are long.", []),
    ("I would like more Saturday clubs for teenagers in Wealdbury. Thank You.", []),
])
def test_names_in_finds_people_and_schools_and_leaves_plain_wording_alone(text, expected):
    assert names_in(text) == expected


def _errors(response) -> list[str]:
    return [html.unescape(e) for e in re.findall(r'<a href="#[^"]*">([^<]+)</a>', response.content.decode())]


@pytest.mark.django_db
def test_publishing_wording_that_names_a_child_and_a_school_asks_the_officer_to_confirm(client):
    comment = CommentFactory(text="My son Tom at Oak School needs autism-friendly swimming.")
    sign_in(client, OfficerFactory())
    url = reverse("feedback:officer-comment-moderate", args=[comment.pk])

    # opening the decision warns straight away, from the comment's own words
    page = html.unescape(client.get(url).content.decode())
    assert "may name a person or a school: ‘Tom’, ‘Oak School’" in page
    assert "I have checked: nobody can be identified from what will be published" in page

    # publishing it unchanged is refused with the GOV.UK error pattern, and nothing is saved
    wording = "Tom at Oak School needs autism-friendly swimming."
    response = client.post(url, {"decision": "publish", "published_text": wording, "version": comment.version})
    assert response.status_code == 200
    assert NAMES_MESSAGE in _errors(response)
    assert '<a href="#id_names_checked">' in response.content.decode()
    assert wording in html.unescape(response.content.decode())  # what they typed is kept
    assert Comment.objects.get(pk=comment.pk).status == CommentStatus.RECEIVED

    # confirming publishes it
    response = client.post(url, {"decision": "publish", "published_text": wording, "version": comment.version,
                                 "names_checked": "on"})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == CommentStatus.ACCEPTED and comment.published_text == wording


@pytest.mark.django_db
def test_wording_that_names_nobody_is_published_without_a_question(client):
    comment = CommentFactory(text="My son Tom needs swimming.")
    sign_in(client, OfficerFactory())
    url = reverse("feedback:officer-comment-moderate", args=[comment.pk])
    response = client.post(url, {"decision": "publish", "published_text": "We need autism-friendly swimming.",
                                 "version": comment.version})
    assert response.status_code == 302
    assert Comment.objects.get(pk=comment.pk).status == CommentStatus.ACCEPTED
