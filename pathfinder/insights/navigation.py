"""Insights' links: a caseworker's cases and a manager's caseloads, which are also their home pages."""

from pathfinder.accounts.roles import CASE_STAFF, Role
from pathfinder.core.navigation import register_home_page, register_nav_item

register_nav_item("My cases", "insights:caseworker-home", roles=[Role.CASEWORKER], order=10)
register_nav_item("Timeliness", "insights:manager-home", roles=[Role.MANAGER], order=10)
register_nav_item("Phase transfers", "insights:phase-transfers", roles=list(CASE_STAFF), order=42, section="Case lists",
                  description="Children and young people moving to their next school or college, and where each plan stands.")
register_home_page(Role.CASEWORKER, "insights:caseworker-home")
register_home_page(Role.MANAGER, "insights:manager-home")
