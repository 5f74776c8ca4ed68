"""The manager's list of plans ceased this year, by SEN2 reason (found at start-up by core.navigation)."""

from pathfinder.accounts.roles import Role
from pathfinder.core.navigation import register_nav_item

register_nav_item("Plans ceased", "ceasing:this-year", roles=[Role.MANAGER], order=50, section="Reports",
                  description="Plans ceased this year, by the reason the SEN2 return asks for.")
