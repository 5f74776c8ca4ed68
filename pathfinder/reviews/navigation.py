"""The "Reviews" link for case staff (overdue, due this term, in progress) and for a SENCO (reviews their school
runs)."""

from pathfinder.accounts.roles import CASE_STAFF, Role
from pathfinder.core.navigation import register_nav_item

register_nav_item("Reviews", "reviews:list", roles=CASE_STAFF, order=40, section="Case lists",
                  description="Reviews of EHC plans: overdue, due this term and in progress.")
register_nav_item("Reviews", "reviews:school", roles=[Role.ADVISER], order=15)
