"""The demo county's family voice: children's views in their families' words, the demo parent's comments on her
child's draft plan (one answered, one open, a request to meet), and final plans that changed since their draft.

Runs after the demo sign-ins are linked (pathfinder.demo.county), so the demo parent's and young person's cases are
known. Rows go through the models directly (the demo is built in bulk), with dates that agree with each plan's.
"""

from __future__ import annotations

import copy
import random
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from pathfinder.assessments.models import Assessment
from pathfinder.people.models import FamilyMember
from pathfinder.plans.changes import plan_content
from pathfinder.plans.models import (
    ChildViews,
    CommentKind,
    CommentStatus,
    Plan,
    PlanSnapshot,
    PlanStatus,
    Representation,
    SnapshotKind,
    ViewsWhose,
)

PARENT_VIEWS = (
    {"important": "{name} loves the dog, and being with Gran at weekends. Knowing what is happening next matters "
                  "a lot.", "enjoys": "Drawing, building with bricks and swimming. {name} remembers every bus route.",
     "hard": "Noisy rooms, changes to the day, and writing things down.",
     "future": "We would like {name} to have a friend at school and to feel safe there.",
     "helped": "Quietly, one step at a time, with a picture of what comes next."},
    {"important": "Music, and the family being together. {name} likes the same routine every morning.",
     "enjoys": "Singing, the trampoline, and helping to cook. {name} is kind to younger children.",
     "hard": "Reading, and waiting for a turn. Being told off in front of others.",
     "future": "To read a story to a little brother, and one day to work with animals.",
     "helped": "With a calm adult who explains things, and time to think before answering."},
)
CHILD_VIEWS = (
    ({"important": "Mummy, my cat, the red bus.", "enjoys": "Playing in the sand. Bubbles.",
      "hard": "When it is loud. Putting my coat on.", "future": "Go to big school with my friend.",
      "helped": "Show me."}, "With picture cards and a talking mat at nursery, with the key worker there."),
    ({"important": "My tablet and my brother.", "enjoys": "Football, and dinosaurs.",
      "hard": "Writing. Lunchtime.", "future": "Be a footballer.", "helped": "A quiet place."},
     "Talking with pictures in the school's calm room, with the teaching assistant {name} knows best."),
)


def _at(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def _views(rng: random.Random, assessments: list[Assessment]) -> int:
    rows = []
    for a in assessments:
        child = a.child
        name = child.preferred_name or child.legal_first_name
        answers = {k: v.format(name=name) for k, v in rng.choice(PARENT_VIEWS).items()}
        rows.append(ChildViews(child=child, whose=ViewsWhose.PARENT, updated_by=None, **answers))
        if rng.random() < 0.4:
            said, how = rng.choice(CHILD_VIEWS)
            rows.append(ChildViews(child=child, whose=ViewsWhose.CHILD, recorded_how=how.format(name=name),
                                   updated_by=a.caseworker, **said))
    ChildViews.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


def _demo_parent_comments(plan: Plan, parent_user, caseworker) -> int:
    """The demo parent's comments on her child's draft: section A answered and dealt with, F open, a meeting."""
    child = plan.child
    name = child.preferred_name or child.legal_first_name
    sent = plan.draft_sent_on
    author = {"author": parent_user, "author_name": parent_user.get_full_name()}
    rows = [
        Representation.objects.create(
            plan=plan, kind=CommentKind.SECTION, section="A", **author,
            text=f"This does not say that {name} is frightened of the dinner hall. It is the hardest part of the day.",
            reply=f"Thank you. We have added this to section A, in your words, and a need about lunchtimes to "
                  f"section B so that {name} has help then.", status=CommentStatus.DEALT_WITH,
            replied_at=_at(sent + timedelta(days=3), 11), replied_by=caseworker),
        Representation.objects.create(
            plan=plan, kind=CommentKind.SECTION, section="F", **author,
            text="Speech and language therapy should be in school, not at the clinic. The clinic means missing "
                 "half a day."),
        Representation.objects.create(
            plan=plan, kind=CommentKind.MEETING, **author, text="We would like to talk about which school.",
            meeting_times="Tuesday or Thursday mornings, after the school run"),
    ]
    for i, row in enumerate(rows):
        Representation.objects.filter(pk=row.pk).update(created_at=_at(sent + timedelta(days=1 + (i > 0)), 9 + i))
    return len(rows)


def _changed_draft(content: dict, name: str) -> dict:
    """What the draft said before the family's comments changed it: no last paragraph in A, an outcome worded
    more loosely, one provision not yet there, section I blank."""
    draft = copy.deepcopy(content)
    sections = draft["sections"]
    if len(sections.get("A", [])) > 1:
        sections["A"] = sections["A"][:-1]
    else:
        sections["A"] = [{"key": "p1", "label": "", "text": f"{name} likes computers."}]
    if sections.get("E"):
        sections["E"][0]["text"] = f"{name} will make progress with independence."
    if sections.get("F"):
        sections["F"] = sections["F"][:-1]
    sections["I"] = []
    return draft


def build_family_voice(rng: random.Random, *, today: date, demo: dict) -> dict[str, int]:
    """Views for some children being assessed, the demo parent's comments, and final plans with a kept draft."""
    assessing = list(Assessment.objects.filter(status__in=("assessing", "decided_to_issue"), final_issued_on=None)
                     .select_related("child", "caseworker").order_by("pk")[:60])
    views = _views(rng, assessing[::2])
    comments = 0
    member = FamilyMember.objects.filter(user=demo["parent"]).select_related("child").first()
    plan = (Plan.objects.filter(child=member.child, status=PlanStatus.DRAFT_SENT, assessment__isnull=False)
            .select_related("assessment", "child")
            .first() if member else None)
    if plan is not None:
        caseworker = plan.assessment.caseworker if plan.assessment_id else None
        comments = _demo_parent_comments(plan, demo["parent"], caseworker)
        PlanSnapshot.objects.get_or_create(plan=plan, kind=SnapshotKind.DRAFT_SENT,
                                           defaults={"taken_on": plan.draft_sent_on, "content": plan_content(plan)})
        _views(rng, [plan.assessment])
    finals = list(Plan.objects.filter(status=PlanStatus.FINAL, draft_sent_on__isnull=False,
                                      child__user=demo["young.person"]))
    finals += list(Plan.objects.filter(status=PlanStatus.FINAL, draft_sent_on__gte=today - timedelta(days=365))
                   .exclude(child__user=demo["young.person"]).order_by("pk")[:20])
    snapshots = [PlanSnapshot(plan=p, kind=SnapshotKind.DRAFT_SENT, taken_on=p.draft_sent_on,
                              content=_changed_draft(plan_content(p), p.child.preferred_name or p.child.legal_first_name))
                 for p in finals]
    PlanSnapshot.objects.bulk_create(snapshots, ignore_conflicts=True)
    return {"views_records": views, "family_comments": comments, "drafts_kept": len(snapshots) + bool(plan)}
