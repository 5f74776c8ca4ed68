"""Build one scale's Local Offer for the load test and write the addresses it will ask for (run by bench.load).

    python -m bench.load_build council sqlite:///bench-results/load-council.sqlite3 bench-results/plan.json
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

from bench.load import SERVICES, WORDS


def main(scale: str, url: str, plan_path: str) -> None:
    from bench.scenarios import configure

    if url.startswith("sqlite"):
        for suffix in ("", "-wal", "-shm"):
            Path(url.removeprefix("sqlite:///") + suffix).unlink(missing_ok=True)
    else:
        _recreate_postgres(url)
    configure(url)
    from django.core.management import call_command
    from django.db import connection

    from bench.scenarios import build_local_offer

    started = time.monotonic()
    call_command("migrate", verbosity=0, interactive=False)
    made = build_local_offer(SERVICES[scale])
    with connection.cursor() as cursor:
        # As a live database is once autovacuum has been round (within a minute of a bulk load): statistics, and on
        # PostgreSQL the visibility map and hint bits, without which the first reads of each page write to it.
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    plan = {"services": made, "built_seconds": round(time.monotonic() - started, 1), **addresses()}
    Path(plan_path).write_text(json.dumps(plan, indent=1))
    print(f"  built in {plan['built_seconds']:.0f}s: {len(plan['search'])} searches, {len(plan['service'])} "
          f"service pages, {len(plan['api'])} API addresses")


def addresses(seed: int = 12) -> dict[str, list[str]]:
    """200 distinct searches, the service pages and the API addresses, each list most popular first."""
    from pathfinder.directory.constants import TAXONOMY_NEEDS
    from pathfinder.directory.models import PostcodeCentroid, TaxonomyTerm
    from pathfinder.directory.selectors import services_public

    rng = random.Random(seed)
    needs = list(TaxonomyTerm.objects.filter(taxonomy__code=TAXONOMY_NEEDS).values_list("code", flat=True))
    postcodes = list(PostcodeCentroid.objects.filter(outcode__startswith="WM").order_by("postcode")
                     .values_list("postcode", flat=True)[:400:4])
    searches: list[str] = []
    seen: set[str] = set()
    while len(searches) < 200:
        params: dict = {"q": rng.choice(WORDS)}
        shape = rng.random()
        if shape < 0.25:
            params["need"] = rng.choice(needs)
        if 0.15 < shape < 0.45:
            params["age"] = rng.randint(2, 19)
        if shape > 0.6 and postcodes:
            params.update(postcode=rng.choice(postcodes), distance=rng.choice(["3", "5", "10"]))
        if rng.random() < 0.08:
            params.pop("q")
            params.setdefault("need", rng.choice(needs))
        address = "/local-offer/?" + urlencode(params)
        if address not in seen:
            seen.add(address)
            searches.append(address)
    ids = [str(pk) for pk in services_public().order_by("?").values_list("pk", flat=True)[:3000]]
    api = [f"/api/oruk/services?page={n}&per_page=50" for n in range(1, 21)]
    api += [f"/api/oruk/services?{urlencode({'search': w})}" for w in WORDS[:15]]
    api += [f"/api/oruk/services/{pk}" for pk in ids[:500]]
    api += ["/api/oruk/taxonomy_terms?per_page=100", "/api/oruk/"]
    rng.shuffle(api)
    return {"search": searches, "service": [f"/local-offer/services/{pk}/" for pk in ids], "api": api}


def _recreate_postgres(url: str) -> None:
    import psycopg
    from psycopg.conninfo import conninfo_to_dict

    info = conninfo_to_dict(url)
    name = info.pop("dbname")
    with psycopg.connect(**{**info, "dbname": "postgres"}, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')


if __name__ == "__main__":
    main(*sys.argv[1:4])
