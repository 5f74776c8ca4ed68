"""How the demo's made-up staff are reached: addresses a family would recognise, never a real inbox."""

from __future__ import annotations

import re

#: A reserved-style domain of the fictional council: nothing is ever delivered there.
STAFF_DOMAIN = "wealdmoor.example"


#: Families and providers have their own addresses, not the council's (example.com is reserved for examples).
OWN_DOMAIN = "example.com"


def work_email(first: str, last: str, domain: str = STAFF_DOMAIN) -> str:
    """"Hollie Wyatt" -> hollie.wyatt@wealdmoor.example, as a council's addresses read (not cw00039@...)."""
    local = ".".join(re.sub(r"[^a-z]", "", part.lower()) for part in (first, last) if part)
    return f"{local}@{domain}"
