from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("pathfinder.core.urls")),
    path("account/", include("pathfinder.accounts.urls")),
    path("children/", include("pathfinder.people.urls")),
    path("organisations/", include("pathfinder.organisations.urls")),
    path("", include("pathfinder.assessments.urls")),
    path("", include("pathfinder.plans.urls")),
    path("", include("pathfinder.reviews.urls")),
    path("", include("pathfinder.ceasing.urls")),
    path("", include("pathfinder.transfers.urls")),
    path("", include("pathfinder.caseload.urls")),
    path("documents/", include("pathfinder.documents.urls")),
    path("", include("pathfinder.family.urls")),
    path("", include("pathfinder.budgets.urls")),
    path("", include("pathfinder.disagreements.urls")),
    path("", include("pathfinder.tribunal.urls")),
    path("insights/", include("pathfinder.insights.urls")),
    path("", include("pathfinder.disclosure.urls")),
    path("returns/sen2/", include("pathfinder.sen2.urls")),
    path("messages/", include("pathfinder.notifications.urls")),
    path("api/oruk/", include("pathfinder.directory.api.urls")),
    path("local-offer/", include("pathfinder.directory.urls")),
    path("local-offer/", include("pathfinder.feedback.urls")),
    path("admin/", admin.site.urls),
]

handler403 = "pathfinder.core.views.permission_denied"
handler404 = "pathfinder.core.views.page_not_found"
handler500 = "pathfinder.core.views.server_error"

admin.site.site_header = "Pathfinder administration"
admin.site.site_title = "Pathfinder administration"
