"""Involvements for the records made before involvements existed, so everyone keeps exactly the access they had
(people.selectors.children_visible_to reads involvements only from now on), plus the adviser's new end.

- the allocated team: from the day the record was made, open-ended;
- a family member with parental responsibility and a sign-in: from the day the record was made until
  compulsory school age ends (exclusive end: the day after it), open-ended if the young person lacks capacity;
- the young person's own sign-in: from the day after compulsory school age ends, open-ended;
- an advice request's adviser with a sign-in: from the day advice was asked for until
  PATHFINDER_ADVISER_ACCESS_AFTER_ADVICE_DAYS after it was received (open while it is awaited).

Self-contained (historical models, statutory's pure date rule) so later changes to the app cannot change it.
Reversing deletes the involvements this kind of record makes.
"""

from datetime import timedelta

from django.conf import settings
from django.db import migrations
from django.utils import timezone

import statutory

SOURCES = ("people.child", "people.familymember", "assessments.advicerequest")
ADVICE_NAMES = {
    "a": "the family's views", "b": "educational advice", "c": "medical advice", "d": "psychological advice",
    "e": "social care advice", "f": "other advice", "g": "preparing for adulthood", "h": "advice the family asked for",
}


def _fmt(day):
    return f"{day:%-d %B %Y}"


def _young_person_from(date_of_birth):
    return statutory.compulsory_school_age_end(date_of_birth) + timedelta(days=1)


def create_involvements(apps, schema_editor):
    Child = apps.get_model("people", "Child")
    FamilyMember = apps.get_model("people", "FamilyMember")
    Involvement = apps.get_model("people", "Involvement")
    AdviceRequest = apps.get_model("assessments", "AdviceRequest")
    after_advice = timedelta(days=settings.PATHFINDER_ADVISER_ACCESS_AFTER_ADVICE_DAYS)
    rows = []
    for child in Child.objects.select_related("team").iterator(chunk_size=2000):
        made = timezone.localdate(child.created_at)
        rows.append(Involvement(
            child_id=child.pk, capacity="team", team_id=child.team_id, starts_on=made,
            reason=f"Allocated to {child.team.name} when the record was made, on {_fmt(made)}",
            source_type="people.child", source_id=str(child.pk),
        ))
        if child.user_id:
            starts_on = _young_person_from(child.date_of_birth)
            rows.append(Involvement(
                child_id=child.pk, capacity="young_person", user_id=child.user_id, starts_on=starts_on,
                reason=f"Their own sign-in: the rights are theirs from {_fmt(starts_on)}, after compulsory school "
                       "age (CFA s.80)",
                source_type="people.child", source_id=str(child.pk),
            ))
    members = FamilyMember.objects.filter(user__isnull=False, has_parental_responsibility=True).select_related("child")
    for member in members.iterator(chunk_size=2000):
        child = member.child
        made = timezone.localdate(child.created_at)
        end = statutory.compulsory_school_age_end(child.date_of_birth)
        reason = f"{member.name} ({member.relationship.lower()}) has parental responsibility and a sign-in"
        if child.lacks_capacity:
            ends_on, reason = None, reason + ". The young person lacks capacity, so they go on acting for them (CFA s.80)"
        else:
            ends_on, reason = max(end + timedelta(days=1), made), reason + f", until compulsory school age ends on {_fmt(end)} (CFA s.80)"
        rows.append(Involvement(
            child_id=child.pk, capacity="parent", user_id=member.user_id, starts_on=made, ends_on=ends_on,
            reason=reason, source_type="people.familymember", source_id=str(member.pk),
        ))
    advice = AdviceRequest.objects.filter(adviser__isnull=False).select_related("assessment")
    for request in advice.iterator(chunk_size=2000):
        starts_on = request.requested_on or request.received_on or request.assessment.received_on
        reason = f"Asked for {ADVICE_NAMES.get(request.kind, 'advice')} on {_fmt(starts_on)}"
        ends_on = None
        if request.received_on:
            ends_on = max(request.received_on + after_advice, starts_on)
            reason += f"; the advice was received on {_fmt(request.received_on)}"
        rows.append(Involvement(
            child_id=request.assessment.child_id, capacity="adviser", user_id=request.adviser_id,
            starts_on=starts_on, ends_on=ends_on, reason=reason,
            source_type="assessments.advicerequest", source_id=str(request.pk),
        ))
    Involvement.objects.bulk_create(rows, batch_size=2000)


def delete_involvements(apps, schema_editor):
    Involvement = apps.get_model("people", "Involvement")
    Involvement.objects.filter(source_type__in=SOURCES).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("people", "0003_involvement"),
        ("assessments", "0004_request_arrival_and_advice_corrections"),
    ]

    operations = [migrations.RunPython(create_involvements, delete_involvements)]
