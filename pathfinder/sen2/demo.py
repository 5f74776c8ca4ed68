"""Demo rows: the sample of the DfE's published statistics the SEN2 page compares the return with."""

from __future__ import annotations

from pathlib import Path

from pathfinder.sen2.statistics import statistics_import

SAMPLE = Path(__file__).parent / "sample"


def load_sample_statistics() -> dict[str, int]:
    """England, the South East and a made-up row for LA 999 (sample/README.md); replaces what it holds."""
    figures = 0
    for path in sorted(SAMPLE.glob("*.csv")):
        figures += statistics_import(path.read_bytes(), path.name).figures
    return {"published_figures": figures}
