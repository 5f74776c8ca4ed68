from django.urls import path

from pathfinder.directory.web import import_views, search_views, views

app_name = "directory"
urlpatterns = [
    # Public
    path("", search_views.search, name="search"),
    path("services/<str:service_id>/", views.service_detail, name="service"),
    path("services/<str:service_id>/report/", views.report_out_of_date, name="report"),
    path("services/<str:service_id>/report/sent/", views.report_sent, name="report-sent"),
    path("information/", views.information_list, name="information"),
    path("information/<slug:slug>/", views.information_detail, name="information-page"),
    # Providers (and the officer)
    path("provider/", views.provider_home, name="provider-home"),
    path("manage/services/new/", views.service_new, name="service-new"),
    path("manage/services/<str:service_id>/", views.service_manage, name="service-manage"),
    path("manage/services/<str:service_id>/edit/", views.service_edit, name="service-edit"),
    path("manage/services/<str:service_id>/submit/", views.service_submit, name="service-submit"),
    path("manage/services/<str:service_id>/checked/", views.service_confirm_checked, name="service-checked"),
    path("manage/services/<str:service_id>/history/", views.service_history, name="service-history"),
    path("manage/reports/<str:report_id>/", views.report_resolve, name="report-resolve"),
    # The Local Offer officer
    path("officer/", views.officer_home, name="officer-home"),
    path("officer/changes/<str:revision_id>/", views.revision_review, name="revision-review"),
    path("officer/reports/", views.officer_reports, name="officer-reports"),
    path("officer/pages/", views.officer_pages, name="officer-pages"),
    path("officer/pages/new/", views.officer_page_edit, name="officer-page-new"),
    path("officer/pages/<slug:slug>/", views.officer_page_edit, name="officer-page-edit"),
    path("officer/import/", import_views.officer_import, name="officer-import"),
    path("officer/import/<str:result_id>/", import_views.officer_import_progress, name="officer-import-progress"),
    path("officer/export/<str:file_kind>/", import_views.officer_export, name="officer-export"),
]
