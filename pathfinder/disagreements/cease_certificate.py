"""A mediation certificate about a decision to cease a plan also moves the cessation's last day to appeal.

Why here: the ceasing page reads the certificate from ``ceasing.Cessation.mediation_certificate_on`` (it decides
when the plan stops, regs 29-31 and HESC r.20(1)(c)), and the family's page reads it from the mediation. Both must
give the same day, so recording a certificate in mediation writes it to the cessation in the same transaction,
through the ceasing service (its own checks, history and audit). disagreements sits above ceasing in the layers,
so it may call ceasing directly; ceasing never imports this app.
"""

from __future__ import annotations

import statutory
from pathfinder.ceasing.models import Cessation, CessationStatus
from pathfinder.ceasing.workflow import cessation_mediation_certificate_record
from pathfinder.disagreements.constants import AppealableKind
from pathfinder.disagreements.models_mediation import MediationCase

#: The mediation steps that issue a certificate (regs 34, 39 and the deemed certificate).
CERTIFICATE_STEPS = frozenset({"adviser_certificate", "deemed_certificate", "mediator_certificate"})
SOURCE_TYPE = "ceasing.cessation"


def cessation_certificate_sync(*, acting_user, case: MediationCase, facts: statutory.MediationFacts) -> None:
    """Copy the certificate that counts (the latest) to the cessation the decision came from, if the plan is still
    waiting on the family's appeal. Call inside the mediation step's transaction: a refusal undoes both."""
    decision = case.decision
    if decision.kind != AppealableKind.TO_CEASE or decision.source_type != SOURCE_TYPE:
        return
    certificate_on = statutory.certificate_date(facts)
    cessation = Cessation.objects.filter(pk=int(decision.source_id)).first()
    if certificate_on is None or cessation is None or cessation.mediation_certificate_on == certificate_on:
        return
    if cessation.status != CessationStatus.DECIDED or cessation.appeal_lodged_on is not None:
        return  # the plan has ceased, been kept, or waits for the Tribunal: the last day to appeal no longer counts
    cessation_mediation_certificate_record(acting_user=acting_user, cessation=cessation,
                                           expected_version=cessation.version, certificate_on=certificate_on)
