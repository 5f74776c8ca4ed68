"""A child's subject access pack: everything Pathfinder holds about one child, and nothing about another child.

Asked for under UK GDPR Art.15 by the child, a young person, or a parent for their child. The pack is built from
this child's own rows only (every query starts from the child, or from their assessments, plans and reviews), then
the names of other children the family is linked to (brothers and sisters: children who share a family member's
sign-in or email address with this child) are taken out of every piece of text, because a comment typed into this
child's record can still name them (disclosure.redaction). What goes in, and the JSON layout, are described in
docs/subject-access-pack.md; ``FORMAT_VERSION`` changes when the layout does.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils import timezone

from pathfinder.assessments.models import Assessment
from pathfinder.audit.models import AuditEvent
from pathfinder.disclosure.pack_history import history_entries
from pathfinder.disclosure.pack_records import plain, record, records
from pathfinder.disclosure.redaction import other_children_names, redact
from pathfinder.documents.models import Document
from pathfinder.family.models import OnlineRequest
from pathfinder.notifications.models import Message
from pathfinder.people.models import Child
from pathfinder.plans.models import Plan
from pathfinder.reviews.models import Review
from pathfinder.transfers.models import TransferIn, TransferOut

FORMAT_NAME = "pathfinder-subject-access-pack"
FORMAT_VERSION = 1


def _record_part(child: Child) -> dict[str, Any]:
    return {
        **record(child),
        "needs": records(child.needs.all()),
        "family_members": records(child.family_members.all()),
        "parent_access_consents": [{**record(c), "family_member_id": c.family_member_id}
                                   for c in child.parent_consents.all()],
    }


def _assessment(assessment: Assessment) -> dict[str, Any]:
    return {
        **record(assessment),
        "exceptions": records(assessment.exceptions.all()),
        "advice": [{
            **record(advice),
            "needs_seen": records(advice.needs_seen.all(), exclude=("advice",)),
            "outcomes": records(advice.outcomes.all(), exclude=("advice",)),
            "provisions": records(advice.provisions.all(), exclude=("advice",)),
            "corrections": records(advice.corrections.all(), exclude=("advice",)),
        } for advice in assessment.advice_requests.all()],
    }


def _plan(plan: Plan) -> dict[str, Any]:
    return {
        **record(plan),
        "needs": records(plan.needs.all(), exclude=("plan",)),
        "outcomes": [{**record(o, exclude=("plan",)), "need_ids": [n.pk for n in o.needs.all()]}
                     for o in plan.outcomes.all()],
        "provisions": [{**record(p, exclude=("plan",)), "need_ids": [n.pk for n in p.needs.all()],
                        "outcome_ids": [o.pk for o in p.outcomes.all()]} for p in plan.provisions.all()],
        "placement_requests": records(plan.placement_requests.all(), exclude=("plan",)),
        "consultations": records(plan.consultations.all(), exclude=("plan",)),
        "family_comments": records(plan.representations.all(), exclude=("plan",)),
        "draft_as_sent": [{"taken_on": plain(s.taken_on), "content": s.content} for s in plan.snapshots.all()],
        "ceasing": records(plan.cessations.all(), exclude=("plan",)),
    }


def _review(review: Review) -> dict[str, Any]:
    return {
        **record(review),
        "invited": records(review.invitees.all(), exclude=("review",)),
        "advice": records(review.advice.all(), exclude=("review",)),
        "progress_on_outcomes": records(review.progress.all(), exclude=("review",)),
    }


def _audit(child: Child) -> list[dict[str, Any]]:
    """Who looked at or changed the record, when, and what: not the address or browser they used."""
    return [{"when": plain(e.occurred_at), "who": e.actor.display_name if e.actor else "Pathfinder",
             "role": e.actor_role, "action": e.get_action_display(), "what": e.what}
            for e in AuditEvent.objects.filter(child=child).select_related("actor").order_by("occurred_at", "pk")]


def subject_access_pack(child: Child, *, produced_by, now=None) -> dict[str, Any]:
    """The whole pack as plain JSON-ready values, with other children's names taken out of every text."""
    now = now or timezone.now()
    plans = list(child.plans.order_by("pk"))
    pack = {
        "pack": {
            "format": FORMAT_NAME, "format_version": FORMAT_VERSION, "produced_at": plain(now),
            "produced_by": produced_by.display_name, "council": settings.COUNCIL_NAME, "child_reference": child.pk,
            "about_other_children": "The names of other children (for example brothers and sisters) are replaced "
                                    "with [another child]: their information is theirs.",
        },
        "record": _record_part(child),
        "involvements": records(child.involvements.order_by("starts_on", "pk")),
        "assessments": [_assessment(a) for a in child.assessments.order_by("received_on", "pk")],
        "plans": [_plan(p) for p in plans],
        "reviews": [_review(r) for r in Review.objects.filter(plan__in=plans).order_by("started_on", "pk")],
        "transfers": {"in": records(TransferIn.objects.filter(child=child).order_by("pk")),
                      "out": records(TransferOut.objects.filter(child=child).order_by("pk"))},
        "views": [{**record(v), "files": records(v.files.all(), exclude=("views",))}
                  for v in child.views_records.order_by("pk")],
        "requests_made_online": records(OnlineRequest.objects.filter(child=child).order_by("submitted_at")),
        "documents": records(Document.objects.filter(child=child).order_by("uploaded_at", "pk"),
                             exclude=("public_id",)),
        "letters_and_messages": records(Message.objects.filter(child_id=child.pk).order_by("created_at", "pk"),
                                        exclude=("child_id", "values")),
        "subject_access_requests": records(child.subject_access_requests.order_by("received_on", "pk")),
        "history_of_changes": history_entries(child),
        "who_has_looked": _audit(child),
    }
    return redact(pack, other_children_names(child))
