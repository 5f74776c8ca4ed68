"""Pages for budget lines, funders' agreement and agreeing the budget; and the health organisation's own page to
agree the NHS share of the lines it was asked about. Thin: each calls one service from lines.py."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from pathfinder.accounts.roles import CASE_STAFF, Role
from pathfinder.audit.services import audit_reads
from pathfinder.budgets import line_forms, lines, section_j
from pathfinder.budgets.models import BudgetLine, BudgetLineShare, Funder
from pathfinder.budgets.request_views import detail_url, request_of
from pathfinder.core.access import for_roles
from pathfinder.core.errors import ServiceError
from pathfinder.core.form_views import form_page, form_refused
from pathfinder.organisations.models import Organisation, OrganisationKind
from pathfinder.organisations.selectors import active_organisation_ids
from pathfinder.people.access import child_view
from pathfinder.people.codes import InvolvementCapacity
from pathfinder.people.involvements import involvements_active
from statutory import personal_budgets as law


def _line(budget_request, line_id: int) -> BudgetLine:
    line = budget_request.lines.filter(pk=line_id).first()
    if line is None:
        raise Http404("No such line in this personal budget")
    return line


def _line_form(request, budget_request, line: BudgetLine | None):
    initial = {"version": budget_request.version}
    if line is not None:
        shares = {s.funder: s.amount for s in line.shares.all()}
        initial.update(
            {
                "provision": str(line.provision_id or ""),
                "stream": line.stream,
                "delivery": line.delivery,
                "legal_basis": line.legal_basis,
                "yearly_amount": f"{line.yearly_amount:.2f}",
                "council_share": f"{shares[Funder.COUNCIL]:.2f}" if Funder.COUNCIL in shares else "",
                "school_share": f"{shares[Funder.SCHOOL]:.2f}" if Funder.SCHOOL in shares else "",
                "icb_share": f"{shares[Funder.ICB]:.2f}" if Funder.ICB in shares else "",
                "cannot_separate": line.cannot_separate,
                "cannot_separate_reason": line.cannot_separate_reason,
            }
        )
    return line_forms.LineForm(
        request.POST or None,
        initial=initial,
        provisions=budget_request.plan.provisions.all(),
        organisations=Organisation.objects.filter(kind=OrganisationKind.HEALTH),
    )


@for_roles(*CASE_STAFF)
@child_view("personal budget: line")
def line_edit(request: HttpRequest, child, request_id: int, line_id: int | None = None) -> HttpResponse:
    """Add a line, or change one: tied to provision in the plan, funded in shares that make its amount."""
    budget_request = request_of(child, request_id)
    line = _line(budget_request, line_id) if line_id else None
    form = _line_form(request, budget_request, line)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        organisation = Organisation.objects.filter(
            pk=data["icb_organisation"] or None, kind=OrganisationKind.HEALTH
        ).first()
        try:
            lines.budget_line_save(
                acting_user=request.user,
                budget_request=budget_request,
                expected_version=data["version"],
                provision_id=data["provision"],
                stream=data["stream"],
                delivery=data["delivery"],
                legal_basis=data["legal_basis"],
                yearly_amount=data["yearly_amount"],
                shares=form.shares(),
                cannot_separate=data["cannot_separate"],
                cannot_separate_reason=data["cannot_separate_reason"],
                icb_organisation=organisation,
                line=line,
            )
        except ServiceError as error:
            form_refused(form, error, budget_request)
        else:
            messages.success(request, "Budget line saved.")
            return redirect(detail_url(budget_request))
    return form_page(
        request,
        child=child,
        form=form,
        title="Change a budget line" if line else "Add a budget line",
        back=detail_url(budget_request),
        submit="Save the line",
        intro=[
            "Each line pays for provision in the plan. Split its amount between who pays: the shares must add up "
            "to the amount a year. A health line needs the integrated care board's agreement.",
            f"If the amount cannot be separated from a service the council buys for many children, say so and why "
            f"({law.citation(4)}).",
        ],
    )


@for_roles(*CASE_STAFF)
@child_view("personal budget: remove a line")
@require_POST
def line_remove(request: HttpRequest, child, request_id: int, line_id: int) -> HttpResponse:
    budget_request = request_of(child, request_id)
    try:
        lines.budget_line_remove(
            acting_user=request.user,
            line=_line(budget_request, line_id),
            expected_version=request.POST.get("version", "0"),
        )
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "Budget line removed.")
    return redirect(detail_url(budget_request))


@for_roles(*CASE_STAFF)
@child_view("personal budget: a funder's agreement")
def share_agree(request: HttpRequest, child, request_id: int, line_id: int) -> HttpResponse:
    """The caseworker records a funder's agreement: who agreed and when (for the ICB, when it does not use
    Pathfinder itself)."""
    budget_request = request_of(child, request_id)
    line = _line(budget_request, line_id)
    form = line_forms.ShareAgreementForm(
        request.POST or None, initial={"version": budget_request.version, "agreed_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            lines.share_agreement_record(
                acting_user=request.user,
                line=line,
                funder=data["funder"],
                expected_version=data["version"],
                agreed_by_name=data["agreed_by_name"],
                agreed_on=data["agreed_on"],
            )
        except ServiceError as error:
            form_refused(form, error, budget_request)
        else:
            messages.success(request, "Agreement recorded.")
            return redirect(detail_url(budget_request))
    return form_page(
        request,
        child=child,
        form=form,
        title="Record a funder's agreement",
        back=detail_url(budget_request),
        submit="Record the agreement",
        intro=[f"Line: {line.provision_text} (£{line.yearly_amount:,.2f} a year)."],
    )


@for_roles(*CASE_STAFF)
@child_view("personal budget: agree")
def request_agree(request: HttpRequest, child, request_id: int) -> HttpResponse:
    budget_request = request_of(child, request_id)
    form = line_forms.AgreeForm(
        request.POST or None, initial={"version": budget_request.version, "agreed_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        try:
            agreed = lines.budget_agree(
                acting_user=request.user,
                budget_request=budget_request,
                expected_version=form.cleaned_data["version"],
                agreed_on=form.cleaned_data["agreed_on"],
            )
        except ServiceError as error:
            form_refused(form, error, budget_request)
        else:
            messages.success(request, f"Personal budget agreed. {section_j.section_j_place(agreed).message} "
                                      "Now send the notice.")
            return redirect(detail_url(budget_request))
    return form_page(
        request,
        child=child,
        form=form,
        title="Agree the personal budget",
        back=detail_url(budget_request),
        submit="Agree the budget",
        intro=[
            "Every line must have its funders' shares agreed. Section J of the plan being written (the draft, "
            "or the proposed amendments to a final plan) is then written from the agreed lines."
        ],
    )


# -- the health organisation's own page ---------------------------------------------------------------------------


def _asked_request_ids(user) -> set[int]:
    """Requests whose health share an organisation this member belongs to was asked to agree (still open)."""
    rows = (
        involvements_active(timezone.localdate())
        .filter(
            capacity=InvolvementCapacity.HEALTH,
            source_type=lines.SOURCE_TYPE,
            organisation_id__in=active_organisation_ids(user),
        )
        .values_list("source_id", flat=True)
    )
    return {int(pk) for pk in rows}


@for_roles(Role.ADVISER)
def health_agreements(request: HttpRequest) -> HttpResponse:
    """NHS shares waiting for this member's organisation to agree."""
    shares = list(
        BudgetLineShare.objects.filter(funder=Funder.ICB, line__request_id__in=_asked_request_ids(request.user))
        .select_related("line__request__child")
        .order_by("agreed_on", "pk")
    )
    audit_reads(request, [s.line.request.child for s in shares], "personal budgets: NHS shares to agree")
    return render(
        request, "budgets/health_agreements.html", {"shares": shares, "page_title": "Personal budgets: NHS shares"}
    )


