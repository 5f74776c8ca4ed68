"""See budgets/urls.py. The RAS, the rate card and the "what if" (managers), and a child's indicative budgets, the
reasons letter and the plan's costing (case staff; the letter also the family)."""

from django.urls import path

from pathfinder.budgets import indicative_views, ras_views

child = "children/<int:child_id>/"
urlpatterns = [
    path("budgets/allocation/", ras_views.ras_list, name="ras_list"),
    path("budgets/allocation/new/<str:stream>/", ras_views.ras_start, name="ras_start"),
    path("budgets/allocation/rate-card/", ras_views.rate_card, name="rate_card"),
    path("budgets/allocation/<int:system_id>/", ras_views.ras_detail, name="ras_detail"),
    path("budgets/allocation/<int:system_id>/details/", ras_views.ras_details, name="ras_details"),
    path("budgets/allocation/<int:system_id>/questions/new/", ras_views.ras_question, name="ras_question_add"),
    path("budgets/allocation/<int:system_id>/questions/<int:question_id>/", ras_views.ras_question, name="ras_question"),
    path("budgets/allocation/<int:system_id>/bands/", ras_views.ras_bands, name="ras_bands"),
    path("budgets/allocation/<int:system_id>/publish/", ras_views.ras_publish, name="ras_publish"),
    path("budgets/allocation/<int:system_id>/what-if/", ras_views.what_if_page, name="what_if"),
    path(
        child + "budgets/<int:request_id>/indicative/<str:stream>/",
        indicative_views.indicative_answer,
        name="indicative_answer",
    ),
    path(child + "budgets/<int:request_id>/reasons-letter/", indicative_views.reasons_letter, name="reasons_letter"),
    path(child + "plans/<int:plan_id>/costing/", indicative_views.plan_costing, name="plan_costing"),
    path(
        child + "plans/<int:plan_id>/costing/<int:provision_id>/",
        indicative_views.provision_price,
        name="provision_price",
    ),
]
