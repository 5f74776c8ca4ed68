"""Understanding what someone typed into the Local Offer search, before it is searched for.

`understand(text)` turns "my son cant talk properly" or "speach theraphy" or "SALT" into a `QueryPlan`: groups of
alternatives, every group to be matched (any one alternative will do), plus plain-English notes saying what was
done ("SALT means speech and language therapy", "Matched 'speech' (you typed 'speach')"). It uses:

* the council's list of synonyms, abbreviations and everyday phrases (`SearchSynonym`, longest phrase first);
* the live text index, to tell which typed words some service uses (one query for all of them);
* the vocabulary: words typed apart or together ("wheel chair", "afterschool") and partial words ("physio") are
  read as the services write them (`search_compounds`), and other words no service uses are corrected as typing
  slips (`search_vocabulary.corrections`);
* a short list of words that say nothing about a service ("my", "son", "properly"), left out silently.

Costs two or three small queries; `search.py` turns the plan into an FTS5 or PostgreSQL query.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import connection

from pathfinder.directory.search_compounds import best_split, compound_readings, joined, split_parts
from pathfinder.directory.search_index import FTS_TABLE, pg_search_vector
from pathfinder.directory.search_vocabulary import corrections, normalise, words_of

MAX_WORDS = 12
LONGEST_PHRASE = 4
_FTS_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
CONTRACTIONS = {"cant": "can't", "dont": "don't", "wont": "won't", "doesnt": "doesn't", "isnt": "isn't",
                "cannot": "can't"}
# Words that say nothing about which service fits: left out of the search without comment.
FILLER = frozenset("""
a an the and or of to in on at for with without from by about is are be been was were am i me my mine we our us
you your he she him her his hers they them their it its this that these those who what where when which how why
son daughter child childs kid kids boy girl baby toddler teenager teen year years old aged age
has have had having do does did doing get gets getting got need needs needed want wants looking look find
some any very really properly well much more please near nearby local can could would should will help helps
""".split())


@dataclass
class Group:
    """One part of what was typed, and the words or phrases any of which will match it."""

    typed: str
    alternatives: list[str]
    prefix: bool = False  # the last word typed: also match words starting with it (search as you type)


@dataclass
class QueryPlan:
    groups: list[Group] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)
    # how rare each word or phrase looked for is (PostgreSQL's ranking), worked out once for the plan
    rarity: list[float] | None = field(default=None, repr=False, compare=False)

    @property
    def finds_nothing(self) -> bool:
        """Words were typed but none of them is used by any service and none could be corrected."""
        return not self.groups and bool(self.left_out)

    def fts5(self, *, any_group: bool = False) -> str:
        """The SQLite FTS5 query: every group (or any, when relaxed), each as an OR of quoted phrases."""
        parts = []
        for group in self.groups:
            alts = []
            for alt in group.alternatives:
                tokens = _FTS_TOKEN.findall(alt.lower())
                if tokens:
                    star = "*" if group.prefix and alt == group.typed and len(tokens) == 1 else ""
                    alts.append(f'"{" ".join(tokens)}"{star}')
            if alts:
                parts.append(alts[0] if len(alts) == 1 else "(" + " OR ".join(dict.fromkeys(alts)) + ")")
        return (" OR " if any_group else " AND ").join(parts)

    def pg_query(self, *, any_group: bool = False):
        """The PostgreSQL tsquery (as a SearchQuery): phrases with the English stemmer, the last word as a prefix."""
        combined = None
        for n in range(len(self.groups)):
            query = None
            for one in self.pg_alternatives(n).values():
                query = one if query is None else query | one
            if query is not None:
                combined = query if combined is None else (combined | query if any_group else combined & query)
        return combined

    def pg_alternatives(self, n: int) -> dict[str, object]:
        """Group n's alternatives as PostgreSQL queries, by the alternative (lower case, each once)."""
        from django.contrib.postgres.search import SearchQuery

        group, queries = self.groups[n], {}
        for alt in dict.fromkeys(group.alternatives):
            tokens = _FTS_TOKEN.findall(alt.lower())
            if not tokens or " ".join(tokens) in queries:
                continue
            if group.prefix and alt == group.typed and len(tokens) == 1:
                queries[" ".join(tokens)] = SearchQuery(f"{tokens[0]}:*", search_type="raw", config="english")
            else:
                queries[" ".join(tokens)] = SearchQuery(" ".join(tokens), search_type="phrase", config="english")
        return queries


