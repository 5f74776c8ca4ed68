"""Plan content rules (statutory.plan_content, statutory.plan_wording): wording and structure, plain Python.

Moved from pathfinder/plans/tests/test_quality.py with every assertion kept.
"""

from statutory.plan_content import (
    PLAN_RULES,
    VAGUE_WORDING_CITATION,
    NeedSnapshot,
    OutcomeSnapshot,
    PlanSnapshot,
    Problem,
    ProvisionSnapshot,
    draft_problems,
    golden_thread_problems,
    highlight_parts,
    outcome_problems,
    preparing_for_adulthood_problems,
    provision_problems,
    section_b_problems,
    section_i_problems,
    section_j_problems,
    vague_wording,
)


def codes(problems):
    return [p.code for p in problems]


def good_plan(**changes) -> PlanSnapshot:
    values = dict(
        needs=(NeedSnapshot("1", "B1: Communication"),),
        outcomes=(OutcomeSnapshot("1", "E1", "By July 2027 Sam will ask an adult for help in class.", ("1",)),),
        provisions=(
            ProvisionSnapshot("1", "F", "F1", "Speech and language therapy, one to one", "45 minutes",
                              "once a week in term time", "A speech and language therapist", ("1",),
                              outcome_keys=("1",)),
        ),
    )
    values.update(changes)
    return PlanSnapshot(**values)


def test_specific_provision_has_no_flags():
    assert vague_wording("Sam will have 45 minutes of speech and language therapy each week.") == []


def test_each_vague_phrase_is_flagged_with_explanation_and_example():
    text = ("Access to speech therapy as needed, regular breaks, opportunities for social play, support as "
            "appropriate; Sam may benefit from up to 10 hours where possible and should have a quiet space.")
    flags = vague_wording(text)
    phrases = [f.phrase.lower() for f in flags]
    for expected in ("access to", "as needed", "regular", "opportunities for", "support as appropriate",
                     "may benefit", "up to", "where possible", "should have"):
        assert expected in phrases, expected
    assert all(f.explanation and f.better for f in flags)
    assert all(text[f.start:f.end].strip() == f.phrase for f in flags)


def test_flags_are_case_insensitive_and_do_not_overlap():
    flags = vague_wording("REGULARLY, As Required")
    assert [f.phrase for f in flags] == ["REGULARLY", "As Required"]
    flags = vague_wording("support as appropriate")
    assert len(flags) == 1 and flags[0].phrase == "support as appropriate"


def test_words_inside_other_words_are_not_flagged():
    assert vague_wording("irregular attendance was discussed; a setup toolkit") == []


def test_highlight_parts_rebuild_the_text():
    text = "Therapy as needed each week"
    parts = highlight_parts(text)
    assert "".join(p for p, _ in parts) == text
    assert [p for p, flag in parts if flag] == ["as needed"]


def test_a_good_plan_has_no_problems():
    assert draft_problems(good_plan()) == []


def test_every_need_needs_provision_in_f():
    plan = good_plan(needs=(NeedSnapshot("1", "B1: Communication"), NeedSnapshot("2", "B2: Sensory")))
    problems = [p for p in draft_problems(plan) if p.code != "need_without_outcome"]
    assert codes(problems) == ["need_without_provision"]
    assert "B2: Sensory" in problems[0].message and problems[0].item_key == "2"


def test_health_provision_does_not_meet_a_need_for_f():
    provisions = (ProvisionSnapshot("9", "G", "G1", "Physiotherapy programme", "30 minutes", "weekly",
                                    "NHS physiotherapist", ("1",), health_commissioner_agreed=True),)
    assert "need_without_provision" in codes(draft_problems(good_plan(provisions=provisions)))


def test_f_must_say_how_much_how_often_and_who():
    provisions = (ProvisionSnapshot("1", "F", "F1", "Speech and language therapy", "", "", "", ("1",),
                                    outcome_keys=("1",)),)
    problems = draft_problems(good_plan(provisions=provisions))
    assert codes(problems) == ["provision_not_quantified"]
    assert "how much, how often or who provides it" in problems[0].message


