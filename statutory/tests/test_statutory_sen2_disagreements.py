"""The SEN2 mediation and tribunal flags from plain facts (statutory.sen2_disagreements)."""

from datetime import date

from statutory import AppealableKind as K
from statutory import Sen2Disagreement, Sen2Stage, sen2_disagreement_flags, sen2_stage

CENSUS = date(2028, 1, 20)


def test_each_decision_has_its_stage() -> None:
    assert sen2_stage(K.NOT_TO_ASSESS) == Sen2Stage.REQUEST
    assert sen2_stage("not_to_issue") == Sen2Stage.ASSESSMENT
    for kind in (K.NOT_TO_REASSESS, K.PLAN_CONTENTS, K.AMENDED_PLAN_CONTENTS, K.NOT_TO_AMEND, K.TO_CEASE):
        assert sen2_stage(kind) == Sen2Stage.OTHER


def test_no_disagreement_is_all_no() -> None:
    assert set(sen2_disagreement_flags([], on=CENSUS).items().values()) == {"0"}


def test_mediation_held_and_appeals_registered_set_their_stage_only() -> None:
    flags = sen2_disagreement_flags([
        Sen2Disagreement(K.NOT_TO_ASSESS, mediation_held=date(2027, 3, 1)),
        Sen2Disagreement(K.NOT_TO_ISSUE, appeal_registered=date(2027, 9, 1)),
        Sen2Disagreement(K.PLAN_CONTENTS, mediation_held=date(2027, 11, 1), appeal_registered=date(2028, 1, 20)),
    ], on=CENSUS)
    assert flags.items() == {
        "RequestMediation": "1", "RequestTribunal": "0",
        "AssessmentMediation": "0", "AssessmentTribunal": "1",
        "OtherMediation": "1", "OtherTribunal": "1",
    }


def test_events_after_the_census_day_and_mediation_not_held_do_not_count() -> None:
    flags = sen2_disagreement_flags([
        Sen2Disagreement(K.NOT_TO_ASSESS),  # a certificate only: no mediation held, no appeal
        Sen2Disagreement(K.TO_CEASE, mediation_held=date(2028, 1, 21), appeal_registered=date(2028, 2, 1)),
    ], on=CENSUS)
    assert not any((flags.request_mediation, flags.request_tribunal, flags.other_mediation, flags.other_tribunal))
