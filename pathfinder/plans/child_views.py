"""The child's own voice (section A: views, interests and aspirations), written by the family in their own words.

The parent, and separately the young person, answer five plain questions; a professional involved with a young
child (the caseworker, or an adviser asked for advice) can record the child's views with the child, saying how.
Every save keeps every answer given so far ("Save and come back later"), so nothing typed is lost; only
finishing asks for the first answer. The caseworker reads the answers when writing section A and copies them in.
They are kept on the child, not on a plan: they are gathered during the assessment (reg 6(1)(a)).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import IntegrityError, transaction

from pathfinder.accounts.roles import CASE_STAFF, Role
from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record
from pathfinder.core.errors import ServiceError, StaleEdit
from pathfinder.documents.kinds import AUDIO_KINDS, IMAGE_KINDS, WRITTEN_KINDS
from pathfinder.documents.models import DocumentPurpose
from pathfinder.documents.services import document_receive
from pathfinder.plans.models import VIEWS_QUESTIONS, ChildViews, ChildViewsFile, ViewsWhose

# What may be sent with the views: a picture (a drawing, a photo), a recording, or a written document.
VIEWS_FILE_KINDS = IMAGE_KINDS | AUDIO_KINDS | WRITTEN_KINDS

STALE_MESSAGE = ("Someone else saved these answers while you were writing, so your changes were not saved. "
                 "Your words are still in the form below. Read what is saved now, then save again.")


@dataclass(frozen=True)
class Question:
    name: str
    label: str
    hint: str = ""


def _name(child) -> str:
    return child.preferred_name or child.legal_first_name


def questions(whose: str, child) -> list[Question]:
    """The five questions, asked of the person who answers them: "you", "your child", or the child by name."""
    name = _name(child)
    if whose == ViewsWhose.YOUNG_PERSON:
        return [
            Question("important", "What is important to you?", "For example: people, places, pets or things you do"),
            Question("enjoys", "What do you enjoy, and what are you good at?"),
            Question("hard", "What is hard for you?"),
            Question("future", "What would you like to happen in the future?", "For example: at school or college, "
                     "in a job, where you live, with friends"),
            Question("helped", "How do you like to be helped?"),
        ]
    if whose == ViewsWhose.PARENT:
        return [
            Question("important", "What is important to your child?",
                     "For example: people, places, pets or things they do"),
            Question("enjoys", "What does your child enjoy, and what are they good at?"),
            Question("hard", "What does your child find hard?"),
            Question("future", "What would you like to happen for your child in the future?"),
            Question("helped", "How does your child like to be helped?"),
        ]
    return [
        Question("important", f"What is important to {name}?"),
        Question("enjoys", f"What does {name} enjoy, and what are they good at?"),
        Question("hard", f"What does {name} find hard?"),
        Question("future", f"What would {name} like to happen in the future?"),
        Question("helped", f"How does {name} like to be helped?"),
    ]


def whose_for(user) -> str:
    """Whose views this person writes: their own (young person), their child's (parent), or the child's with the
    child (the professionals who may record them)."""
    if user.role == Role.YOUNG_PERSON:
        return ViewsWhose.YOUNG_PERSON
    if user.role == Role.PARENT:
        return ViewsWhose.PARENT
    return ViewsWhose.CHILD


def readable_by(user) -> tuple[str, ...]:
    """Whose views this person may read for a child they can already see. Advisers read the child's own views
    they may have recorded, not the family's."""
    if user.role in CASE_STAFF or user.role in (Role.PARENT, Role.YOUNG_PERSON):
        return tuple(ViewsWhose.values)
    return (ViewsWhose.CHILD,)


def views_of_child(child, user) -> dict[str, ChildViews]:
    """The child's views records this person may read, by whose they are."""
    rows = ChildViews.objects.filter(child=child, whose__in=readable_by(user)).select_related("updated_by")
    return {row.whose: row for row in rows}


def missing_answers(record: ChildViews | None, whose: str) -> dict[str, str]:
    """What must be answered before the views are finished: the first question, and (for a child's views recorded
    by a professional) how they were gathered. Field name to GOV.UK error message."""
    missing = {}
    if record is None or not record.important.strip():
        missing["important"] = {ViewsWhose.YOUNG_PERSON: "Enter what is important to you",
                                ViewsWhose.PARENT: "Enter what is important to your child"}.get(
            whose, "Enter what is important to the child")
    if whose == ViewsWhose.CHILD and (record is None or not record.recorded_how.strip()):
        missing["recorded_how"] = "Enter how you found out the child's views"
    return missing


