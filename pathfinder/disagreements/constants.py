"""The kinds of appealable decision, as the database stores them: the law's list, with a caseworker's label.

The list itself is ``statutory.AppealableKind`` (CFA 2014 s.51(2)); the choices are built from it, so a kind the
law adds without a label here fails at start-up rather than being stored unnamed.
"""

from __future__ import annotations

from django.db import models

import statutory
from statutory.appealable import CONTENTS_KINDS as _CONTENTS

_LABELS = {
    "not_to_assess": "Not to carry out an EHC needs assessment",
    "not_to_reassess": "Not to carry out a re-assessment",
    "not_to_issue": "Not to issue an EHC plan",
    "plan_contents": "The contents of the EHC plan",
    "amended_plan_contents": "The contents of the amended EHC plan",
    "not_to_amend": "Not to amend the EHC plan",
    "to_cease": "To cease to maintain the EHC plan",
}

#: CFA 2014 s.51(2): the decisions a family may appeal to the First-tier Tribunal (SEND).
AppealableKind = models.TextChoices(
    "AppealableKind", [(kind.name, (kind.value, _LABELS[kind.value])) for kind in statutory.AppealableKind],
)

APPEALABLE_SECTIONS: tuple[str, ...] = tuple(statutory.APPEALABLE_SECTIONS)
CONTENTS_KINDS = tuple(AppealableKind(kind.value) for kind in _CONTENTS)
