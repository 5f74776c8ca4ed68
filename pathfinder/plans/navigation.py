"""Plans add no links of their own: the family's start page, which shows the request and the plan, moved to the
family portal (pathfinder/family/navigation.py) with its address kept."""
