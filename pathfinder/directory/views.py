"""The Local Offer's pages live in pathfinder.directory.web.views; this name is kept for imports."""

from pathfinder.directory.web.views import *  # noqa: F403
