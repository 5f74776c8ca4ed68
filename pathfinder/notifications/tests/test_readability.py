"""Family words are plain: the reading age of every message to a family and of "How we contact you".

Measured with textstat's Flesch-Kincaid grade (UK reading age = grade + 5). The aim, a reading age of 9, is the
limit: a change that makes the words harder fails. Links, dates and the council's contact line
are left out: they are not prose. Figures on 1 December 2026: request received 8.6, decided
to assess 8.6, refused 8.0, draft sent 7.5, final issued 7.7, a file refused by the virus check 5.6, an
invitation 5.8, an online request acknowledged 8.3, a comment answered 6.7, consent given 7.5 and withdrawn 7.3;
"How we contact you" 8.4 (textstat 0.7.4).
"""

import re

import pytest
import textstat
from django.urls import reverse

from pathfinder.accounts.tests.factories import ParentFactory
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.notifications.kinds import message_kinds

FAMILY_KINDS = ("assessments.request_received", "assessments.decided_to_assess", "assessments.refused",
                "plans.draft_sent", "plans.final_issued",
                "documents.file_refused",  # a family's upload refused by the virus check
                "family.invited", "family.online_request_received", "plans.comment_answered",
                "family.consent_given", "family.consent_withdrawn")
LIMIT = 9


def reading_age(text: str) -> float:
    return textstat.flesch_kincaid_grade(text) + 5


def _prose(text: str) -> str:
    text = re.sub(r"\{[a-z_]+\}", "", text)          # the values: dates, links, the council's details
    text = re.sub(r"https?://\S+", "", text)
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("If you have a question")]
    return " ".join(lines)


@pytest.mark.parametrize("key", FAMILY_KINDS)
def test_each_message_to_a_family_is_plain(key):
    kind = next(k for k in message_kinds() if k.key == key)
    age = reading_age(_prose(kind.email_body))
    assert age <= LIMIT, f"{key}: reading age {age:.1f}"


@pytest.mark.django_db
def test_how_we_contact_you_is_plain(client):
    sign_in(client, ParentFactory())
    html = client.get(reverse("notifications:preferences")).content.decode()
    main = html.split('<main', 1)[1].split('</main>', 1)[0]
    text = re.sub(r"<[^>]+>", " ", re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", main, flags=re.S))
    sentences = " ".join(line.strip() for line in text.splitlines() if line.strip())
    age = reading_age(sentences)
    assert age <= LIMIT, f"How we contact you: reading age {age:.1f}"
