from django.urls import path

from pathfinder.notifications import views

app_name = "notifications"
urlpatterns = [
    path("", views.outbox, name="outbox"),
    path("letters/", views.letters, name="letters"),
    path("letters/<int:message_id>/", views.letter, name="letter"),
    path("letters/<int:message_id>/printed/", views.letter_printed, name="letter-printed"),
    path("how-we-contact-you/", views.preferences, name="preferences"),
    path("notify/delivery-status/", views.notify_callback, name="notify-callback"),
]
