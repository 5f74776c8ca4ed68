"""Inspection lists (/inspection/...) and a child's subject access pack (/children/<child>/subject-access/...)."""

from django.urls import path

from pathfinder.disclosure import inspection_views, pack_views, request_views

app_name = "disclosure"
urlpatterns = [
    path("inspection/", inspection_views.inspection_lists, name="inspection-lists"),
    path("inspection/sample/", inspection_views.inspection_sample, name="inspection-sample"),
    path("inspection/sample.csv", inspection_views.inspection_sample_download, name="inspection-sample-download"),
    path("inspection/<slug:key>.<slug:file_kind>", inspection_views.inspection_download, name="inspection-download"),
    path("children/<int:child_id>/subject-access/", pack_views.subject_access, name="subject-access"),
    path("children/<int:child_id>/subject-access/pack.<slug:file_kind>", pack_views.subject_access_download,
         name="subject-access-download"),
    path("children/<int:child_id>/subject-access/requests/new/", request_views.subject_access_request_new,
         name="subject-access-request-new"),
    path("children/<int:child_id>/subject-access/requests/<int:sar_id>/extend/",
         request_views.subject_access_request_extend_page, name="subject-access-request-extend"),
    path("children/<int:child_id>/subject-access/requests/<int:sar_id>/answer/",
         request_views.subject_access_request_answer_page, name="subject-access-request-answer"),
]
