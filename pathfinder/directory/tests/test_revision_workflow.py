"""The revision workflow's table is the one its module's diagram shows, and refusals keep the Local Offer's words."""

import pytest

from pathfinder.core.errors import ServiceError
from pathfinder.core.workflow import diagram_lines
from pathfinder.directory import decisions, revisions
from pathfinder.directory.constants import RevisionStatus
from pathfinder.directory.models import ServiceRevision
from pathfinder.directory.tests.factories import ServiceFactory


def test_the_table_is_the_diagram():
    assert diagram_lines(revisions.WORKFLOW) == [
        "draft --save_draft--> draft",
        "submitted --save_draft--> draft",
        "draft --submit--> submitted",
        "submitted --approve--> approved",
        "submitted --reject--> rejected",
    ]


@pytest.mark.django_db
def test_a_move_from_the_wrong_status_is_refused_in_plain_words():
    from pathfinder.accounts.tests.factories import LocalOfferOfficerFactory

    officer = LocalOfferOfficerFactory()
    revision = ServiceRevision.objects.create(service=ServiceFactory(), number=1, status=RevisionStatus.APPROVED)
    with pytest.raises(ServiceError, match="Only a draft can be sent for approval."):
        revisions.service_submit(acting_user=officer, revision=revision)
    with pytest.raises(ServiceError, match="This version is not waiting for approval."):
        decisions.service_approve(acting_user=officer, revision=revision, expected_version=revision.version)
    with pytest.raises(ServiceError, match="This version is not waiting for approval."):
        decisions.service_reject(acting_user=officer, revision=revision, reason="No", expected_version=revision.version)
