"""Case staff's pages for a direct payment: propose it, record consent, conditions and holding, send the agreement,
record it signed, review, refuse or stop. Thin: each calls one service from direct_payments.py."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from pathfinder.accounts.roles import CASE_STAFF
from pathfinder.budgets import direct_payment_forms as dp_forms
from pathfinder.budgets import direct_payments as services
from pathfinder.budgets.agreement_documents import direct_payment_agreement_attach as attach_agreement
from pathfinder.budgets.models_money import DirectPayment
from pathfinder.budgets.request_views import detail_url, request_of
from pathfinder.budgets.workflow import DIRECT_PAYMENT_WORKFLOW
from pathfinder.core.access import for_roles
from pathfinder.core.errors import ServiceError
from pathfinder.core.form_views import form_page, form_refused, move_page
from pathfinder.documents.uploads import upload_refusals
from pathfinder.people.access import child_view
from statutory import personal_budgets as law


def _dp(budget_request, direct_payment_id: int) -> DirectPayment:
    dp = budget_request.direct_payments.filter(pk=direct_payment_id).first()
    if dp is None:
        raise Http404("No such direct payment for this personal budget")
    return dp


def dp_url(dp: DirectPayment) -> str:
    return reverse(
        "budgets:direct_payment_detail",
        kwargs={"child_id": dp.request.child_id, "request_id": dp.request_id, "direct_payment_id": dp.pk},
    )


@for_roles(*CASE_STAFF)
@child_view("direct payment: propose")
def dp_propose(request: HttpRequest, child, request_id: int) -> HttpResponse:
    budget_request = request_of(child, request_id)
    form = dp_forms.ProposeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            dp = services.direct_payment_propose(
                acting_user=request.user, budget_request=budget_request, **form.cleaned_data
            )
        except ServiceError as error:
            form_refused(form, error)
        else:
            messages.success(request, "Direct payment proposed. Now record consent and the conditions.")
            return redirect(dp_url(dp))
    return form_page(
        request,
        child=child,
        form=form,
        title="Set up a direct payment",
        back=detail_url(budget_request),
        submit="Propose the direct payment",
        intro=[
            f"Who may receive a direct payment: the parent, the young person, a nominee they choose, or "
            f"a representative for a young person who lacks capacity ({law.citation(5)})."
        ],
    )


@for_roles(*CASE_STAFF)
@child_view("direct payment")
def direct_payment_detail(request: HttpRequest, child, request_id: int, direct_payment_id: int) -> HttpResponse:
    budget_request = request_of(child, request_id)
    dp = _dp(budget_request, direct_payment_id)
    return render(
        request,
        "budgets/direct_payment_detail.html",
        {
            "child": child,
            "r": budget_request,
            "dp": dp,
            "dp_lines": list(dp.lines.all()),
            "problems": law.agreement_problems(services.dp_facts(dp)) if dp.status == "proposed" else [],
            "moves": {m.action for m in DIRECT_PAYMENT_WORKFLOW.allowed(dp)},
            "review_rule": services.review_rule(),
            "back_url": detail_url(budget_request),
            "page_title": f"Direct payment: {child.full_name}",
        },
    )


@for_roles(*CASE_STAFF)
@child_view("direct payment: consent, conditions and holding")
def dp_details(request: HttpRequest, child, request_id: int, direct_payment_id: int) -> HttpResponse:
    dp = _dp(request_of(child, request_id), direct_payment_id)
    fields = dp_forms.DetailsForm.base_fields
    initial = {name: getattr(dp, name) for name in fields if hasattr(dp, name)}
    form = dp_forms.DetailsForm(
        request.POST or None,
        initial={**initial, "version": dp.version, "prepaid_card_chosen": dp.holding == "prepaid_card"},
    )
    if request.method == "POST" and form.is_valid():
        values = dict(form.cleaned_data)
        version = values.pop("version")
        values["holding"] = values["holding"] or ""
        try:
            services.direct_payment_details_save(acting_user=request.user, dp=dp, expected_version=version, **values)
        except ServiceError as error:
            form_refused(form, error, dp)
        else:
            messages.success(request, "Saved.")
            return redirect(dp_url(dp))
    return form_page(
        request,
        child=child,
        form=form,
        title="Consent, conditions and how the money is held",
        back=dp_url(dp),
        intro=[
            f"The council must be satisfied of each condition ({law.citation(6)}). Provision on a "
            f"school's or college's premises needs the head teacher's or principal's agreement, and a "
            f"direct payment cannot pay for a school or college place ({law.COP_9_119}). A prepaid card "
            f"is used only if the family chooses it."
        ],
    )


def _move(request: HttpRequest, child, dp: DirectPayment, **page) -> HttpResponse:
    """One move of the direct payment's workflow, confirmed on its own page (core.form_views.move_page)."""
    return move_page(request, record=dp, next_url=dp_url(dp), caption=child.full_name, child=child, **page)


