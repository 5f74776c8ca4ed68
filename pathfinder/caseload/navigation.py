"""The council's administrator brings the caseload in and takes it out from the service navigation."""

from pathfinder.accounts.roles import Role
from pathfinder.core.navigation import register_nav_item

register_nav_item("Caseload import", "caseload:home", roles=(Role.ADMINISTRATOR,), order=70)
