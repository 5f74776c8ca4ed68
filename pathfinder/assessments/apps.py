from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "pathfinder.assessments"
    label = "assessments"

    def ready(self) -> None:
        # An adviser's view of a child is their advice requests (people does not know assessments exist).
        from pathfinder.accounts.roles import Role
        from pathfinder.assessments.advice_views import child_for_adviser
        from pathfinder.people.child_pages import register_child_page

        register_child_page(Role.ADVISER, child_for_adviser)
        # Who may open advice documents (documents does not know assessments exist).
        from pathfinder.assessments.advice_documents import advice_document_access_register

        advice_document_access_register()

        # A member leaving an organisation hands their open advice requests on (organisations owns the seam).
        from pathfinder.assessments.organisation_work import member_advice_pass_on, member_open_advice_count
        from pathfinder.organisations.handovers import register_work_kind

        register_work_kind("advice requests", open_work=member_open_advice_count, handover=member_advice_pass_on)
