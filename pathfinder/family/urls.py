from django.urls import path

from pathfinder.family import views_family, views_public, views_staff

app_name = "family"
child = "family/children/<int:child_id>/"
urlpatterns = [
    # The family's start page keeps the address it had when it lived in plans.
    path("children/family/", views_family.family_home, name="home"),
    path(child, views_family.case, name="case"),
    path(child + "who-can-see/", views_family.sharing, name="sharing"),
    # Public pages.
    path("family/invitation/<str:token>/", views_public.accept, name="accept"),
    path("family/ask-for-an-account/", views_public.account_request, name="account-request"),
    path("family/ask-for-an-account/sent/", views_public.account_request_sent, name="account-request-sent"),
    path("family/ask-for-an-assessment/", views_public.online_request, name="online-request"),
    path("family/ask-for-an-assessment/sent/", views_public.online_request_sent, name="online-request-sent"),
    # Case staff.
    path(child + "invite/<int:member_id>/", views_staff.invite, name="invite"),
    path(child + "invite/", views_staff.invite, name="invite-young-person"),
    path(child + "consent/<int:member_id>/", views_staff.consent_record, name="consent-record"),
    path(child + "consent/<int:member_id>/withdraw/", views_staff.consent_withdraw_confirm,
         name="consent-withdraw-confirm"),
    path("family/requests/", views_staff.requests_list, name="requests"),
    path("family/requests/account/<int:request_id>/", views_staff.account_request_check, name="account-request-check"),
    path("family/requests/online/<int:request_id>/", views_staff.online_request_check, name="online-request-check"),
    path("family/requests/<str:kind>/<int:request_id>/refuse/", views_staff.request_refuse, name="request-refuse"),
]
