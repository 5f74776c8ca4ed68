"""Plans moving with a family to or from another council (SEND Regulations 2014 reg 15)."""

from django.urls import path

from pathfinder.transfers import views

app_name = "transfers"
urlpatterns = [
    path("transfers/", views.transfer_list, name="list"),
    path("transfers/import/", views.transfer_import, name="import"),
    path("children/<int:child_id>/plans/<int:plan_id>/move/", views.transfer_out_new, name="out-new"),
    path("children/<int:child_id>/transfers/out/<int:transfer_id>/", views.transfer_out, name="out"),
    path("children/<int:child_id>/transfers/out/<int:transfer_id>/withdraw/", views.transfer_out_withdraw,
         name="out-withdraw"),
    path("children/<int:child_id>/transfers/out/<int:transfer_id>/bundle.zip", views.transfer_bundle, name="bundle"),
    path("children/<int:child_id>/transfers/in/<int:transfer_id>/", views.transfer_in, name="in"),
]
