"""Open Referral UK 3.0 API routes, mounted at /api/oruk/ (config/urls.py)."""

from django.urls import path, re_path

from pathfinder.directory.api import views

app_name = "oruk"
urlpatterns = [
    path("", views.ApiDetails.as_view(), name="api-details"),
    path("openapi.json", views.OpenApiDocument.as_view(), name="openapi"),
    path("services", views.ServiceList.as_view(), name="services"),
    path("services/<str:pk>", views.ServiceDetail.as_view(), name="service"),
    path("taxonomies", views.TaxonomyList.as_view(), name="taxonomies"),
    path("taxonomies/<str:pk>", views.TaxonomyDetail.as_view(), name="taxonomy"),
    path("taxonomy_terms", views.TaxonomyTermList.as_view(), name="taxonomy-terms"),
    path("taxonomy_terms/<str:pk>", views.TaxonomyTermDetail.as_view(), name="taxonomy-term"),
    path("service_at_locations", views.ServiceAtLocationList.as_view(), name="service-at-locations"),
    path("service_at_locations/<str:pk>", views.ServiceAtLocationDetail.as_view(), name="service-at-location"),
    re_path(r"^.*$", views.UnknownPath.as_view(), name="unknown"),
]
