"""Involvements: who is involved with a child, in what capacity, from when and until when (models.Involvement).

Why services and not signals: an involvement is what lets someone open a child's record, so each one is made
or ended by a named change (a child recorded or moved, a parent's sign-in linked, advice asked for), where it
can be read, tested and reasoned about. Other domains call these functions for the involvements they cause
(assessments for advisers); people never imports them. Dates: ``ends_on`` is the first day an involvement no
longer applies (see models.Involvement).
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

import statutory
from pathfinder.people.codes import InvolvementCapacity
from pathfinder.people.models import Child, FamilyMember, Involvement, ParentAccessConsent

CHILD_SOURCE = "people.child"
FAMILY_MEMBER_SOURCE = "people.familymember"
CONSENT_SOURCE = "people.parentaccessconsent"


def _fmt(day: date) -> str:
    return f"{day:%-d %B %Y}"


def active_on(today: date) -> Q:
    """Involvements in force on ``today``: started on or before it, and not yet at their (exclusive) end."""
    return Q(starts_on__lte=today) & (Q(ends_on__isnull=True) | Q(ends_on__gt=today))


def involvements_active(today: date) -> QuerySet[Involvement]:
    return Involvement.objects.filter(active_on(today))


def young_person_from(date_of_birth: date) -> date:
    """The first day the rights are the young person's: the day after compulsory school age ends (CFA s.80,
    s.83(2)). A parent's involvement ends (exclusively) on this day; the young person's starts on it."""
    return statutory.compulsory_school_age_end(date_of_birth) + timedelta(days=1)


def _end(involvement: Involvement, on: date) -> None:
    """End on ``on`` (never before it started: a same-day change leaves a row that never gave access)."""
    involvement.ends_on = max(on, involvement.starts_on)
    involvement.save(update_fields=["ends_on"])


# -- any domain --------------------------------------------------------------------------------------------------

def involvement_for_source(
    *,
    child: Child,
    capacity: str,
    source_type: str,
    source_id: object,
    starts_on: date,
    ends_on: date | None,
    reason: str,
    user=None,
    team=None,
    organisation=None,
) -> Involvement:
    """Record, or bring up to date, the one involvement a domain's record grants (an advice request grants its
    adviser one). Why keyed on the source: the domain that made it finds it again by its own record, without
    people knowing that record's model. A change of who it grants (a user, a team or an organisation) ends the
    old row and starts a new one, so the history of who could see the child stays true."""
    with transaction.atomic():
        existing = (
            Involvement.objects.select_for_update()
            .filter(capacity=capacity, source_type=source_type, source_id=str(source_id))
            .order_by("-starts_on", "-pk")
        )
        for old in existing:
            if (old.user_id, old.team_id, old.organisation_id) == (
                    getattr(user, "pk", None), getattr(team, "pk", None), getattr(organisation, "pk", None)):
                old.starts_on, old.reason = starts_on, reason
                old.ends_on = None if ends_on is None else max(ends_on, starts_on)
                old.save(update_fields=["starts_on", "ends_on", "reason"])
                return old
        today = timezone.localdate()
        for old in existing:
            if old.ends_on is None or old.ends_on > today:
                _end(old, today)
        return Involvement.objects.create(
            child=child, capacity=capacity, user=user, team=team, organisation=organisation, starts_on=starts_on,
            ends_on=None if ends_on is None else max(ends_on, starts_on), reason=reason,
            source_type=source_type, source_id=str(source_id),
        )


def involvement_end_for_source(*, capacity: str, source_type: str, source_id: object, on: date) -> int:
    """End the open involvements a domain's record granted, from ``on`` (for example when the adviser is no
    longer the one asked). Returns how many were ended."""
    ended = 0
    with transaction.atomic():
        for old in Involvement.objects.select_for_update().filter(
            capacity=capacity, source_type=source_type, source_id=str(source_id)
        ).filter(Q(ends_on__isnull=True) | Q(ends_on__gt=on)):
            _end(old, on)
            ended += 1
    return ended


# -- the caseworkers' team ---------------------------------------------------------------------------------------

def team_involvement_move(*, child: Child, team, on: date | None = None, reason: str = "") -> Involvement:
    """The allocated team's involvement, from ``on`` (default today). Called when a child is recorded and when
    they are moved to another team: the old team's involvement ends the same day, so only one team holds the
    record at a time and the old team's earlier access stays in the record's history."""
    on = on or timezone.localdate()
    with transaction.atomic():
        current = Involvement.objects.select_for_update().filter(
            child=child, capacity=InvolvementCapacity.TEAM
        ).filter(Q(ends_on__isnull=True) | Q(ends_on__gt=on))
        kept = None
        for old in current:
            if old.team_id == team.pk and kept is None:
                kept = old
            else:
                _end(old, on)
        if kept is not None:
            return kept
        moved = Involvement.objects.filter(child=child, capacity=InvolvementCapacity.TEAM).exclude(team=team).exists()
        return Involvement.objects.create(
            child=child, capacity=InvolvementCapacity.TEAM, team=team, starts_on=on,
            reason=reason or (f"Moved to {team.name} on {_fmt(on)}" if moved
                              else f"Allocated to {team.name} when the record was made, on {_fmt(on)}"),
            source_type=CHILD_SOURCE, source_id=str(child.pk),
        )


# -- parents and the young person --------------------------------------------------------------------------------

def _parent_ends_on(child: Child) -> date | None:
    """A parent's rights pass to the young person at the end of compulsory school age, unless the young person
    lacks capacity, when the parent goes on acting for them (CFA s.80): then open-ended."""
    return None if child.lacks_capacity else young_person_from(child.date_of_birth)


def _parent_reason(member: FamilyMember, child: Child, linked_on: date) -> str:
    reason = (f"{member.name} ({member.relationship.lower()}) has parental responsibility; their sign-in was "
              f"linked on {_fmt(linked_on)}")
    if child.lacks_capacity:
        return reason + ". The young person lacks capacity, so they go on acting for them (CFA s.80)"
    return reason + (f", until compulsory school age ends on "
                     f"{_fmt(statutory.compulsory_school_age_end(child.date_of_birth))} (CFA s.80)")


def parent_involvement_refresh(member: FamilyMember, *, on: date | None = None) -> Involvement | None:
    """Keep the parent's involvement in step with the family member: one for their sign-in while they have
    parental responsibility, ending at the end of compulsory school age (open-ended if the young person lacks
    capacity), and after that one for each consent the young person has given (parent_consent_involvement_refresh).
    Call it when a sign-in is linked, parental responsibility changes, or the child's date of birth or capacity
    changes. ``on`` (default today) is when a new link starts or a lost one ends."""
    on = on or timezone.localdate()
    with transaction.atomic():
        kept = _parent_link_refresh(member, on)
        for consent in member.consents.all():
            parent_consent_involvement_refresh(consent, on=on)
    return kept


def _consent_window(consent: ParentAccessConsent) -> tuple[date, date | None]:
    """From the day the rights pass (or the day consent was given, if later) until it is withdrawn."""
    starts_on = max(consent.given_on, young_person_from(consent.child.date_of_birth))
    ends_on = None if consent.withdrawn_on is None else max(consent.withdrawn_on, starts_on)
    return starts_on, ends_on


def parent_consent_involvement_refresh(consent: ParentAccessConsent, *, on: date | None = None) -> Involvement | None:
    """The parent's access that the young person's consent gives, after the rights have passed to them (CFA s.80).

    Why its own row: the parent's own involvement ends when compulsory school age ends; what carries on is the
    young person's choice, which starts and stops on its own dates, and the history shows both. The row grants
    the family member's sign-in from the later of the day the rights pass and the day consent was given, until
    the day it is withdrawn (exclusive, so withdrawing today ends the access today). No sign-in, no row.
    """
    member = consent.family_member
    starts_on, ends_on = _consent_window(consent)
    if member.user_id is None:
        involvement_end_for_source(capacity=InvolvementCapacity.PARENT, source_type=CONSENT_SOURCE,
                                   source_id=consent.pk, on=on or timezone.localdate())
        return None
    reason = (f"{member.name} ({member.relationship.lower()}): the young person agreed on {_fmt(consent.given_on)} "
              "that they may go on seeing the case")
    if consent.withdrawn_on:
        reason += f", until they withdrew it on {_fmt(consent.withdrawn_on)}"
    return involvement_for_source(
        child=consent.child, capacity=InvolvementCapacity.PARENT, source_type=CONSENT_SOURCE, source_id=consent.pk,
        starts_on=starts_on, ends_on=ends_on, reason=reason + " (CFA s.80)", user=member.user,
    )


def _parent_link_refresh(member: FamilyMember, on: date) -> Involvement | None:
    child = member.child
    source = {"source_type": FAMILY_MEMBER_SOURCE, "source_id": str(member.pk)}
    with transaction.atomic():
        rows = Involvement.objects.select_for_update().filter(capacity=InvolvementCapacity.PARENT, **source)
        grants = member.user_id is not None and member.has_parental_responsibility
        keep = rows.filter(user_id=member.user_id).order_by("-starts_on", "-pk").first() if grants else None
        for old in rows.filter(Q(ends_on__isnull=True) | Q(ends_on__gt=on)):
            if keep is None or old.pk != keep.pk:
                _end(old, on)
        if not grants:
            return None
        ends_on = _parent_ends_on(child)
        if keep is None:
            return Involvement.objects.create(
                child=child, capacity=InvolvementCapacity.PARENT, user_id=member.user_id, starts_on=on,
                ends_on=None if ends_on is None else max(ends_on, on),
                reason=_parent_reason(member, child, on), **source,
            )
        keep.ends_on = None if ends_on is None else max(ends_on, keep.starts_on)
        keep.reason = _parent_reason(member, child, keep.starts_on)
        keep.save(update_fields=["ends_on", "reason"])
        return keep


def young_person_involvement_refresh(child: Child, *, on: date | None = None) -> Involvement | None:
    """The young person's own involvement: their sign-in sees their record from the day after compulsory
    school age ends, when the rights become theirs (CFA s.80), with no end. Call it when their sign-in is
    linked or changed, or their date of birth changes. A replaced sign-in's involvement ends on ``on``."""
    on = on or timezone.localdate()
    starts_on = young_person_from(child.date_of_birth)
    with transaction.atomic():
        rows = Involvement.objects.select_for_update().filter(
            child=child, capacity=InvolvementCapacity.YOUNG_PERSON
        )
        keep = rows.filter(user_id=child.user_id).order_by("-pk").first() if child.user_id else None
        for old in rows.filter(Q(ends_on__isnull=True) | Q(ends_on__gt=on)):
            if keep is None or old.pk != keep.pk:
                _end(old, on)
        if child.user_id is None:
            return None
        reason = f"Their own sign-in: the rights are theirs from {_fmt(starts_on)}, after compulsory school age (CFA s.80)"
        if keep is None:
            return Involvement.objects.create(
                child=child, capacity=InvolvementCapacity.YOUNG_PERSON, user_id=child.user_id,
                starts_on=starts_on, reason=reason, source_type=CHILD_SOURCE, source_id=str(child.pk),
            )
        if keep.ends_on is None and (keep.starts_on, keep.reason) != (starts_on, reason):
            keep.starts_on, keep.reason = starts_on, reason
            keep.save(update_fields=["starts_on", "reason"])
        return keep