def child_views_save(*, acting_user, child, whose: str, answers: dict[str, str], expected_version: int,
                     upload=None, upload_description: str = "") -> ChildViews:
    """Save every answer given (blank ones too: a cleared answer is cleared). ``expected_version`` is the version
    the form was drawn from, 0 if there was no record yet; someone else's save in between is refused, not
    overwritten. ``upload`` (a picture, recording or document sent with the answers) is kept in the same
    transaction, through the documents component: it waits in quarantine until the virus check passes."""
    if whose not in ViewsWhose.values:
        raise ServiceError("Choose whose views these are")
    values = {name: (answers.get(name) or "").strip() for name in VIEWS_QUESTIONS}
    if whose == ViewsWhose.CHILD:
        values["recorded_how"] = (answers.get("recorded_how") or "").strip()
    try:
        with transaction.atomic():
            record = _save(acting_user, child, whose, values, expected_version)
            if upload is not None:
                _file_add(acting_user, record, upload, upload_description)
            return record
    except IntegrityError:
        # Two people started the same record at once: the second is told, as for any other stale save.
        raise StaleEdit(STALE_MESSAGE) from None


def _save(acting_user, child, whose: str, values: dict[str, str], expected_version: int) -> ChildViews:
    with transaction.atomic():
        record = ChildViews.objects.select_for_update().filter(child=child, whose=whose).first()
        if (record.version if record else 0) != expected_version:
            raise StaleEdit(STALE_MESSAGE)
        created = record is None
        if created:
            record = ChildViews(child=child, whose=whose)
        elif all(getattr(record, k) == v for k, v in values.items()):
            return record  # nothing changed: no new version, no history row
        for name, value in values.items():
            setattr(record, name, value)
        record.updated_by = acting_user if getattr(acting_user, "is_authenticated", False) else None
        record.version = 1 if created else record.version + 1
        record._change_reason = "Views saved"
        record.save()
        audit_event_record(acting_user=acting_user, action=AuditAction.CREATE if created else AuditAction.UPDATE,
                           child=child, obj=record, what=f"saved {record.get_whose_display().lower()} (section A)")
    return record


def _file_add(acting_user, record: ChildViews, upload, description: str) -> ChildViewsFile:
    document = document_receive(upload, record.child, DocumentPurpose.CHILD_VIEWS, acting_user, VIEWS_FILE_KINDS,
                                field="file")
    return ChildViewsFile.objects.create(views=record, document=document, description=(description or "").strip(),
                                         added_by=acting_user if getattr(acting_user, "is_authenticated", False)
                                         else None)


def child_views_file_allowed(user, document) -> bool:
    """Who may open a file sent with the views: whoever may read those views (documents.access asks this after
    checking the user may see the child at all)."""
    sent = ChildViewsFile.objects.filter(document=document).select_related("views").first()
    return sent is not None and sent.views.whose in readable_by(user)


_WHOSE_HEADING = {
    ViewsWhose.PARENT: "From {name}'s parent or carer",
    ViewsWhose.YOUNG_PERSON: "In {name}'s own words",
    ViewsWhose.CHILD: "{name}'s views, recorded with {name}",
}


def as_section_a_text(record: ChildViews) -> str:
    """The answers as paragraphs for section A, each headed by its question in the third person, so the
    caseworker starts from the family's own words."""
    name = _name(record.child)
    labels = {q.name: q.label for q in questions(ViewsWhose.CHILD, record.child)}
    paragraphs = [_WHOSE_HEADING[record.whose].format(name=name) + ":"]
    for field in VIEWS_QUESTIONS:
        answer = getattr(record, field).strip()
        if answer:
            paragraphs.append(f"{labels[field]}\n{answer}")
    if record.whose == ViewsWhose.CHILD and record.recorded_how.strip():
        paragraphs.append(f"How these views were gathered: {record.recorded_how.strip()}")
    return "\n\n".join(paragraphs)
