from django.urls import path

from pathfinder.core import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("privacy/", views.privacy, name="privacy"),
    path("branding.css", views.branding_css, name="branding-css"),
    path("healthz", views.healthz, name="healthz"),
    path("menu/<slug:section>/", views.nav_section, name="nav-section"),
]
