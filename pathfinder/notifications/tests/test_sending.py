"""Messages go out only after the change commits; through GOV.UK Notify (the real client, a fake on loopback)
when a key is set, into the outbox when not; failures and delivery statuses are recorded."""

from datetime import date

import pytest
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse

from pathfinder.accounts.tests.factories import ParentFactory
from pathfinder.notifications.kinds import link
from pathfinder.notifications.models import Message, MessageStatus
from pathfinder.notifications.recipients import Recipient
from pathfinder.notifications.services import message_send
from pathfinder.notifications.tests.fake_notify import BAD_NUMBER, SERVICE_ID

pytestmark = pytest.mark.django_db

DRAFT = {"last_day": date(2027, 3, 14), "link": link("/children/family/")}


def _send(recipient, capture, kind="plans.draft_sent", values=DRAFT):
    with capture(execute=True), transaction.atomic():
        message = message_send(to=recipient, kind=kind, values=values)
    message.refresh_from_db()
    return message


def test_without_a_key_the_message_waits_in_the_outbox(settings, django_capture_on_commit_callbacks):
    settings.GOVUK_NOTIFY_API_KEY = ""
    message = _send(Recipient.for_user(ParentFactory()), django_capture_on_commit_callbacks)
    assert message.status == MessageStatus.OUTBOX
    assert message.get_status_display() == "In the outbox (not sent)"
    assert message.body.startswith("The draft EHC plan for your child is ready to read. You have until 14 March 2027")


def test_an_email_is_sent_through_notify_with_the_one_generic_template(fake_notify, django_capture_on_commit_callbacks):
    parent = ParentFactory(email="amira@example.test")
    message = _send(Recipient.for_user(parent), django_capture_on_commit_callbacks)
    assert message.status == MessageStatus.SENT and message.sent_at is not None
    [sent] = fake_notify.sent
    assert sent["type"] == "email" and sent["email_address"] == "amira@example.test"
    assert sent["template_id"] == "f33517ff-2a88-4f6e-b855-c550268ce08a"
    assert sent["personalisation"] == {"subject": message.subject, "body": message.body}
    assert sent["reference"] == f"pathfinder-{message.pk}"
    assert message.notify_id == sent["id"]
    assert fake_notify.tokens[0]["iss"] == SERVICE_ID  # the real client signed its JWT with our service id


def test_a_text_message_goes_to_the_phone_of_someone_who_chose_texts(fake_notify, django_capture_on_commit_callbacks):
    parent = ParentFactory(contact_preference="sms", phone="07700 900982")
    message = _send(Recipient.for_user(parent), django_capture_on_commit_callbacks)
    [sent] = fake_notify.sent
    assert (sent["type"], sent["phone_number"], message.channel) == ("sms", "07700 900982", "sms")
    assert sent["personalisation"] == {"body": message.body}
    assert "14 March 2027" in message.body


def test_a_refused_number_is_recorded_with_notifys_reason(fake_notify, django_capture_on_commit_callbacks):
    parent = ParentFactory(contact_preference="sms", phone=BAD_NUMBER)
    message = _send(Recipient.for_user(parent), django_capture_on_commit_callbacks)
    assert message.status == MessageStatus.FAILED
    assert message.failure_reason == "GOV.UK Notify refused it (400): BadRequestError: Not a UK mobile number"
    assert fake_notify.sent == []


def test_nothing_is_sent_when_the_change_is_rolled_back(fake_notify, django_capture_on_commit_callbacks):
    parent = ParentFactory()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            message_send(to=Recipient.for_user(parent), kind="plans.draft_sent", values=DRAFT)
            raise RuntimeError("the draft could not be saved")
    assert callbacks == []
    assert fake_notify.sent == [] and not Message.objects.exists()


