"""See budgets/urls.py. A child's personal budget pages (/children/<child>/budgets/...), the list of requests and
the health organisation's page (/budgets/...), and the family's own pages (/family/personal-budget/...)."""

from django.urls import path

from pathfinder.budgets import direct_payment_views as dp
from pathfinder.budgets import family_views as family
from pathfinder.budgets import line_views as lines
from pathfinder.budgets import request_views as views

child = "children/<int:child_id>/budgets/"
one = child + "<int:request_id>/"
one_dp = one + "direct-payments/<int:direct_payment_id>/"

urlpatterns = [
    path("budgets/requests/", views.request_list, name="requests"),
    path("budgets/health/", lines.health_agreements, name="health_agreements"),
    path(child + "plans/<int:plan_id>/ask/", views.request_start, name="request_start"),
    path(one, views.request_detail, name="request_detail"),
    path(one + "refuse/", views.request_refuse, name="request_refuse"),
    path(one + "reconsider/", views.request_reconsider, name="request_reconsider"),
    path(one + "withdraw/", views.request_withdraw, name="request_withdraw"),
    path(one + "agree/", lines.request_agree, name="request_agree"),
    path(one + "section-j/", lines.section_j_write, name="section_j_write"),
    path(one + "notice/send/", views.notice_send, name="notice_send"),
    path(one + "notice/", family.notice, name="notice"),
    path(one + "lines/add/", lines.line_edit, name="line_add"),
    path(one + "lines/<int:line_id>/", lines.line_edit, name="line_edit"),
    path(one + "lines/<int:line_id>/remove/", lines.line_remove, name="line_remove"),
    path(one + "lines/<int:line_id>/agreement/", lines.share_agree, name="share_agree"),
    path(one + "lines/<int:line_id>/nhs-agreement/", lines.icb_agree, name="icb_agree"),
    path(one + "direct-payments/new/", dp.dp_propose, name="direct_payment_propose"),
    path(one_dp, dp.direct_payment_detail, name="direct_payment_detail"),
    path(one_dp + "details/", dp.dp_details, name="direct_payment_details"),
    path(one_dp + "send/", dp.dp_send, name="direct_payment_send"),
    path(one_dp + "sign/", dp.dp_sign, name="direct_payment_sign"),
    path(one_dp + "signed-agreement/", dp.dp_agreement, name="direct_payment_agreement"),
    path(one_dp + "review/", dp.dp_review, name="direct_payment_review"),
    path(one_dp + "refuse/", dp.dp_refuse, name="direct_payment_refuse"),
    path(one_dp + "stop/", dp.dp_stop, name="direct_payment_stop"),
    path("family/personal-budget/", family.family_home, name="family_home"),
    path("family/personal-budget/ask/", family.family_request_start, name="family_request_start"),
    path("family/personal-budget/<int:child_id>/<int:request_id>/", family.family_request_detail,
         name="family_request_detail"),
]
