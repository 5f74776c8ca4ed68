"""The SEN2 return page for managers and administrators (found at start-up by core.navigation)."""

from pathfinder.accounts.roles import Role
from pathfinder.core.navigation import register_nav_item

register_nav_item("SEN2 return", "sen2:return", roles=[Role.MANAGER, Role.ADMINISTRATOR], order=52, section="Reports",
                  description="Check the return to the Department for Education before you send it, and download it.")
