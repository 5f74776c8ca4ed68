from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class CoreConfig(AppConfig):
    name = "pathfinder.core"
    label = "core"

    def ready(self) -> None:
        # Each app plugs its navigation links, home pages and worklist providers in from its own
        # navigation.py and worklist.py (see pathfinder.core.navigation and pathfinder.core.worklist), and the
        # jobs `run_daily_jobs` runs from daily_jobs.py (pathfinder.core.daily_jobs).
        autodiscover_modules("navigation", "worklist", "daily_jobs")
