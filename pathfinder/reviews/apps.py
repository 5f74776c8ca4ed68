from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "pathfinder.reviews"
    label = "reviews"

    def ready(self) -> None:
        # The review's decision "amend" or "cease" is recorded when that notice goes (plans and ceasing own the
        # notices and do not know reviews exist: they call what is registered in their seams).
        from pathfinder.ceasing.follow_ups import CEASE_DECISION_FOLLOW_UPS
        from pathfinder.plans.amendment_follow_ups import AMENDMENT_NOTICE_FOLLOW_UPS
        from pathfinder.reviews.decisions import review_amend_decided, review_cease_decided

        if review_amend_decided not in AMENDMENT_NOTICE_FOLLOW_UPS:
            AMENDMENT_NOTICE_FOLLOW_UPS.append(review_amend_decided)
        if review_cease_decided not in CEASE_DECISION_FOLLOW_UPS:
            CEASE_DECISION_FOLLOW_UPS.append(review_cease_decided)
        # The plan's page says when the next review is due and links to the plan's reviews.
        from pathfinder.plans.plan_notes import register_plan_notes
        from pathfinder.reviews.plan_notes import review_notes

        register_plan_notes(review_notes)
