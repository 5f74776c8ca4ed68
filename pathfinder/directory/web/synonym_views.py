"""The Local Offer officer's "Search words" pages: the council's synonyms, abbreviations and everyday phrases.

Thin: the form checks what was typed, directory.search_synonyms changes the list.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from pathfinder.accounts.roles import Role
from pathfinder.core.access import for_roles
from pathfinder.core.errors import ServiceError
from pathfinder.core.forms import form_add_service_error
from pathfinder.directory.constants import TAXONOMY_NEEDS, TAXONOMY_SUPPORT
from pathfinder.directory.models import SearchSynonym
from pathfinder.directory.search_synonyms import search_synonym_delete, search_synonym_save, synonym_terms
from pathfinder.directory.web.synonym_forms import SearchSynonymForm

OFFICER = Role.LOCAL_OFFER_OFFICER


def _synonym(pk: int) -> SearchSynonym:
    synonym = SearchSynonym.objects.filter(pk=pk).first()
    if synonym is None:
        raise Http404
    return synonym


@for_roles(OFFICER)
def search_words(request: HttpRequest) -> HttpResponse:
    """The whole list, A to Z, with what each entry makes the search look for."""
    entries = list(SearchSynonym.objects.prefetch_related("terms").order_by("phrase"))
    return render(request, "directory/officer_search_words.html", {
        "entries": entries, "page_title": "Search words",
    })


@for_roles(OFFICER)
def search_word_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """Add a word to the list or change one."""
    synonym = _synonym(pk) if pk is not None else None
    prefix = {TAXONOMY_NEEDS: "Need", TAXONOMY_SUPPORT: "Kind of support"}
    choices = [(str(t.pk), f"{prefix.get(t.taxonomy.code, t.taxonomy.name)}: {t.name}") for t in synonym_terms()]
    initial = ({"phrase": synonym.phrase, "kind": synonym.kind, "means": synonym.means, "version": synonym.version,
                "terms": [str(pk) for pk in synonym.terms.values_list("pk", flat=True)]}
               if synonym else {"kind": "abbreviation"})
    form = SearchSynonymForm(request.POST if request.method == "POST" else None, initial=initial,
                             term_choices=choices)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            saved = search_synonym_save(
                acting_user=request.user, synonym=synonym, phrase=data["phrase"], kind=data["kind"],
                means=data["means"], term_ids=data["terms"], expected_version=data.get("version"),
            )
        except ServiceError as error:
            form_add_service_error(form, error)
        else:
            messages.success(request, f"Saved '{saved.phrase}'. The search uses it from now on.")
            return redirect("directory:officer-search-words")
    back = reverse("directory:officer-search-words")
    return render(request, "core/form_page.html", {
        "form": form, "page_title": f"Change '{synonym.phrase}'" if synonym else "Add a search word",
        "caption": "Local Offer search words", "back_url": back, "cancel_url": back, "submit_text": "Save",
        "intro": ["When a family types this, the search looks for these words as well, and tells them so."],
    })


@for_roles(OFFICER)
def search_word_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirm, then take a word off the list."""
    synonym = _synonym(pk)
    if request.method == "POST":
        try:
            search_synonym_delete(acting_user=request.user, synonym=synonym)
        except ServiceError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, f"Removed '{synonym.phrase}'. The search reads it as typed again.")
        return redirect("directory:officer-search-words")
    return render(request, "directory/officer_search_word_delete.html", {
        "synonym": synonym, "page_title": f"Remove '{synonym.phrase}'?",
    })
