"""The Local Offer's daily jobs (run by `manage.py run_daily_jobs`, see pathfinder.core.daily_jobs)."""

from __future__ import annotations

from datetime import date

from pathfinder.core.daily_jobs import register_daily_job


@register_daily_job("harvest_feeds", "Bring in what changed in each subscribed Open Referral UK feed", order=20)
def harvest_feeds(today: date) -> str:
    """Every active feed is tried; if any failed, the job fails (after the rest were harvested) naming them."""
    from pathfinder.directory.harvest.models import FeedSubscription
    from pathfinder.directory.harvest.services import feed_harvest

    done, failed = [], []
    for subscription in FeedSubscription.objects.filter(active=True):
        run = feed_harvest(subscription=subscription)
        if run.status == run.Status.FAILED:
            failed.append(f"{subscription.name} ({run.message})")
        else:
            done.append(f"{subscription.name}: {run.added} added, {run.updated} updated")
    if failed:
        raise RuntimeError("Harvest failed for " + "; ".join(failed))
    return "; ".join(done) or "No feeds subscribed"


@register_daily_job("rebuild_search_words", "Rebuild the words typing slips are corrected against", order=40)
def rebuild_search_words(today: date) -> str:
    """After the harvest, so the day's new services' words are counted."""
    from pathfinder.directory.search_vocabulary import search_words_rebuild

    return f"{search_words_rebuild():,} words in the search vocabulary"