def test_vague_provision_blocks_with_the_flags():
    provisions = (ProvisionSnapshot("1", "F", "F1", "Access to speech therapy", "45 minutes", "as required",
                                    "Therapist", ("1",), outcome_keys=("1",)),)
    problems = draft_problems(good_plan(provisions=provisions))
    assert codes(problems) == ["vague_provision", "vague_provision"]
    assert problems[0].flags[0].phrase == "Access to"
    assert "(how often)" in problems[1].message


def test_health_provision_must_be_agreed_by_the_commissioner():
    g = ProvisionSnapshot("2", "G", "G1", "Physiotherapy programme", "30 minutes", "weekly", "NHS physio", ("1",))
    plan = good_plan(provisions=good_plan().provisions + (g,))
    assert codes(draft_problems(plan)) == ["health_not_agreed"]


def test_section_i_blank_in_draft_and_required_in_final():
    assert codes(draft_problems(good_plan(placement_name="Oak Primary"))) == ["placement_in_draft"]
    assert codes(draft_problems(good_plan(placement_type="academy"))) == ["placement_in_draft"]
    assert codes(draft_problems(good_plan(is_draft=False))) == ["no_placement"]
    assert draft_problems(good_plan(is_draft=False, placement_type="academy")) == []


def test_year_9_needs_preparing_for_adulthood_outcome_and_provision():
    problems = draft_problems(good_plan(year_9_or_above=True))
    assert codes(problems) == ["no_pfa_outcome", "no_pfa_provision"]
    base = good_plan()
    plan = good_plan(
        year_9_or_above=True,
        outcomes=(OutcomeSnapshot("1", "E1", "By July 2028 Sam will travel to college alone.", ("1",), True),),
        provisions=(ProvisionSnapshot(**{**base.provisions[0].__dict__, "preparing_for_adulthood": True}),),
    )
    assert draft_problems(plan) == []


def test_section_j_only_checked_when_direct_payments_are_known():
    assert draft_problems(good_plan(has_direct_payment=None, section_j="")) == []
    assert codes(draft_problems(good_plan(has_direct_payment=True))) == ["no_section_j"]
    assert codes(draft_problems(good_plan(has_direct_payment=False, section_j="Pays for a PA"))) == [
        "section_j_without_payment"
    ]


def test_a_plan_with_no_needs_is_refused():
    assert codes(draft_problems(PlanSnapshot())) == ["no_needs"]


def test_problems_come_in_plan_order():
    plan = good_plan(placement_name="Oak", needs=good_plan().needs + (NeedSnapshot("2", "B2: Sensory"),))
    assert [p.section for p in draft_problems(plan)] == ["E", "F", "I"]


def test_golden_thread_every_need_has_an_outcome():
    """B -> E: a need that no outcome answers is flagged, naming the need."""
    plan = good_plan(needs=good_plan().needs + (NeedSnapshot("2", "B2: Sensory"),),
                     provisions=good_plan().provisions + (
                         ProvisionSnapshot("2", "F", "F2", "Ear defenders in assembly", "1 pair", "every assembly",
                                           "The class teacher", ("2",), outcome_keys=("1",)),))
    problems = draft_problems(plan)
    assert codes(problems) == ["need_without_outcome"]
    assert problems[0].item_key == "2" and "B2: Sensory has no outcome in section E" in problems[0].message


def test_golden_thread_special_educational_provision_has_an_outcome():
    """E -> F: provision in section F that works towards no outcome is flagged; G is not held to this."""
    f = ProvisionSnapshot("1", "F", "F1", "Speech and language therapy, one to one", "45 minutes",
                          "once a week in term time", "A speech and language therapist", ("1",))
    g = ProvisionSnapshot("2", "G", "G1", "Physiotherapy programme", "30 minutes", "weekly", "NHS physio", ("1",),
                          health_commissioner_agreed=True)
    problems = draft_problems(good_plan(provisions=(f, g)))
    assert codes(problems) == ["provision_without_outcome"]
    assert problems[0].item_key == "1" and "F1 is not linked to an outcome" in problems[0].message


