"""Choices for comments on the Local Offer (SEND Regulations 2014, reg 56)."""

from django.db import models


class CommentTopic(models.TextChoices):
    """The three things reg 56(1) says the council must ask about, plus one named service and anything else."""

    CONTENT = "content", "What is in the Local Offer, and how good the support is"
    MISSING = "missing", "Support that is missing from the Local Offer"
    ACCESSIBILITY = "accessibility", "How easy the Local Offer is to find, read and use"
    DEVELOPMENT = "development", "How the Local Offer is put together and reviewed, and how families are involved"
    SERVICE = "service", "One service in the Local Offer"
    OTHER = "other", "Something else"


class SenderKind(models.TextChoices):
    PARENT = "parent", "A parent or carer"
    YOUNG_PERSON = "young_person", "A child or young person"
    PROFESSIONAL = "professional", "Someone who works with children or young people"
    OTHER = "other", "Someone else"


class CommentStatus(models.TextChoices):
    RECEIVED = "received", "New"
    ACCEPTED = "accepted", "To be published: waiting for the council's response"
    PUBLISHED = "published", "Published"
    NOT_PUBLISHED = "not_published", "Not published"


class NotPublishedReason(models.TextChoices):
    """Reg 56(4): no duty to publish vexatious comments or ones about services to one person; reg 56(3) anonymity."""

    VEXATIOUS = "vexatious", "Vexatious or abusive"
    OWN_CASE = "own_case", "About one person's own case (signpost to the SEND team)"
    IDENTIFIES = "identifies", "Would identify someone, even with changes"
    SPAM = "spam", "Spam or advertising"
    DUPLICATE = "duplicate", "Repeats a comment already published"
    OTHER = "other", "Another reason (explain below)"
