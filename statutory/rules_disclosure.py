"""The rule book's rows for disclosure: what the council gives inspectors and families (not SEND law).

Plain data, kept apart from statutory/rules.py (which builds a :class:`~statutory.rules.Rule` from each row) so
that module stays readable; the rows are in the one rule book all the same (``RULES``), found by their codes.
"""

from __future__ import annotations

from datetime import date

#: The GDPR (kept in UK law as the UK GDPR from 1 January 2021, with the same Article 12(3)) applied from 25 May 2018.
GDPR_IN_FORCE = date(2018, 5, 25)
#: The joint Ofsted and CQC area SEND inspection framework in use from 1 January 2023.
AREA_SEND_FRAMEWORK_IN_FORCE = date(2023, 1, 1)

DISCLOSURE_RULE_ROWS: tuple[dict, ...] = (
    {
        "code": "inspection_lookback",
        "summary": (
            "Area SEND inspectors ask for the children and young people whose EHC needs assessment was requested "
            "in the 12 months before the inspection, with what came of each request"
        ),
        "citation": "Ofsted and CQC, Area SEND inspection framework and handbook (2023): information requested "
                    "at the start of an inspection",
        "url": "https://www.gov.uk/government/publications/area-send-framework-and-handbook",
        "amount": 12,
        "unit": "months",
        "effective_from": AREA_SEND_FRAMEWORK_IN_FORCE,
    },
    {
        "code": "subject_access_response",
        "summary": (
            "Answer a subject access request without undue delay and at the latest within one month of receiving "
            "it (the corresponding date of the next month, or that month's last day if it has none)"
        ),
        "citation": "UK GDPR, Article 12(3)",
        "url": "https://www.legislation.gov.uk/eur/2016/679/article/12",
        "amount": 1,
        "unit": "months",
        "effective_from": GDPR_IN_FORCE,
    },
    {
        "code": "subject_access_extension",
        "summary": (
            "The time to answer a subject access request may be extended by two further months where necessary, "
            "taking into account the complexity and number of the requests; the person must be told of the "
            "extension, with the reasons, within one month of the request"
        ),
        "citation": "UK GDPR, Article 12(3)",
        "url": "https://www.legislation.gov.uk/eur/2016/679/article/12",
        "amount": 2,
        "unit": "months",
        "effective_from": GDPR_IN_FORCE,
    },
)
