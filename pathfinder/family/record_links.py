"""The links the family portal adds to the caseworker's page for a child (people.child_pages seam)."""

from __future__ import annotations

from collections.abc import Iterator

from django.urls import reverse
from django.utils import timezone

from pathfinder.accounts.roles import CASE_STAFF
from pathfinder.family.consent import consent_current, consent_needed
from pathfinder.family.invitations import family_invitations_waiting
from pathfinder.people.child_pages import RecordLink


def family_record_links(request, child) -> Iterator[RecordLink]:
    """For case staff: invite each family member (and the young person) who has no account yet; after the rights
    pass, record or withdraw the young person's consent for each parent with an account."""
    if request.user.role not in CASE_STAFF:
        return
    today = timezone.localdate()
    waiting = {inv.family_member_id for inv in family_invitations_waiting(child)}
    for member in child.family_members.all():
        if member.user_id is None:
            hint = "A link was made and has not been used yet." if member.pk in waiting else ""
            yield RecordLink(f"Invite {member.name} to Pathfinder",
                             reverse("family:invite", kwargs={"child_id": child.pk, "member_id": member.pk}),
                             member_id=member.pk, hint=hint)
        elif consent_needed(member, today):
            kwargs = {"child_id": child.pk, "member_id": member.pk}
            if consent_current(member) is None:
                yield RecordLink(f"Record that {child.full_name} agrees {member.name} may see the case",
                                 reverse("family:consent-record", kwargs=kwargs), member_id=member.pk,
                                 hint="The rights are now the young person's, so they decide.")
            else:
                yield RecordLink(f"Withdraw {member.name}'s access (the young person no longer agrees)",
                                 reverse("family:consent-withdraw-confirm", kwargs=kwargs), member_id=member.pk)
    if child.user_id is None:
        hint = "A link was made and has not been used yet." if None in waiting else ""
        yield RecordLink(f"Invite {child.full_name} to Pathfinder (their own account)",
                         reverse("family:invite-young-person", kwargs={"child_id": child.pk}), hint=hint)
