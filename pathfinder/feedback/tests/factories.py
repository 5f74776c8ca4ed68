"""Factories for comments, and the Local Offer's signed-in people (officer, provider)."""

from __future__ import annotations

from datetime import UTC

import factory
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_static.models import StaticDevice

from pathfinder.accounts.models import User
from pathfinder.accounts.roles import Role
from pathfinder.feedback.constants import CommentStatus, CommentTopic
from pathfinder.feedback.models import Comment

factory.Faker._DEFAULT_LOCALE = "en_GB"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    role = Role.PARENT


class OfficerFactory(UserFactory):
    username = factory.Sequence(lambda n: f"officer{n}")
    role = Role.LOCAL_OFFER_OFFICER
    job_title = "Local Offer officer"


class ProviderUserFactory(UserFactory):
    username = factory.Sequence(lambda n: f"provider{n}")
    role = Role.PROVIDER


def sign_in(client, user) -> None:
    """Sign in as a real person would, including the second factor staff must use."""
    client.force_login(user)
    if user.is_council_staff:
        device = StaticDevice.objects.create(user=user, name="Test codes", confirmed=True)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    topic = CommentTopic.CONTENT
    text = factory.Faker("paragraph")
    status = CommentStatus.RECEIVED


class PublishedCommentFactory(CommentFactory):
    status = CommentStatus.PUBLISHED
    published_text = factory.Faker("sentence")
    response = factory.Faker("sentence")
    action = factory.Faker("sentence")
    published_at = factory.Faker("date_time_this_year", tzinfo=UTC)
