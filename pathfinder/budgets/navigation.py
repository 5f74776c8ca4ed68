"""Personal budgets in the service navigation (found at start-up by core.navigation): case staff's list of
requests by status, the family's own page, and a health organisation member's NHS shares to agree.

Managers see one "Personal budgets" link to a page listing the requests, the resource allocation system and the
figures (a core.navigation section), so their header stays short; a caseworker has only the requests, so the
header links to them directly."""

from pathfinder.accounts.roles import FAMILY_ROLES, Role
from pathfinder.core.navigation import register_nav_item

SECTION = "Personal budgets"

register_nav_item("Personal budgets", "budgets:requests", roles=[Role.CASEWORKER], order=57)
register_nav_item("Requests for personal budgets", "budgets:requests", roles=[Role.MANAGER], order=57, section=SECTION,
                  description="Every request on the cases you can see, by where it stands.")
register_nav_item("Personal budget", "budgets:family_home", roles=FAMILY_ROLES, order=57)
register_nav_item("NHS shares of budgets", "budgets:health_agreements", roles=[Role.ADVISER], order=57)

# Each part of the domain keeps its own links beside its pages; importing them here registers them.
from pathfinder.budgets import navigation_ras  # noqa: E402, F401  (the manager's resource allocation system)
