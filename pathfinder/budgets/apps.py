from django.apps import AppConfig


class BudgetsConfig(AppConfig):
    """Personal budgets (CFA s.49; the SEND Personal Budgets Regulations 2014): asked for while a plan is drafted,
    reviewed or re-assessed, worked out by the council's resource allocation system, agreed line by line, and paid
    and spent as direct payments."""

    name = "pathfinder.budgets"
    label = "budgets"

    def ready(self) -> None:
        # Money (helper E): the manager's figures link, the caseworker's money alerts, the family's message kind.
        # core.navigation, core.worklist and notifications discover only modules with their own names.
        from pathfinder.budgets import messages_money, navigation_money, worklist_money  # noqa: F401
