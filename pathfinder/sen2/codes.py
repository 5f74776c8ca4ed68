"""Our codes -> the DfE's SEN2 codes, in one place (the SEN2 import of pathfinder.caseload reads them backwards).

Most of our lists were written from the SEN2 code lists, so most mappings are the identity; they are still spelt
out, so that a code we add later (a new need, a new setting) fails loudly here instead of reaching the DfE unmapped.
"""

from __future__ import annotations

from functools import lru_cache

#: people.codes.NeedType -> SEN2 SENtype (DS, Down syndrome, from the 2025 return).
SEN_TYPE = {code: code for code in ("SPLD", "MLD", "SLD", "PMLD", "SEMH", "SLCN", "HI", "VI", "MSI", "PD", "ASD",
                                    "DS", "OTH")}
#: people.codes.Sex -> SEN2 Sex.
SEX = {"M": "M", "F": "F", "U": "U"}
#: people.codes.SettingCode -> SEN2 SENSetting (used only where the setting has no URN or UKPRN).
SEN_SETTING = {code: code for code in ("OLA", "OPA", "EHE", "EYP", "OTH", "NEET", "NIEC", "NIEO")}
#: assessments.constants.RequestSource -> SEN2 RequestSource (2026 guide).
REQUEST_SOURCE = {"1": "1", "2": "2", "3": "3", "4": "4", "5": "5"}
#: reviews.models.ReviewDecision -> SEN2 ReviewOutcome.
REVIEW_OUTCOME = {"maintain": "M", "amend": "A", "cease": "C"}
#: ceasing.Cessation.reason (statutory.CEASE_REASONS) and transfers.TransferOut.sen2_cease_reason -> CeaseReason.
CEASE_REASON = {str(n): str(n) for n in range(1, 10)}
#: Outcome codes for RequestOutcome and AssessmentOutcome.
YES, NO, AWAITING, WITHDRAWN, HISTORICAL = "Y", "N", "A", "W", "H"
#: SEN2 Ethnicity when the record holds none: "information not yet obtained" (Pathfinder does not record it yet).
ETHNICITY_NOT_OBTAINED = "NOBT"


def yes_no(value: bool) -> str:
    """SEN2 booleans are written 1 and 0."""
    return "1" if value else "0"


@lru_cache(maxsize=1 << 14)
def establishment(identifier: str) -> tuple[str, str]:
    """(URN, UKPRN) from one identifier: 6 digits is a school's URN (GIAS), 8 digits a provider's UKPRN. Cached: a
    council's plans name a few hundred settings, and the return asks twice for each of tens of thousands of plans."""
    value = (identifier or "").strip()
    if value.isdigit() and len(value) == 6:
        return value, ""
    if value.isdigit() and len(value) == 8:
        return "", value
    return "", ""


def decoded(mapping: dict[str, str], sen2_code: str) -> str | None:
    """Our code for a SEN2 code (for the importer): the key whose value it is, or None."""
    return next((ours for ours, theirs in mapping.items() if theirs == sen2_code), None)
