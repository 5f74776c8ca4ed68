"""People's part in messages: which children's messages a member of staff may see (notifications.scope)."""

from pathfinder.notifications.scope import register_child_scope
from pathfinder.people.models import Child
from pathfinder.people.selectors import children_visible_to

register_child_scope(
    visible=lambda user, today: children_visible_to(user, today=today),
    by_ids=lambda ids: Child.objects.filter(pk__in=list(ids)),
)
