"""An adviser's link to the organisations they work for (queue and colleagues)."""

from pathfinder.accounts.roles import Role
from pathfinder.core.navigation import register_nav_item

register_nav_item("Your organisation", "organisations:mine", roles=[Role.ADVISER], order=20)
