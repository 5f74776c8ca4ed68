"""Read a rendered HTML form the way a browser would submit it, so a test can post a page back unchanged.

Only what Pathfinder's pages use: text-like inputs, hidden inputs, checkboxes, radios (one per group: the last
one marked checked wins, as in a browser), selects (the selected option, else the first) and textareas.
Disabled controls, file inputs and unnamed controls are not sent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

_NOT_SENT = {"submit", "button", "reset", "file", "image"}


@dataclass
class ParsedForm:
    action: str
    method: str
    fields: list[tuple[str, str]] = field(default_factory=list)
    radios: dict[str, str] = field(default_factory=dict)

    def pairs(self) -> list[tuple[str, str]]:
        """The (name, value) pairs in the order a browser sends them (radios once per group)."""
        return self.fields + list(self.radios.items())

    def data(self) -> dict[str, list[str]]:
        """The pairs as a dict of lists, for the Django test client."""
        out: dict[str, list[str]] = {}
        for name, value in self.pairs():
            out.setdefault(name, []).append(value)
        return out


class _FormReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[ParsedForm] = []
        self._form: ParsedForm | None = None
        self._select: dict | None = None
        self._option: dict | None = None
        self._textarea: dict | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: (v if v is not None else "") for k, v in attrs}
        if tag == "form":
            self._form = ParsedForm(action=a.get("action", ""), method=a.get("method", "get").lower())
            self.forms.append(self._form)
            return
        if self._form is None or "disabled" in a:
            if tag == "select":
                self._select = None
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text").lower()
            if kind in _NOT_SENT:
                return
            if kind == "radio":
                if "checked" in a:
                    self._form.radios[name] = a.get("value", "on")
            elif kind == "checkbox":
                if "checked" in a:
                    self._form.fields.append((name, a.get("value", "on")))
            else:
                self._form.fields.append((name, a.get("value", "")))
        elif tag == "select" and name:
            self._select = {"name": name, "options": [], "selected": None}
        elif tag == "option" and self._select is not None:
            self._option = {"value": a.get("value"), "text": "", "selected": "selected" in a}
        elif tag == "textarea" and name:
            self._textarea = {"name": name, "text": ""}

    def handle_data(self, data: str) -> None:
        if self._option is not None:
            self._option["text"] += data
        if self._textarea is not None:
            self._textarea["text"] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "option" and self._option is not None and self._select is not None:
            option = self._option
            value = option["value"] if option["value"] is not None else option["text"].strip()
            self._select["options"].append(value)
            if option["selected"]:
                self._select["selected"] = value
            self._option = None
        elif tag == "select" and self._select is not None and self._form is not None:
            chosen = self._select["selected"]
            if chosen is None and self._select["options"]:
                chosen = self._select["options"][0]
            if chosen is not None:
                self._form.fields.append((self._select["name"], chosen))
            self._select = None
        elif tag == "textarea" and self._textarea is not None and self._form is not None:
            text = self._textarea["text"]
            if text.startswith("\n"):  # a browser drops one newline straight after <textarea>
                text = text[1:]
            self._form.fields.append((self._textarea["name"], text.replace("\r\n", "\n")))
            self._textarea = None
        elif tag == "form":
            self._form = None


def page_forms(html: str) -> list[ParsedForm]:
    reader = _FormReader()
    reader.feed(html)
    reader.close()
    return reader.forms


def main_form(html: str, method: str = "post") -> ParsedForm:
    """The page's main form: of the forms sent by `method`, the one with the most fields (not sign-out)."""
    candidates = [f for f in page_forms(html) if f.method == method]
    if not candidates:
        raise AssertionError(f"No {method} form on the page")
    return max(candidates, key=lambda f: len(f.pairs()))
