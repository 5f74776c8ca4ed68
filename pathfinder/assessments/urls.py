from django.urls import path

from pathfinder.assessments import advice_views, organisation_views, reassessment_views, views

app_name = "assessments"
case = "children/<int:child_id>/assessments/<int:assessment_id>/"
urlpatterns = [
    path("assessments/new/", views.request_new, name="request-new"),
    path("advice/", views.adviser_home, name="adviser-home"),
    path("advice/<int:advice_id>/", views.advice_give, name="advice-give"),
    path("advice/backlog/", organisation_views.advice_backlog, name="advice-backlog"),
    path("organisations/<int:organisation_id>/", organisation_views.queue, name="organisation-queue"),
    path("organisations/<int:organisation_id>/advice/<int:advice_id>/take/", organisation_views.take,
         name="organisation-take"),
    path("organisations/<int:organisation_id>/advice/<int:advice_id>/assign/", organisation_views.assign,
         name="organisation-assign"),
    path("children/<int:child_id>/reassessments/new/", reassessment_views.reassessment_new, name="reassessment-new"),
    path(case, views.case, name="case"),
    path(case + "decide-assess/", views.decide_assess, name="decide-assess"),
    path(case + "decide-issue/", views.decide_issue, name="decide-issue"),
    path(case + "withdraw/", views.withdraw, name="withdraw"),
    path(case + "notice/", views.notice, name="notice"),
    path(case + "exceptions/new/", views.exception_new, name="exception-new"),
    path(case + "advice/new/", views.advice_new, name="advice-new"),
    path(case + "advice/reuse/", views.advice_reuse, name="advice-reuse"),
    path(case + "advice/<int:advice_id>/received/", views.advice_received, name="advice-received"),
    path(case + "advice/<int:advice_id>/exception/", views.advice_exception, name="advice-exception"),
    path(case + "advice/<int:advice_id>/document/", views.advice_document, name="advice-document"),
    path(case + "advice/<int:advice_id>/corrections/<int:number>/document/", advice_views.correction_document,
         name="advice-correction-document"),
]
