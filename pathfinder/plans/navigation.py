"""Plans' links: a family's own start page (also their home page), which shows the request and the plan."""

from pathfinder.accounts.roles import Role
from pathfinder.core.navigation import register_home_page, register_nav_item

register_nav_item("Your child", "plans:family-home", roles=[Role.PARENT], order=10)
register_nav_item("Your plan", "plans:family-home", roles=[Role.YOUNG_PERSON], order=10)
register_home_page(Role.PARENT, "plans:family-home")
register_home_page(Role.YOUNG_PERSON, "plans:family-home")
