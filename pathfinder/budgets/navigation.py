"""Personal budgets in the service navigation (found at start-up by core.navigation): case staff's list of
requests by status, the family's own page, and a health organisation member's NHS shares to agree."""

from pathfinder.accounts.roles import CASE_STAFF, FAMILY_ROLES, Role
from pathfinder.core.navigation import register_nav_item

register_nav_item("Personal budgets", "budgets:requests", roles=CASE_STAFF, order=57)
register_nav_item("Personal budget", "budgets:family_home", roles=FAMILY_ROLES, order=57)
register_nav_item("NHS shares of budgets", "budgets:health_agreements", roles=[Role.ADVISER], order=57)

# Each part of the domain keeps its own links beside its pages; importing them here registers them.
from pathfinder.budgets import navigation_ras  # noqa: E402, F401  (the manager's resource allocation system)
