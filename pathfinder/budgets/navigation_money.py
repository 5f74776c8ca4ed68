"""The manager's "Personal budget figures" link, in the "Personal budgets" section. budgets.apps imports this
module at start-up (core.navigation discovers only modules named navigation)."""

from pathfinder.accounts.roles import Role
from pathfinder.budgets.navigation import SECTION
from pathfinder.core.navigation import register_nav_item

register_nav_item("Personal budget figures", "budgets:figures", roles=[Role.MANAGER], order=59, section=SECTION,
                  description="Budgets by stream and kind, refusals, time to agree, spending, and England's figures.")
