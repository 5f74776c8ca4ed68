"""Test helpers for documents: pass a waiting file through a virus check that finds nothing (no clamd needed)."""

from __future__ import annotations

from unittest import mock

from pathfinder.documents.clamav import ScanResult
from pathfinder.documents.models import Document
from pathfinder.documents.services import document_scan


def scanned_clean(document: Document) -> Document:
    """What the task queue does once clamd says the file is clean."""
    with mock.patch("pathfinder.documents.clamav.scan_chunks", return_value=ScanResult(clean=True)):
        return document_scan(document.pk)
