"""The roles people hold in Pathfinder. What each may see is decided in selectors, not here."""

from django.db import models


class Role(models.TextChoices):
    CASEWORKER = "caseworker", "SEND caseworker"
    MANAGER = "manager", "SEND manager"
    ADVISER = "adviser", "Adviser (SENCO, educational psychologist, health or social care)"
    PARENT = "parent", "Parent or carer"
    YOUNG_PERSON = "young_person", "Young person"
    ADMINISTRATOR = "administrator", "Administrator"
    PROVIDER = "provider", "Service provider"
    LOCAL_OFFER_OFFICER = "local_offer_officer", "Local Offer officer"


COUNCIL_STAFF_ROLES = frozenset(
    {Role.CASEWORKER, Role.MANAGER, Role.ADMINISTRATOR, Role.LOCAL_OFFER_OFFICER}
)
PROFESSIONAL_ROLES = frozenset({Role.ADVISER})
STAFF_ROLES = COUNCIL_STAFF_ROLES | PROFESSIONAL_ROLES  # multi-factor sign-in is required for these
CASE_STAFF = (Role.CASEWORKER, Role.MANAGER)
# Roles that open children's records by role alone: granting one needs a second person (accounts.services).
CASE_ROLES = frozenset(CASE_STAFF)
# Who may approve a case role: another administrator, or a SEND manager.
ROLE_APPROVERS = frozenset({Role.ADMINISTRATOR, Role.MANAGER})
FAMILY_ROLES = (Role.PARENT, Role.YOUNG_PERSON)
