from django.apps import AppConfig


class BudgetsConfig(AppConfig):
    """Personal budgets (CFA s.49; the SEND Personal Budgets Regulations 2014): asked for while a plan is drafted,
    reviewed or re-assessed, worked out by the council's resource allocation system, agreed line by line, and paid
    and spent as direct payments."""

    name = "pathfinder.budgets"
    label = "budgets"
