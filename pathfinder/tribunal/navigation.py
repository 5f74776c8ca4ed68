"""The manager's report on appeals and orders (found at start-up by core.navigation)."""

from pathfinder.accounts.roles import Role
from pathfinder.core.navigation import register_nav_item

register_nav_item("Appeals and orders", "tribunal:report", roles=[Role.MANAGER], order=51, section="Reports",
                  description="Appeals by decision, section and outcome, orders done on time, and England's figures.")
