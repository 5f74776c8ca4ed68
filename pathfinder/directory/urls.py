from django.urls import path

from pathfinder.directory.harvest import views as harvest_views
from pathfinder.directory.web import (
    import_views,
    officer_views,
    provider_views,
    public_views,
    search_views,
    synonym_views,
)

app_name = "directory"
urlpatterns = [
    # Public
    path("", search_views.search, name="search"),
    path("services/<str:service_id>/", public_views.service_detail, name="service"),
    path("services/<str:service_id>/report/", public_views.report_out_of_date, name="report"),
    path("services/<str:service_id>/report/sent/", public_views.report_sent, name="report-sent"),
    path("information/", public_views.information_list, name="information"),
    path("information/<slug:slug>/", public_views.information_detail, name="information-page"),
    # Providers (and the officer)
    path("provider/", provider_views.provider_home, name="provider-home"),
    path("manage/services/new/", provider_views.service_new, name="service-new"),
    path("manage/services/<str:service_id>/", provider_views.service_manage, name="service-manage"),
    path("manage/services/<str:service_id>/edit/", provider_views.service_edit, name="service-edit"),
    path("manage/services/<str:service_id>/submit/", provider_views.service_submit, name="service-submit"),
    path("manage/services/<str:service_id>/checked/", provider_views.service_confirm_checked, name="service-checked"),
    path("manage/services/<str:service_id>/history/", provider_views.service_history, name="service-history"),
    path("manage/reports/<str:report_id>/", provider_views.report_resolve, name="report-resolve"),
    # The Local Offer officer
    path("officer/", officer_views.officer_home, name="officer-home"),
    path("officer/changes/<str:revision_id>/", officer_views.revision_review, name="revision-review"),
    path("officer/reports/", officer_views.officer_reports, name="officer-reports"),
    path("officer/pages/", officer_views.officer_pages, name="officer-pages"),
    path("officer/pages/new/", officer_views.officer_page_edit, name="officer-page-new"),
    path("officer/pages/<slug:slug>/", officer_views.officer_page_edit, name="officer-page-edit"),
    path("officer/search-words/", synonym_views.search_words, name="officer-search-words"),
    path("officer/search-words/new/", synonym_views.search_word_edit, name="officer-search-word-new"),
    path("officer/search-words/<int:pk>/", synonym_views.search_word_edit, name="officer-search-word-edit"),
    path("officer/search-words/<int:pk>/remove/", synonym_views.search_word_delete, name="officer-search-word-delete"),
    path("officer/import/", import_views.officer_import, name="officer-import"),
    path("officer/import/<str:result_id>/", import_views.officer_import_progress, name="officer-import-progress"),
    path("officer/export/<str:file_kind>/", import_views.officer_export, name="officer-export"),
    path("officer/feeds/", harvest_views.feeds, name="feeds"),
    path("officer/feeds/<str:subscription_id>/", harvest_views.feed, name="feed"),
    path("officer/feeds/harvests/<str:run_id>/", harvest_views.run_report, name="feed-run"),
    path("officer/feeds/conflicts/<str:conflict_id>/", harvest_views.conflict_decide, name="feed-conflict"),
]
