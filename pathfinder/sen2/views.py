"""The manager's SEN2 return page (/returns/sen2/): headline figures beside the DfE's, problems, the XML.

Administrators see the figures and how many problems each check finds; the names of children with problems and
the XML (every child's record) are for managers, who may see every child.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from pathfinder.accounts.roles import Role
from pathfinder.audit.services import audit_reads
from pathfinder.core.access import for_roles
from pathfinder.people.models import Child
from pathfinder.sen2.census import activity_year, next_census
from pathfinder.sen2.forms import CensusForm
from pathfinder.sen2.headline import headline
from pathfinder.sen2.published import comparison
from pathfinder.sen2.rules import RULES, Problem, return_problems
from pathfinder.sen2.services import council_return, return_download

SHOWN_PER_CHECK = 25


@dataclass(frozen=True)
class CheckGroup:
    rule_id: str
    message: str
    count: int
    children: tuple[Child, ...]  # the first SHOWN_PER_CHECK (managers only)


def _census(request: HttpRequest) -> tuple[CensusForm, date]:
    census = next_census(timezone.localdate())
    chosen = any(key.startswith("census-") for key in request.GET)
    form = CensusForm(request.GET if chosen else None, initial={"census": census})
    if form.is_bound and form.is_valid():
        census = form.cleaned_data["census"]
    return form, census


def _query(census: date) -> str:
    return urlencode({"census-day": census.day, "census-month": census.month, "census-year": census.year})


def _groups(problems: list[Problem], with_names: bool) -> list[CheckGroup]:
    by_rule: dict[str, list[int]] = {}
    for problem in problems:
        children = by_rule.setdefault(problem.rule_id, [])
        if problem.child_id not in children:
            children.append(problem.child_id)
    shown = {cid for ids in by_rule.values() for cid in ids[:SHOWN_PER_CHECK]} if with_names else set()
    children = Child.objects.in_bulk(shown)
    return [CheckGroup(rule.id, rule.message, len(by_rule[rule.id]),
                       tuple(children[cid] for cid in by_rule[rule.id][:SHOWN_PER_CHECK] if cid in children))
            for rule in RULES if rule.id in by_rule]


@for_roles(Role.MANAGER, Role.ADMINISTRATOR)
def return_page(request: HttpRequest) -> HttpResponse:
    form, census = _census(request)
    sen2_return = council_return(census)
    figures = headline(sen2_return)
    with_names = request.user.role == Role.MANAGER
    groups = _groups(return_problems(sen2_return), with_names)
    audit_reads(request, [child for group in groups for child in group.children], "SEN2 return problems")
    start, end = activity_year(census)
    return render(request, "sen2/return.html", {
        "page_title": "SEN2 return", "form": form, "census": census, "year_start": start, "year_end": end,
        "headline": figures, "comparison": comparison(figures, settings.COUNCIL_LA_CODE), "groups": groups,
        "persons": len(sen2_return.persons), "with_names": with_names, "query": _query(census),
        "lea": settings.COUNCIL_LA_CODE,
    })


@for_roles(Role.MANAGER)
def return_download_xml(request: HttpRequest) -> HttpResponse:
    form = CensusForm(request.GET)
    if not form.is_valid():
        return redirect(reverse("sen2:return") + "?" + request.GET.urlencode())
    census = form.cleaned_data["census"]
    response = StreamingHttpResponse(return_download(request, council_return(census)),
                                     content_type="application/xml; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="sen2-{settings.COUNCIL_LA_CODE}-{census}.xml"'
    return response
