"""The comment workflow's table is the one its module's diagram shows; the history says what was decided."""

import pytest

from pathfinder.core.workflow import diagram_lines
from pathfinder.feedback import services
from pathfinder.feedback.constants import CommentStatus, NotPublishedReason
from pathfinder.feedback.tests.factories import CommentFactory, OfficerFactory


def test_the_table_is_the_diagram():
    every = ("received", "accepted", "published", "not_published")
    assert diagram_lines(services.WORKFLOW) == [
        *(f"{s} --accept--> accepted" for s in every),
        *(f"{s} --publish--> published" for s in every),
        *(f"{s} --refuse--> not_published" for s in every),
        "accepted --respond--> published",
        "published --respond--> published",
    ]


@pytest.mark.django_db
def test_each_decision_is_recorded_in_the_comments_history():
    officer = OfficerFactory()
    comment = CommentFactory()
    comment = services.comment_moderate(acting_user=officer, comment=comment, publish=False, version=comment.version,
                                        reason=NotPublishedReason.SPAM)
    assert comment.status == CommentStatus.NOT_PUBLISHED
    comment = services.comment_moderate(acting_user=officer, comment=comment, publish=True, version=comment.version,
                                        published_text="Fine words.")
    assert comment.status == CommentStatus.ACCEPTED
    comment = services.comment_respond(acting_user=officer, comment=comment, response="Thank you.", action="",
                                       version=comment.version)
    assert comment.status == CommentStatus.PUBLISHED
    reasons = list(comment.history.order_by("history_date", "history_id").values_list("history_change_reason",
                                                                                      flat=True))
    assert reasons[-3:] == ["Not published: Spam or advertising", "Accepted for publishing",
                            "Council response written"]
