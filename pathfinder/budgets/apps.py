from django.apps import AppConfig


class BudgetsConfig(AppConfig):
    """Personal budgets (CFA s.49; the SEND Personal Budgets Regulations 2014): asked for while a plan is drafted,
    reviewed or re-assessed, worked out by the council's resource allocation system, agreed line by line, and paid
    and spent as direct payments."""

    name = "pathfinder.budgets"
    label = "budgets"

    def ready(self) -> None:
        # Plans do not know budgets exist: section J and the plan's page learn of the budget through plans' seams.
        from pathfinder.budgets import request_messages  # noqa: F401  (the family's messages)
        from pathfinder.budgets.plan_notes import budget_notes
        from pathfinder.budgets.section_j import plan_section_j_source
        from pathfinder.plans.plan_notes import register_plan_notes
        from pathfinder.plans.section_j_source import register_section_j_source

        register_plan_notes(budget_notes)
        # Who may open a signed direct payment agreement (documents does not know budgets exist).
        from pathfinder.budgets.agreement_documents import agreement_document_access_register

        agreement_document_access_register()
        register_section_j_source(plan_section_j_source)
        # Each part's own modules: the money links, the caseworker's money alerts and the family's message kinds
        # (core.navigation, core.worklist and notifications discover only modules with their own names).
        from pathfinder.budgets import messages_money, navigation_money, worklist_money  # noqa: F401
