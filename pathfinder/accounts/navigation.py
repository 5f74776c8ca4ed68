"""Accounts' links: an administrator's list of users, which is also their home page."""

from pathfinder.accounts.roles import Role
from pathfinder.core.navigation import register_home_page, register_nav_item

register_nav_item("Users", "accounts:user-list", roles=[Role.ADMINISTRATOR], order=10)
register_home_page(Role.ADMINISTRATOR, "accounts:user-list")
