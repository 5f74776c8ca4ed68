"""Who may open a document: someone who may see its child AND whom its purpose's rule lets in. Deny by default.

Why a registry: the rule depends on what the document is for, and that belongs to the domain that keeps it
(assessments says who may read advice, plans who may read a plan's PDF, the family portal who may read what a
family sent). Each registers a rule from its ``AppConfig.ready()``; documents never imports them. A purpose
with no rule registered is opened by nobody.
"""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

from pathfinder.documents.models import Document
from pathfinder.people.selectors import children_visible_to

DocumentRule = Callable[[object, Document], bool]
_RULES: dict[str, list[DocumentRule]] = {}


def register_document_access(purpose: str, rule: DocumentRule) -> None:
    """Let ``rule(user, document) -> bool`` open documents kept for ``purpose`` (any one rule saying yes is
    enough). Registering the same rule twice (a second ``ready()``) changes nothing."""
    rules = _RULES.setdefault(purpose, [])
    if rule not in rules:
        rules.append(rule)


def document_allowed(user, document: Document) -> bool:
    """True if this user may open this document now (the child is theirs to see, and the purpose's rule agrees)."""
    if not getattr(user, "is_authenticated", False):
        return False
    if not children_visible_to(user).filter(pk=document.child_id).exists():
        return False
    return any(rule(user, document) for rule in _RULES.get(document.purpose, ()))


def document_find(public_id: UUID) -> Document | None:
    """The document with this address, whoever asks (the caller checks document_allowed before showing it)."""
    return Document.objects.select_related("child").filter(public_id=public_id).first()
