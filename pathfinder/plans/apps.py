from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "pathfinder.plans"
    label = "plans"

    def ready(self) -> None:
        # A withdrawn request stops the plan being written for it (the assessment does not know plans exist).
        from pathfinder.assessments.transitions import WITHDRAWAL_FOLLOW_UPS
        from pathfinder.plans.workflow import plan_stop_on_withdrawal

        if plan_stop_on_withdrawal not in WITHDRAWAL_FOLLOW_UPS:
            WITHDRAWAL_FOLLOW_UPS.append(plan_stop_on_withdrawal)
        # A re-assessment is only for a child with a final plan (the assessment does not know plans exist).
        from pathfinder.assessments.reassessment import FINAL_PLAN_CHECKS
        from pathfinder.plans.selectors import child_has_final_plan

        if child_has_final_plan not in FINAL_PLAN_CHECKS:
            FINAL_PLAN_CHECKS.append(child_has_final_plan)
        # Who may open a plan's PDF (documents does not know plans exist).
        from pathfinder.plans.plan_documents import plan_document_access_register

        plan_document_access_register()
        # Who may open a picture, recording or document sent with the child's views.
        from pathfinder.documents.access import register_document_access
        from pathfinder.documents.models import DocumentPurpose
        from pathfinder.plans.child_views import child_views_file_allowed

        register_document_access(DocumentPurpose.CHILD_VIEWS, child_views_file_allowed)
