"""Every form rendered with its errors, as a page shows it: the error summary and each field's own message.

No Django default reaches the HTML, and no message appears more than twice (once in the summary, once by its
field): the same words twice in one place is what "This field is required." used to look like.
"""

from __future__ import annotations

import html
import re

import pytest
from django.template import engines
from django.utils.datastructures import MultiValueDict

from pathfinder.core.tests.form_registry import build, dotted
from pathfinder.core.tests.test_form_messages import CLASSES, DEFAULT_PATTERNS, _answers

pytestmark = pytest.mark.django_db

PAGE = """{% from "core/macros.html" import form_fields %}
{% from "govuk_frontend_jinja/components/error-summary/macro.html" import govukErrorSummary %}
{% if form.errors %}{{ govukErrorSummary({"titleText": "There is a problem", "errorList": error_summary_items(form)}) }}{% endif %}
{{ form_fields(form) }}"""


def _text(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "\n", markup))


@pytest.mark.parametrize("cls", CLASSES, ids=dotted)
@pytest.mark.parametrize("variant", ["empty", "wrong"])
def test_a_form_with_errors_shows_each_message_in_the_summary_and_by_its_field_only(cls, variant):
    unbound = build(cls)
    data, files = (MultiValueDict(), MultiValueDict()) if variant == "empty" else _answers(unbound, variant)
    form = build(cls, data=data, files=files)
    form.is_valid()
    markup = engines["jinja2"].env.from_string(PAGE).render(form=form)
    lines = [line.strip() for line in _text(markup).splitlines() if line.strip()]
    for line in lines:
        assert not any(p.fullmatch(line) for p in DEFAULT_PATTERNS), f"{dotted(cls)} shows Django's {line!r}"
    summary = [_text(m).strip() for m in re.findall(r'<div class="govuk-error-summary__body">.*?</div>', markup, re.S)]
    summary_items = [_text(m).strip() for m in re.findall(r"<li>(.*?)</li>", "".join(
        re.findall(r'<ul class="govuk-list govuk-error-summary__list">.*?</ul>', markup, re.S)), re.S)]
    by_field = [_text(m).replace("Error:", "").strip()
                for m in re.findall(r'<p[^>]*class="govuk-error-message"[^>]*>(.*?)</p>', markup, re.S)]
    assert summary or not form.errors
    for name, errors in form.errors.items():
        message = str(errors[0])
        hidden = name in form.fields and form.fields[name].widget.is_hidden
        assert summary_items.count(message) == 1, f"{dotted(cls)}.{name}: {message!r} in the summary {summary_items}"
        expected = 0 if hidden or name == "__all__" else 1
        assert by_field.count(message) == expected, f"{dotted(cls)}.{name}: {message!r} by the field {by_field}"
