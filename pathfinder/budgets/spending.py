"""Spending in: what the family spent from the direct payment, recorded by hand or imported from a statement, and
matched to the budget line it bought; and surplus money the council takes back, with the family told why.

Matching a statement's rows (the rules, in order; the first that fits wins, and the preview shows which):

1. **Paid before**: a payee already matched to a line on this direct payment (by hand or by a rule) is matched to
   the same line again. Caseworkers match a new carer or club once; after that it is automatic.
2. **Named in the line**: the payee is named in the line's provision (for example "Riverside Riding for the
   Disabled" in "Weekly riding lesson at Riverside Riding for the Disabled").
3. **The only line**: a direct payment for a single line, and the payee is one this family has not paid before,
   is **not** matched: a supermarket or a cash withdrawal must be looked at, not assumed.

Everything else is kept as unmatched spending, listed for the caseworker to match by hand. Nothing is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import DecimalField, Q, Sum, Value
from django.db.models.functions import Coalesce

from pathfinder.audit.models import AuditAction
from pathfinder.audit.services import audit_event_record
from pathfinder.budgets import messages_money
from pathfinder.budgets.models import BudgetLine
from pathfinder.budgets.models_money import (
    DirectPayment,
    PaymentStatus,
    Spend,
    SpendSource,
    Statement,
    SurplusRecovery,
)
from pathfinder.budgets.statements import ReadStatement, StatementError, StatementRow, statement_read
from pathfinder.core.errors import ServiceError

ZERO = Value(Decimal("0.00"), output_field=DecimalField(max_digits=12, decimal_places=2))


def rows_text(count: int) -> str:
    """ "1 row", "3 rows" (written without a count before a plural noun: tests/test_plurals.py)."""
    return f"{count:,}" + (" row" if count == 1 else " rows")


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


@dataclass(frozen=True)
class PreviewRow:
    row: StatementRow
    line: BudgetLine | None
    rule: str  # how it was matched, in words, or why not


@dataclass(frozen=True)
class StatementPreview:
    statement: ReadStatement
    rows: list[PreviewRow]
    already_imported_on: date | None

    @property
    def unmatched(self) -> int:
        return sum(1 for row in self.rows if row.line is None)

    @property
    def total_out(self) -> Decimal:
        return sum((row.row.amount for row in self.rows), Decimal("0.00"))


def _matcher(direct_payment: DirectPayment):
    lines = list(direct_payment.lines.all())
    seen: dict[str, BudgetLine] = {}
    by_id = {line.pk: line for line in lines}
    for payee, line_id in (direct_payment.spending.filter(line__isnull=False).order_by("spent_on", "pk")
                           .values_list("payee", "line_id")):
        if line_id in by_id:
            seen[_norm(payee)] = by_id[line_id]

    def match(row: StatementRow) -> tuple[BudgetLine | None, str]:
        payee = _norm(row.payee)
        if payee in seen:
            return seen[payee], "Paid before for this line"
        for line in lines:
            if len(payee) >= 4 and payee in _norm(line.provision_text):
                return line, "Named in the line's provision"
        return None, "Not matched: match it by hand after importing"

    return match


def statement_preview(*, direct_payment: DirectPayment, data: bytes) -> StatementPreview:
    """The dry run: read the file and match its rows, writing nothing. Raises StatementError."""
    read = statement_read(data)
    match = _matcher(direct_payment)
    rows = [PreviewRow(row, *match(row)) for row in read.money_out]
    earlier = direct_payment.statements.filter(source_sha256=read.sha256).first()
    return StatementPreview(statement=read, rows=rows, already_imported_on=earlier.imported_on if earlier else None)


def statement_import(*, acting_user, direct_payment: DirectPayment, data: bytes, file_name: str,
                     today: date) -> Statement:
    """Import the whole statement in one transaction, or nothing. The same file twice is refused."""
    preview = statement_preview(direct_payment=direct_payment, data=data)
    if preview.already_imported_on is not None:
        raise StatementError(f"This statement was already imported on {preview.already_imported_on:%-d %B %Y}. "
                             "Nothing was imported again.")
    if not preview.rows:
        raise StatementError("The statement has only money paid in, so there is no spending to import.")
    period_from, period_to = preview.statement.period
    try:
        with transaction.atomic():
            statement = Statement.objects.create(
                direct_payment=direct_payment, file_name=file_name[:255], source_sha256=preview.statement.sha256,
                period_from=period_from, period_to=period_to, rows=len(preview.rows),
                unmatched_rows=preview.unmatched, imported_on=today, imported_by=acting_user)
            Spend.objects.bulk_create(
                Spend(direct_payment=direct_payment, line=row.line, spent_on=row.row.spent_on, amount=row.row.amount,
                      payee=row.row.payee, description=row.row.description, source=SpendSource.STATEMENT,
                      statement=statement, recorded_by=acting_user)
                for row in preview.rows)
            audit_event_record(acting_user=acting_user, action=AuditAction.CREATE,
                               child=direct_payment.request.child, obj=statement,
                               what=f"direct payment: statement imported, {rows_text(len(preview.rows))}, "
                                    f"{preview.unmatched} to match by hand")
    except IntegrityError as error:  # imported by someone else a moment ago
        raise StatementError("This statement was already imported. Nothing was imported again.") from error
    return statement


def _line_of(direct_payment: DirectPayment, line_id: int | None) -> BudgetLine | None:
    if line_id is None:
        return None
    line = direct_payment.lines.filter(pk=line_id).first()
    if line is None:
        raise ServiceError("Choose a line of this direct payment", field="line")
    return line


def spend_record(*, acting_user, direct_payment: DirectPayment, line_id: int | None, spent_on: date,
                 amount: Decimal, payee: str, description: str = "") -> Spend:
    """Spending recorded by hand (a receipt, an invoice the family sent in)."""
    if amount <= 0:
        raise ServiceError("Enter an amount more than £0", field="amount")
    with transaction.atomic():
        spend = Spend.objects.create(direct_payment=direct_payment, line=_line_of(direct_payment, line_id),
                                     spent_on=spent_on, amount=amount, payee=payee.strip(),
                                     description=description.strip(), recorded_by=acting_user)
        audit_event_record(acting_user=acting_user, action=AuditAction.CREATE, child=direct_payment.request.child,
                           obj=spend, what=f"direct payment: spending of £{amount:,.2f} recorded")
    return spend


def spend_match(*, acting_user, spend: Spend, line_id: int) -> Spend:
    """Match one row of spending to the line it bought (the caseworker's decision)."""
    with transaction.atomic():
        current = Spend.objects.select_for_update().select_related("direct_payment").get(pk=spend.pk)
        current.line = _line_of(current.direct_payment, line_id)
        current.save(update_fields=["line"])
        if current.statement_id:
            Statement.objects.filter(pk=current.statement_id).update(
                unmatched_rows=Spend.objects.filter(statement_id=current.statement_id, line__isnull=True).count())
        audit_event_record(acting_user=acting_user, action=AuditAction.UPDATE,
                           child=current.direct_payment.request.child, obj=current,
                           what="direct payment: spending matched to a line")
    return current


@dataclass(frozen=True)
class MoneySummary:
    paid: Decimal
    spent: Decimal
    recovered: Decimal
    unmatched: Decimal

    @property
    def unspent(self) -> Decimal:
        return self.paid - self.spent - self.recovered


def money_summary(direct_payment: DirectPayment) -> MoneySummary:
    """Paid in by the council, spent, taken back, and what is left: three aggregate queries."""
    paid = direct_payment.payments.filter(status=PaymentStatus.PAID).aggregate(t=Coalesce(Sum("amount"), ZERO))["t"]
    spent = direct_payment.spending.aggregate(t=Coalesce(Sum("amount"), ZERO),
                                              u=Coalesce(Sum("amount", filter=Q(line__isnull=True)), ZERO))
    recovered = direct_payment.recoveries.aggregate(t=Coalesce(Sum("amount"), ZERO))["t"]
    return MoneySummary(paid=paid, spent=spent["t"], recovered=recovered, unmatched=spent["u"])


def surplus_recover(*, acting_user, direct_payment: DirectPayment, amount: Decimal, reason: str,
                    told_on: date) -> SurplusRecovery:
    """Take back money the family has not spent, with the reason written for them. They are told (a message
    with the date and a link: the reason is on their page behind sign-in) once it is saved."""
    reason = reason.strip()
    if not reason:
        raise ServiceError("Enter why the money is being taken back, in words the family will read", field="reason")
    if amount <= 0:
        raise ServiceError("Enter an amount more than £0", field="amount")
    with transaction.atomic():
        dp = DirectPayment.objects.select_for_update().select_related("request__child").get(pk=direct_payment.pk)
        unspent = money_summary(dp).unspent
        if amount > unspent:
            raise ServiceError(f"You can take back at most the money not spent, £{max(unspent, 0):,.2f}",
                               field="amount")
        recovery = SurplusRecovery.objects.create(direct_payment=dp, amount=amount, reason=reason,
                                                  family_told_on=told_on, recorded_by=acting_user)
        audit_event_record(acting_user=acting_user, action=AuditAction.CREATE, child=dp.request.child, obj=recovery,
                           what=f"direct payment: surplus of £{amount:,.2f} to be taken back, family told")
        messages_money.tell_family_of_recovery(child=dp.request.child, on=told_on)
    return recovery
