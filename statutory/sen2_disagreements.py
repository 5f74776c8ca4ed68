"""The SEN2 return's mediation and tribunal flags, from plain facts about a request's disagreements (spec 7).

Why here: the six flags are a reading of the law's categories (which decision was disputed, and whether mediation
was held or an appeal made), not of any model. ``pathfinder/sen2`` leaves them out today ("not recorded yet",
schema README) rather than send "No"; once the disagreements and tribunal apps record them, sen2 builds one
:class:`Sen2Disagreement` per appealable decision on a request (and on the plan that came from it) and writes
what :func:`sen2_disagreement_flags` returns. The plan for sen2 is at the end of this docstring.

The items (sen2_data_items.csv; XSD ``yesnotype``, written "1"/"0" like ``Week20``):

* ``RequestMediation`` / ``RequestTribunal`` (module 2, on the request): mediation held / an appeal made about a
  decision not to assess (CFA s.51(2)(a)).
* ``AssessmentMediation`` / ``AssessmentTribunal`` (module 3, on the assessment): about a decision, after the
  assessment, not to issue a plan (s.51(2)(b)).
* ``OtherMediation`` / ``OtherTribunal`` (module 3): about anything else appealable that came from it: the plan's
  contents (first or amended), not to re-assess, not to amend, to cease ("content of plan etc."). Putting the
  re-assessment refusal here, not under the request, is our reading [R]: SEN2's requests are requests for an
  EHC needs assessment under s.36, and a re-assessment is asked for on an existing plan (s.44).

"Mediation" means mediation that was held (the data item says "mediation held"): a family who took only the
adviser's certificate, or whose mediation could not be arranged (a deemed certificate), did not mediate.
"Tribunal" means an appeal registered with the Tribunal, whatever came of it (withdrawn, conceded, decided).
Only events on or before ``on`` (the census reference date) count.

Plan for ``pathfinder/sen2`` (not changed here: the disagreements and tribunal apps are not merged yet):
1. ``records.Request`` and ``records.Assessment`` gain the flags (``bool | None``; None = not recorded).
2. ``gather``/``build`` read, per request, its appealable decisions with their mediation-held and
   appeal-registered dates (one set-based query each) into :class:`Sen2Disagreement` rows and call this.
3. ``xml`` writes ``RequestMediation``/``RequestTribunal`` after ``RequestOutcome``, and the four assessment
   items after ``AssessmentOutcomeDate`` (the XSD's order), and the schema README drops them from "left out".
   An ``Other*`` flag for a request with no assessment record cannot be written: a validation problem names it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from statutory.appealable import AppealableKind


class Sen2Stage(StrEnum):
    """Where the SEN2 return puts a disagreement."""

    REQUEST = "request"
    ASSESSMENT = "assessment"
    OTHER = "other"


_STAGE = {AppealableKind.NOT_TO_ASSESS: Sen2Stage.REQUEST, AppealableKind.NOT_TO_ISSUE: Sen2Stage.ASSESSMENT}


def sen2_stage(kind: AppealableKind | str) -> Sen2Stage:
    """The SEN2 stage of a disputed decision: request (not to assess), assessment (not to issue), other."""
    return _STAGE.get(AppealableKind(kind), Sen2Stage.OTHER)


@dataclass(frozen=True)
class Sen2Disagreement:
    """One appealable decision on the request (or its plan), with what came of it."""

    kind: AppealableKind
    mediation_held: date | None = None  # the day mediation took place (concluded)
    appeal_registered: date | None = None  # the day the Tribunal registered the family's appeal


@dataclass(frozen=True)
class Sen2DisagreementFlags:
    request_mediation: bool = False
    request_tribunal: bool = False
    assessment_mediation: bool = False
    assessment_tribunal: bool = False
    other_mediation: bool = False
    other_tribunal: bool = False

    def items(self) -> dict[str, str]:
        """The SEN2 items by name, "1" or "0" (the XSD's yesnotype, as ``Week20`` is written)."""
        return {name: "1" if value else "0" for name, value in (
            ("RequestMediation", self.request_mediation), ("RequestTribunal", self.request_tribunal),
            ("AssessmentMediation", self.assessment_mediation), ("AssessmentTribunal", self.assessment_tribunal),
            ("OtherMediation", self.other_mediation), ("OtherTribunal", self.other_tribunal))}


def sen2_disagreement_flags(disagreements: Iterable[Sen2Disagreement], *, on: date) -> Sen2DisagreementFlags:
    """The six flags for one request from its disagreements, counting events on or before ``on``."""
    mediated: set[Sen2Stage] = set()
    appealed: set[Sen2Stage] = set()
    for item in disagreements:
        stage = sen2_stage(item.kind)
        if item.mediation_held is not None and item.mediation_held <= on:
            mediated.add(stage)
        if item.appeal_registered is not None and item.appeal_registered <= on:
            appealed.add(stage)
    return Sen2DisagreementFlags(
        request_mediation=Sen2Stage.REQUEST in mediated, request_tribunal=Sen2Stage.REQUEST in appealed,
        assessment_mediation=Sen2Stage.ASSESSMENT in mediated, assessment_tribunal=Sen2Stage.ASSESSMENT in appealed,
        other_mediation=Sen2Stage.OTHER in mediated, other_tribunal=Sen2Stage.OTHER in appealed,
    )
