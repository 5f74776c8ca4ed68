"""Ceasing an EHC plan (CFA s.45, SEND Regulations 2014 regs 29 to 31): pages under the plan they end."""

from django.urls import path

from pathfinder.ceasing import views

app_name = "ceasing"
base = "children/<int:child_id>/plans/<int:plan_id>/cease/"
urlpatterns = [
    path("ceasing/", views.this_year, name="this-year"),
    path(base, views.plan_page, name="plan"),
    path(base + "propose/", views.propose, name="propose"),
    path(base + "<int:cessation_id>/consultation/", views.consultation, name="consultation"),
    path(base + "<int:cessation_id>/decide/", views.decide, name="decide"),
    path(base + "<int:cessation_id>/appeal/", views.appeal, name="appeal"),
    path(base + "<int:cessation_id>/mediation-certificate/", views.mediation_certificate,
         name="mediation-certificate"),
    path(base + "<int:cessation_id>/keep/", views.withdraw, name="withdraw"),
]
