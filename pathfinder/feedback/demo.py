"""A year of families' comments on the demo Local Offer, at every stage of moderation, with the council's answers."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from pathfinder.feedback.constants import CommentStatus, CommentTopic, NotPublishedReason, SenderKind
from pathfinder.feedback.models import Comment

# (topic, what the family wrote, the de-identified published wording, the council's response, the action)
_PUBLISHABLE = [
    (CommentTopic.MISSING, "There is nothing for teenagers with autism in the south of the county after school. We drive "
     "40 minutes to a club.", "There are no after-school groups for autistic teenagers in the south of the county.",
     "Thank you. We agree there is a gap in the south.", "We have funded a new weekly youth club in Ashford Vale, "
     "starting in the spring term."),
    (CommentTopic.ACCESSIBILITY, "The search does not work well on my phone and the words are very small.",
     "Searching on a phone is hard and the text is too small.", "Thank you for telling us.",
     "We have rebuilt the Local Offer so it works on phones and at large text sizes."),
    (CommentTopic.CONTENT, "The speech and language page says there is a 6 week wait but we waited 7 months.",
     "The waiting time shown for speech and language therapy is much shorter than families experience.",
     "You are right that the information was out of date.",
     "The service now updates its waiting time every month, and the page shows when it was last checked."),
    (CommentTopic.DEVELOPMENT, "Parents should be asked before the Local Offer is changed, not after.",
     "Parents want to be involved before the Local Offer is changed.", "We agree.",
     "The parent carer forum now reviews changes with us every quarter."),
    (CommentTopic.MISSING, "I could not find any short breaks for children who use a wheelchair at weekends.",
     "There are few weekend short breaks for children who use wheelchairs.",
     "Thank you. Two providers offer weekend sessions but they were hard to find.",
     "We added a 'wheelchair accessible' filter and asked providers to describe their access."),
    (CommentTopic.CONTENT, "It would help to know which services need a referral from a GP.",
     "It is not always clear which services need a referral.", "Thank you, this is a good idea.",
     "Every service page now says whether you can refer yourself or need a professional to refer you."),
    (CommentTopic.ACCESSIBILITY, "My first language is Polish and I could not read the information about EHC plans.",
     "Information about EHC plans is not available in other languages.", "Thank you for raising this.",
     "The key pages are now available in Polish, Urdu and Romanian, and you can ask for any page in another "
     "language."),
    (CommentTopic.SERVICE, "The swimming sessions are brilliant, the staff really understand my son.",
     "The staff at the swimming sessions understand children's needs well.", "Thank you, we have passed this on.",
     "No change needed."),
    (CommentTopic.MISSING, "Where is the information about travel to college after 16?",
     "Information about travel to college after 16 is hard to find.", "Thank you.",
     "We have added a page on travel for young people aged 16 to 25."),
    (CommentTopic.CONTENT, "Some of the phone numbers are wrong.", "Some contact details are out of date.",
     "Thank you. We are sorry for the trouble.",
     "Providers must now confirm their details every 12 months, and anyone can report a mistake from a service page."),
]
_NOT_PUBLISHED = [
    (NotPublishedReason.OWN_CASE, "My daughter's EHC plan is late and nobody answers my emails.",
     "About one child's plan: passed to the SEND team, who replied to the parent directly."),
    (NotPublishedReason.IDENTIFIES, "The teacher at the school on the hill, Mrs named-person, was rude to my son.",
     "Names a member of staff: passed to the school's complaints procedure."),
    (NotPublishedReason.SPAM, "Buy cheap watches online now", "Advertising."),
    (NotPublishedReason.VEXATIOUS, "This is all rubbish and you are all useless.", "Abusive, with nothing to act on."),
]
_WAITING = [
    (CommentTopic.MISSING, "Is there any support for siblings of disabled children?"),
    (CommentTopic.CONTENT, "The page about personal budgets is very long and hard to follow."),
    (CommentTopic.ACCESSIBILITY, "Could there be an easy read version of the Local Offer?"),
]


def _moment(day: date, rng: random.Random) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(rng.randint(8, 21), rng.randint(0, 59))))


def build_demo_comments(*, seed: int = 2014, today: date | None = None, officer=None, services=()) -> int:
    """About 80 comments over the last 12 months: published with responses, refused with reasons, and waiting."""
    rng = random.Random(seed)
    today = today or timezone.localdate()
    service_list = list(services)
    made: list[tuple[Comment, datetime]] = []

    def add(status: str, topic: str, text: str, age_days: int, **fields) -> None:
        received = _moment(today - timedelta(days=age_days), rng)
        if topic == CommentTopic.SERVICE and service_list:
            service = rng.choice(service_list)
            fields.update(service_id=str(service.pk), service_name=service.name)
        comment = Comment(status=status, topic=topic, text=text, sender_kind=rng.choice(SenderKind.values), **fields)
        made.append((comment, received))

    for round_number in range(6):
        for topic, text, published, response, action in _PUBLISHABLE:
            age = rng.randint(20, 360)
            when = _moment(today - timedelta(days=max(age - rng.randint(3, 18), 1)), rng)
            add(CommentStatus.PUBLISHED, topic, text, age, published_text=published, response=response, action=action,
                moderated_by=officer, moderated_at=when, responded_by=officer, published_at=when)
        if round_number % 2 == 0:
            for reason, text, note in _NOT_PUBLISHED:
                when = _moment(today - timedelta(days=rng.randint(5, 300)), rng)
                add(CommentStatus.NOT_PUBLISHED, CommentTopic.OTHER, text, (today - when.date()).days + 2,
                    not_published_reason=reason, not_published_note=note, moderated_by=officer, moderated_at=when)
    for topic, text in _WAITING:
        add(CommentStatus.RECEIVED, topic, text, rng.randint(0, 6))
    topic, text, published, _, _ = _PUBLISHABLE[0]
    add(CommentStatus.ACCEPTED, CommentTopic.MISSING, "We need more holiday clubs in the north of the county.", 4,
        published_text="There are not enough holiday clubs in the north of the county.", moderated_by=officer,
        moderated_at=_moment(today - timedelta(days=2), rng))

    comments = Comment.objects.bulk_create([c for c, _ in made])
    for comment, (_, received) in zip(comments, made, strict=True):
        comment.received_at = received  # bulk_create stamps "now" on auto_now_add fields
    Comment.objects.bulk_update(comments, ["received_at"])
    return len(comments)
