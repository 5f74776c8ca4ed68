"""The family's pages about their child's views and the draft plan are plain English: measured, not guessed.

Reading age is the Flesch-Kincaid grade plus 5 (a US grade is a year of school from age 5 or 6), computed by
textstat over the words of the page's main content that Pathfinder itself writes (the plan's own wording, written
by professionals, is left out: it is the caseworker's to make plain, helped by the plan's quality checks). The aim
for family pages is a reading age of 9; the test fails above ``CEILING`` so that a change that makes a page harder
to read is seen. ``python -m pytest pathfinder/plans/tests/test_family_reading_age.py -s`` prints the figures.
"""

from __future__ import annotations

import html
import re
import sys

import pytest
from django.urls import reverse

from pathfinder.plans.tests.test_comments import sent  # noqa: F401 (the fixture)

textstat = pytest.importorskip("textstat")
pytestmark = pytest.mark.django_db

AIM = 9
CEILING = 9.5  # reading age; lower it as pages get plainer, never raise it to make a change pass


def _main_words(response) -> str:
    page = response.content.decode()
    main = re.search(r'<main[^>]*>(.*)</main>', page, re.S).group(1)
    main = re.sub(r'<section aria-labelledby="section-[a-z0-9]+".*?</section>', " ", main, flags=re.S)
    main = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", main, flags=re.S)
    # Each block of text is its own sentence, as a reader meets it (a heading, a label, a link).
    text = re.sub(r"</(p|h[1-6]|li|label|legend|a|button|div|dt|dd|span)>", ". ", main)
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return re.sub(r"(\.\s*)+", ". ", " ".join(text.split()))


def _reading_age(text: str) -> float:
    return textstat.flesch_kincaid_grade(text) + 5


@pytest.fixture
def pages(client, sent):  # noqa: F811
    plan, caseworker, parent, kw = sent
    from pathfinder.accounts.tests.helpers import sign_in

    sign_in(client, parent)
    child = {"child_id": plan.child_id}
    return {
        "your child's views": client.get(reverse("plans:views", kwargs=child)),
        "write your child's views": client.get(reverse("plans:views-edit", kwargs={**child, "whose": "parent"})),
        "the draft plan (the family's part)": client.get(reverse("plans:document", kwargs=kw)),
        "comment on a section": client.get(reverse("plans:comment-section", kwargs={**kw, "section": "f"})),
        "ask for a meeting": client.get(reverse("plans:meeting-request", kwargs=kw)),
        "ask for a school": client.get(reverse("plans:family-school", kwargs=kw)),
    }


def test_family_pages_are_plain_english(pages):
    ages = {}
    for name, response in pages.items():
        assert response.status_code == 200, name
        ages[name] = round(_reading_age(_main_words(response)), 1)
    sys.stdout.write(f"\nReading age (Flesch-Kincaid grade + 5), aim {AIM}\n")
    sys.stdout.writelines(f"  {name:<40} {age}\n" for name, age in ages.items())
    too_hard = {name: age for name, age in ages.items() if age > CEILING}
    assert not too_hard, f"Family pages above a reading age of {CEILING}: {too_hard}"
