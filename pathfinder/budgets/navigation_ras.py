"""The manager's link to the resource allocation system, in the "Personal budgets" section. Imported by
budgets/navigation.py, because core.navigation discovers only modules called navigation."""

from pathfinder.accounts.roles import Role
from pathfinder.budgets.navigation import SECTION
from pathfinder.core.navigation import register_nav_item

register_nav_item("Resource allocation", "budgets:ras_list", roles=[Role.MANAGER], order=58, section=SECTION,
                  description="The questionnaires, bands and prices that work out indicative budgets, by version.")
