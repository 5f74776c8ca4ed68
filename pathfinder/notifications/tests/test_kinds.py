"""Every registered kind of message says only what changed: allowed values, no child's name, no diagnosis."""

from datetime import date

import pytest
from django.core.exceptions import ImproperlyConfigured

from pathfinder.notifications.kinds import (
    ALLOWED_VALUES,
    MessageKind,
    MessageValueError,
    link,
    message_kinds,
    register_message_kind,
    render,
    unregister_message_kind,
    values_checked,
)

CHILD_NAME = "Zebedee Quartermaine"
SAMPLE = {"date": date(2027, 3, 1), "last_day": date(2027, 3, 14), "decide_by": date(2027, 4, 2),
          "due_on": date(2027, 4, 9), "due_steps": 3, "overdue_steps": 1, "passed_requests": 2}


def _values(kind):
    return {name: (link("/children/family/") if name == "link" else SAMPLE[name]) for name in kind.values}


def test_the_domains_kinds_are_found_at_start_up():
    keys = {kind.key for kind in message_kinds()}
    assert {"assessments.request_received", "assessments.decided_to_assess", "assessments.refused",
            "assessments.advice_requested", "plans.draft_sent", "plans.final_issued",
            "notifications.reminder", "assessments.advice_for_organisation", "assessments.advice_given_to_you",
            "assessments.advice_passed_to_you", "assessments.advice_arrived", "assessments.advice_arrived_checking",
            "organisations.member_added", "organisations.member_removed", "documents.file_refused"} <= keys


@pytest.mark.parametrize("kind", message_kinds(), ids=lambda k: k.key)
def test_every_kind_uses_only_allowed_values_and_renders_without_the_childs_name(kind):
    assert set(kind.values) <= set(ALLOWED_VALUES)
    for channel in ("email", "sms", "letter"):
        rendered = render(kind, channel, values_checked(kind, _values(kind)))
        assert "{" not in rendered.body and "}" not in rendered.body, "every placeholder is filled in"
        assert CHILD_NAME not in rendered.body + rendered.subject
        assert rendered.body.strip()


@pytest.mark.parametrize("kind", message_kinds(), ids=lambda k: k.key)
def test_a_childs_name_cannot_be_passed_in_any_value(kind):
    for name in kind.values:
        with pytest.raises(MessageValueError):
            values_checked(kind, {**_values(kind), name: CHILD_NAME})


def test_a_value_the_kind_does_not_declare_is_refused():
    kind = next(k for k in message_kinds() if k.key == "plans.draft_sent")
    with pytest.raises(MessageValueError):
        values_checked(kind, {**_values(kind), "child_name": CHILD_NAME})


def test_a_link_to_another_site_is_refused():
    kind = next(k for k in message_kinds() if k.key == "plans.draft_sent")
    with pytest.raises(MessageValueError):
        values_checked(kind, {"last_day": date(2027, 3, 14), "link": "https://evil.example/phish"})


def test_a_kind_that_asks_for_a_value_not_on_the_allow_list_is_refused_at_registration():
    with pytest.raises(ImproperlyConfigured):
        MessageKind("test.names", email_subject="Hello", email_body="Hello {child_name}", sms_body="",
                    letter_body="", values=("child_name",))


def test_a_kind_whose_words_use_an_undeclared_value_is_refused():
    with pytest.raises(ImproperlyConfigured):
        MessageKind("test.undeclared", email_subject="Due {due_on}", email_body="", sms_body="", letter_body="")


def test_two_different_kinds_under_one_key_are_refused():
    first = MessageKind("test.twice", email_subject="A", email_body="A", sms_body="A", letter_body="A")
    register_message_kind(first)
    try:
        register_message_kind(first)  # the same one again is fine (a module imported twice)
        with pytest.raises(ImproperlyConfigured):
            register_message_kind(MessageKind("test.twice", email_subject="B", email_body="B", sms_body="B",
                                              letter_body="B"))
    finally:
        unregister_message_kind("test.twice")


def test_dates_are_written_as_people_write_them():
    kind = next(k for k in message_kinds() if k.key == "plans.draft_sent")
    body = render(kind, "email", _values(kind)).body
    assert "You have until 14 March 2027 to comment" in body
    assert "http://127.0.0.1:8000/children/family/" in body


def test_every_allowed_value_has_a_known_type_and_counts_are_whole_numbers_with_their_noun():
    assert set(ALLOWED_VALUES.values()) <= {"date", "steps", "requests", "link", "council"}
    assert ALLOWED_VALUES["passed_requests"] == "requests"
    kind = next(k for k in message_kinds() if k.key == "assessments.advice_passed_to_you")
    values = {"due_on": date(2027, 4, 9), "link": link("/advice/")}
    assert "given 1 advice request that" in render(kind, "email", {**values, "passed_requests": 1}).body
    assert "given 3 advice requests that" in render(kind, "email", {**values, "passed_requests": 3}).body
    for wrong in (-1, 2.5, True, "3"):
        with pytest.raises(MessageValueError):
            values_checked(kind, {**values, "passed_requests": wrong})