def _synonyms() -> dict[str, tuple[str, list[str], list[str]]]:
    """phrase -> (kind, what to look for as well, names of linked terms). One query."""
    from pathfinder.directory.models import SearchSynonym

    table: dict[str, tuple[str, list[str], list[str]]] = {}
    for phrase, kind, means, term_name in SearchSynonym.objects.values_list("phrase", "kind", "means", "terms__name"):
        entry = table.setdefault(phrase, (kind, [m.strip() for m in means.split(",") if m.strip()], []))
        if term_name:
            entry[2].append(term_name)
    return table


def _explain(phrase: str, kind: str, means: list[str], term_names: list[str]) -> str:
    looked_for = means or [t.lower() for t in term_names]
    if kind == "abbreviation":
        return f"{phrase.upper()} means {looked_for[0]}" if looked_for else ""
    if not looked_for:
        return ""
    listed = ", ".join(f"'{m}'" for m in looked_for[:3])
    if kind == "everyday":
        return f"For '{phrase}' we also looked for {listed}"
    return f"'{phrase}' also finds {listed}"


PG_PROBE = 1000


def _used_by_some_service(words: list[tuple[str, bool]], vocabulary: Iterable[str] = ()
                          ) -> tuple[dict[str, bool], set[str]]:
    """Which words (with whether each is a prefix) the live text index has, and which of `vocabulary` (the halves
    of words that may be compounds) are in the vocabulary, in one query."""
    from pathfinder.directory.models import SearchWord, Service

    vocabulary = list(dict.fromkeys(vocabulary))
    if not words and not vocabulary:
        return {}, set()
    selects, params = [], []
    for word, prefix in words:
        tokens = _FTS_TOKEN.findall(word)
        if connection.vendor == "postgresql":
            from django.contrib.postgres.search import SearchQuery

            query = (SearchQuery(f"{tokens[-1]}:*", search_type="raw", config="english") if prefix and len(tokens) == 1
                     else SearchQuery(" ".join(tokens), search_type="phrase", config="english"))
            # Up to PG_PROBE rows, not one: "LIMIT 1" makes PostgreSQL expect an early hit and read the whole table
            # for a word no service has; a limit above its guess for a rare word makes it ask the GIN index.
            qs = (Service.objects.annotate(search=pg_search_vector()).filter(search=query).order_by()
                  .values("pk")[:PG_PROBE])
            sql, sub_params = qs.query.sql_with_params()
            selects.append(f"(SELECT COUNT(*) FROM ({sql}) AS probe{len(selects)}) > 0")
        else:
            match = f'"{" ".join(tokens)}"' + ("*" if prefix and len(tokens) == 1 else "")
            qs = Service.objects.extra(
                tables=[FTS_TABLE], where=[f"{FTS_TABLE}.rowid = directory_service.rowid", f"{FTS_TABLE} MATCH %s"],
                params=[match]).order_by().values("pk")[:1]
            sql, sub_params = qs.query.sql_with_params()
            selects.append(f"EXISTS ({sql})")
        params.extend(sub_params)
    for part in vocabulary:  # one unique-index lookup each
        sql, sub_params = SearchWord.objects.filter(word=part).values("pk")[:1].query.sql_with_params()
        selects.append(f"EXISTS ({sql})")
        params.extend(sub_params)
    with connection.cursor() as cur:
        cur.execute("SELECT " + ", ".join(selects), params)
        row = cur.fetchone()
    known = {word: bool(hit) for (word, _), hit in zip(words, row[: len(words)], strict=True)}
    return known, {part for part, hit in zip(vocabulary, row[len(words) :], strict=True) if hit}


