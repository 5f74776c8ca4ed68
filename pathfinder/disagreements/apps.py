from django.apps import AppConfig


class DisagreementsConfig(AppConfig):
    """Disagreements before the Tribunal (CFA 2014 ss.51 to 55; SEND Regulations 2014 regs 32 to 42): each
    appealable decision the council makes, the notice that tells the family their rights, mediation and complaints
    to the Local Government and Social Care Ombudsman. Lower domains make the decisions; they tell this app through
    the seam in ``people.decisions`` and never import it."""

    name = "pathfinder.disagreements"
    label = "disagreements"
    verbose_name = "Disagreements"

    def ready(self) -> None:
        # The lower domains record each decision through people's seam, never importing this app.
        from pathfinder.disagreements.decisions import appealable_decision_record
        from pathfinder.disagreements.rebuild import appealable_decisions_rebuild
        from pathfinder.people.decisions import register_decision_recorder

        register_decision_recorder(appealable_decision_record, rebuild=appealable_decisions_rebuild)
        from pathfinder.disagreements.family import decision_lines_for_source
        from pathfinder.people.decisions import register_decision_lines

        register_decision_lines(decision_lines_for_source)
        # The family's case page and the child's record page show ours through their own seams.
        from pathfinder.disagreements.family import family_decisions
        from pathfinder.disagreements.record_links import disagreement_links
        from pathfinder.family.case_sections import register_case_section
        from pathfinder.people.child_pages import register_record_links

        register_case_section(family_decisions)
        register_record_links(disagreement_links)
        # The plan's page gives a review's decision to keep the plan in the family page's words.
        from pathfinder.disagreements.plan_notes import kept_after_review_notes
        from pathfinder.plans.plan_notes import register_plan_notes

        register_plan_notes(kept_after_review_notes)
