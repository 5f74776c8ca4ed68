"""The evidence bundle with the notices and letters the council sent and the documents kept about the child: an
uploaded PDF's pages sit where the index says, read back from the PDF itself; a document the user may not open,
or that cannot go in a PDF, is handled as the documents' own rules say."""

from __future__ import annotations

import io
import re

import pytest
from django.urls import reverse
from pypdf import PdfReader

from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.disagreements.constants import AppealableKind
from pathfinder.documents.models import DocumentPurpose, DocumentStatus
from pathfinder.documents.tests.factories import document_make
from pathfinder.notifications.tests.factories import LetterFactory, MessageFactory
from pathfinder.tribunal.tests.factories import AppealFactory, case

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.STORAGES = {**settings.STORAGES, "documents": {
        "BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(tmp_path)}}}


def _two_page_pdf() -> bytes:
    from weasyprint import HTML

    return HTML(string="<p>Speech therapy report, first page</p><p style='break-before: page'>"
                       "Speech therapy report, second page</p>").write_pdf()


def _index_page(text: str, label: str) -> int:
    found = re.search(re.escape(label) + r".*?page (\d+)", text, re.DOTALL)
    assert found, label
    return int(found.group(1))


def test_the_bundle_has_the_letters_and_an_uploaded_pdf_where_the_index_says(client) -> None:
    decision, caseworker = case(kind=AppealableKind.NOT_TO_ISSUE, summary="Decided not to issue a plan")
    child = decision.child
    appeal = AppealFactory(decision=decision, reference="EH881/26/00777")
    LetterFactory(child_id=child.pk, subject="The draft EHC plan is ready to read")
    MessageFactory(child_id=child.pk, subject="The draft EHC plan is ready to read")  # the same words by email
    MessageFactory(child_id=child.pk + 1000, subject="Someone else's letter")
    document_make(child=child, content=_two_page_pdf(), name="Therapy report.pdf", uploaded_by=caseworker)
    document_make(child=child, content=_two_page_pdf(), name="Still scanning.pdf", status=DocumentStatus.SCANNING)
    document_make(child=child, content=_two_page_pdf(), name="From the family.pdf",
                  purpose=DocumentPurpose.FAMILY_UPLOAD)  # no rule lets anyone open these yet: left out

    sign_in(client, caseworker)
    response = client.get(reverse("tribunal:bundle", kwargs={"child_id": child.pk, "appeal_id": appeal.pk}))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    pages = [page.extract_text() for page in reader.pages]
    index = pages[0]
    assert "Still scanning" not in "".join(pages) and "From the family" not in "".join(pages)
    assert "Someone else" not in "".join(pages)

    letters = _index_page(index, "Letters and emails sent to the family")
    assert "The draft EHC plan is ready to read" in pages[letters - 1]
    assert "Letter to 4 Mill Lane" in pages[letters - 1] and "Email to parent" in pages[letters - 1]
    assert pages[letters - 1].count("You have until 14 March 2027") == 1  # one message, two copies
    notices = _index_page(index, "Notices of the decisions, with the rights they gave")
    assert "Not to issue an EHC plan" in pages[notices - 1] and "mediation adviser" in pages[notices - 1]

    first = _index_page(index, "Therapy report.pdf")
    assert "Speech therapy report, first page" in pages[first - 1]
    assert "Speech therapy report, second page" in pages[first]
    assert "page 1 of 2" in pages[first - 1] and "page 2 of 2" in pages[first]
    assert f"Page {first} of {len(reader.pages)}" in pages[first - 1]  # the footer counts the upload's pages
    assert reader.trailer["/Root"].get("/StructTreeRoot") is not None  # still tagged (PDF/UA-1)
    assert b"pdfuaid" in reader.trailer["/Root"]["/Metadata"].get_object().get_data()


def test_documents_that_cannot_go_in_are_listed_as_supplied_separately(client) -> None:
    from pathfinder.tribunal.bundle import bundle_html
    from pathfinder.tribunal.bundle_parts import uploads

    decision, caseworker = case(kind=AppealableKind.NOT_TO_ISSUE)
    appeal = AppealFactory(decision=decision)
    document_make(child=decision.child, content=b"%PDF-1.7\nnot really a pdf", name="Damaged.pdf")
    chosen = uploads(decision.child, caseworker)
    assert [u.in_bundle for u in chosen] == [False] and "damaged" in chosen[0].note
    html = bundle_html(appeal, user=caseworker, uploads=chosen)
    assert "Damaged.pdf" in html and "supplied separately" in html
    assert "Damaged.pdf" not in bundle_html(appeal)  # no user: no documents
