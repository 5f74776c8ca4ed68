"""What a message says: kinds of message that the domains declare, and the allow-list of what may go in them.

A domain keeps its words in ``<app>/messages.py``, found at start-up (``NotificationsConfig.ready()``)::

    from pathfinder.notifications.kinds import MessageKind, register_message_kind

    register_message_kind(MessageKind(
        "plans.draft_sent",
        email_subject="The draft EHC plan is ready to read",
        email_body="The draft EHC plan for your child is ready to read. You have until {last_day} to comment. "
                   "Sign in to read it: {link}",
        sms_body="The draft EHC plan for your child is ready. Comment by {last_day}: {link}",
        letter_body="...",
        values=("last_day", "link"),
    ))

Why an allow-list: a message leaves the council's systems (an email inbox, a phone's lock screen, a letter on the
doormat), so it says only *what changed* and *by when*, never who: no names, diagnoses or anything else about the
child. The details are behind sign-in. A kind may use only the values below, each of a checked type (a date, a
count, a link to this service), so a name cannot reach a message even by mistake. The council's own name and
contact details are filled in for every message.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

# Every value a message may contain, and what it must be. "date": a date, shown as "14 March 2027"; "steps" and
# "requests": a whole number, shown with its noun ("1 step", "3 steps"; "1 advice request", "3 advice requests");
# "link": an address on this service (PATHFINDER_PUBLIC_URL); "council": filled in from settings.
ALLOWED_VALUES: dict[str, str] = {
    "last_day": "date",        # the last day to do something (comment on a draft, ask for a school)
    "decide_by": "date",       # the date by which the council must decide
    "due_on": "date",          # the date something is due (advice)
    "date": "date",            # the day something happened (a decision, an issue)
    "due_steps": "steps",      # how many steps are due in the coming week (reminders): "1 step", "3 steps"
    "overdue_steps": "steps",  # how many steps are overdue (reminders)
    "passed_requests": "requests",  # how many advice requests a leaving colleague's work passed to someone
    "link": "link",            # where to sign in to read the details
    "council_name": "council",
    "council_phone": "council",
    "council_email": "council",
}
COUNCIL_VALUES = ("council_name", "council_phone", "council_email")
# The noun each kind of count is shown with (singular; an "s" is added for any number but 1).
COUNT_NOUNS = {"steps": "step", "requests": "advice request"}


class MessageValueError(ValueError):
    """A value a kind may not use, or of the wrong type: refused, so nothing personal is sent."""


@dataclass(frozen=True)
class MessageKind:
    """One kind of message, in each channel's words. ``values`` names the allowed values its words use."""

    key: str
    email_subject: str
    email_body: str
    sms_body: str
    letter_body: str
    values: tuple[str, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        refused = [name for name in self.values if name not in ALLOWED_VALUES]
        if refused:
            raise ImproperlyConfigured(f"Message {self.key!r} uses values that are not allowed: {refused}")
        usable = set(self.values) | set(COUNCIL_VALUES)
        for text in self.texts():
            used = {name for _, name, _, _ in string.Formatter().parse(text) if name}
            if used - usable:
                raise ImproperlyConfigured(
                    f"Message {self.key!r} uses {sorted(used - usable)} without declaring them in values"
                )

    def texts(self) -> tuple[str, ...]:
        return (self.email_subject, self.email_body, self.sms_body, self.letter_body)


_KINDS: dict[str, MessageKind] = {}


def register_message_kind(kind: MessageKind) -> MessageKind:
    """Declare a kind of message. The same kind twice is fine (a module imported again); a clash is not."""
    existing = _KINDS.get(kind.key)
    if existing is not None and existing != kind:
        raise ImproperlyConfigured(f"Two different messages are registered as {kind.key!r}")
    _KINDS[kind.key] = kind
    return kind


def unregister_message_kind(key: str) -> None:
    """Take a kind out again (tests use this to clean up)."""
    _KINDS.pop(key, None)


def message_kind(key: str) -> MessageKind:
    try:
        return _KINDS[key]
    except KeyError:
        raise ImproperlyConfigured(f"No message is registered as {key!r}") from None


def message_kinds() -> tuple[MessageKind, ...]:
    return tuple(_KINDS.values())


def date_text(day: date) -> str:
    """A date as people write it: "14 March 2027"."""
    return f"{day.day} {day:%B %Y}"


def council_values() -> dict[str, str]:
    team = settings.COUNCIL_CONTACTS["send_team"]
    return {"council_name": settings.COUNCIL_NAME, "council_phone": team["phone"], "council_email": team["email"]}


def _checked(kind: MessageKind, name: str, value: Any) -> str:
    if name not in kind.values:
        raise MessageValueError(f"Message {kind.key!r} does not use the value {name!r}: only {kind.values}")
    expected = ALLOWED_VALUES[name]
    if expected == "date":
        if isinstance(value, str):
            try:
                value = date.fromisoformat(value)  # values come back from the database as ISO dates
            except ValueError:
                raise MessageValueError(f"{name!r} must be a date") from None
        if not isinstance(value, date):
            raise MessageValueError(f"{name!r} must be a date")
        return date_text(value)
    if expected in COUNT_NOUNS:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise MessageValueError(f"{name!r} must be a whole number")
        return f"{value} {COUNT_NOUNS[expected]}" + ("" if value == 1 else "s")
    if expected == "link":
        base = settings.PATHFINDER_PUBLIC_URL
        if not isinstance(value, str) or not (value == base or value.startswith(base + "/")):
            raise MessageValueError(f"{name!r} must be an address on this service ({base})")
        return value
    raise MessageValueError(f"{name!r} is filled in from the council's settings, not given")


def values_checked(kind: MessageKind, values: Mapping[str, Any]) -> dict[str, Any]:
    """The values as stored on the message (dates as ISO text), after refusing any that are not allowed."""
    missing = [name for name in kind.values if name not in values]
    if missing:
        raise MessageValueError(f"Message {kind.key!r} needs the values {missing}")
    stored: dict[str, Any] = {}
    for name, value in values.items():
        _checked(kind, name, value)
        stored[name] = value.isoformat() if isinstance(value, date) else value
    return stored


@dataclass(frozen=True)
class Rendered:
    subject: str
    body: str


def render(kind: MessageKind, channel: str, values: Mapping[str, Any]) -> Rendered:
    """The words for one channel, with the values filled in. Refuses a value the kind may not use."""
    shown = {name: _checked(kind, name, value) for name, value in values.items()} | council_values()
    body = {"email": kind.email_body, "sms": kind.sms_body, "letter": kind.letter_body}[channel]
    return Rendered(subject=kind.email_subject.format(**shown), body=body.format(**shown))


def link(path: str) -> str:
    """An address on this service for the ``link`` value, from a path such as reverse("...")."""
    return settings.PATHFINDER_PUBLIC_URL + (path if path.startswith("/") else "/" + path)
