"""Taking other children's names out of a child's subject access pack.

Whose names: the children linked to this child's family (another child of a family member with the same sign-in or
the same email address: brothers, sisters, step-siblings), because this child's record is where their names are
typed ("Sam's brother Alex also has a plan"). Every query starts from this child's own family members, so nothing
else about those children is read.

How: each of their full names (legal and preferred first name with the surname) is replaced wherever it appears
in any text of the pack, ignoring case; and their first names on their own (as a whole word, with a capital), unless
the name is also this child's or a family member's name. A surname alone is kept: the family usually shares it.
"""

from __future__ import annotations

import re
from typing import Any

from django.db.models import Q

from pathfinder.people.models import Child, FamilyMember

REPLACEMENT = "[another child]"


def other_children_names(child: Child) -> list[re.Pattern]:
    """Patterns for the names of the other children linked to this child's family, longest first."""
    members = list(child.family_members.all())
    users = [m.user_id for m in members if m.user_id]
    emails = [m.email.lower() for m in members if m.email]
    if not users and not emails:
        return []
    same = Q(user_id__in=users)
    for email in emails:
        same |= Q(email__iexact=email)
    linked = FamilyMember.objects.filter(same).exclude(child=child)
    others = Child.objects.filter(pk__in=linked.values("child_id")).exclude(pk=child.pk)
    keep = {n.lower() for n in (child.legal_first_name, child.preferred_name, child.legal_last_name) if n}
    keep |= {word.lower() for m in members for word in m.name.split()}
    full, first = set(), set()
    for other in others:
        for given in filter(None, (other.legal_first_name, other.preferred_name)):
            full.add(f"{given} {other.legal_last_name}")
            if given.lower() not in keep and len(given) > 1:
                first.add(given)
    patterns = [re.compile(r"\b" + re.escape(name) + r"\b", re.IGNORECASE) for name in sorted(full, key=len,
                                                                                            reverse=True)]
    patterns += [re.compile(r"\b" + re.escape(name) + r"\b") for name in sorted(first, key=len, reverse=True)]
    return patterns


def redact(value: Any, patterns: list[re.Pattern]) -> Any:
    """``value`` with every match replaced, through dicts and lists (keys are field names, left as they are)."""
    if not patterns:
        return value
    if isinstance(value, str):
        for pattern in patterns:
            value = pattern.sub(REPLACEMENT, value)
        return value
    if isinstance(value, dict):
        return {key: redact(item, patterns) for key, item in value.items()}
    if isinstance(value, list):
        return [redact(item, patterns) for item in value]
    return value
