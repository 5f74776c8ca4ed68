"""National distributions used to make the demo county and the benchmark data look like England.

Source for every figure here: Department for Education, "Education, health and care plans", reporting year 2025
(explore-education-statistics, published 26 June 2025: plans at January 2025, activity in calendar 2024), Open
Government Licence v3.0. Counts are copied as published so that the shares can be checked against the release;
the product never reads the statistics files at run time.
"""

from __future__ import annotations

# Primary need of all EHC plans, January 2025 (table "ehcp_primary_need"). "Need unknown" (4,870, 0.8%) is left
# out: every demo child with a plan gets a known rank-1 need. Down syndrome became a separate SEN2 code only from
# January 2026, so it has no 2025 count.
PRIMARY_NEED_ALL_PLANS = {
    "ASD": 201183, "SLCN": 135836, "SEMH": 132217, "MLD": 67861, "SLD": 25681, "PD": 24897,
    "SPLD": 14374, "HI": 8765, "PMLD": 8577, "OTH": 7512, "VI": 5280, "MSI": 1692,
}

# Primary need of new plans made in calendar 2024 (used for this year's requests).
PRIMARY_NEED_NEW_PLANS = {
    "SLCN": 27058, "ASD": 26856, "SEMH": 25640, "MLD": 7359, "PD": 2266, "SPLD": 2222, "SLD": 1224,
    "OTH": 1168, "HI": 705, "PMLD": 623, "VI": 457, "MSI": 177,
}

# Sex of children and young people with plans, January 2025: male 70.6%.
SEX_ALL_PLANS = {"M": 451239, "F": 187502}

# Age (on 31 August before January 2025) of everyone with a plan: peak at 11 to 14, 16 and over about 26%.
# "under 3" is spread over ages 0 to 2.
AGE_ALL_PLANS = {
    0: 60, 1: 150, 2: 323, 3: 4302, 4: 22517, 5: 30847, 6: 31867, 7: 34082, 8: 36412, 9: 38381, 10: 41405,
    11: 46775, 12: 47172, 13: 47359, 14: 47125, 15: 44886, 16: 42005, 17: 36484, 18: 28598, 19: 20815,
    20: 14495, 21: 9805, 22: 6258, 23: 4030, 24: 2221, 25: 371,
}

# Age at the start of new plans made in calendar 2024: peaks at 4 and 5. "2 and under" -> 2, "20 and over" -> 20-22.
AGE_AT_START_NEW_PLANS = {
    2: 203, 3: 2134, 4: 13245, 5: 13207, 6: 7686, 7: 6865, 8: 6431, 9: 6434, 10: 7594, 11: 8126, 12: 5259,
    13: 4663, 14: 5071, 15: 4474, 16: 3468, 17: 1656, 18: 664, 19: 291, 20: 150, 21: 80, 22: 46,
}

# Where children with plans are educated, January 2025 (placement table; "ed_elsewhere" split into its parts).
PLACEMENT_ALL_PLANS = {
    "mainstream": 278236,
    "special": 193880,
    "fe": 88158,
    "ap_pru": 4858,
    "early_years": 4524,
    "EHE": 7155,  # elective home education
    "OLA": 11524,  # education otherwise than at school, arranged by the council
    "OPA": 1012,  # other arrangements by parents
    "NEET": 18056,  # not in education, employment or training (16 to 25)
    "unknown": 19339,
}

# Requests for an EHC needs assessment, calendar 2024 (154,489): decided to assess 65.4%, refused 25.2%,
# undecided 7.8%, withdrawn 1.6%. Of the decisions made, refusals are 25.2 / (65.4 + 25.2) = 27.8%.
REQUESTS_PER_YEAR_ENGLAND = 154489
REFUSAL_SHARE_OF_DECISIONS = 0.278
WITHDRAWN_SHARE = 0.016
# Decisions whether to assess made within 6 weeks: 84.8%.
DECISION_WITHIN_6_WEEKS = 0.848
# Assessments completed in 2024: 105,340, of which 93.6% led to a plan.
ASSESSMENT_TO_PLAN = 0.936
# Plans issued within 20 weeks, excluding exceptions, 2024: 46.4% (39,407 of 84,866); including 45.9%.
FINAL_WITHIN_20_WEEKS = 0.464
# Issued 20 to 52 weeks: 46.9%; over 52 weeks: 7.2% (including exceptions).
FINAL_OVER_52_WEEKS_SHARE_OF_LATE = 0.072 / (0.469 + 0.072)
# Active plans in England, January 2025.
ACTIVE_PLANS_ENGLAND = 638745
