"""The transfer bundle: a plan exported and imported arrives unchanged; every damaged bundle is refused with its
own message and nothing is saved."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date

import pytest

from pathfinder.accounts.tests.factories import CaseworkerFactory
from pathfinder.people.models import Child, FamilyMember
from pathfinder.plans.models import Plan
from pathfinder.transfers.bundle import BundleRefused, bundle_open, bundle_zip, canonical_json, sha256
from pathfinder.transfers.export import bundle_content
from pathfinder.transfers.importing import transfer_in_import
from pathfinder.transfers.models import TransferIn
from pathfinder.transfers.tests.factories import bundle_bytes, forget_child, transfer_out

pytestmark = pytest.mark.django_db
TRANSFERRED = date(2026, 12, 1)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _plan_content(plan: Plan) -> dict:
    """Everything a plan says, in a form two databases can compare (refs, not ids)."""
    needs = {n.pk: f"B{i}" for i, n in enumerate(plan.needs.all(), 1)}
    outcomes = {o.pk: f"E{i}" for i, o in enumerate(plan.outcomes.all(), 1)}
    return {
        "sections": [plan.section_a, plan.section_c, plan.section_d, plan.section_j],
        "placement": [plan.placement_name, plan.placement_type, plan.placement_urn],
        "clock": [plan.first_made_on, plan.last_reviewed_on],
        "needs": [(n.area, n.description) for n in plan.needs.all()],
        "outcomes": [(o.description, o.preparing_for_adulthood, sorted(needs[n.pk] for n in o.needs.all()))
                     for o in plan.outcomes.all()],
        "provision": sorted(
            (p.section, p.description, p.amount, p.frequency, p.provided_by, p.preparing_for_adulthood,
             p.health_commissioner_agreed, p.health_commissioner_agreed_by,
             sorted(needs[n.pk] for n in p.needs.all()), sorted(outcomes[o.pk] for o in p.outcomes.all()))
            for p in plan.provisions.all()
        ),
    }


def _import(content: bytes, team=None):
    user = CaseworkerFactory(team=team) if team else CaseworkerFactory()
    return transfer_in_import(acting_user=user, bundle_file=content, team=user.team, transferred_on=TRANSFERRED)


def test_a_plan_exported_and_imported_arrives_unchanged():
    source = transfer_out()
    original = _plan_content(source.plan)
    child = source.child
    identity = (child.legal_first_name, child.legal_last_name, child.date_of_birth, child.upn, child.nhs_number)
    content = bundle_bytes(source)
    forget_child(child)
    imported = _import(content)
    plan = imported.plan
    assert _plan_content(plan) == original
    assert plan.kind == "transferred_in" and plan.status == "final" and plan.transferred_in_on == TRANSFERRED
    # Made 6 Oct 2025: the 12 months end on 5 Oct 2026, before the transfer; 3 months from 1 Dec 2026 win.
    assert plan.review_due_on == date(2027, 2, 28)
    new_child = imported.child
    assert (new_child.legal_first_name, new_child.legal_last_name, new_child.date_of_birth, new_child.upn,
            new_child.nhs_number) == identity
    assert new_child.la_code == "999" and new_child.team == imported.imported_by.team
    assert [m.name for m in new_child.family_members.all()] == ["Alex Parent"]
    assert plan.final_pdf is not None and plan.final_pdf.size > 0
    assert imported.from_la_code == "999" and imported.notice_due_on == date(2027, 1, 12)
    assert imported.bundle_sha256 == sha256(content)


def test_the_same_content_makes_the_same_bytes():
    source = transfer_out()
    assert bundle_bytes(source) == bundle_bytes(source)


def test_bundle_json_is_canonical_and_valid():
    content = bundle_bytes()
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        body = archive.read("bundle.json")
        manifest = json.loads(archive.read("manifest.json"))
    assert body == canonical_json(json.loads(body))
    assert manifest["files"]["bundle.json"] == sha256(body) == manifest["canonical_bundle_json_sha256"]
    assert bundle_open(content).bundle["version"] == "1"


def _rezip(content: bytes, change) -> bytes:
    """The bundle with its files passed through ``change(files) -> files``, manifest untouched unless changed."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    files = change(files)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, body in files.items():
            archive.writestr(name, body)
    return out.getvalue()


def _flip_byte(files: dict, name: str, at: int) -> dict:
    body = bytearray(files[name])
    body[at] ^= 0x01
    return {**files, name: bytes(body)}


def _refused(content: bytes, check: str, words: str) -> None:
    children, plans, members = Child.objects.count(), Plan.objects.count(), FamilyMember.objects.count()
    with pytest.raises(BundleRefused) as refused:
        _import(content)
    assert refused.value.check == check and words in refused.value.message
    assert (Child.objects.count(), Plan.objects.count(), FamilyMember.objects.count()) == (children, plans, members)
    assert not TransferIn.objects.exists()


def _forgotten_bundle() -> bytes:
    source = transfer_out()
    content = bundle_bytes(source)
    forget_child(source.child)
    return content


