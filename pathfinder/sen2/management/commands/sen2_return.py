"""manage.py sen2_return --census-date 2027-01-21 --output sen2.xml: the SEN2 return as the DfE's XML."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from config.jinja2env import plural
from pathfinder.sen2.headline import headline
from pathfinder.sen2.rules import return_problems, rule_messages
from pathfinder.sen2.services import council_return
from pathfinder.sen2.xml import schema_problems, xml_bytes


class Command(BaseCommand):
    help = "Write the council's SEN2 return for a census day as XML, checked against the schema and the rules."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--census-date", required=True, help="The census day, YYYY-MM-DD (e.g. 2027-01-21)")
        parser.add_argument("--output", required=True, help="The XML file to write")

    def handle(self, *args, census_date: str, output: str, **options) -> None:
        try:
            census = date.fromisoformat(census_date)
        except ValueError:
            raise CommandError(f"--census-date {census_date!r} is not a date: write it as YYYY-MM-DD, for example "
                               "2027-01-21.") from None
        sen2_return = council_return(census)
        content = xml_bytes(sen2_return)
        invalid = schema_problems(content) if sen2_return.persons else ["The return has nobody in it."]
        if invalid:
            raise CommandError("The XML does not validate against the SEN2 schema:\n" + "\n".join(invalid[:20]))
        Path(output).write_bytes(content)
        figures = headline(sen2_return)
        requests = sum(len(person.requests) for person in sen2_return.persons)
        self.stdout.write(f"Wrote {output}: census {census:%-d %B %Y}, "
                          f"{plural(len(sen2_return.persons), 'person', 'people')}, {plural(requests, 'request')}, "
                          f"{plural(figures.active_plans, 'plan')} in force.")
        self.stdout.write(f"In {figures.year}: {plural(figures.requests, 'request')} received, "
                          f"{plural(figures.new_plans, 'new plan')}, {plural(figures.review_meetings, 'review meeting')}.")
        problems = Counter(problem.rule_id for problem in return_problems(sen2_return))
        if not problems:
            self.stdout.write("No problems found by the validation rules.")
        messages = rule_messages()
        for rule_id, count in sorted(problems.items()):
            self.stdout.write(f"  {rule_id} ({count:,}): {messages[rule_id]}")
