"""Property-based fuzzing of the ORUK API from its own served OpenAPI document: no input may cause a 5xx."""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings

from pathfinder.directory.tests.factories import ScheduleFactory, ServiceAtLocationFactory, link, term

pytestmark = pytest.mark.django_db


@pytest.fixture
def wsgi_app(settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "100000/minute"}}
    service = link(ServiceAtLocationFactory(service__name="Sensory swim").service, term("send-needs", "ASD"))
    ScheduleFactory(service=service)
    # Like Django's test client: keep the test transaction's connection open across in-process requests.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield get_wsgi_application()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_api_never_fails_with_a_server_error(wsgi_app):
    schema = schemathesis.openapi.from_wsgi("/api/oruk/openapi.json", wsgi_app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 9
    calls = []

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def check(case):
            response = case.call()
            calls.append(response.status_code)
            assert response.status_code < 500, (case.path, case.query, response.text[:300])
            assert response.headers.get("access-control-allow-origin") == ["*"]

        check()
    assert len(calls) >= 9 and 200 in calls
