"""See budgets/urls.py: a direct payment's money, the family's view of it, and the council's figures."""

from django.urls import path

from pathfinder.budgets import figure_views, money_views

base = "children/<int:child_id>/budgets/direct-payments/<int:direct_payment_id>/money/"
urlpatterns = [
    path(base, money_views.money, name="money"),
    path(base + "schedule/", money_views.schedule, name="money-schedule"),
    path(base + "payments/<int:payment_id>/paid/", money_views.pay, name="money-pay"),
    path(base + "payments/check/", money_views.check_payments, name="money-check"),
    path(base + "spending/add/", money_views.spend_add, name="money-spend"),
    path(base + "spending/<int:spend_id>/match/", money_views.spend_match, name="money-match"),
    path(base + "statements/", money_views.statement_upload, name="money-statement"),
    path(base + "statements/import/", money_views.statement_import, name="money-statement-import"),
    path(base + "take-back/", money_views.recover, name="money-recover"),
    path("children/<int:child_id>/budgets/direct-payments/<int:direct_payment_id>/your-money/", money_views.family_money,
         name="family-money"),
    path("budgets/figures/", figure_views.figures, name="figures"),
]
