"""Run a large Local Offer import in one thread while another loads pages that read and write, on a real SQLite
file (as the web process and the task worker share it), and print what happened as JSON.

Run by test_import_beside_pages.py in a fresh process: the test suite's own database is in memory, where SQLite
locks differently. SQLite's wait for the write lock is cut to WAIT_SECONDS so that the check is strict: a page
fails if any one transaction of the import holds the lock longer than that.

    python -m pathfinder.directory.tests.load_beside_import <database file> <rows>
"""

from __future__ import annotations

import io
import json
import os
import sys
import threading
import time
import traceback

WAIT_SECONDS = 5


def main(path: str, rows: int) -> dict:
    os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    import django

    django.setup()
    from django.conf import settings

    settings.DATABASES["default"]["OPTIONS"]["timeout"] = WAIT_SECONDS
    settings.ALLOWED_HOSTS = ["*"]
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    call_command("migrate", verbosity=0)
    from pathfinder.accounts.tests.factories import CaseworkerFactory, LocalOfferOfficerFactory
    from pathfinder.accounts.tests.helpers import sign_in
    from pathfinder.directory.importers import directory_import_csv
    from pathfinder.directory.reference_data import ensure_reference_data

    ensure_reference_data()
    officer, caseworker = LocalOfferOfficerFactory(), CaseworkerFactory()
    csv = "organisation_name,organisation_kind,name,description,is_free,needs\n" + "".join(
        f"Trust {n % 40},charity,Club {n:05d},A weekly club for disabled children,yes,ASD\n" for n in range(rows))
    connection.close()

    outcome: dict = {"failures": [], "pages": 0, "pages_during_import": 0, "import": None, "slowest": []}
    running = threading.Event()

    def run_import() -> None:
        running.set()
        try:
            report = directory_import_csv(io.StringIO(csv), officer)
            outcome["import"] = {"rows_ok": report.rows_ok, "refused": len(report.refused)}
        except Exception:
            outcome["import"] = {"error": traceback.format_exc(limit=3)}
        finally:
            running.clear()
            connection.close()

    worker = threading.Thread(target=run_import)
    worker.start()
    running.wait()
    n = 0
    while worker.is_alive() or n < 3:
        during = worker.is_alive()
        n += 1
        try:
            client = Client(REMOTE_ADDR=f"198.51.100.{n % 250}")
            started = time.monotonic()
            sign_in(client, caseworker)  # writes the session
            outcome["slowest"].append((round(time.monotonic() - started, 2), "sign in"))
            for method, url, data, expected in (
                ("get", "/insights/", None, 200),
                ("get", "/local-offer/?q=club", None, 200),
                ("post", "/local-offer/comment/", {"topic": "missing", "text": "More clubs, please."}, 302),
            ):
                started = time.monotonic()
                response = getattr(client, method)(url, data) if data else getattr(client, method)(url)
                outcome["slowest"].append((round(time.monotonic() - started, 2), f"{method} {url}"))
                if response.status_code != expected:
                    outcome["failures"].append(f"{method} {url}: {response.status_code}")
                outcome["pages"] += 1
                outcome["pages_during_import"] += during
        except Exception as error:  # a page that raised (e.g. database is locked) is a failed page load
            outcome["failures"].append(f"{type(error).__name__}: {error}")
        time.sleep(0.05)
    worker.join()
    connection.close()
    outcome["slowest"] = sorted(outcome["slowest"], reverse=True)[:5]  # for information: tests assert no timings
    return outcome


if __name__ == "__main__":
    sys.stdout.write(json.dumps(main(sys.argv[1], int(sys.argv[2]))) + "\n")
