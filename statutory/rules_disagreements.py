"""The rule book's rows for disagreements: appealable decisions, mediation, the Tribunal and its orders (spec 6).

Plain data, kept apart from statutory/rules.py (which builds a :class:`~statutory.rules.Rule` from each row) so
that module stays readable; the rows are in the one rule book all the same (``RULES``), found by their codes.
The existing rows ``appeal``, ``appeal_after_certificate``, ``mediation_contact``, ``mediation_certificate``
and ``mediation_held`` stay in rules.py (decision letters already use them).

Each row's ``note`` says how sure we are of it, with the spec's evidence tags: [V] statutory text read
verbatim, [S] a secondary source (IPSEA, gov.uk, SENDIASS) paraphrased, [R] not re-verified against the
statutory text. Rows marked [S] or [R] are the law as the sources describe it, and are checked before a
council relies on them in a letter.
"""

from __future__ import annotations

from datetime import date

REGS = "https://www.legislation.gov.uk/uksi/2014/1530/regulation/"
CFA_51 = "https://www.legislation.gov.uk/ukpga/2014/6/section/51"
HESC_RULES = "https://www.legislation.gov.uk/uksi/2008/2699/contents"
RECOMMENDATIONS = "https://www.legislation.gov.uk/uksi/2017/1306/contents"

SEND_2014_IN_FORCE = date(2014, 9, 1)
#: Reg 45 as substituted by SI 2015/359 reg 8 (spec 6.4 [V]); the commencement day is [R].
REG_45_AMENDED_IN_FORCE = date(2015, 4, 1)
#: The national trial of the Tribunal's power to recommend on health and social care (SI 2017/1306) began
#: 3 April 2018 [R]; it was later continued [R].
RECOMMENDATIONS_IN_FORCE = date(2018, 4, 3)

_S = "[S] secondary sources (IPSEA, gov.uk SEND18, SENDIASS); wording paraphrased"
_R = "[R] not re-verified against the statutory text"


def _row(code: str, summary: str, citation: str, url: str, amount: int, unit: str, note: str,
         effective_from: date = SEND_2014_IN_FORCE) -> dict:
    return {"code": code, "summary": summary, "citation": citation, "url": url, "amount": amount, "unit": unit,
            "effective_from": effective_from, "note": note}


_APPEALABLE = (
    ("not_to_assess", "a decision not to secure an EHC needs assessment", "(a)"),
    ("not_to_issue", "a decision, after an assessment, that an EHC plan is not necessary", "(b)"),
    ("plan_contents", "the needs (B), provision (F) or school or college (I) in an EHC plan", "(c)"),
    ("amended_plan_contents", "the needs (B), provision (F) or school or college (I) in an amended EHC plan", "(c)"),
    ("not_to_reassess", "a decision not to secure a re-assessment", "(d)"),
    ("not_to_amend", "a decision not to amend an EHC plan after a review or re-assessment", "(e)"),
    ("to_cease", "a decision to cease to maintain an EHC plan", "(f)"),
)

