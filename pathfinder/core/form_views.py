"""One page for one act on a versioned record: the confirm-and-post page behind most workflow moves.

Every domain has pages that show a short form for one move (refuse, withdraw, send, sign, stop...), post it to the
domain's service and either go back to the record or show the refusal on the form. `move_page` is that page, so
the rules live in one place: the form carries the version the person saw; a refused change goes in the GOV.UK
error summary and saves nothing; after a stale save the form keeps what they typed but takes the version as it is
now, so saving again is a choice made after reading the message. `core` knows no domain: the caller passes the
record, the form class, the service call and where to go.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from django import forms
from django.contrib import messages
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from pathfinder.core.errors import ServiceError, StaleEdit
from pathfinder.core.forms import form_add_service_error


def form_refused(
    form: forms.Form,
    error: ServiceError,
    record: models.Model | None = None,
    *,
    field_map: dict[str, str | None] | None = None,
    version_field: str = "version",
) -> None:
    """Show a refused change on the form; after a stale save, the form's hidden version takes the record's as it
    is now (the person's other answers stay as they typed them)."""
    form_add_service_error(form, error, field_map=field_map)
    if isinstance(error, StaleEdit) and record is not None and version_field in form.fields:
        data = form.data.copy()
        saved = type(record)._default_manager.filter(pk=record.pk).values_list(version_field, flat=True).first()
        data[version_field] = str(saved)
        form.data = data


def move_page(
    request: HttpRequest,
    *,
    record: models.Model,
    form_class: type[forms.Form],
    act: Callable[[Any, dict[str, Any]], object],
    done: str,
    next_url: str,
    title: str,
    back_url: str | None = None,
    caption: str = "",
    intro: Iterable[str] = (),
    submit: str = "Save",
    initial: Mapping[str, Any] | None = None,
    template: str = "core/form_page.html",
    **context: Any,
) -> HttpResponse:
    """Show `form_class` for one act on `record`; on a valid POST call `act(record, cleaned_data)`. If the act
    is refused (`ServiceError`) show why on the form; if it is done, say `done` and go to `next_url`.

    The form is given the record's `version` as initial data, so it must have a hidden `version` field.
    """
    form = form_class(request.POST or None, initial={"version": getattr(record, "version", None), **(initial or {})})
    if request.method == "POST" and form.is_valid():
        try:
            act(record, form.cleaned_data)
        except ServiceError as error:
            form_refused(form, error, record)
        else:
            messages.success(request, done)
            return redirect(next_url)
    return render(
        request,
        template,
        {
            "form": form,
            "page_title": title,
            "caption": caption,
            "intro": list(intro),
            "back_url": back_url or next_url,
            "submit_text": submit,
            **context,
        },
    )


def form_page(request: HttpRequest, *, child, form, title: str, back: str, intro: Iterable[str] = (),
              submit: str = "Save", **extra: Any) -> HttpResponse:
    """A short form about one child on the shared layout (``core/form_page.html``): the child's name as the
    caption, a back link, optional paragraphs before the form and the button's words."""
    return render(request, "core/form_page.html", {
        "child": child, "form": form, "page_title": title, "caption": child.full_name, "intro": list(intro),
        "back_url": back, "submit_text": submit, **extra,
    })

