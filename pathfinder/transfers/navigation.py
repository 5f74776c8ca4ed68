"""Case staff reach the moves between councils (to send, and to import) from the service navigation."""

from pathfinder.accounts.roles import CASE_STAFF
from pathfinder.core.navigation import register_nav_item

register_nav_item("Council moves", "transfers:list", roles=CASE_STAFF, order=55, section="Case lists",
                  description="Plans to send to another council when a family moves, and plans sent to us.")
