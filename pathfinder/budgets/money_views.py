"""Pages for a direct payment's money (/children/<child>/budgets/direct-payments/<dp>/money/...): the caseworker's
page with payments, spending, statements, alerts and money taken back; a form for each act; and the family's own
page. Thin: each page parses its form, calls one service from payments.py or spending.py and shows a refusal on
the form."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from pathfinder.accounts.roles import CASE_STAFF, FAMILY_ROLES
from pathfinder.budgets import money_forms as forms
from pathfinder.budgets import payments, spending
from pathfinder.budgets.alerts import alerts_for
from pathfinder.budgets.models_money import DirectPayment, PaymentStatus
from pathfinder.budgets.statements import StatementError
from pathfinder.core.access import for_roles
from pathfinder.core.errors import ServiceError
from pathfinder.core.form_views import form_refused
from pathfinder.core.forms import form_add_service_error
from pathfinder.documents.uploads import upload_refusals
from pathfinder.people.access import child_view


def _dp(child, direct_payment_id: int) -> DirectPayment:
    dp = (DirectPayment.objects.filter(pk=direct_payment_id, request__child=child).select_related("request__child")
          .prefetch_related("lines").first())
    if dp is None:
        raise Http404("No such direct payment for this child")
    return dp


def _url(dp: DirectPayment) -> str:
    return reverse("budgets:money", kwargs={"child_id": dp.request.child_id, "direct_payment_id": dp.pk})


def _lines(dp: DirectPayment) -> list[tuple[int, str]]:
    return [(line.pk, f"{line.get_stream_display()}: {line.provision_text[:90]} (£{line.yearly_amount:,.2f} a year)")
            for line in dp.lines.all()]


def _form_page(request, *, child, dp, form, title: str, intro: list[str], **extra) -> HttpResponse:
    return render(request, extra.pop("template", "core/form_page.html"), {
        "child": child, "dp": dp, "form": form, "page_title": title, "caption": child.full_name, "intro": intro,
        "back_url": _url(dp), **extra})


@for_roles(*CASE_STAFF)
@child_view("direct payment money")
def money(request: HttpRequest, child, direct_payment_id: int) -> HttpResponse:
    """Everything about the money: the summary, alerts, payments, spending to match, statements, money taken back."""
    dp = _dp(child, direct_payment_id)
    today = timezone.localdate()
    return render(request, "budgets/money/page.html", {
        "child": child, "dp": dp, "summary": spending.money_summary(dp), "signed": payments.agreement_in_force(dp),
        "alerts": alerts_for(DirectPayment.objects.filter(pk=dp.pk), today),
        "payments": list(dp.payments.all()), "schedules": list(dp.schedules.all()),
        "spending": list(dp.spending.select_related("line", "statement")[:200]),
        "unmatched": list(dp.spending.filter(line__isnull=True).order_by("spent_on", "pk")),
        "statements": list(dp.statements.order_by("-imported_on", "-pk")),
        "recoveries": list(dp.recoveries.order_by("-family_told_on", "-pk")),
        "unsigned_reason": payments.UNSIGNED_REASON, "PaymentStatus": PaymentStatus,
        "page_title": f"Direct payment money: {child.full_name}",
    })


@for_roles(*CASE_STAFF)
@child_view("direct payment money: set up the payments")
def schedule(request: HttpRequest, child, direct_payment_id: int) -> HttpResponse:
    dp = _dp(child, direct_payment_id)
    form = forms.ScheduleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            payments.schedule_set_up(acting_user=request.user, direct_payment=dp, **form.cleaned_data)
        except ServiceError as error:
            form_add_service_error(form, error)
        else:
            held = "" if payments.agreement_in_force(dp) else " They are held until the agreement is signed."
            messages.success(request, f"Payments set up.{held}")
            return redirect(_url(dp))
    intro = ["The year's payments are written from the first payment."]
    if not payments.agreement_in_force(dp):
        intro.append(payments.UNSIGNED_REASON)
    return _form_page(request, child=child, dp=dp, form=form, title="Set up the payments", intro=intro)


@for_roles(*CASE_STAFF)
@child_view("direct payment money: record a payment")
def pay(request: HttpRequest, child, direct_payment_id: int, payment_id: int) -> HttpResponse:
    dp = _dp(child, direct_payment_id)
    payment = dp.payments.filter(pk=payment_id).first()
    if payment is None:
        raise Http404("No such payment")
    form = forms.PaidForm(request.POST or None, initial={"version": payment.version, "paid_on": payment.due_on})
    if request.method == "POST" and form.is_valid():
        try:
            payments.payment_record_paid(acting_user=request.user, payment=payment,
                                         expected_version=form.cleaned_data["version"],
                                         paid_on=form.cleaned_data["paid_on"],
                                         reference=form.cleaned_data["reference"])
        except ServiceError as error:
            form_refused(form, error, payment)
        else:
            messages.success(request, f"Payment of £{payment.amount:,.2f} recorded as paid.")
            return redirect(_url(dp))
    return _form_page(request, child=child, dp=dp, form=form, title=f"Record the payment of £{payment.amount:,.2f}",
                      intro=[f"Due on {payment.due_on:%-d %B %Y}."], submit_text="Record as paid")


@for_roles(*CASE_STAFF)
@require_POST
@child_view("direct payment money: check the payments")
def check_payments(request: HttpRequest, child, direct_payment_id: int) -> HttpResponse:
    dp = _dp(child, direct_payment_id)
    changed = payments.payments_bring_into_line(acting_user=request.user, direct_payment=dp)
    messages.success(request, f"{changed} payment{'s' if changed != 1 else ''} changed." if changed
                     else "Every payment is already right for the agreement.")
    return redirect(_url(dp))


@for_roles(*CASE_STAFF)
@child_view("direct payment money: record spending")
def spend_add(request: HttpRequest, child, direct_payment_id: int) -> HttpResponse:
    dp = _dp(child, direct_payment_id)
    form = forms.SpendForm(request.POST or None, lines=_lines(dp))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            spending.spend_record(acting_user=request.user, direct_payment=dp, line_id=data["line"],
                                  spent_on=data["spent_on"], amount=data["amount"], payee=data["payee"],
                                  description=data["description"])
        except ServiceError as error:
            form_add_service_error(form, error)
        else:
            messages.success(request, "Spending recorded.")
            return redirect(_url(dp))
    return _form_page(request, child=child, dp=dp, form=form, title="Record spending",
                      intro=["From a receipt or an invoice the family sent."])


@for_roles(*CASE_STAFF)
@child_view("direct payment money: match spending")
def spend_match(request: HttpRequest, child, direct_payment_id: int, spend_id: int) -> HttpResponse:
    dp = _dp(child, direct_payment_id)
    spend = dp.spending.filter(pk=spend_id).first()
    if spend is None:
        raise Http404("No such spending")
    form = forms.MatchForm(request.POST or None, lines=_lines(dp),
                           initial={"line": str(spend.line_id) if spend.line_id else None})
    if request.method == "POST" and form.is_valid():
        try:
            spending.spend_match(acting_user=request.user, spend=spend, line_id=form.cleaned_data["line"])
        except ServiceError as error:
            form_add_service_error(form, error)
        else:
            messages.success(request, f"£{spend.amount:,.2f} to {spend.payee} matched.")
            return redirect(_url(dp))
    return _form_page(request, child=child, dp=dp, form=form, title=f"Match £{spend.amount:,.2f} to {spend.payee}",
                      intro=[f"Spent on {spend.spent_on:%-d %B %Y}. {spend.description}".strip()],
                      submit_text="Match")


@for_roles(*CASE_STAFF)
@child_view("direct payment money: statement")
def statement_upload(request: HttpRequest, child, direct_payment_id: int) -> HttpResponse:
    """Upload a statement: the first post is the dry run (a preview with every row and its match, nothing
    written); the preview's button posts the same file back to ``statement_import``."""
    dp = _dp(child, direct_payment_id)
    form = forms.StatementUploadForm(request.POST or None, request.FILES or None, **upload_refusals(request))
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        try:
            preview = spending.statement_preview(direct_payment=dp, data=data)
        except StatementError as error:
            form.add_error("file", error.message)
            problems = error.problems
        else:
            return render(request, "budgets/money/preview.html", {
                "child": child, "dp": dp, "preview": preview, "back_url": _url(dp),
                "confirm": forms.StatementImportForm(initial={
                    "statement": forms.StatementImportForm.carry(upload.name, data)}),
                "page_title": "Check the statement before importing it"})
    return _form_page(request, child=child, dp=dp, form=form, title="Import a statement", multipart=True,
                      template="budgets/money/upload.html", problems=problems, submit_text="Check the statement",
                      intro=["Nothing is saved until you have checked the rows on the next page."])


