from django.urls import path

from pathfinder.plans import family_views, views

app_name = "plans"
base = "children/<int:child_id>/assessments/<int:assessment_id>/"
urlpatterns = [
    path(base, views.overview, name="overview"),
    path(base + "start/", views.start, name="start"),
    path(base + "sections/<str:section>/", views.section, name="section"),
    path(base + "needs/", views.needs, name="needs"),
    path(base + "needs/<int:need_id>/", views.need_edit, name="need-edit"),
    path(base + "needs/<int:need_id>/remove/", views.need_remove, name="need-remove"),
    path(base + "outcomes/", views.outcomes, name="outcomes"),
    path(base + "outcomes/<int:outcome_id>/", views.outcome_edit, name="outcome-edit"),
    path(base + "outcomes/<int:outcome_id>/remove/", views.outcome_remove, name="outcome-remove"),
    path(base + "provision/<str:section>/", views.provision, name="provision"),
    path(base + "provision/<str:section>/<int:provision_id>/", views.provision_edit, name="provision-edit"),
    path(base + "provision/<str:section>/<int:provision_id>/remove/", views.provision_remove,
         name="provision-remove"),
    path(base + "check/", views.check, name="check"),
    path(base + "placements/", views.placements, name="placements"),
    path(base + "placements/request/", views.placement_request_new, name="placement-request-new"),
    path(base + "consultations/new/", views.consultation_new, name="consultation-new"),
    path(base + "consultations/<int:consultation_id>/reply/", views.consultation_reply, name="consultation-reply"),
    path(base + "comments/", family_views.comment, name="comment"),
    path(base + "final/", views.final_issue, name="final"),
    path(base + "plan/", views.document, name="document"),
    path(base + "plan.pdf", views.pdf, name="pdf"),
    path(base + "plan.pdf/again/", views.pdf_again, name="pdf-again"),
]
