"""Assessments' links: starting a request (case staff) and an adviser's requests (also their home page)."""

from pathfinder.accounts.roles import CASE_STAFF, Role
from pathfinder.core.navigation import register_home_page, register_nav_item

register_nav_item("New request", "assessments:request-new", roles=CASE_STAFF, order=30)
register_nav_item("Advice requests", "assessments:adviser-home", roles=[Role.ADVISER], order=10)
register_home_page(Role.ADVISER, "assessments:adviser-home")
register_nav_item("Advice backlog", "assessments:advice-backlog", roles=CASE_STAFF, order=45, section="Case lists",
                  description="Advice asked for and not yet received.")
