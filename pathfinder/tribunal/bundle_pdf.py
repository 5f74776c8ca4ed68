"""Putting uploaded PDFs into the bundle, page by page, where the index says they are.

Why merge into pages WeasyPrint laid out, rather than append files after it: the bundle's layout reserves one page
for each page of an upload (a tagged caption naming the document and the page), so WeasyPrint's own page numbers,
the index's ``target-counter`` and the "Page n of m" footer count them: nothing is renumbered afterwards. Each
uploaded page is then drawn onto its reserved page with pypdf (pure Python, BSD; the page scaled to fit below the
caption and clipped to its own box), keeping its text searchable and its drawing exact, which a picture of the page
would not. The merged drawing is marked as an artifact: the parts we generate keep their PDF/UA tags, and a reader
using assistive technology hears the caption; the upload's own words stay in the file for search and copying. An
upload's links and form fields are dropped (untagged annotations would break the tagging, and a bundle is read,
not filled in).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable

from pypdf import PdfReader, PdfWriter, Transformation
from pypdf.generic import DecodedStreamObject, NameObject

#: The content box of a bundle page (A4; plans/pdf.css margins 20mm top, 22mm bottom, 18mm sides), in points,
#: less the caption's line at the top.
MM = 72 / 25.4
LEFT, RIGHT = 18 * MM, 595.28 - 18 * MM
BOTTOM, TOP = 22 * MM, 841.89 - 20 * MM - 26
ANCHOR = re.compile(r"^doc-(\d+)-p(\d+)$")


def placeholder_anchor(document_pk: int, page: int) -> str:
    """The id of the element that reserves page ``page`` (from 1) of a document, read back from the layout."""
    return f"doc-{document_pk}-p{page}"


def reserved_pages(pages: Iterable) -> dict[tuple[int, int], int]:
    """(document pk, page from 1) -> index of the bundle page that reserves it (WeasyPrint's ``page.anchors``)."""
    found = {}
    for index, page in enumerate(pages):
        for name in page.anchors:
            match = ANCHOR.match(name)
            if match:
                found[(int(match.group(1)), int(match.group(2)))] = index
    return found


def _as_artifact(page) -> None:
    """Wrap the page's drawing as an artifact, clipped to its visible box (content outside it stays hidden)."""
    box = page.cropbox
    contents = page.get_contents()
    data = contents.get_data() if contents is not None else b""
    clip = f"{float(box.left):.3f} {float(box.bottom):.3f} {float(box.width):.3f} {float(box.height):.3f} re W n\n"
    stream = DecodedStreamObject()
    stream.set_data(b"/Artifact BMC\nq\n" + clip.encode() + data + b"\nQ\nEMC\n")
    page.replace_contents(stream)
    if "/Annots" in page:
        del page[NameObject("/Annots")]


def _placed(page) -> Transformation:
    """Scale the page to fit the content box (never larger than it was), centred across and from the top."""
    box = page.cropbox
    width, height = float(box.width), float(box.height)
    scale = min((RIGHT - LEFT) / width, (TOP - BOTTOM) / height, 1.0)
    x = LEFT + ((RIGHT - LEFT) - width * scale) / 2 - float(box.left) * scale
    y = TOP - height * scale - float(box.bottom) * scale
    return Transformation().scale(scale, scale).translate(x, y)


def _opened(content: bytes) -> PdfWriter:
    """An upload as pages we may change (pypdf changes only a writer's pages), unlocked if its password is empty."""
    reader = PdfReader(io.BytesIO(content))
    if reader.is_encrypted:
        reader.decrypt("")
    return PdfWriter(clone_from=reader)


def merge_uploads(bundle: bytes, placements: dict[tuple[int, int], int], sources: dict[int, bytes]) -> bytes:
    """Draw each uploaded page (``sources``: document pk -> its PDF) onto the page reserved for it."""
    if not placements:
        return bundle
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(bundle)))  # keeps the tags, metadata and outline
    sources_open = {pk: _opened(content) for pk, content in sources.items()}
    for (pk, number), index in sorted(placements.items(), key=lambda item: item[1]):
        source = sources_open[pk].pages[number - 1]
        if source.rotation:
            source.transfer_rotation_to_content()
        _as_artifact(source)
        writer.pages[index].merge_transformed_page(source, _placed(source), over=True, expand=False)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
