"""What goes into the evidence bundle besides the records: the notices and letters the council sent, and the
documents kept about the child that the person making the bundle may open.

Why here, apart from the layout (``bundle``) and the page merging (``bundle_pdf``): choosing what is evidence is the
one place that reads other domains' records and their access rules. A document goes in only if it is clean (the
virus check passed) and ``documents.access.document_allowed`` lets this user open it, the same rule as a download;
the plan PDFs are left out because each plan is already in the bundle as the family received it.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils import timezone

import statutory
from pathfinder.disagreements.constants import CONTENTS_KINDS
from pathfinder.disagreements.models import AppealableDecision
from pathfinder.disagreements.selectors import DecisionRights, decision_rights
from pathfinder.documents.access import document_allowed
from pathfinder.documents.kinds import IMAGE_KINDS
from pathfinder.documents.models import Document, DocumentPurpose, DocumentStatus
from pathfinder.notifications.models import Channel, Message, MessageStatus

#: Images WeasyPrint draws itself (through Pillow); a HEIC photo is listed, not drawn.
DRAWN_IMAGES = frozenset({"jpg", "png", "gif", "webp"})
#: A bundle is for a hearing, not an archive: past this many pages of uploads, later PDFs are listed instead.
MAX_UPLOAD_PAGES = 600
SEPARATELY = "Not in this file: supplied separately"


@dataclass
class Notice:
    """A notice of an appealable decision with the rights it gave (reg 32) and what has happened since."""

    decision: AppealableDecision
    as_sent: statutory.AppealDates
    now: DecisionRights
    section_i_only: bool


@dataclass
class Letter:
    """One message the council sent, once, with everyone it went to (a letter to one parent, an email to another)."""

    sent_on: date
    subject: str
    body: str
    kind: str
    copies: list[str] = field(default_factory=list)


@dataclass
class Upload:
    """A document in the bundle: a PDF merged page by page, an image drawn on its own page, or only listed."""

    document: Document
    pages: int = 0  # the PDF's pages, each on a page of the bundle
    content: bytes = b""  # the PDF as stored, for the merge
    image_uri: str = ""  # a drawn image, as a data: address
    note: str = ""  # why it is only listed

    @property
    def anchor(self) -> str:
        return f"doc-{self.document.pk}"

    @property
    def received_on(self) -> date:
        return timezone.localtime(self.document.uploaded_at).date()

    @property
    def in_bundle(self) -> bool:
        return bool(self.pages or self.image_uri)


def notices(child) -> list[Notice]:
    """Each appealable decision's notice: the dates it gave on the day it was sent, and the dates now (a mediation
    certificate can move the last day to appeal, HESC r.20(1)(c))."""
    out = []
    for decision in child.appealable_decisions.select_related("mediation").order_by("decided_on", "pk"):
        sent = decision.notice_sent or decision.decided_on
        out.append(Notice(decision=decision, as_sent=statutory.appeal_dates(sent), now=decision_rights(decision),
                          section_i_only=decision.kind in CONTENTS_KINDS))
    return out


def _sent_on(message: Message) -> date:
    moment: datetime = message.sent_at or message.created_at
    return timezone.localtime(moment).date()


def letters(child) -> list[Letter]:
    """Letters and emails to the family about this child, oldest first, each message once with its copies (text
    messages repeat an email's words in short, and a message that failed to reach anyone was not sent)."""
    found: dict[tuple, Letter] = {}
    rows = (Message.objects.filter(child_id=child.pk, channel__in=[Channel.LETTER, Channel.EMAIL])
            .exclude(status=MessageStatus.FAILED).order_by("created_at", "pk"))
    for message in rows:
        key = (message.kind, _sent_on(message), message.body)
        letter = found.setdefault(key, Letter(sent_on=_sent_on(message), subject=message.subject,
                                              body=message.body, kind=message.kind))
        to = message.to_display or "no address recorded"
        letter.copies.append(f"{message.get_channel_display()} to {to} ({message.get_status_display().lower()})")
    return list(found.values())


def _pdf_pages(content: bytes) -> tuple[int, str]:
    """How many pages the PDF has, or 0 and why it cannot be merged (damaged, or locked with a password)."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(content))
        if reader.is_encrypted and not reader.decrypt(""):
            return 0, "it is protected with a password"
        for page in reader.pages:  # read every page now, so the merge cannot fail half way
            page.get_contents()
            _ = page.cropbox.width
        return len(reader.pages), ""
    except Exception:  # a damaged file can fail anywhere in the parser: it is listed, and the bundle still made
        return 0, "it is damaged and cannot be read"


def uploads(child, user) -> list[Upload]:
    """The child's documents this user may open, oldest first, each as it will appear in the bundle."""
    rows = (Document.objects.filter(child=child, status=DocumentStatus.CLEAN).exclude(purpose=DocumentPurpose.PLAN_PDF)
            .select_related("child").order_by("uploaded_at", "pk"))
    out, pages = [], 0
    for document in rows:
        if user is None or not document_allowed(user, document):
            continue
        upload = Upload(document=document)
        if document.kind == "pdf":
            with document.open() as handle:
                content = handle.read()
            count, problem = _pdf_pages(content)
            if count and pages + count > MAX_UPLOAD_PAGES:
                problem = "the bundle is already long"
            if count and not problem:
                upload.pages, upload.content, pages = count, content, pages + count
            upload.note = f"{SEPARATELY} ({problem})" if problem else ""
        elif document.kind in DRAWN_IMAGES:
            with document.open() as handle:
                encoded = base64.b64encode(handle.read()).decode("ascii")
            upload.image_uri = f"data:{document.content_type};base64,{encoded}"
        else:
            what = "this kind of image" if document.kind in IMAGE_KINDS else f"a file of this kind ({document.kind_label})"
            upload.note = f"{SEPARATELY} ({what} cannot be put in a PDF)"
        out.append(upload)
    return out
