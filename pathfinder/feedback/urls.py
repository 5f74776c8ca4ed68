from django.urls import path

from pathfinder.feedback import views

app_name = "feedback"
urlpatterns = [
    path("comment/", views.comment_new, name="comment"),
    path("comment/sent/", views.comment_sent, name="comment-sent"),
    path("you-said-we-did/", views.you_said_we_did, name="you-said-we-did"),
    path("officer/comments/", views.officer_comments, name="officer-comments"),
    path("officer/comments/<int:comment_id>/", views.officer_comment, name="officer-comment"),
    path("officer/comments/<int:comment_id>/decide/", views.officer_comment_moderate, name="officer-comment-moderate"),
    path("officer/comments/<int:comment_id>/respond/", views.officer_comment_respond, name="officer-comment-respond"),
]
