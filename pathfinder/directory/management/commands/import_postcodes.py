"""Load postcode centroids from ONSPD (columns pcds, lat, long) or Code-Point Open (postcode, eastings/northings
are NOT supported: use the ONSPD or a lat/long CSV). Both are Open Government Licence data; attribution:
"Contains OS data (c) Crown copyright and database right; Royal Mail data; ONS data"."""

from __future__ import annotations

import csv
from collections import defaultdict

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from pathfinder.directory.geo import PostcodeError, normalise_postcode
from pathfinder.directory.models import OutcodeCentroid, PostcodeCentroid

POSTCODE_COLUMNS = ("pcds", "postcode", "pcd", "pcd2")
LAT_COLUMNS = ("lat", "latitude")
LON_COLUMNS = ("long", "lon", "longitude")


def _column(fieldnames, options, what):
    lowered = {f.lower().strip(): f for f in fieldnames or []}
    for option in options:
        if option in lowered:
            return lowered[option]
    raise CommandError(f"No {what} column: expected one of {', '.join(options)}")


class Command(BaseCommand):
    help = "Import postcode centroids from an ONSPD-style CSV (pcds, lat, long)."

    def add_arguments(self, parser):
        parser.add_argument("csv_path")
        parser.add_argument("--outcodes", default="", help="Only these outcode prefixes, comma-separated (e.g. WM,RH1)")
        parser.add_argument("--batch", type=int, default=5000)

    def handle(self, *args, csv_path, outcodes, batch, **options):
        prefixes = tuple(p.strip().upper() for p in outcodes.split(",") if p.strip())
        sums = defaultdict(lambda: [0.0, 0.0, 0])
        stored = skipped = 0
        with open(csv_path, newline="", encoding="utf-8-sig") as handle, transaction.atomic():
            reader = csv.DictReader(handle)
            pc_col = _column(reader.fieldnames, POSTCODE_COLUMNS, "postcode")
            lat_col = _column(reader.fieldnames, LAT_COLUMNS, "latitude")
            lon_col = _column(reader.fieldnames, LON_COLUMNS, "longitude")
            rows = []
            for row in reader:
                try:
                    postcode = normalise_postcode(row[pc_col])
                    lat, lon = float(row[lat_col]), float(row[lon_col])
                except (PostcodeError, ValueError, TypeError):
                    skipped += 1
                    continue
                if not (49 < lat < 61 and -9 < lon < 3):  # ONSPD uses 99.999999 for "no grid reference"
                    skipped += 1
                    continue
                outcode = postcode.split(" ")[0]
                if prefixes and not outcode.startswith(prefixes):
                    continue
                rows.append(PostcodeCentroid(postcode=postcode, outcode=outcode, latitude=lat, longitude=lon))
                total = sums[outcode]
                total[0] += lat
                total[1] += lon
                total[2] += 1
                if len(rows) >= batch:
                    stored += self._flush(rows)
                    self.stdout.write(f"{stored} postcodes stored...")
            stored += self._flush(rows)
            OutcodeCentroid.objects.bulk_create(
                [OutcodeCentroid(outcode=o, latitude=s[0] / s[2], longitude=s[1] / s[2]) for o, s in sums.items()],
                update_conflicts=True, unique_fields=["outcode"], update_fields=["latitude", "longitude"],
            )
        self.stdout.write(self.style.SUCCESS(f"Stored {stored} postcodes in {len(sums)} districts; skipped {skipped}."))

    @staticmethod
    def _flush(rows):
        count = len(rows)
        PostcodeCentroid.objects.bulk_create(
            rows, batch_size=1000, update_conflicts=True, unique_fields=["postcode"],
            update_fields=["outcode", "latitude", "longitude"],
        )
        rows.clear()
        return count
