"""The transfer bundle's container: a ZIP of ``bundle.json``, the plan as a PDF and ``manifest.json``.

Why its own module, free of models: the format is a promise to other councils' systems (docs/transfer-bundle.md,
schema/transfer-bundle-1.json). Writing and checking the container is done here once, so the export and the
import cannot drift apart, and a test can tamper with any byte and see the check refuse it.

* ``bundle.json`` is canonical JSON: keys sorted, UTF-8, no spaces (``canonical_json``).
* ``manifest.json`` gives the SHA-256 of every other file, and of the canonical form of ``bundle.json``, so a
  change to any byte of any file is detected, and so is a re-serialised bundle.json that says something else.
* ZIP entries carry a fixed timestamp, so the same content always makes the same bytes (the sent bundle's hash
  can be compared with a later copy).
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema

from pathfinder.core.errors import ServiceError

FORMAT = "pathfinder-transfer-bundle"
VERSION = "1"
SCHEMA_PATH = Path(__file__).with_name("schema") / f"transfer-bundle-{VERSION}.json"
BUNDLE_JSON = "bundle.json"
MANIFEST_JSON = "manifest.json"
PLAN_PDF = "plan.pdf"
#: A bundle is a plan, a family and some advice: far below this. A bigger file is refused unread (a ZIP bomb).
MAX_UNZIPPED_BYTES = 50 * 1024 * 1024
_FIXED_TIME = (2014, 9, 1, 0, 0, 0)  # the day Part 3 of the Children and Families Act 2014 came into force


def canonical_json(data: Any) -> bytes:
    """Sorted keys, UTF-8 (not \\u escapes), no spaces: one byte string for one content."""
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


@lru_cache(maxsize=1)
def schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def bundle_zip(bundle: dict, files: dict[str, bytes]) -> bytes:
    """The ZIP for ``bundle`` (bundle.json's content) and the other ``files`` by name (the plan's PDF)."""
    body = canonical_json(bundle)
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "files": {BUNDLE_JSON: sha256(body), **{name: sha256(content) for name, content in files.items()}},
        "canonical_bundle_json_sha256": sha256(body),
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in ((MANIFEST_JSON, canonical_json(manifest)), (BUNDLE_JSON, body), *sorted(files.items())):
            archive.writestr(zipfile.ZipInfo(name, date_time=_FIXED_TIME), content, zipfile.ZIP_DEFLATED)
    return out.getvalue()


@dataclass(frozen=True)
class OpenedBundle:
    """A bundle that passed every check: its content, its files and the hash of the ZIP as received."""

    bundle: dict
    files: dict[str, bytes]
    sha256: str


class BundleRefused(ServiceError):
    """The file is not a bundle we can import; ``check`` names the check that failed (for tests and the audit)."""

    def __init__(self, check: str, message: str) -> None:
        super().__init__(message, field="bundle_file")
        self.check = check


def _read_zip(content: bytes) -> dict[str, bytes]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        infos = archive.infolist()
        if sum(info.file_size for info in infos) > MAX_UNZIPPED_BYTES:
            raise BundleRefused("too_big", "The file is too big to be a transfer bundle. Check you chose the right file.")
        return {info.filename: archive.read(info) for info in infos if not info.is_dir()}
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, NotImplementedError):
        raise BundleRefused(
            "not_zip", "The file is not a transfer bundle: it is not a ZIP file, or it is damaged. Ask the other "
            "council to send the bundle again.") from None


def _json(name: str, content: bytes) -> Any:
    try:
        return json.loads(content.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise BundleRefused("bad_json", f"The bundle's {name} cannot be read: it is not valid JSON. Ask the other "
                            "council to send the bundle again.") from None


def _check_manifest(manifest: Any, files: dict[str, bytes]) -> None:
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BundleRefused("not_bundle", "The file is not a Pathfinder transfer bundle: its manifest.json does not "
                            "say it is one.")
    if manifest.get("version") != VERSION:
        raise BundleRefused(
            "version", f"The bundle is version {manifest.get('version')!s}, and this system reads version {VERSION} "
            "only. Ask the other council to send a version 1 bundle.")
    listed = manifest.get("files")
    if not isinstance(listed, dict) or BUNDLE_JSON not in listed:
        raise BundleRefused("manifest", "The bundle's manifest.json does not list bundle.json.")
    unlisted = sorted(set(files) - set(listed) - {MANIFEST_JSON})
    missing = sorted(set(listed) - set(files))
    if missing or unlisted:
        which = ", ".join(missing or unlisted)
        raise BundleRefused("manifest", f"The bundle's files do not match its manifest ({which} "
                            f"{'is missing' if missing else 'is not listed'}). Ask the other council to send it again.")
    for name in sorted(listed):
        if sha256(files[name]) != listed[name]:
            raise BundleRefused(
                "checksum", f"The file {name} in the bundle has been changed since the other council made it: its "
                "checksum does not match the manifest. Do not use it: ask them to send the bundle again.")


def bundle_open(content: bytes) -> OpenedBundle:
    """Check a received bundle, in order: a ZIP, a manifest of our format and version, every checksum, and
    bundle.json against the schema. Refuses with the first check that fails, in plain words."""
    files = _read_zip(content)
    if MANIFEST_JSON not in files:
        raise BundleRefused("not_bundle", "The file is not a transfer bundle: it has no manifest.json. Check you "
                            "chose the bundle (a ZIP file) the other council sent.")
    manifest = _json(MANIFEST_JSON, files[MANIFEST_JSON])
    _check_manifest(manifest, files)
    bundle = _json(BUNDLE_JSON, files[BUNDLE_JSON])
    if sha256(canonical_json(bundle)) != manifest.get("canonical_bundle_json_sha256"):
        raise BundleRefused("checksum", "The bundle's details have been changed since the other council made it: "
                            "the checksum of bundle.json does not match the manifest. Ask them to send it again.")
    errors = sorted(jsonschema.Draft202012Validator(schema()).iter_errors(bundle), key=lambda e: list(e.path))
    if errors:
        raise BundleRefused("schema", f"The bundle is missing something it must have: {_describe(errors[0])}. "
                            "Ask the other council to send a complete bundle.")
    others = {name: body for name, body in files.items() if name not in (MANIFEST_JSON, BUNDLE_JSON)}
    if PLAN_PDF not in others or not others[PLAN_PDF].startswith(b"%PDF-"):
        raise BundleRefused("schema", "The bundle has no plan PDF (plan.pdf). Ask the other council to send a "
                            "complete bundle.")
    return OpenedBundle(bundle=bundle, files=others, sha256=sha256(content))


def _describe(error: jsonschema.ValidationError) -> str:
    where = ".".join(str(part) for part in error.absolute_path) or "the bundle"
    if error.validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return f"{where + '.' if error.absolute_path else ''}{missing} is missing"
    return f"{where} is not right ({error.message})"
