"""Bringing in a neighbouring directory's services from its Open Referral UK API (issue 12, item 2).

models: subscriptions, runs and their reports, the link from each imported service to where it came from.
client: reads a remote ORUK 3.0 feed page by page with `requests` (timeouts, plain-English errors).
services: subscribe, harvest (only what changed, never overwriting a local edit silently), settle a conflict.
"""
