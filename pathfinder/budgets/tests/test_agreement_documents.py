"""The signed direct payment agreement kept as a document: uploaded with the date it was signed (or later), checked
like every file (type from content, virus check), shown to the caseworker and the family once it is clean, shown
as missing while only the date is recorded, and opened by nobody else."""

from __future__ import annotations

import html
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from pathfinder.accounts.tests.factories import AdviserFactory, CaseworkerFactory, ParentFactory
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.audit.models import AuditEvent
from pathfinder.budgets.agreement_documents import direct_payment_agreement_attach
from pathfinder.budgets.models_money import DirectPaymentStatus
from pathfinder.budgets.tests.test_payments import money_dp
from pathfinder.core.errors import ServiceError
from pathfinder.documents.models import DocumentPurpose, DocumentStatus
from pathfinder.documents.tests.helpers import scanned_clean
from pathfinder.people.tests.factories import FamilyMemberFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def _date(prefix: str, day) -> dict:
    return {f"{prefix}-day": day.day, f"{prefix}-month": day.month, f"{prefix}-year": day.year}


def _kw(dp) -> dict:
    return {"child_id": dp.request.child_id, "request_id": dp.request_id, "direct_payment_id": dp.pk}


def _page(response) -> str:
    return html.unescape(response.content.decode())


def test_the_caseworker_uploads_the_signed_agreement_and_the_family_opens_it(client):
    dp = money_dp(signed=False, agreement_sent_on=TODAY - timedelta(days=3))
    child = dp.request.child
    caseworker = CaseworkerFactory(team=child.team)
    sign_in(client, caseworker)
    sign_url = reverse("budgets:direct_payment_sign", kwargs=_kw(dp))
    assert 'enctype="multipart/form-data"' in _page(client.get(sign_url))

    # A file that is not a document is refused beside the field, and nothing is signed.
    wrong = client.post(sign_url, {"version": dp.version, **_date("signed_on", TODAY),
                                   "document": SimpleUploadedFile("agreement.pdf", b"MZ\x90\x00 not a pdf")})
    assert wrong.status_code == 200 and "must be a PDF, Word document or image" in _page(wrong)
    dp.refresh_from_db()
    assert dp.status == DirectPaymentStatus.AGREEMENT_SENT and dp.agreement_document is None

    signed = client.post(sign_url, {"version": dp.version, **_date("signed_on", TODAY),
                                    "document": SimpleUploadedFile("Signed agreement.pdf", b"%PDF-1.7 signed")})
    assert signed.status_code == 302
    dp.refresh_from_db()
    document = dp.agreement_document
    assert dp.status == DirectPaymentStatus.ACTIVE and dp.agreement_signed_on == TODAY
    assert (document.purpose, document.status, document.child_id) == (
        DocumentPurpose.DIRECT_PAYMENT_AGREEMENT, DocumentStatus.SCANNING, child.pk)
    detail = _page(client.get(reverse("budgets:direct_payment_detail", kwargs=_kw(dp))))
    assert "We are checking this file for viruses" in detail  # not opened before the virus check

    scanned_clean(document)
    download_url = reverse("documents:download", kwargs={"public_id": document.public_id})
    detail = _page(client.get(reverse("budgets:direct_payment_detail", kwargs=_kw(dp))))
    assert download_url in detail and "Missing" not in detail
    assert b"".join(client.get(download_url).streaming_content) == b"%PDF-1.7 signed"

    parent = ParentFactory()
    FamilyMemberFactory(child=child, user=parent)
    client.logout()
    sign_in(client, parent)
    family = _page(client.get(reverse("budgets:family_request_detail",
                                      kwargs={"child_id": child.pk, "request_id": dp.request_id})))
    assert "Your signed agreement" in family and download_url in family
    assert download_url in _page(client.get(reverse("budgets:family-money", args=[child.pk, dp.pk])))
    assert b"".join(client.get(download_url).streaming_content) == b"%PDF-1.7 signed"
    assert AuditEvent.objects.filter(actor=parent, what__contains="signed direct payment agreement").exists()

    # An adviser who can see the child still cannot open the family's agreement.
    adviser = AdviserFactory()
    client.logout()
    sign_in(client, adviser)
    assert client.get(download_url).status_code == 404


def test_signed_by_date_only_shows_the_agreement_missing_until_it_is_uploaded(client):
    dp = money_dp(signed=True)
    child = dp.request.child
    sign_in(client, CaseworkerFactory(team=child.team))
    detail_url = reverse("budgets:direct_payment_detail", kwargs=_kw(dp))
    upload_url = reverse("budgets:direct_payment_agreement", kwargs=_kw(dp))
    detail = _page(client.get(detail_url))
    assert "Missing" in detail and upload_url in detail

    empty = client.post(upload_url, {"version": dp.version})
    assert "Select the signed agreement to upload" in _page(empty)
    stale = client.post(upload_url, {"version": dp.version + 5,
                                     "document": SimpleUploadedFile("a.pdf", b"%PDF-1.7 a")})
    assert "Someone else changed this direct payment" in _page(stale)
    dp.refresh_from_db()
    assert dp.agreement_document is None

    done = client.post(upload_url, {"version": dp.version, "document": SimpleUploadedFile("a.pdf", b"%PDF-1.7 a")})
    assert done.status_code == 302
    dp.refresh_from_db()
    first = dp.agreement_document
    assert first is not None and "Missing" not in _page(client.get(detail_url))
    # Twice: the second file replaces the first (kept in the history), with the version moving on.
    client.post(upload_url, {"version": dp.version, "document": SimpleUploadedFile("b.pdf", b"%PDF-1.7 b")})
    dp.refresh_from_db()
    assert dp.agreement_document_id != first.pk
    assert dp.history.filter(agreement_document_id=first.pk).exists()


def test_a_file_cannot_be_added_before_the_agreement_is_signed():
    dp = money_dp(signed=False)
    with pytest.raises(ServiceError, match="Record the date the agreement was signed first"):
        direct_payment_agreement_attach(acting_user=CaseworkerFactory(), dp=dp, expected_version=dp.version,
                                        upload=SimpleUploadedFile("a.pdf", b"%PDF-1.7 a"))
    assert dp.request.child.documents.count() == 0
