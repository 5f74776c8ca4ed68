"""Disagreements: a child's appealable decisions, mediation and Ombudsman complaints; the mediation service's pages."""

from django.urls import path

from pathfinder.disagreements import views, views_complaints, views_service

app_name = "disagreements"
child = "children/<int:child_id>/disagreements/"
decision = child + "<int:decision_id>/"
complaint = "children/<int:child_id>/complaints/<int:complaint_id>/"
urlpatterns = [
    path(child, views.child_page, name="child"),
    path(decision, views.decision_page, name="decision"),
    path(decision + "mediation/", views.mediation_start, name="mediation-start"),
    path(decision + "mediation/<slug:action>/", views.mediation_step, name="mediation-step"),
    path("children/<int:child_id>/complaints/new/", views_complaints.complaint_new, name="complaint-new"),
    path(complaint, views_complaints.complaint_page, name="complaint"),
    path(complaint + "decision/", views_complaints.complaint_finding, name="complaint-finding"),
    path(complaint + "remedies/new/", views_complaints.remedy_new, name="remedy-new"),
    path(complaint + "remedies/<int:remedy_id>/done/", views_complaints.remedy_done, name="remedy-done"),
    path(complaint + "close/", views_complaints.complaint_close, name="complaint-close"),
    path("mediation/", views_service.service_list, name="service-list"),
    path("mediation/<int:case_id>/", views_service.service_case, name="service-case"),
    path("mediation/<int:case_id>/<slug:action>/", views_service.service_step, name="service-step"),
]
