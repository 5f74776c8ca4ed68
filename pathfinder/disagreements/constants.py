"""The kinds of appealable decision, as plain strings the database stores.

The law's own list is ``statutory.appealable.AppealableKind`` (CFA 2014 s.51(2)). Until that module exists this
declares the same string values; the model's choices are built from here, so switching to the statutory enum
changes no stored value and needs no migration of data.
"""

from __future__ import annotations

from django.db import models


class AppealableKind(models.TextChoices):
    """CFA 2014 s.51(2): the decisions a family may appeal to the First-tier Tribunal (SEND)."""

    NOT_TO_ASSESS = "not_to_assess", "Not to carry out an EHC needs assessment"
    NOT_TO_REASSESS = "not_to_reassess", "Not to carry out a re-assessment"
    NOT_TO_ISSUE = "not_to_issue", "Not to issue an EHC plan"
    PLAN_CONTENTS = "plan_contents", "The contents of the EHC plan"
    AMENDED_PLAN_CONTENTS = "amended_plan_contents", "The contents of the amended EHC plan"
    NOT_TO_AMEND = "not_to_amend", "Not to amend the EHC plan"
    TO_CEASE = "to_cease", "To cease to maintain the EHC plan"


APPEALABLE_SECTIONS = ("B", "F", "I")
CONTENTS_KINDS = (AppealableKind.PLAN_CONTENTS, AppealableKind.AMENDED_PLAN_CONTENTS)
