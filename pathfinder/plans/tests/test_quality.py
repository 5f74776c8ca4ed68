"""pathfinder.plans.quality is the plans app's door to the plan content rules in statutory (their tests are in
statutory/tests/test_statutory_plan_content.py): the names views, services and templates use are statutory's own."""

import statutory.plan_content as content
import statutory.plan_wording as wording
from pathfinder.plans import quality


def test_quality_gives_the_statutory_rules_under_the_names_callers_use():
    for name in ("NeedSnapshot", "OutcomeSnapshot", "PlanSnapshot", "ProvisionSnapshot", "Problem", "draft_problems"):
        assert getattr(quality, name) is getattr(content, name), name
    for name in ("Flag", "VaguePattern", "VAGUE_PATTERNS", "vague_wording", "highlight_parts"):
        assert getattr(quality, name) is getattr(wording, name), name


def test_quality_draft_problems_still_reads_a_snapshot():
    problems = quality.draft_problems(quality.PlanSnapshot())
    assert [p.code for p in problems] == ["no_needs"] and isinstance(problems[0], quality.Problem)
    assert problems[0].citation == "SEND Regulations 2014, reg 12(1)(b)"


def test_the_pdf_reader_inflates_a_stream_whose_bytes_end_in_a_carriage_return():
    """The PDF tests read compressed streams; one whose last byte is 0x0D must not look like an end-of-line."""
    import zlib

    from pathfinder.plans.tests.pdf_reading import contains

    payload = next(p for i in range(100_000) if zlib.compress(p := b"/StructTreeRoot %d" % i).endswith(b"\r"))
    pdf = b"%PDF-1.7\n1 0 obj\n<<>>\nstream\n" + zlib.compress(payload) + b"\nendstream\nendobj\n"
    assert contains(pdf, b"/StructTreeRoot")
