"""Messages' links: the outbox for the administrator and case staff; "How we contact you" for families and
advisers (staff reach it from the outbox page)."""

from pathfinder.accounts.roles import MESSAGE_READERS, Role
from pathfinder.core.navigation import register_nav_item

register_nav_item("Messages", "notifications:outbox", roles=MESSAGE_READERS, order=80)
register_nav_item("How we contact you", "notifications:preferences",
                  roles=[Role.PARENT, Role.YOUNG_PERSON, Role.ADVISER], order=80)
