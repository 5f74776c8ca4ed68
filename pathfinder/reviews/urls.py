"""Annual reviews of EHC plans (CFA s.44, SEND Regulations 2014 regs 18 to 21): under the plan they review."""
from django.urls import path

from pathfinder.reviews import lists, views

app_name = "reviews"
base = "children/<int:child_id>/plans/<int:plan_id>/reviews/"
one = base + "<int:review_id>/"
urlpatterns = [
    path("reviews/", lists.reviews_list, name="list"),
    path("reviews/school/", lists.school_reviews, name="school"),
    path(base, views.plan_reviews, name="plan"),
    path(base + "start/", views.start, name="start"),
    path(one, views.review_page, name="review"),
    path(one + "arrange/", views.arrange, name="arrange"),
    path(one + "advice/", views.advice, name="advice"),
    path(one + "meeting/", views.meeting, name="meeting"),
    path(one + "report/", views.report, name="report"),
    path(one + "decide/", views.decide, name="decide"),
    path(one + "amend/", views.amend, name="amend"),
    path(one + "cease/", views.cease, name="cease"),
    path(one + "cancel/", views.cancel, name="cancel"),
]
