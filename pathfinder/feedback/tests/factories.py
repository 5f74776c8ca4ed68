"""Factories for comments. People come from the shared accounts factories."""

from __future__ import annotations

from datetime import UTC

import factory

from pathfinder.accounts.tests.factories import LocalOfferOfficerFactory as OfficerFactory  # noqa: F401
from pathfinder.accounts.tests.factories import ProviderFactory as ProviderUserFactory  # noqa: F401
from pathfinder.accounts.tests.helpers import sign_in  # noqa: F401
from pathfinder.feedback.constants import CommentStatus, CommentTopic
from pathfinder.feedback.models import Comment


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    topic = CommentTopic.CONTENT
    text = factory.Faker("paragraph", locale="en_GB")
    status = CommentStatus.RECEIVED


class PublishedCommentFactory(CommentFactory):
    status = CommentStatus.PUBLISHED
    published_text = factory.Faker("sentence", locale="en_GB")
    response = factory.Faker("sentence", locale="en_GB")
    action = factory.Faker("sentence", locale="en_GB")
    published_at = factory.Faker("date_time_this_year", tzinfo=UTC)