def child_involvements_refresh(child: Child, *, on: date | None = None) -> None:
    """After a change to the child's date of birth or capacity: the dates the rights pass move, so the parents'
    and the young person's involvements are brought into step."""
    for member in child.family_members.all():
        parent_involvement_refresh(member, on=on)
    young_person_involvement_refresh(child, on=on)


# -- bulk-loaded records -----------------------------------------------------------------------------------------

def involvements_rebuild() -> dict[str, int]:
    """Make the team, parent and young person involvements of every child from the records as they are now.

    Why: the demo county is written with bulk_create, which bypasses the services that keep involvements in
    step. Every involvement this module makes is replaced (so a history of earlier moves is not kept: bulk
    loads have none); advisers' involvements belong to assessments (assessments.involvements). The team's
    and parents' involvements start when the record was made. Returns counts by capacity.
    """
    people_sources = Q(source_type__in=[CHILD_SOURCE, FAMILY_MEMBER_SOURCE]) & Q(
        capacity__in=[InvolvementCapacity.TEAM, InvolvementCapacity.PARENT, InvolvementCapacity.YOUNG_PERSON]
    )
    rows: list[Involvement] = []
    with transaction.atomic():
        Involvement.objects.filter(people_sources).delete()
        children = Child.objects.select_related("team").only(
            "pk", "date_of_birth", "lacks_capacity", "user_id", "team__name", "created_at"
        )
        for child in children.iterator(chunk_size=2000):
            made = timezone.localdate(child.created_at)
            rows.append(Involvement(
                child=child, capacity=InvolvementCapacity.TEAM, team_id=child.team_id, starts_on=made,
                reason=f"Allocated to {child.team.name} when the record was made, on {_fmt(made)}",
                source_type=CHILD_SOURCE, source_id=str(child.pk),
            ))
            if child.user_id:
                starts_on = young_person_from(child.date_of_birth)
                rows.append(Involvement(
                    child=child, capacity=InvolvementCapacity.YOUNG_PERSON, user_id=child.user_id,
                    starts_on=starts_on, source_type=CHILD_SOURCE, source_id=str(child.pk),
                    reason=f"Their own sign-in: the rights are theirs from {_fmt(starts_on)}, after compulsory "
                           "school age (CFA s.80)",
                ))
        members = FamilyMember.objects.filter(user__isnull=False, has_parental_responsibility=True).select_related(
            "child"
        )
        for member in members.iterator(chunk_size=2000):
            child = member.child
            made = timezone.localdate(child.created_at)
            ends_on = _parent_ends_on(child)
            rows.append(Involvement(
                child=child, capacity=InvolvementCapacity.PARENT, user_id=member.user_id, starts_on=made,
                ends_on=None if ends_on is None else max(ends_on, made), reason=_parent_reason(member, child, made),
                source_type=FAMILY_MEMBER_SOURCE, source_id=str(member.pk),
            ))
        Involvement.objects.filter(source_type=CONSENT_SOURCE).delete()
        consents = ParentAccessConsent.objects.filter(family_member__user__isnull=False).select_related(
            "child", "family_member"
        )
        for consent in consents.iterator(chunk_size=2000):
            starts_on, ends_on = _consent_window(consent)
            member = consent.family_member
            rows.append(Involvement(
                child=consent.child, capacity=InvolvementCapacity.PARENT, user_id=member.user_id,
                starts_on=starts_on, ends_on=ends_on, source_type=CONSENT_SOURCE, source_id=str(consent.pk),
                reason=f"{member.name} ({member.relationship.lower()}): the young person agreed on "
                       f"{_fmt(consent.given_on)} that they may go on seeing the case (CFA s.80)",
            ))
        Involvement.objects.bulk_create(rows, batch_size=2000)
    counts: dict[str, int] = {}
    for row in rows:
        counts[row.capacity] = counts.get(row.capacity, 0) + 1
    return counts
