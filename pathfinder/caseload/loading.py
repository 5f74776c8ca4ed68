"""Turning what the administrator gives (a folder, a ZIP of the CSV files, one CSV file, an SEN2 XML file) into
the rows to check, with a clear message for the wrong kind of file."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path, PurePosixPath

from pathfinder.caseload.models import ImportFormat
from pathfinder.caseload.reading import FileRefused, Source, csv_directory_read, csv_read, size_check
from pathfinder.caseload.sen2 import sen2_read
from pathfinder.caseload.template import FILES

_TEMPLATE_NAMES = ", ".join(f"{name}.csv" for name in FILES)


def source_from_path(path: Path, format: str) -> Source:
    if format == ImportFormat.SEN2:
        if not path.is_file():
            raise FileRefused(str(path), "There is no file here. Give the SEN2 XML file")
        size_check(path.name, path.stat().st_size)
        return sen2_read(path.read_bytes(), path.name)
    if path.is_dir():
        return csv_directory_read(path)
    if not path.is_file():
        raise FileRefused(str(path), "There is no folder or file here")
    size_check(path.name, path.stat().st_size)
    return source_from_bytes(path.name, path.read_bytes(), format)


def source_from_bytes(name: str, data: bytes, format: str) -> Source:
    """An uploaded file: the SEN2 XML, a ZIP holding the template's CSV files, or children.csv alone."""
    size_check(name, len(data))
    lowered = name.lower()
    if format == ImportFormat.SEN2:
        if lowered.endswith((".csv", ".zip", ".xlsx", ".xls")):
            raise FileRefused(name, "An SEN2 return is an XML file. For CSV files choose the caseload template")
        return sen2_read(data, name)
    if lowered.endswith(".xml"):
        raise FileRefused(name, "This is an XML file. For an SEN2 return choose SEN2; for the caseload template "
                                "give a ZIP of its CSV files")
    if lowered.endswith(".zip") or data[:4] == b"PK\x03\x04":
        return _zip_read(name, data)
    stem = PurePosixPath(lowered).stem
    if stem not in FILES:
        raise FileRefused(name, f"The file must be named as in the template ({_TEMPLATE_NAMES}), or be a ZIP of "
                                "them")
    source = Source(description=name)
    csv_read(source, stem, data, display_name=name)
    return source


def _zip_read(name: str, data: bytes) -> Source:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise FileRefused(name, "The ZIP file is damaged and cannot be opened") from None
    source = Source(description=name)
    members = {PurePosixPath(info.filename).name.lower(): info for info in archive.infolist() if not info.is_dir()}
    if "children.csv" not in members:
        raise FileRefused(name, f"The ZIP has no children.csv. It should hold the template's files: {_TEMPLATE_NAMES}")
    for file in FILES:
        info = members.get(f"{file}.csv")
        if info is None:
            continue
        size_check(f"{file}.csv", info.file_size)  # the size it says it unpacks to, before unpacking it
        csv_read(source, file, archive.read(info), display_name=f"{file}.csv")
    unknown = sorted(set(members) - {f"{file}.csv" for file in FILES})
    if unknown:
        from pathfinder.caseload.reading import WARNING, Problem

        source.warnings.append(Problem("children", 0, "", f"Files not in the template were not read: "
                                                          f"{', '.join(unknown)}", WARNING))
    return source
