"""People's links: finding a child (case staff). A family's own start page is the plans' (plans.navigation)."""

from pathfinder.accounts.roles import CASE_STAFF
from pathfinder.core.navigation import register_nav_item

register_nav_item("Find a child", "people:child-list", roles=CASE_STAFF, order=20)
