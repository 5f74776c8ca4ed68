"""The one way a page shows a document: name, kind, size, a status tag, and a link only when it is clean."""

from __future__ import annotations

import pytest
from django.template.loader import get_template

from pathfinder.documents.models import DocumentPurpose, DocumentStatus
from pathfinder.documents.tests.factories import document_make

pytestmark = pytest.mark.django_db

TEMPLATE = '{% from "documents/macros.html" import document_summary %}{{ document_summary(document) }}'


def _render(document) -> str:
    from django.template import engines

    return engines["jinja2"].from_string(TEMPLATE).render({"document": document})


def test_a_clean_document_links_to_its_download():
    document = document_make(purpose=DocumentPurpose.ADVICE, name="EP report.pdf")
    html = _render(document)
    assert f'href="/documents/{document.public_id}/"' in html and "EP report.pdf" in html
    assert "govuk-tag--green" in html and "Clean" in html and "PDF, 1KB" in html


def test_a_waiting_document_says_so_and_has_no_link():
    html = _render(document_make(status=DocumentStatus.SCANNING))
    assert "href" not in html and "Scanning" in html
    assert "We are checking this file for viruses. It cannot be opened until the check is done." in html


def test_a_refused_document_gives_the_reason_and_has_no_link():
    document = document_make(status=DocumentStatus.REFUSED)
    document.status_reason = "The virus check found a problem in this file (Eicar), so it cannot be opened."
    html = _render(document)
    assert "href" not in html and "Refused" in html and "found a problem" in html


def test_the_not_ready_page_template_exists():
    assert get_template("documents/not_ready.html")
