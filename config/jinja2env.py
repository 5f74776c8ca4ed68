"""Jinja2 environment: GOV.UK Frontend macros, URL reversing and a string CSP nonce."""

from __future__ import annotations

from datetime import date, datetime

from django.conf import settings
from django.contrib.messages import get_messages
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from jinja2 import ChainableUndefined, ChoiceLoader, Environment, PackageLoader, PrefixLoader, pass_context

import statutory
from pathfinder.core.forms import error_summary_items, field_kind, field_params
from pathfinder.core.navigation import navigation_items


def url(name: str, *args, **kwargs) -> str:
    return reverse(name, args=args or None, kwargs=kwargs or None)


def format_date(value: date | datetime | None, fmt: str = "%-d %B %Y") -> str:
    """GOV.UK style dates: 23 November 2026."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        return value.strftime("%-d %B %Y at %-I:%M%p").replace("AM", "am").replace("PM", "pm")
    return value.strftime(fmt)


def short_date(value: date | None) -> str:
    return format_date(value, "%-d %b %Y")


@pass_context
def csp_nonce(context) -> str:
    request = context.get("request")
    nonce = getattr(request, "csp_nonce", None) if request is not None else None
    # django-csp's lazy nonce is falsy until evaluated, so test for None: str() evaluates it, which also
    # tells the middleware to put this nonce in the response's header.
    return str(nonce) if nonce is not None else ""


@pass_context
def page_messages(context) -> list:
    request = context.get("request")
    return list(get_messages(request)) if request is not None else []


def plan_url(assessment) -> str:
    """The plan an assessment led to (its own pages once started, or the page to start it)."""
    return reverse("plans:for-assessment", kwargs={"child_id": assessment.child_id, "assessment_id": assessment.pk})


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    word = singular if count == 1 else (plural_form or singular + "s")
    return f"{count:,} {word}"


def period(code: str) -> str:
    """A statutory period as the rule book in force today states it, e.g. ``period("final_plan")`` = "20 weeks".

    Templates never write a statutory period themselves (statutory/tests/test_periods_only_in_statutory.py).
    """
    return statutory.rule_in_force(code, timezone.localdate()).duration_text


def environment(**options) -> Environment:
    base_loader = options.pop("loader")
    options["loader"] = ChoiceLoader(
        [base_loader, PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")})]
    )
    options["undefined"] = ChainableUndefined  # the GOV.UK macros rely on it
    options.setdefault("extensions", []).append("jinja2.ext.do")
    env = Environment(**options)
    env.globals.update(
        {
            "url": url,
            "static_url": settings.STATIC_URL,
            "static": static,  # the hashed name in production (manifest), so browsers may keep it for years
            "settings": settings,
            "council_name": settings.COUNCIL_NAME,
            "service_name": settings.SERVICE_NAME,
            "csp_nonce": csp_nonce,
            "page_messages": page_messages,
            "field_params": field_params,
            "field_kind": field_kind,
            "error_summary_items": error_summary_items,
            "plural": plural,
            "exception_description": statutory.exception_description,  # never show "E3" on its own
            "period": period,
            "plan_url": plan_url,
            "navigation_items": navigation_items,
        }
    )
    env.filters.update({"govuk_date": format_date, "short_date": short_date})
    return env
