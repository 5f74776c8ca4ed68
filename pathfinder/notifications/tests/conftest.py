import pytest

from pathfinder.notifications.tests.fake_notify import API_KEY, start_fake_notify


@pytest.fixture
def fake_notify(settings):
    """GOV.UK Notify's API on loopback, with the settings pointing the real client at it."""
    state, server = start_fake_notify()
    settings.GOVUK_NOTIFY_API_KEY = API_KEY
    settings.GOVUK_NOTIFY_BASE_URL = state.url
    settings.GOVUK_NOTIFY_EMAIL_TEMPLATE_ID = "f33517ff-2a88-4f6e-b855-c550268ce08a"
    settings.GOVUK_NOTIFY_SMS_TEMPLATE_ID = "aa2b3c1e-8d5f-4e6a-9b7c-0d1e2f3a4b5c"
    yield state
    server.shutdown()
    server.server_close()
