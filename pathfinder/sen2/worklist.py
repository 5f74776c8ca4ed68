"""SEN2 problems on the caseworker's own cases, all year, not in January (see core.worklist).

Built for the caseworker's children only (sen2.services.caseworker_return: the same queries as the council's
return, limited to their cases), so a page view costs a few queries, not the council's return. Each problem is
due on the next census day and is never shown as overdue: it is a correction to make before the return goes.
"""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from pathfinder.accounts.roles import Role
from pathfinder.core.worklist import WorklistItem, register_worklist_provider
from pathfinder.people.models import Child
from pathfinder.sen2.census import next_census
from pathfinder.sen2.rules import return_problems
from pathfinder.sen2.services import caseworker_return

GUIDE_URL = "https://www.gov.uk/government/publications/special-educational-needs-person-level-survey-guide"


@register_worklist_provider
def sen2_problems(user, today: date) -> list[WorklistItem]:
    """Each rule a case of the user's breaks in the next return, once per child and rule."""
    if getattr(user, "role", None) != Role.CASEWORKER:
        return []
    census = next_census(today)
    sen2_return = caseworker_return(user, census)
    problems = {(p.child_id, p.rule_id): p for p in return_problems(sen2_return)}
    # The child as the worklist shows it (name and link), from the names the return read: no query of its own.
    children = {person.child_id: Child(pk=person.child_id, legal_first_name=person.forename,
                                       legal_last_name=person.surname, preferred_name=person.known_as)
                for person in sen2_return.persons}
    return [
        WorklistItem(child=children[problem.child_id], title=f"SEN2: {problem.message}", due=census,
                     url=reverse("people:child", kwargs={"child_id": problem.child_id}),
                     reason=f"DfE SEN2 return, check {problem.rule_id}", reason_url=GUIDE_URL, today=today,
                     overdue=False, sort_key=(children[problem.child_id].legal_last_name, problem.child_id))
        for problem in problems.values()
    ]
