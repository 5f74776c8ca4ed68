"""Reading the council's files: encodings, headers, dates, sizes and the wrong kind of file, each with a message."""

from __future__ import annotations

import codecs
from datetime import date

import pytest
from django.test import override_settings

from pathfinder.caseload.loading import source_from_bytes
from pathfinder.caseload.reading import FileRefused, Source, csv_directory_read, csv_read, parse_date
from pathfinder.caseload.template import header
from pathfinder.caseload.tests.sample import csv_bytes, sample_rows, write_set


def _children(data: bytes) -> Source:
    source = Source()
    csv_read(source, "children", data)
    return source


def test_utf8_with_a_byte_order_mark_is_read_and_said():
    data = codecs.BOM_UTF8 + csv_bytes("children", [{"legacy_id": "C1", "legal_last_name": "Ó Briain"}])
    source = _children(data)
    assert source.rows["children"][0].values["legal_last_name"] == "Ó Briain"
    assert source.rows["children"][0].values["legacy_id"] == "C1"  # the mark is not part of the first column
    assert [w.reason for w in source.warnings] == ["Read as UTF-8 with a byte order mark"]


def test_windows_1252_is_read_when_it_is_not_utf8_and_said():
    data = csv_bytes("children", [{"legacy_id": "C1", "legal_last_name": "Zoë Renée"}], encoding="cp1252")
    source = _children(data)
    assert source.rows["children"][0].values["legal_last_name"] == "Zoë Renée"
    assert [w.reason for w in source.warnings] == ["Read as Windows-1252"]


def test_plain_utf8_needs_no_warning():
    source = _children(csv_bytes("children", [{"legacy_id": "C1", "legal_last_name": "Zoë"}]))
    assert source.warnings == []


def test_a_missing_column_refuses_the_file_naming_it():
    columns = [name for name in header("children") if name not in ("date_of_birth", "sex")]
    with pytest.raises(FileRefused) as refused:
        _children(csv_bytes("children", [{"legacy_id": "C1"}], columns=columns))
    assert "Missing columns: date_of_birth, sex" in refused.value.reason


def test_columns_may_come_in_any_order_and_extra_ones_are_warned_about():
    columns = [*reversed(header("children")), "favourite_colour"]
    source = _children(csv_bytes("children", [{"legacy_id": "C9", "favourite_colour": "blue"}], columns=columns))
    assert source.rows["children"][0].values["legacy_id"] == "C9"
    assert "favourite_colour" in source.warnings[0].column


def test_a_spreadsheet_or_zip_given_as_csv_is_refused_in_words():
    with pytest.raises(FileRefused, match="not a CSV file"):
        _children(b"PK\x03\x04" + b"\x00" * 100)
    with pytest.raises(FileRefused, match="not a CSV file"):
        _children(bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 100)


def test_utf16_is_refused_with_what_to_do():
    with pytest.raises(FileRefused, match="UTF-16"):
        _children(codecs.BOM_UTF16_LE + "legacy_id".encode("utf-16-le"))


@pytest.mark.parametrize("text", ["2024-03-01", "01/03/2024", "1/3/2024", "1 March 2024", "1 Mar 2024"])
def test_dates_in_three_formats(text):
    assert parse_date(text) == date(2024, 3, 1)


@pytest.mark.parametrize("text", ["03/13/2024", "2024-02-30", "last Tuesday", "1st March 2024"])
def test_other_dates_are_refused_saying_which_formats_work(text):
    with pytest.raises(ValueError, match="write 2024-03-01, 01/03/2024 or 1 March 2024"):
        parse_date(text)


def test_blank_lines_are_skipped_and_lines_are_numbered_as_in_the_file():
    data = csv_bytes("children", [{"legacy_id": "C1"}]) + b"\r\n" + csv_bytes("children", [{"legacy_id": "C2"}]).split(
        b"\r\n", 1)[1]
    source = _children(data)
    assert [(r.values["legacy_id"], r.line) for r in source.rows["children"]] == [("C1", 2), ("C2", 4)]


@override_settings(PATHFINDER_CASELOAD_MAX_FILE_SIZE=1000)
def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path):
    write_set(tmp_path)
    (tmp_path / "children.csv").write_bytes(b"x" * 2_000_000)
    with pytest.raises(FileRefused) as refused:
        csv_directory_read(tmp_path)
    assert "largest file Pathfinder reads" in refused.value.reason
    assert "Split it into smaller files" in refused.value.reason


def test_a_folder_without_children_csv_is_refused(tmp_path):
    rows = sample_rows()
    del rows["children"]
    write_set(tmp_path, rows)
    with pytest.raises(FileRefused, match="no children.csv"):
        csv_directory_read(tmp_path)


def test_an_xml_file_given_as_the_csv_template_is_refused():
    with pytest.raises(FileRefused, match="For an SEN2 return choose SEN2"):
        source_from_bytes("return.xml", b"<Message/>", "csv")


def test_a_csv_file_given_as_sen2_is_refused():
    with pytest.raises(FileRefused, match="An SEN2 return is an XML file"):
        source_from_bytes("children.csv", b"legacy_id\n", "sen2")


def test_a_csv_file_must_be_named_as_in_the_template():
    with pytest.raises(FileRefused, match="named as in the template"):
        source_from_bytes("export-2024.csv", b"legacy_id\n", "csv")


def test_a_damaged_zip_is_refused():
    with pytest.raises(FileRefused, match="damaged"):
        source_from_bytes("caseload.zip", b"PK\x03\x04 not really a zip", "csv")