@for_roles(*CASE_STAFF)
@child_view("direct payment: send the agreement")
def dp_send(request: HttpRequest, child, request_id: int, direct_payment_id: int) -> HttpResponse:
    dp = _dp(request_of(child, request_id), direct_payment_id)
    return _move(
        request,
        child,
        dp,
        form_class=dp_forms.SendForm,
        act=lambda dp, d: services.direct_payment_agreement_send(
            acting_user=request.user, dp=dp, expected_version=d["version"], sent_on=d["sent_on"]
        ),
        done="Agreement sent.",
        title="Send the agreement to sign",
        intro=["No payment is made until the agreement is signed."],
        submit="Send the agreement",
        initial={"sent_on": timezone.localdate()},
    )


@for_roles(*CASE_STAFF)
@child_view("direct payment: signed")
def dp_sign(request: HttpRequest, child, request_id: int, direct_payment_id: int) -> HttpResponse:
    """The date it was signed, and (optionally) the signed agreement itself as a file."""
    dp = _dp(request_of(child, request_id), direct_payment_id)
    form = dp_forms.SignForm(request.POST or None, request.FILES or None, **upload_refusals(request),
                             initial={"version": dp.version, "signed_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.direct_payment_sign(acting_user=request.user, dp=dp, expected_version=data["version"],
                                         signed_on=data["signed_on"], document=data["document"])
        except ServiceError as error:
            form_refused(form, error, dp)
        else:
            messages.success(request, "Agreement signed: the direct payment is active.")
            return redirect(dp_url(dp))
    return form_page(request, child=child, form=form, title="Record the signed agreement", back=dp_url(dp),
                     intro=[services.review_rule()], submit="Record it signed", multipart=True)


@for_roles(*CASE_STAFF)
@child_view("direct payment: signed agreement")
def dp_agreement(request: HttpRequest, child, request_id: int, direct_payment_id: int) -> HttpResponse:
    """Add the signed agreement after the date was recorded (or replace a wrong file)."""
    dp = _dp(request_of(child, request_id), direct_payment_id)
    form = dp_forms.AgreementDocumentForm(request.POST or None, request.FILES or None, **upload_refusals(request),
                                          initial={"version": dp.version})
    if request.method == "POST" and form.is_valid():
        try:
            attach_agreement(acting_user=request.user, dp=dp, expected_version=form.cleaned_data["version"],
                             upload=form.cleaned_data["document"])
        except ServiceError as error:
            form_refused(form, error, dp)
        else:
            messages.success(request, "Signed agreement added. It can be opened once the virus check is done.")
            return redirect(dp_url(dp))
    signed = f"It was signed on {dp.agreement_signed_on:%-d %B %Y}." if dp.agreement_signed_on else ""
    return form_page(request, child=child, form=form, title="Upload the signed agreement", back=dp_url(dp),
                     intro=[f"{signed} The family can open it from their direct payment page."], submit="Upload it",
                     multipart=True)


@for_roles(*CASE_STAFF)
@child_view("direct payment: review")
def dp_review(request: HttpRequest, child, request_id: int, direct_payment_id: int) -> HttpResponse:
    dp = _dp(request_of(child, request_id), direct_payment_id)
    return _move(
        request,
        child,
        dp,
        form_class=dp_forms.ReviewForm,
        act=lambda dp, d: services.direct_payment_review_record(
            acting_user=request.user, dp=dp, expected_version=d["version"], reviewed_on=d["reviewed_on"]
        ),
        done="Review recorded.",
        title="Record a review of the direct payment",
        intro=[services.review_rule()],
        submit="Record the review",
        initial={"reviewed_on": timezone.localdate()},
    )


@for_roles(*CASE_STAFF)
@child_view("direct payment: refuse")
def dp_refuse(request: HttpRequest, child, request_id: int, direct_payment_id: int) -> HttpResponse:
    dp = _dp(request_of(child, request_id), direct_payment_id)
    return _move(
        request,
        child,
        dp,
        form_class=dp_forms.RefuseForm,
        act=lambda dp, d: services.direct_payment_refuse(
            acting_user=request.user, dp=dp, expected_version=d["version"], reasons=d["reasons"]
        ),
        done="Refusal recorded. The family has been told.",
        title="Refuse the direct payment",
        intro=[f"The family is told why in writing and can ask for the decision to be reviewed ({law.citation(7)})."],
        submit="Refuse and tell the family",
    )


@for_roles(*CASE_STAFF)
@child_view("direct payment: stop")
def dp_stop(request: HttpRequest, child, request_id: int, direct_payment_id: int) -> HttpResponse:
    dp = _dp(request_of(child, request_id), direct_payment_id)
    return _move(
        request,
        child,
        dp,
        form_class=dp_forms.StopForm,
        act=lambda dp, d: services.direct_payment_stop(
            acting_user=request.user, dp=dp, expected_version=d["version"], reason=d["reason"], reasons=d["reasons"]
        ),
        done="Direct payment stopped. The family has been told.",
        title="Stop the direct payment",
        intro=[
            f"A direct payment stops if the recipient withdraws consent ({law.CFA_49}(4)), or if the "
            f"conditions are no longer met ({law.citation(11)})."
        ],
        submit="Stop the direct payment",
    )
