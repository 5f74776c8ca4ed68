"""The "Reviews" link for case staff: reviews overdue, due this term and in progress."""

from pathfinder.accounts.roles import CASE_STAFF
from pathfinder.core.navigation import register_nav_item

register_nav_item("Reviews", "reviews:list", roles=CASE_STAFF, order=40)