def test_the_message_is_not_sent_before_the_change_commits(fake_notify, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks, transaction.atomic():
        message = message_send(to=Recipient.for_user(ParentFactory()), kind="plans.draft_sent", values=DRAFT)
    assert len(callbacks) == 1
    assert fake_notify.sent == [] and Message.objects.get(pk=message.pk).status == MessageStatus.QUEUED


def test_a_task_run_twice_sends_once(fake_notify, django_capture_on_commit_callbacks):
    from pathfinder.notifications.services import message_deliver

    message = _send(Recipient.for_user(ParentFactory()), django_capture_on_commit_callbacks)
    assert message_deliver(message.pk) == MessageStatus.SENT
    assert len(fake_notify.sent) == 1


def test_the_delivery_check_records_a_permanent_failure_and_a_delivery(fake_notify, django_capture_on_commit_callbacks):
    bad = _send(Recipient.for_user(ParentFactory()), django_capture_on_commit_callbacks)
    good = _send(Recipient.for_user(ParentFactory()), django_capture_on_commit_callbacks)
    fake_notify.statuses[bad.notify_id] = "permanent-failure"
    fake_notify.statuses[good.notify_id] = "delivered"
    call_command("notifications_check_delivery")
    bad.refresh_from_db()
    good.refresh_from_db()
    assert bad.status == MessageStatus.FAILED
    assert bad.failure_reason.startswith("The email address or phone number does not exist (permanent failure)")
    assert good.status == MessageStatus.DELIVERED and good.status_updated_at is not None


def test_notifys_callback_records_the_status_only_with_the_bearer_token(client, settings, fake_notify,
                                                                       django_capture_on_commit_callbacks):
    settings.GOVUK_NOTIFY_CALLBACK_TOKEN = "a-long-random-callback-token"
    message = _send(Recipient.for_user(ParentFactory()), django_capture_on_commit_callbacks)
    url = reverse("notifications:notify-callback")
    body = {"id": message.notify_id, "reference": f"pathfinder-{message.pk}", "status": "technical-failure"}
    refused = client.post(url, body, content_type="application/json", HTTP_AUTHORIZATION="Bearer wrong")
    assert refused.status_code == 401
    assert Message.objects.get(pk=message.pk).status == MessageStatus.SENT
    ok = client.post(url, body, content_type="application/json",
                     HTTP_AUTHORIZATION="Bearer a-long-random-callback-token")
    assert ok.status_code == 200
    message.refresh_from_db()
    assert (message.status, message.failure_reason) == (
        MessageStatus.FAILED, "GOV.UK Notify had a technical problem (technical failure)")


def test_the_callback_is_not_there_until_a_token_is_set(client, settings):
    settings.GOVUK_NOTIFY_CALLBACK_TOKEN = ""
    response = client.post(reverse("notifications:notify-callback"), {"id": "x", "status": "delivered"},
                           content_type="application/json", HTTP_AUTHORIZATION="Bearer ")
    assert response.status_code == 404


def test_a_letter_is_queued_to_print_and_never_sent_through_notify(fake_notify, django_capture_on_commit_callbacks):
    recipient = Recipient.for_contact(preference="post", address="4 Mill Lane\nWealdbury")
    message = _send(recipient, django_capture_on_commit_callbacks)
    assert (message.channel, message.status, message.to_address) == ("letter", "letter_to_print", "4 Mill Lane\nWealdbury")
    assert fake_notify.sent == []


def test_someone_we_hold_no_details_for_is_recorded_as_not_delivered(settings, django_capture_on_commit_callbacks):
    message = _send(Recipient.for_contact(preference="email"), django_capture_on_commit_callbacks)
    assert message.status == MessageStatus.FAILED and "no email address" in message.failure_reason


@pytest.mark.parametrize(("preference", "email", "phone", "address", "channel"), [
    ("post", "a@example.test", "", "1 High St", "letter"),
    ("post", "a@example.test", "", "", "email"),      # no address: we email rather than say nothing
    ("text", "a@example.test", "07700 900982", "", "sms"),
    ("phone", "", "07700 900982", "", "sms"),         # a phone call cannot be sent: a text to the same number
    ("email", "", "", "1 High St", "letter"),
])
def test_the_channel_is_their_choice_where_we_hold_the_details(preference, email, phone, address, channel):
    recipient = Recipient.for_contact(preference=preference, email=email, phone=phone, address=address)
    assert recipient.usable_channel == channel


def test_notify_out_of_reach_is_recorded_as_not_sent(settings, fake_notify, django_capture_on_commit_callbacks):
    settings.GOVUK_NOTIFY_BASE_URL = "http://127.0.0.1:9"  # the discard port: nothing answers
    message = _send(Recipient.for_user(ParentFactory()), django_capture_on_commit_callbacks)
    assert message.status == MessageStatus.FAILED
    assert message.failure_reason.startswith("Could not reach GOV.UK Notify")
