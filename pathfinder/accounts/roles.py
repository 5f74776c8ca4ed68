"""The roles people hold in Pathfinder, and every named group of them. What each may see is decided in selectors.

Groups of roles are declared here and nowhere else: a view's ``@for_roles(*GROUP)`` and a selector's
``user.role in GROUP`` name a group from this module rather than listing roles again."""

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
    MEDIATOR = "mediator", "Mediation service"


COUNCIL_STAFF_ROLES = frozenset(
    {Role.CASEWORKER, Role.MANAGER, Role.ADMINISTRATOR, Role.LOCAL_OFFER_OFFICER}
)
# A mediation service (usually a contracted provider) sees only the mediations referred to its organisation, never
# a child's record (pathfinder.disagreements): a second factor all the same, because it reads children's cases.
PROFESSIONAL_ROLES = frozenset({Role.ADVISER, Role.MEDIATOR})
STAFF_ROLES = COUNCIL_STAFF_ROLES | PROFESSIONAL_ROLES  # multi-factor sign-in is required for these
CASE_STAFF = (Role.CASEWORKER, Role.MANAGER)
# Roles that open children's records by role alone: granting one needs a second person (accounts.services).
CASE_ROLES = frozenset(CASE_STAFF)
# Who may approve a case role: another administrator, or a SEND manager.
ROLE_APPROVERS = frozenset({Role.ADMINISTRATOR, Role.MANAGER})
FAMILY_ROLES = (Role.PARENT, Role.YOUNG_PERSON)
# Who sees a child's whole record and case: case staff and the family (advisers see only what their advice needs).
CASE_VIEWERS = (*CASE_STAFF, *FAMILY_ROLES)
# Everyone with a part in a child's case (each sees only their part): case staff, the family and advisers.
CASE_PARTICIPANTS = (*CASE_STAFF, *FAMILY_ROLES, Role.ADVISER)
# Who edits a Local Offer service: its provider, and the Local Offer officer who approves it.
SERVICE_EDITORS = (Role.PROVIDER, Role.LOCAL_OFFER_OFFICER)
# Who reads the outbox of messages and the letters to print: the administrator (all), case staff (their cases').
MESSAGE_READERS = (Role.ADMINISTRATOR, *CASE_STAFF)
# Everyone who signs in (their own "How we contact you" page).
EVERY_ROLE = tuple(Role)
