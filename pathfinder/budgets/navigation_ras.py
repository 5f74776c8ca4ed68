"""The manager's link to the resource allocation system. Imported by budgets/navigation.py, because
core.navigation discovers only modules called navigation."""

from pathfinder.accounts.roles import Role
from pathfinder.core.navigation import register_nav_item

register_nav_item("Resource allocation", "budgets:ras_list", roles=[Role.MANAGER], order=56)
