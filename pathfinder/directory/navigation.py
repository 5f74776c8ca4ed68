"""The Local Offer's links for its staff: a provider's services and the officer's approvals (their home pages).

The public "Local Offer" link everyone sees is added by pathfinder.core.navigation itself.
"""

from pathfinder.accounts.roles import Role
from pathfinder.core.navigation import register_home_page, register_nav_item

register_nav_item("Your services", "directory:provider-home", roles=[Role.PROVIDER], order=10)
register_nav_item("Approvals", "directory:officer-home", roles=[Role.LOCAL_OFFER_OFFICER], order=10)
register_home_page(Role.PROVIDER, "directory:provider-home")
register_home_page(Role.LOCAL_OFFER_OFFICER, "directory:officer-home")
