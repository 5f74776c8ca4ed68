"""The Local Offer officer keeps the council's list of search words: synonyms, abbreviations and everyday phrases
that the public search reads what families type through (see search_query)."""

from __future__ import annotations

from django.db import transaction

from pathfinder.core.errors import ServiceError
from pathfinder.directory.constants import TAXONOMY_NEEDS, TAXONOMY_SUPPORT
from pathfinder.directory.models import SearchSynonym, SynonymKind, TaxonomyTerm
from pathfinder.directory.permissions import require_officer
from pathfinder.directory.search_vocabulary import normalise


def synonym_terms():
    """The needs and kinds of support a search word can point to, in the order the search filters show them."""
    return (TaxonomyTerm.objects.filter(taxonomy__code__in=(TAXONOMY_NEEDS, TAXONOMY_SUPPORT))
            .select_related("taxonomy").order_by("-taxonomy__code", "parent_id", "sort_order", "name"))


@transaction.atomic
def search_synonym_save(
    *, acting_user, synonym: SearchSynonym | None = None, phrase: str, kind: str, means: str,
    term_ids=(), expected_version: int | None = None,
) -> SearchSynonym:
    """Add a search word (synonym is None) or change one. The phrase is stored normalised, so "SALT" and "salt"
    are one entry; a change made from a page read before someone else's save is refused."""
    require_officer(acting_user)
    phrase = normalise(phrase)
    means = ", ".join(normalise(part) for part in means.split(",") if normalise(part))
    if not phrase:
        raise ServiceError("Enter what people type", field="phrase")
    if kind not in SynonymKind.values:
        raise ServiceError("Select what kind of word this is", field="kind")
    terms = list(synonym_terms().filter(pk__in=list(term_ids)))
    if not means and not terms:
        raise ServiceError("Enter what to look for as well, or select a need or kind of support", field="means")
    clash = SearchSynonym.objects.filter(phrase=phrase)
    if synonym is not None:
        clash = clash.exclude(pk=synonym.pk)
    if clash.exists():
        raise ServiceError(f"'{phrase}' is already in the list: change that entry instead", field="phrase")
    if synonym is None:
        synonym = SearchSynonym(phrase=phrase, kind=kind, means=means, updated_by=acting_user)
        synonym.save()
    else:
        locked = SearchSynonym.objects.select_for_update().get(pk=synonym.pk)
        if expected_version is not None and locked.version != expected_version:
            raise ServiceError("Someone else changed this entry after you opened it. Check it and make your change "
                               "again.")
        locked.phrase, locked.kind, locked.means, locked.updated_by = phrase, kind, means, acting_user
        locked.version += 1
        locked.save()
        synonym = locked
    synonym.terms.set(terms)
    return synonym


@transaction.atomic
def search_synonym_delete(*, acting_user, synonym: SearchSynonym) -> None:
    """Take a word off the list: the search reads it as typed again."""
    require_officer(acting_user)
    SearchSynonym.objects.filter(pk=synonym.pk).delete()
