"""Print the demo sign-ins: who to sign in as and what to try first."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from pathfinder.accounts.demo import DEMO_PASSWORD, DEMO_USERS
from pathfinder.accounts.models import User
from pathfinder.assessments.letters import period_text

TRY_FIRST = {
    "caseworker": "Your caseload: open cases, what is due this week, overdue advice, appeal responses and "
                  "Tribunal order duties; Messages: letters to print",
    "manager": f"Timeliness: decisions in {period_text('decision_to_assess')} and plans in "
               f"{period_text('final_plan')}, by team",
    "adviser": "Advice you have been asked for; you run the educational psychology service's queue",
    "senco": "Brookfield Primary's advice queue: take a request, give structured advice; manage colleagues",
    "parent": "Your child's draft EHC plan, and the date to comment by",
    "young.person": "Your own EHC plan (you are 17, so the decisions are yours)",
    "admin": "Messages at /messages/: what families were told (the outbox: nothing is sent without a Notify key)",
    "provider": "Your organisation's Local Offer services",
    "localoffer": "Local Offer services waiting for approval or a yearly check",
    "mediator": "Mediations the council referred to your service: arrange, hold, the agreement and certificates",
}


class Command(BaseCommand):
    help = "List the demo sign-ins (one per role) and what to try first."

    def handle(self, *args, **options) -> None:
        present = set(User.objects.filter(username__in=[u[0] for u in DEMO_USERS]).values_list("username", flat=True))
        if not present:
            self.stdout.write("No demo sign-ins yet: run `make demo` to load the demo county.")
            return
        rows = [("Role", "Username", "Password", "Try first")]
        for username, role, *_ in DEMO_USERS:
            if username in present:
                rows.append((role.label.split(" (")[0], username, DEMO_PASSWORD, TRY_FIRST[username]))
        widths = [max(len(r[i]) for r in rows) for i in range(3)]
        self.stdout.write("")
        self.stdout.write("Demo sign-ins (made-up people; staff sign in without a second factor in the demo only):")
        for i, row in enumerate(rows):
            self.stdout.write("  " + "  ".join(c.ljust(w) for c, w in zip(row[:3], widths, strict=True)) + "  " + row[3])
            if i == 0:
                self.stdout.write("  " + "  ".join("-" * w for w in widths) + "  " + "-" * 9)
        self.stdout.write("")