DISAGREEMENT_RULE_ROWS: tuple[dict, ...] = tuple(
    _row(f"appealable_{kind}", f"The parent or young person may appeal to the First-tier Tribunal (SEND) against "
         f"{what}, within 2 months of the notice (HESC Rules r.20(1)(c))",
         f"Children and Families Act 2014, s.51(2){letter}", CFA_51, 2, "months",
         "[R] paragraph letters as recalled from the Act (spec 6.1 [S] letters them (a)-(e), with re-assessment "
         "under (a)); the 2-month period is r.20(1)(c) [V]")
    for kind, what, letter in _APPEALABLE
) + (
    # -- Mediation (SEND Regulations 2014, Part 6) ------------------------------------------------------------
    _row("mediation_health_notice", "When health care provision is in issue, the council tells each health "
         "commissioner concerned, with the issues and the health provision sought, within 3 working days of the "
         "family telling it they want mediation", "SEND Regulations 2014, regs 35 to 37", f"{REGS}36", 3,
         "working_days", f"{_S}: IPSEA 'The mediation process' (3 working days of the family telling the council); "
         f"{_R}: regulation numbers (legislation.gov.uk's stored text of Part 2 breaks off at reg 34)"),
    _row("mediation_deemed_certificate", "If the council cannot arrange mediation within 30 days, it tells the "
         "mediation adviser, who issues a certificate within 3 working days of being told",
         "SEND Regulations 2014, reg 35 (as IPSEA describes it)", f"{REGS}35", 3, "working_days",
         f"{_S}: IPSEA 'The mediation process' and SENDIASS pages agree on 3 working days; {_R}: regulation "
         "number"),
    _row("mediator_certificate", "The mediator issues the mediation certificate within 3 working days of the "
         "mediation concluding", "SEND Regulations 2014, reg 39", f"{REGS}39", 3, "working_days",
         f"{_S}: SENDIASS pages agree on 3 working days of the mediation concluding; {_R}: regulation number 39"),
    _row("mediation_agreement", "A mediation agreement on matters that cannot be appealed to the Tribunal: the "
         "council or health commissioner does what it agreed within 2 weeks of the agreement",
         "SEND Regulations 2014, reg 42(3)", f"{REGS}42", 2, "weeks",
         "[V] spec 6.2; re-read on legislation.gov.uk (reg 42 as made, 1 September 2014)"),
    _row("mediation_agreement_council_told", "When the council was not a party, the health commissioner tells the "
         "council of the agreement within 1 week of it", "SEND Regulations 2014, reg 42(4)", f"{REGS}42", 1,
         "weeks", "[V] spec 6.2; re-read on legislation.gov.uk (reg 42 as made, 1 September 2014)"),
    # -- The Tribunal -----------------------------------------------------------------------------------------
    _row("tribunal_response", "The council's response to an appeal reaches the Tribunal within 30 working days of "
         "the Tribunal sending it the appeal", "Tribunal Procedure (First-tier Tribunal) (HESC) Rules 2008, r.21; "
         "SEND Tribunal practice", HESC_RULES, 30, "working_days",
         f"{_S}: IPSEA 'within 30 working days of the appeal being sent'; the period is set by the Tribunal's "
         "directions in each case"),
    _row("recommendation_response", "The council and health commissioner respond to the Tribunal's health or social "
         "care recommendations, giving reasons for any they will not follow, within 5 weeks of the recommendation",
         "Special Educational Needs and Disability (First-tier Tribunal Recommendations Power) Regulations 2017",
         RECOMMENDATIONS, 5, "weeks", f"{_R}: the 5 weeks (spec 6.4 and 10.3); the regulations' explanatory note "
         "[V] puts the sending of recommendations to the health commissioner in reg 6, the text of the period was "
         "not found", RECOMMENDATIONS_IN_FORCE),
)

#: (kind of duty, rule code suffix, amount, unit, summary, reg 44 paragraph, reg 44 note, reg 45 note)
_DUTIES = (
    ("cease", 0, "days", "cease to maintain the EHC plan", "44(2)(a)", "[V]", None),
    ("continue", 0, "days", "continue to maintain the EHC plan", "44(2)", "[S] gov.uk SEND18", "[S] IPSEA, SENDIASS"),
    ("notify_will_assess", 2, "weeks", "tell the parent or young person it will assess or re-assess", "44(2)(b)",
     "[V]", "[V]"),
    ("notify_no_plan", 10, "weeks", "after an ordered assessment, tell the parent or young person, with reasons, "
     "that it will not issue a plan", "44(2)(b)(i)", "[V]", "[V]"),
    ("final_plan_after_assessment", 14, "weeks", "after an ordered assessment, issue the finalised EHC plan",
     "44(2)(b)(ii)", "[V]", "[V]"),
    ("draft_plan", 5, "weeks", "issue a draft EHC plan", "44(2)(c)(i)", "[V]", "[S] IPSEA, SENDIASS"),
    ("final_plan", 11, "weeks", "issue the finalised EHC plan", "44(2)(c)(ii)", "[V]", "[S] IPSEA, SENDIASS"),
    ("amended_plan", 5, "weeks", "issue the amended EHC plan (sections B or F, or continue and amend)", "44(2)(e)",
     "[S] 5 weeks: gov.uk SEND18 and IPSEA; IPSEA letters it 44(2)(e) (the spec's recalled 44(2)(d) [R] is the "
     "paragraph before)", "[V]"),
    ("amended_plan_school", 2, "weeks", "issue the amended EHC plan naming the school or type of school in section I",
     "44(2)(f)", "[S] 2 weeks: gov.uk SEND18 and IPSEA; IPSEA letters it 44(2)(f)", "[S] IPSEA, SENDIASS"),
)

DISAGREEMENT_RULE_ROWS += tuple(
    _row(f"order_{code}", f"After a Tribunal order, the council must {summary}"
         + (" at once, from the day of the order" if amount == 0 else f" within {amount} {unit} of the order"),
         f"SEND Regulations 2014, reg {para}", f"{REGS}44", amount, unit, note)
    for code, amount, unit, summary, para, note, _ in _DUTIES
) + tuple(
    _row(f"unopposed_{code}", f"When it tells the Tribunal it will not oppose an appeal, the council must {summary}"
         + (" at once, from that day" if amount == 0 else f" within {amount} {unit} of telling the Tribunal"),
         "SEND Regulations 2014, reg 45", f"{REGS}45", amount, unit,
         f"{unopposed}; reg 45 as substituted by SI 2015/359 reg 8, in force from {REG_45_AMENDED_IN_FORCE} [R]",
         REG_45_AMENDED_IN_FORCE)
    for code, amount, unit, summary, _, _, unopposed in _DUTIES if unopposed
)
