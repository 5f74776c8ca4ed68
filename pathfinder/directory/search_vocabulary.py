"""The words the Local Offer's services use, and finding the nearest of them to a typing slip ("speach").

Similarity is pg_trgm's: the share of three-letter pieces two words have in common (each word padded with two
spaces before and one after, so "speach" and "speech" share "  s", " sp", "spe" and "ch " of 10 pieces: 0.4).
PostgreSQL with pg_trgm works it out in the database through a trigram index; SQLite (or PostgreSQL where the
extension could not be created) uses the same measure in Python, so both give the same corrections.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from django.db import connection, transaction

SIMILARITY_THRESHOLD = 0.3  # pg_trgm's own default for the % operator
SHORT_WORD, SHORT_WORD_THRESHOLD = 5, 0.45  # a short real word ("sign") is too easily "corrected" ("sight")
MIN_WORD = 3  # shorter words are too ambiguous to correct (and "ot" is an abbreviation, not a slip)
MAX_WORD = 60
TRGM_INDEX = "directory_searchword_trgm"
_WORD_RE = re.compile(r"[^\W_]+(?:'[^\W_]+)?", re.UNICODE)


def normalise(text: str) -> str:
    """Lower case, straight apostrophes, single spaces: how phrases are stored and compared."""
    text = (text or "").lower().replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(_WORD_RE.findall(text))


def words_of(text: str) -> list[str]:
    """The words of some text, lower case; "can't" stays one word."""
    return _WORD_RE.findall((text or "").lower().replace("\u2019", "'"))


def trigrams(word: str) -> set[str]:
    """pg_trgm's trigrams of one word."""
    padded = f"  {word} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def similarity(a: str, b: str) -> float:
    """pg_trgm's similarity(a, b) for single words."""
    ta, tb = trigrams(a), trigrams(b)
    return len(ta & tb) / len(ta | tb) if ta and tb else 0.0


@dataclass(frozen=True)
class Correction:
    typed: str
    word: str
    score: float


# ---------------------------------------------------------------------------------------------------------------
# Building the vocabulary


def search_words_rebuild() -> int:
    """Replace the vocabulary with the words of every published service (name, description, organisation, terms,
    eligibility), counting the services using each. Returns how many words. Runs in seconds at national scale."""
    from django.core.cache import cache

    from pathfinder.directory.models import SearchWord
    from pathfinder.directory.selectors import services_public

    counts: Counter[str] = Counter()
    rows = services_public().values_list("name", "description", "search_document")
    for name, description, document in rows.iterator(chunk_size=2000):
        counts.update({w for w in words_of(f"{name} {description} {document}") if MIN_WORD <= len(w) <= MAX_WORD
                       and not w.isdigit()})
    with transaction.atomic():
        SearchWord.objects.all().delete()
        SearchWord.objects.bulk_create([SearchWord(word=w, services=n) for w, n in counts.items()], batch_size=2000)
    cache.delete(PUBLISHED_COUNT_KEY)  # counted afresh with the words
    return len(counts)


def search_words_add(*texts: str) -> None:
    """Add the words of one service that has just gone live (approval, import), so a slip in a new word is
    corrected at once. One INSERT; counts are put right by the next full rebuild."""
    from pathfinder.directory.models import SearchWord

    words = {w for w in words_of(" ".join(texts)) if MIN_WORD <= len(w) <= MAX_WORD and not w.isdigit()}
    SearchWord.objects.bulk_create([SearchWord(word=w, services=1) for w in words], ignore_conflicts=True)


def trigram_index_install(conn) -> bool:
    """PostgreSQL: create pg_trgm (if this database user may) and a trigram index on the vocabulary. Returns
    whether the database can now do the similarity itself."""
    if conn.vendor != "postgresql":
        return False
    try:
        with transaction.atomic(using=conn.alias), conn.cursor() as cur:
            cur.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            cur.execute(f"CREATE INDEX IF NOT EXISTS {TRGM_INDEX} ON directory_searchword USING gin (word gin_trgm_ops)")
    except Exception:  # noqa: BLE001 - no permission: the Python measure is used instead
        return False
    _has_pg_trgm.cache_clear()
    return True


@lru_cache(maxsize=4)
def _has_pg_trgm(alias: str) -> bool:
    from django.db import connections

    with connections[alias].cursor() as cur:
        cur.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        return cur.fetchone() is not None


# ---------------------------------------------------------------------------------------------------------------
# Correcting


