"""People's links: finding a child (case staff) and a family's own page (also their home page)."""

from pathfinder.accounts.roles import CASE_STAFF, Role
from pathfinder.core.navigation import register_home_page, register_nav_item

register_nav_item("Find a child", "people:child-list", roles=CASE_STAFF, order=20)
register_nav_item("Your child", "people:family-home", roles=[Role.PARENT], order=10)
register_nav_item("Your plan", "people:family-home", roles=[Role.YOUNG_PERSON], order=10)
register_home_page(Role.PARENT, "people:family-home")
register_home_page(Role.YOUNG_PERSON, "people:family-home")
