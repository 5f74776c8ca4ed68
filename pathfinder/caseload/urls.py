"""The administrator's caseload import and export pages."""

from django.urls import path

from pathfinder.caseload import views

app_name = "caseload"
urlpatterns = [
    path("caseload/", views.caseload_home, name="home"),
    path("caseload/runs/<int:run_id>/", views.import_run, name="run"),
    path("caseload/runs/<int:run_id>/import/", views.import_run_commit, name="run-commit"),
    path("caseload/runs/<int:run_id>/report.csv", views.import_run_report, name="run-report"),
    path("caseload/export.zip", views.caseload_export, name="export"),
]
