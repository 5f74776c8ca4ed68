"""The mediation service's one link and home page: the mediations referred to it."""

from pathfinder.accounts.roles import Role
from pathfinder.core.navigation import register_home_page, register_nav_item

register_nav_item("Mediations", "disagreements:service-list", roles=[Role.MEDIATOR], order=10)
register_home_page(Role.MEDIATOR, "disagreements:service-list")