@for_roles(Role.ADVISER)
@child_view("personal budget: NHS agreement")
def icb_agree(request: HttpRequest, child, request_id: int, line_id: int) -> HttpResponse:
    """A member of the health organisation asked agrees the NHS share of a line, in their own name."""
    budget_request = request_of(child, request_id)
    if budget_request.pk not in _asked_request_ids(request.user):
        raise Http404("Your organisation was not asked about this personal budget")
    line = _line(budget_request, line_id)
    share = line.shares.filter(funder=Funder.ICB).first()
    if share is None:
        raise Http404("This line has no NHS share")
    form = line_forms.IcbAgreeForm(
        request.POST or None, initial={"version": budget_request.version, "agreed_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        try:
            lines.share_agreement_record(
                acting_user=request.user,
                line=line,
                funder=Funder.ICB,
                expected_version=form.cleaned_data["version"],
                agreed_by_name=request.user.display_name,
                agreed_on=form.cleaned_data["agreed_on"],
                in_pathfinder=True,
            )
        except ServiceError as error:
            form_refused(form, error, budget_request)
        else:
            messages.success(request, "You agreed the NHS share.")
            return redirect("budgets:health_agreements")
    return form_page(
        request,
        child=child,
        form=form,
        title="Agree the NHS share of a personal budget",
        back="/budgets/health/",
        submit="Agree the NHS share",
        intro=[
            f"Provision: {line.provision_text}.",
            f"The NHS share: £{share.amount:,.2f} a year of £{line.yearly_amount:,.2f}.",
            f"How it is held: {line.get_delivery_display()}. Legal basis: {line.legal_basis}.",
        ],
    )


@for_roles(*CASE_STAFF)
@require_POST
@child_view("personal budget: write section J")
def section_j_write(request: HttpRequest, child, request_id: int) -> HttpResponse:
    """Write the agreed budget's section J into the plan being written (an amendment proposed after agreeing)."""
    budget_request = request_of(child, request_id)
    try:
        plan = section_j.section_j_write_agreed(acting_user=request.user, budget_request=budget_request)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        where = "the proposed amendments" if plan.kind == "amendment" else "the draft plan"
        messages.success(request, f"Section J of {where} is now written from the agreed lines.")
    return redirect(detail_url(budget_request))
