"""The manager's "Personal budget figures" link. budgets.apps imports this module at start-up (core.navigation
discovers only modules named navigation)."""

from pathfinder.accounts.roles import Role
from pathfinder.core.navigation import register_nav_item

register_nav_item("Personal budget figures", "budgets:figures", roles=[Role.MANAGER], order=58)
