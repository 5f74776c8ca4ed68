"""Appeals to the SEND Tribunal and the council's duties after them: pages under the child they are about."""

from django.urls import path

from pathfinder.tribunal import order_views, views

app_name = "tribunal"
child = "children/<int:child_id>/"
appeal = child + "appeals/<int:appeal_id>/"
order = child + "tribunal-orders/<int:order_id>/"
urlpatterns = [
    path("appeals-and-orders/", order_views.report, name="report"),
    path(child + "appeals/", views.child_page, name="child"),
    path(child + "appeals/new/", views.appeal_new, name="appeal-new"),
    path(appeal, views.appeal_page, name="appeal"),
    path(appeal + "response/", views.appeal_response, name="response"),
    path(appeal + "bundle.pdf", views.appeal_bundle, name="bundle"),
    path(appeal + "hearing/", views.appeal_hearing, name="hearing"),
    path(appeal + "not-oppose/", views.appeal_not_oppose, name="not-oppose"),
    path(appeal + "decision/", views.appeal_decide, name="decide"),
    path(appeal + "withdrawn/", views.appeal_withdraw, name="withdraw"),
    path(appeal + "orders/new/", order_views.order_new, name="order-new"),
    path(appeal + "recommendations/new/", order_views.recommendation_new, name="recommendation-new"),
    path(appeal + "recommendations/<int:recommendation_id>/response/", order_views.recommendation_response,
         name="recommendation-response"),
    path(order, order_views.order_page, name="order"),
    path(order + "duties/<int:duty_id>/done/", order_views.duty_done, name="duty-done"),
    path(order + "decision/", order_views.assessment_decision, name="assessment-decision"),
    path(order + "exceptions/new/", order_views.exception_new, name="exception-new"),
    path(order + "provision/<int:item_id>/delivered/", order_views.provision_delivered, name="provision-delivered"),
]