def understand(text: str, *, synonyms: dict | None = None) -> QueryPlan:
    """What to search for, and what to tell the family about it. See the module docstring."""
    tokens = [CONTRACTIONS.get(t, t) for t in words_of(normalise(text))][:MAX_WORDS]
    plan = QueryPlan()
    if not tokens:
        return plan
    first_reading = synonyms is None
    synonyms = _synonyms() if synonyms is None else synonyms
    free: list[tuple[int, str]] = []  # (position, word) not part of a synonym: checked against the index
    groups_at: dict[int, Group] = {}
    i = 0
    while i < len(tokens):
        for size in range(min(LONGEST_PHRASE, len(tokens) - i), 0, -1):
            phrase = " ".join(tokens[i : i + size])
            entry = phrase if phrase in synonyms else joined(*tokens[i : i + 2]) if size == 2 else None
            if entry in synonyms:  # "wheel chair" meets the list's "wheelchair" too
                kind, means, term_names = synonyms[entry]
                groups_at[i] = Group(phrase, list(dict.fromkeys([phrase, entry, *means, *term_names])))
                note = _explain(entry, kind, means, term_names)
                if note:
                    plan.notes.append(note)
                i += size
                break
        else:
            free.append((i, tokens[i]))
            i += 1
    last = len(tokens) - 1
    # Side by side and not both filler ("well being" yes, "some one" no): maybe one word as the services write it.
    pairs = {pos: joined(word, free[n + 1][1]) for n, (pos, word) in enumerate(free[:-1])
             if free[n + 1][0] == pos + 1 and not (word in FILLER and free[n + 1][1] in FILLER)}
    pending = [(pos, w) for pos, w in free if w not in FILLER]
    known, in_vocabulary = _used_by_some_service(
        [(w, pos == last) for pos, w in pending] + [(j, False) for j in pairs.values()],
        vocabulary=split_parts([w for _, w in pending]))
    joined_at = _join_pairs(pairs, known, free)
    pending = [(pos, w) for pos, w in pending if pos not in joined_at and pos - 1 not in joined_at]
    unknown = [w for _, w in pending if not known.get(w)]
    fixes = compound_readings(unknown, synonyms, in_vocabulary) if unknown else {}
    unfixed = [w for w in unknown if not fixes.get(w)]
    fixes.update(corrections(unfixed) if unfixed else {})
    for pos, group in joined_at.items():
        groups_at[pos] = group
        plan.notes.append(f"'{group.typed}' also finds '{group.alternatives[1]}'")
    for pos, word in pending:
        if known.get(word):  # and as two words, if the services write it so too ("playscheme": "play scheme")
            apart = best_split(word, in_vocabulary, synonyms)
            groups_at[pos] = Group(word, [word, apart] if apart else [word], prefix=pos == last)
            continue
        fixed = fixes.get(word) or []
        if not fixed:
            plan.left_out.append(word)
            continue
        alternatives = [c.word for c in fixed]
        plan.notes.append(f"Matched '{fixed[0].word}' (you typed '{word}')")
        for c in fixed[:1]:
            if c.word in synonyms:  # "autisum" -> "autism", which the list expands further
                kind, means, term_names = synonyms[c.word]
                alternatives += [*means, *term_names]
        groups_at[pos] = Group(word, alternatives)
    plan.groups = [groups_at[pos] for pos in sorted(groups_at)]
    if first_reading and fixes and any(fixes.values()):
        # Read the corrected words again, so "speach therapy" meets the list's "speech therapy" like the rest.
        fixed_tokens = [(fixes.get(t) or [None])[0].word if fixes.get(t) else t for t in tokens]
        again = understand(" ".join(fixed_tokens), synonyms=synonyms)
        again.notes = [n for n in plan.notes if n.startswith("Matched ")] + again.notes
        return again
    if not plan.groups and not plan.left_out:  # only filler words ("help"): search for them as typed
        plan.groups = [Group(t, [t], prefix=n == last) for n, t in enumerate(tokens)]
    if plan.left_out:
        words = ", ".join(f"'{w}'" for w in plan.left_out)
        plan.notes.append(f"No service uses the word {words}, so we left it out" if len(plan.left_out) == 1
                          else f"No service uses the words {words}, so we left them out")
    return plan


def _join_pairs(pairs: dict[int, str], known: dict[str, bool], free: list[tuple[int, str]]) -> dict[int, Group]:
    """Two words side by side whose joined form a service uses ("wheel chair": "wheelchair") become one group,
    matched as typed (a phrase) or joined; left to right, a word joins at most once."""
    word_at = dict(free)
    groups: dict[int, Group] = {}
    for pos, together in sorted(pairs.items()):
        if known.get(together) and pos - 1 not in groups:
            phrase = f"{word_at[pos]} {word_at[pos + 1]}"
            groups[pos] = Group(phrase, [phrase, together])
    return groups


def why_matched(plan: QueryPlan | None, *texts: str) -> list[str]:
    """For one result: the words it matched that were not typed ("'speech and language' for 'salt'"), so a family
    can see why a service they did not name is there. Pure Python over the result's own text, no query."""
    if plan is None:
        return []
    hay = f" {normalise(' '.join(texts))} "
    reasons = []
    for group in plan.groups:
        typed = normalise(group.typed)
        for alt in group.alternatives:
            wanted = normalise(alt)
            if wanted and wanted != typed and f" {wanted}" in hay:
                reasons.append(f"'{wanted}' for '{group.typed}'")
                break
    return reasons
