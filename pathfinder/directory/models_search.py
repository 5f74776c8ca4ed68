"""What the Local Offer search knows about words: the council's list of synonyms, abbreviations and everyday
phrases (edited by the Local Offer officer), and the words the services use (for correcting typing slips).

Imported at the end of models.py so Django registers them with the directory app.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class SynonymKind(models.TextChoices):
    """How the search explains an expansion to a family (the wording differs, the matching does not)."""

    ABBREVIATION = "abbreviation", "An abbreviation, like SALT or CAMHS"
    SAME_MEANING = "same_meaning", "Another word for the same thing, like respite for short breaks"
    EVERYDAY = "everyday", "An everyday phrase, like can't sleep or meltdowns"


class SearchSynonym(models.Model):
    """A word or phrase families type, and what the search looks for as well.

    `phrase` is stored normalised (lower case, single spaces, straight apostrophes) so that "SALT", "salt " and
    "Salt" are one entry. `means` is a comma-separated list of words or phrases searched for alongside what was
    typed; `terms` are needs or kinds of support whose services match too (through their names, which every
    service's search document carries).
    """

    phrase = models.CharField(max_length=80, unique=True)
    kind = models.CharField(max_length=20, choices=SynonymKind.choices, default=SynonymKind.SAME_MEANING)
    means = models.CharField(max_length=300, blank=True)
    terms = models.ManyToManyField("directory.TaxonomyTerm", blank=True, related_name="+")
    version = models.PositiveIntegerField(default=1, help_text="Goes up with every save, so a stale save is refused")
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["phrase"]

    def __str__(self) -> str:
        return self.phrase

    @property
    def means_list(self) -> list[str]:
        return [part.strip() for part in self.means.split(",") if part.strip()]


class SearchWord(models.Model):
    """A word that appears in published services, with how many use it: the vocabulary a typing slip is
    corrected against (pg_trgm similarity on PostgreSQL, the same trigram measure in Python on SQLite), partial and
    compound words are read against (`search_compounds`), and PostgreSQL's ranking weighs words by
    (`search_vocabulary.word_rarity`).

    Rebuilt by `search_vocabulary.search_words_rebuild()` (after the demo loads, by `rebuild_search_index`,
    and every night by the daily job `rebuild_search_words`); a word missing for a day only means a slip in it is
    not corrected until then.
    """

    word = models.CharField(max_length=60, unique=True)
    services = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return self.word
