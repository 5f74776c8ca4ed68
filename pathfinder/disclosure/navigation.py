"""The manager's inspection lists (found at start-up by core.navigation)."""

from pathfinder.accounts.roles import Role
from pathfinder.core.navigation import register_nav_item

register_nav_item("Inspection lists", "disclosure:inspection-lists", roles=[Role.MANAGER], order=53, section="Reports",
                  description="The lists inspectors ask for, and a sample of cases to show them.")