def test_some_time_and_staff_are_vague():
    phrases = [f.phrase.lower() for f in vague_wording("Some time with school staff each week, and some hours")]
    assert phrases == ["some time", "school staff", "some hours"]
    assert vague_wording("Staff training on autism, twice a year") == []
    assert vague_wording("a trained teaching assistant; the staffroom") == []


def test_who_provides_it_is_checked_for_vague_wording():
    f = ProvisionSnapshot("1", "F", "F1", "Reading practice, one to one", "20 minutes", "every school day", "Staff",
                          ("1",), outcome_keys=("1",))
    problems = draft_problems(good_plan(provisions=(f,)))
    assert codes(problems) == ["vague_provision"]
    assert "(who provides it)" in problems[0].message and problems[0].flags[0].phrase == "Staff"
    assert "Say who will provide it, and their role and expertise." in problems[0].message


def test_every_problem_cites_its_rule():
    plan = PlanSnapshot(
        is_draft=True,
        needs=(NeedSnapshot("1", "B1: Communication"),),
        outcomes=(OutcomeSnapshot("1", "E1", "Sam will have access to the library.", ()),),
        provisions=(
            ProvisionSnapshot("1", "F", "F1", "Regular speech therapy"),
            ProvisionSnapshot("2", "G", "G1", "Physiotherapy, 30 minutes weekly", need_keys=("1",)),
        ),
        placement_name="Oakfield",
        year_9_or_above=True,
        has_direct_payment=True,
    )
    problems = draft_problems(plan)
    assert set(codes(problems)) == {
        "need_without_provision", "need_without_outcome", "vague_outcome", "provision_not_quantified",
        "provision_without_need", "provision_without_outcome", "vague_provision", "health_not_agreed",
        "placement_in_draft", "no_pfa_outcome", "no_pfa_provision", "no_section_j",
    }
    for problem in problems:
        assert problem.rule is PLAN_RULES[problem.code] and problem.citation, problem.code
    by_code = {p.code: p.citation for p in problems}
    assert by_code["placement_in_draft"] == "Children and Families Act 2014, s.38(5)"
    assert by_code["health_not_agreed"].startswith("SEND Regulations 2014, reg 12(1)(g)")
    assert by_code["no_pfa_outcome"] == "SEND Regulations 2014, reg 12(3)"
    assert by_code["vague_provision"] == VAGUE_WORDING_CITATION == "SEND Code of Practice 2015, para 9.69"
    assert Problem("other", "A", "x").citation == ""


def test_every_rule_has_a_citation_and_the_final_plan_rules_fire():
    assert all(rule.citation and rule.requires for rule in PLAN_RULES.values())
    assert all(code == rule.code for code, rule in PLAN_RULES.items())
    final = draft_problems(PlanSnapshot(is_draft=False, has_direct_payment=False, section_j="DP for therapy"))
    assert codes(final) == ["no_needs", "no_placement", "section_j_without_payment"]
    assert [p.citation for p in final] == [
        "SEND Regulations 2014, reg 12(1)(b)", "SEND Regulations 2014, reg 12(1)(i)",
        "SEND Regulations 2014, reg 12(1)(j)",
    ]


def test_each_rule_group_can_be_checked_on_its_own():
    plan = PlanSnapshot(needs=(NeedSnapshot("1", "B1"),), placement_type="Special school")
    assert codes(section_b_problems(plan)) == ["need_without_provision"]
    assert codes(golden_thread_problems(plan)) == ["no_outcomes"]
    assert outcome_problems(plan) == [] and provision_problems(plan) == []
    assert codes(section_i_problems(plan)) == ["placement_in_draft"]
    assert preparing_for_adulthood_problems(plan) == [] and section_j_problems(plan) == []