@for_roles(*CASE_STAFF)
@require_POST
@child_view("direct payment money: import a statement")
def statement_import(request: HttpRequest, child, direct_payment_id: int) -> HttpResponse:
    dp = _dp(child, direct_payment_id)
    confirm = forms.StatementImportForm(request.POST)
    message, problems = "Upload the statement again", []
    if confirm.is_valid():
        try:
            file_name, data = confirm.cleaned_data["statement"]
            statement = spending.statement_import(acting_user=request.user, direct_payment=dp, data=data,
                                                  file_name=file_name, today=timezone.localdate())
        except StatementError as error:
            message, problems = error.message, error.problems
        else:
            left = (f" {statement.unmatched_rows} to match by hand." if statement.unmatched_rows
                    else " Every row is matched.")
            messages.success(request, f"Statement imported: {spending.rows_text(statement.rows)}.{left}")
            return redirect(_url(dp))
    form = forms.StatementUploadForm(data={})
    form.is_valid()
    form.errors["file"] = form.error_class([message])
    return _form_page(request, child=child, dp=dp, form=form, title="Import a statement", multipart=True,
                      template="budgets/money/upload.html", problems=problems, submit_text="Check the statement",
                      intro=["Nothing was imported."])


@for_roles(*CASE_STAFF)
@child_view("direct payment money: take back unspent money")
def recover(request: HttpRequest, child, direct_payment_id: int) -> HttpResponse:
    dp = _dp(child, direct_payment_id)
    summary = spending.money_summary(dp)
    form = forms.RecoveryForm(request.POST or None, initial={"told_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            spending.surplus_recover(acting_user=request.user, direct_payment=dp, amount=data["amount"],
                                     reason=data["reason"], told_on=data["told_on"])
        except ServiceError as error:
            form_add_service_error(form, error)
        else:
            messages.success(request, "Recorded. The family has been told, and can read why on their page.")
            return redirect(_url(dp))
    return _form_page(request, child=child, dp=dp, form=form, title="Take back unspent money", intro=[
        f"Paid £{summary.paid:,.2f}, spent £{summary.spent:,.2f}, already taken back £{summary.recovered:,.2f}: "
        f"£{summary.unspent:,.2f} is not spent.",
        "Talk to the family first: they may have plans for it. They are sent a message saying the money is being "
        "taken back; the amount and your reason are on their page."], submit_text="Take back and tell the family")


@for_roles(*FAMILY_ROLES)
@child_view("direct payment money (family)")
def family_money(request: HttpRequest, child, direct_payment_id: int) -> HttpResponse:
    """The family's page: what the council paid, what was spent, and any money taken back, with the reason."""
    dp = _dp(child, direct_payment_id)
    return render(request, "budgets/money/family.html", {
        "child": child, "dp": dp, "summary": spending.money_summary(dp), "signed": payments.agreement_in_force(dp),
        "payments": list(dp.payments.exclude(status=PaymentStatus.CANCELLED)),
        "spending": list(dp.spending.select_related("line")[:200]),
        "recoveries": list(dp.recoveries.order_by("-family_told_on", "-pk")),
        "page_title": "Your direct payment",
    })
