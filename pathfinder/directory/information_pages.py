"""The council's own information pages in the Local Offer (how to ask for an assessment, travel, complaints...)."""

from __future__ import annotations

from pathfinder.core.errors import ServiceError
from pathfinder.directory.constants import InformationTopic
from pathfinder.directory.models import InformationPage
from pathfinder.directory.permissions import require_officer
from pathfinder.directory.public_cache import PAGES, local_offer_changed


def information_page_save(
    *, acting_user, slug: str, title: str, body: str, summary: str = "", topic: str = InformationTopic.OTHER,
    published: bool = True, sort_order: int = 0,
) -> InformationPage:
    """The officer creates or updates a council information page (plain text body)."""
    require_officer(acting_user)
    if not title.strip():
        raise ServiceError("Enter a title", field="title")
    if not body.strip():
        raise ServiceError("Enter the page text", field="body")
    if topic not in InformationTopic.values:
        raise ServiceError("Select a topic", field="topic")
    page, _ = InformationPage.objects.update_or_create(
        slug=slug,
        defaults={"title": title.strip(), "body": body.strip(), "summary": summary.strip(), "topic": topic,
                  "published": published, "sort_order": sort_order, "updated_by": acting_user},
    )
    local_offer_changed(PAGES)  # the page, the list of pages and the links on the search page
    return page
