from django.apps import AppConfig


class DisagreementsConfig(AppConfig):
    """Disagreements before the Tribunal (CFA 2014 ss.51 to 55; SEND Regulations 2014 regs 32 to 42): each
    appealable decision the council makes, the notice that tells the family their rights, mediation and complaints
    to the Local Government and Social Care Ombudsman. Lower domains make the decisions; they tell this app through
    the seam in ``people.decisions`` and never import it."""

    name = "pathfinder.disagreements"
    label = "disagreements"
    verbose_name = "Disagreements"
