"""The final plan's PDF becomes a Document (the one documents component), moving its file.

Each PDF Pathfinder made is copied into the documents storage as a clean Document marked as made by Pathfinder;
the old column goes. Not reversible beyond the schema: going back leaves plans without a PDF (make it again).
"""

import django.db.models.deletion
from django.db import migrations, models


def move_files(apps, schema_editor):
    from pathfinder.documents.legacy import document_from_legacy_file

    Document = apps.get_model("documents", "Document")
    Plan = apps.get_model("plans", "Plan")
    for plan in Plan.objects.exclude(legacy_final_pdf=""):
        plan.final_pdf = document_from_legacy_file(
            Document, plan.legacy_final_pdf.name, child_id=plan.child_id, purpose="plan_pdf", made_by_pathfinder=True,
        )
        plan.save(update_fields=["final_pdf"])


class Migration(migrations.Migration):

    dependencies = [
        ("documents", "0001_documents"),
        ("plans", "0007_plan_belongs_to_child"),
    ]

    operations = [
        migrations.RenameField("plan", "final_pdf", "legacy_final_pdf"),
        migrations.AddField(
            model_name="plan",
            name="final_pdf",
            field=models.ForeignKey(blank=True, help_text="The final plan as a PDF, made by Pathfinder", null=True,
                                    on_delete=django.db.models.deletion.PROTECT, related_name="+",
                                    to="documents.document"),
        ),
        migrations.RunPython(move_files, migrations.RunPython.noop),
        migrations.RemoveField("plan", "legacy_final_pdf"),
    ]
