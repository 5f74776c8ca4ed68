"""The family portal's links: the family's start page (their home page) and the caseworkers' family requests."""

from pathfinder.accounts.roles import CASE_STAFF, Role
from pathfinder.core.navigation import register_home_page, register_nav_item

register_nav_item("Your child", "family:home", roles=[Role.PARENT], order=10)
register_nav_item("Your plan", "family:home", roles=[Role.YOUNG_PERSON], order=10)
register_nav_item("Family requests", "family:requests", roles=CASE_STAFF, order=35, section="Case lists",
                  description="Requests families sent from the public site, to match to a child and answer.")
register_home_page(Role.PARENT, "family:home")
register_home_page(Role.YOUNG_PERSON, "family:home")
