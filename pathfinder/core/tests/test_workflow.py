"""The one workflow helper: lock, version guard, allowed moves, domain checks, one record per act."""

from __future__ import annotations

import pytest

from pathfinder.core.errors import ServiceError, StaleEdit
from pathfinder.core.workflow import Move, Workflow, diagram_lines
from pathfinder.directory.constants import RevisionStatus
from pathfinder.directory.models import ServiceRevision
from pathfinder.directory.tests.factories import ServiceFactory

pytestmark = pytest.mark.django_db


def _revision() -> ServiceRevision:
    return ServiceRevision.objects.create(service=ServiceFactory(), data={}, number=1,
                                          status=RevisionStatus.DRAFT)


def _workflow(recorded: list) -> Workflow:
    return Workflow(
        "test",
        (Move("submit", "Send for approval", (RevisionStatus.DRAFT,), RevisionStatus.SUBMITTED),
         Move("approve", "Approve", (RevisionStatus.SUBMITTED,), RevisionStatus.APPROVED)),
        record=lambda **kw: recorded.append(kw),
    )


def test_a_move_changes_status_bumps_version_and_records_once():
    recorded: list = []
    revision = _revision()
    moved = _workflow(recorded).transition(revision, "submit", acting_user=None, expected_version=revision.version)
    assert moved.status == RevisionStatus.SUBMITTED
    assert moved.version == revision.version + 1
    assert ServiceRevision.objects.get(pk=revision.pk).status == RevisionStatus.SUBMITTED
    assert len(recorded) == 1 and recorded[0]["move"].action == "submit"


def test_a_stale_version_is_refused_and_nothing_changes():
    recorded: list = []
    revision = _revision()
    with pytest.raises(StaleEdit):
        _workflow(recorded).transition(revision, "submit", acting_user=None, expected_version=revision.version - 1)
    assert ServiceRevision.objects.get(pk=revision.pk).status == RevisionStatus.DRAFT
    assert recorded == []


def test_a_move_not_open_from_the_status_is_refused_with_the_status_named():
    revision = _revision()
    with pytest.raises(ServiceError, match="You cannot approve now: it is at “Draft”"):
        _workflow([]).transition(revision, "approve", acting_user=None, expected_version=revision.version)


def test_a_domain_check_refuses_and_rolls_back_what_apply_did():
    revision = _revision()

    def check(current):
        raise ServiceError("Not yet", field="reason")

    with pytest.raises(ServiceError) as refused:
        _workflow([]).transition(revision, "submit", acting_user=None, expected_version=revision.version,
                                 check=check)
    assert refused.value.field == "reason"
    assert ServiceRevision.objects.get(pk=revision.pk).version == revision.version


def test_allowed_moves_and_diagram_follow_the_table():
    workflow = _workflow([])
    revision = _revision()
    assert [m.action for m in workflow.allowed(revision)] == ["submit"]
    assert diagram_lines(workflow) == ["draft --submit--> submitted", "submitted --approve--> approved"]


def test_a_move_declared_twice_is_a_mistake():
    with pytest.raises(ValueError):
        Workflow("twice", (Move("a", "A", ("x",), "y"), Move("a", "A", ("y",), "z")))


def test_a_status_keeping_move_is_guarded_versioned_and_recorded_like_any_other():
    """A move from a status to itself (a notice sent, a decision that stands) changes what `apply` sets and the
    version, is open only from that status, refuses a stale page and records one act."""
    recorded: list = []
    workflow = Workflow("keep", (Move("note", "Add a note", (RevisionStatus.DRAFT,), RevisionStatus.DRAFT),),
                        record=lambda **kw: recorded.append(kw))
    revision = _revision()
    kept = workflow.transition(revision, "note", acting_user=None, expected_version=revision.version,
                               apply=lambda current: setattr(current, "data", {"note": "seen"}), what="noted")
    saved = ServiceRevision.objects.get(pk=revision.pk)
    assert (saved.status, saved.version, saved.data) == (RevisionStatus.DRAFT, revision.version + 1, {"note": "seen"})
    assert [r["what"] for r in recorded] == ["noted"] and kept.version == saved.version
    with pytest.raises(StaleEdit):
        workflow.transition(kept, "note", acting_user=None, expected_version=revision.version)
    ServiceRevision.objects.filter(pk=revision.pk).update(status=RevisionStatus.SUBMITTED)
    with pytest.raises(ServiceError, match="You cannot add a note now"):
        workflow.transition(kept, "note", acting_user=None, expected_version=kept.version)
    assert len(recorded) == 1 and diagram_lines(workflow) == ["draft --note--> draft"]