def corrections(words: list[str], *, limit: int = 2) -> dict[str, list[Correction]]:
    """For each word, the closest vocabulary words (similarity at least SIMILARITY_THRESHOLD), best first, most
    used first on a tie. One query for all the words."""
    words = [w for w in dict.fromkeys(words) if MIN_WORD <= len(w) <= MAX_WORD]
    if not words:
        return {}
    if connection.vendor == "postgresql" and _has_pg_trgm(connection.alias):
        found = _pg_candidates(words)
    else:
        found = _python_candidates(words)
    result: dict[str, list[Correction]] = {}
    for typed in words:
        ranked = sorted(((similarity(typed, w), n, w) for w, n in found.get(typed, [])), key=lambda c: (-c[0], -c[1], c[2]))
        least = SHORT_WORD_THRESHOLD if len(typed) <= SHORT_WORD else SIMILARITY_THRESHOLD
        result[typed] = [Correction(typed, w, round(s, 3)) for s, _, w in ranked if s >= least and w != typed][:limit]
    return result


def _pg_candidates(words: list[str]) -> dict[str, list[tuple[str, int]]]:
    """Candidates through the trigram index (the % operator uses pg_trgm.similarity_threshold, 0.3 by default)."""
    union = " UNION ALL ".join(
        "(SELECT %s, word, services FROM directory_searchword WHERE word %% %s "
        "ORDER BY similarity(word, %s) DESC, services DESC LIMIT 8)" for _ in words
    )
    params = [p for w in words for p in (w, w, w)]
    found: dict[str, list[tuple[str, int]]] = {}
    with connection.cursor() as cur:
        cur.execute(union, params)
        for typed, word, services in cur.fetchall():
            found.setdefault(typed, []).append((word, services))
    return found


def _python_candidates(words: list[str]) -> dict[str, list[tuple[str, int]]]:
    """Candidates by reading the vocabulary (a few thousand short rows for a council) and sharing a trigram."""
    from pathfinder.directory.models import SearchWord

    wanted = {w: trigrams(w) for w in words}
    found: dict[str, list[tuple[str, int]]] = {}
    for word, services in SearchWord.objects.values_list("word", "services").iterator(chunk_size=5000):
        grams = None
        for typed, typed_grams in wanted.items():
            if abs(len(word) - len(typed)) > max(3, len(typed) // 2):
                continue
            grams = grams or trigrams(word)
            if typed_grams & grams:
                found.setdefault(typed, []).append((word, services))
    return found


# ---------------------------------------------------------------------------------------------------------------
# How rare a word is (PostgreSQL's ranking weighs each part of a search by it; SQLite's bm25 does so itself)


def word_rarity(looked_for: list[str], *, prefixes: frozenset[int] = frozenset()) -> list[float]:
    """For each word or phrase looked for, BM25's inverse document frequency: ln(1 + (N - n + 0.5) / (n + 0.5)),
    N the published services, n those using it (a phrase: its rarest word; a prefix, by index in `prefixes`: the
    most used word it starts). One no service uses counts as rare (n = 0).

    Why: ts_rank scores how often and where words occur but not how rare they are, so "parent support group" was
    ranked by "group" in a name (660 of 1,463 demo services) over "parent" (184). One query."""
    from django.core.cache import cache
    from django.db.models import Count, Q, Subquery

    from pathfinder.directory.models import SearchWord, Service

    tokens = [words_of(phrase) for phrase in looked_for]
    query = Q(word__in={w for words in tokens for w in words})
    for n in prefixes:
        if tokens[n]:
            query |= Q(word__startswith=tokens[n][-1])
    total = cache.get(PUBLISHED_COUNT_KEY)
    if total is None:  # counted in the same query as the words, then kept (PUBLISHED_COUNT_KEY)
        published = (Service.objects.filter(is_published=True).order_by().values("is_published")
                     .annotate(n=Count("pk")).values("n")[:1])
        rows = list(SearchWord.objects.filter(query).annotate(total=Subquery(published)).values_list(
            "word", "services", "total"))
        used = {word: services for word, services, _ in rows}
        total = rows[0][2] if rows else 0
        if rows:
            cache.set(PUBLISHED_COUNT_KEY, total or 0, PUBLISHED_COUNT_SECONDS)
    else:
        used = dict(SearchWord.objects.filter(query).values_list("word", "services"))
    total = total or 0
    weights = []
    for n, words in enumerate(tokens):
        found = min((used.get(w, 0) for w in words), default=0)
        if n in prefixes and words:
            found = max([found, *(c for w, c in used.items() if w.startswith(words[-1]))])
        found = min(found, total)
        weights.append(math.log(1 + (total - found + 0.5) / (found + 0.5)) if total else 1.0)
    return weights


# How many services are published (BM25's N), kept in the shared cache for an hour: counting 100,000 services took
# a quarter of a second on every search, for a figure that only scales how rare a word is and that the words' own
# counts (search_words_rebuild) already trail by up to a day.
PUBLISHED_COUNT_KEY = "directory:published-services"
PUBLISHED_COUNT_SECONDS = 60 * 60
