"""Advice documents and corrections become Documents (the one documents component), moving their files.

The old file paths are renamed to legacy_document, each file is copied into the documents storage as a
Document (waiting for its virus check), and the old columns go. History rows keep no file (they never held a
download). Not reversible beyond the schema: going back leaves advice without its file.
"""

import django.db.models.deletion
from django.db import migrations, models


def move_files(apps, schema_editor):
    from pathfinder.documents.legacy import document_from_legacy_file

    Document = apps.get_model("documents", "Document")
    AdviceRequest = apps.get_model("assessments", "AdviceRequest")
    AdviceCorrection = apps.get_model("assessments", "AdviceCorrection")
    for advice in AdviceRequest.objects.exclude(legacy_document="").select_related("assessment"):
        advice.document = document_from_legacy_file(
            Document, advice.legacy_document.name, child_id=advice.assessment.child_id, purpose="advice",
            uploaded_by_id=advice.adviser_id,
        )
        advice.save(update_fields=["document"])
    for correction in AdviceCorrection.objects.exclude(legacy_document="").select_related("advice__assessment"):
        correction.document = document_from_legacy_file(
            Document, correction.legacy_document.name, child_id=correction.advice.assessment.child_id,
            purpose="advice_correction", uploaded_by_id=correction.sent_by_id,
        )
        correction.save(update_fields=["document"])


class Migration(migrations.Migration):

    dependencies = [
        ("assessments", "0005_plan_own_record"),
        ("documents", "0001_documents"),
    ]

    operations = [
        migrations.RenameField("advicerequest", "document", "legacy_document"),
        migrations.RenameField("advicecorrection", "document", "legacy_document"),
        migrations.RemoveField("historicaladvicerequest", "document"),
        migrations.AddField(
            model_name="advicerequest",
            name="document",
            field=models.ForeignKey(blank=True, help_text="The advice as the adviser sent it", null=True,
                                    on_delete=django.db.models.deletion.PROTECT, related_name="+",
                                    to="documents.document"),
        ),
        migrations.AddField(
            model_name="advicecorrection",
            name="document",
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT,
                                    related_name="+", to="documents.document"),
        ),
        migrations.AddField(
            model_name="historicaladvicerequest",
            name="document",
            field=models.ForeignKey(blank=True, db_constraint=False, help_text="The advice as the adviser sent it",
                                    null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name="+",
                                    to="documents.document"),
        ),
        migrations.RunPython(move_files, migrations.RunPython.noop),
        migrations.RemoveField("advicerequest", "legacy_document"),
        migrations.RemoveField("advicecorrection", "legacy_document"),
    ]