def test_one_byte_changed_in_bundle_json_is_refused():
    content = _forgotten_bundle()
    _refused(_rezip(content, lambda f: _flip_byte(f, "bundle.json", 40)), "checksum", "bundle.json")


def test_one_byte_changed_in_the_pdf_is_refused():
    content = _forgotten_bundle()
    _refused(_rezip(content, lambda f: _flip_byte(f, "plan.pdf", 200)), "checksum", "plan.pdf")


def test_a_file_that_is_not_a_zip_is_refused():
    _refused(b"%PDF-1.7 not a bundle", "not_zip", "not a ZIP file")
    _refused(_forgotten_bundle()[:300], "not_zip", "damaged")


def test_a_zip_without_a_manifest_is_refused():
    _refused(_rezip(_forgotten_bundle(), lambda f: {k: v for k, v in f.items() if k != "manifest.json"}),
             "not_bundle", "no manifest.json")


def test_an_unknown_version_is_refused():
    def version_2(files):
        manifest = json.loads(files["manifest.json"])
        return {**files, "manifest.json": canonical_json({**manifest, "version": "2"})}

    _refused(_rezip(_forgotten_bundle(), version_2), "version", "version 2")


def test_a_missing_field_is_refused_even_with_matching_checksums():
    source = transfer_out()
    bundle = bundle_content(source, generated_on=date(2026, 11, 30))
    forget_child(source.child)
    del bundle["child"]["date_of_birth"]
    _refused(bundle_zip(bundle, {"plan.pdf": b"%PDF-1.7 test"}), "schema", "child.date_of_birth is missing")


def test_a_child_already_recorded_here_is_refused_and_named():
    source = transfer_out()
    content = bundle_bytes(source)
    _refused(content, "duplicate", "the same UPN")
    Child.objects.filter(pk=source.child.pk).update(upn="", nhs_number="")
    _refused(content, "duplicate", "the same name and date of birth")
    with pytest.raises(BundleRefused, match=f"record {source.child.pk}"):
        _import(content)


def test_an_imported_plan_prints_and_moves_on_again():
    """A plan with no assessment here still makes its PDF and its own bundle (a family that moves twice)."""
    from pathfinder.plans.pdf import plan_pdf_bytes
    from pathfinder.transfers.tests.factories import transfer_in

    incoming = transfer_in()
    assert plan_pdf_bytes(incoming.plan).startswith(b"%PDF-")
    again = transfer_out(incoming.plan)
    assert bundle_open(bundle_bytes(again)).bundle["plan"]["first_made_on"] == "2025-10-06"


@pytest.mark.parametrize(("change", "words"), [
    (lambda b: b["child"].update(date_of_birth="2015-02-30"), "does not exist (2015-02-30)"),
    (lambda b: b["child"]["needs"].append({"rank": 2, "need_type": "XYZ"}), "does not know (XYZ)"),
    (lambda b: b["plan"]["outcomes"][0].update(needs=["B9"]), "refers to B9"),
])
def test_a_bundle_with_an_impossible_value_is_refused_and_nothing_saved(change, words):
    source = transfer_out()
    bundle = bundle_content(source, generated_on=date(2026, 11, 30))
    forget_child(source.child)
    change(bundle)
    _refused(bundle_zip(bundle, {"plan.pdf": b"%PDF-1.7 test"}), "schema", words)


def test_the_advice_travels_as_structured_text():
    from pathfinder.assessments.models import AdviceNeed, AdviceOutcome, AdviceProvision
    from pathfinder.assessments.tests.factories import AdviceRequestFactory

    source = transfer_out()
    advice = AdviceRequestFactory(assessment=source.plan.assessment, received_on=date(2025, 8, 1),
                                  adviser_name="Dr Helen Marsh", adviser_organisation="Wealdmoor EP Service",
                                  summary="Needs a quiet base and visual timetables.")
    AdviceNeed.objects.create(advice=advice, description="Anxiety in busy rooms")
    AdviceOutcome.objects.create(advice=advice, description="Settles in class within ten minutes")
    AdviceProvision.objects.create(advice=advice, description="Quiet base", amount="as needed", frequency="daily",
                                   provided_by="Teaching assistant")
    AdviceRequestFactory(assessment=source.plan.assessment)  # asked, never received: not sent
    content = bundle_bytes(source)
    forget_child(source.child)
    [sent] = _import(content).advice
    assert sent == {
        "kind": "d", "kind_label": advice.get_kind_display(), "adviser_name": "Dr Helen Marsh",
        "adviser_organisation": "Wealdmoor EP Service", "received_on": "2025-08-01",
        "summary": "Needs a quiet base and visual timetables.", "needs": ["Anxiety in busy rooms"],
        "outcomes": ["Settles in class within ten minutes"],
        "provision": [{"description": "Quiet base", "amount": "as needed", "frequency": "daily",
                       "provided_by": "Teaching assistant"}],
    }
