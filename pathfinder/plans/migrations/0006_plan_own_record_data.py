"""Move each plan's status and dates onto the plan itself, and end the assessment at the decision to issue.

Before: a plan was found through its assessment, and "draft sent" and "final issued" were assessment statuses.
After: the plan names its child, carries draft / draft_sent / final with its own dates, and the assessment's
status is "decided_to_issue" (its dates `draft_served_on` and `final_issued_on` stay: its clock ran until then).
History rows of plans gain their child too, so "History of changes" still reads. Nothing is deleted.
"""

from django.db import migrations

OLD_PLAN_STAGES = ("drafting", "draft_sent", "final_issued")


def forward(apps, schema_editor):
    Assessment = apps.get_model("assessments", "Assessment")
    Plan = apps.get_model("plans", "Plan")
    HistoricalPlan = apps.get_model("plans", "HistoricalPlan")
    children = dict(Assessment.objects.values_list("pk", "child_id"))
    # Oldest assessment first: a child with more than one final plan (an earlier plan replaced after a
    # re-assessment) keeps the newest as final and the earlier ones as "replaced"; none is deleted.
    newest_final = {}
    for plan in Plan.objects.filter(status="final").select_related("assessment").order_by("assessment__received_on"):
        newest_final[plan.assessment.child_id] = plan.pk
    for plan in Plan.objects.select_related("assessment").order_by("assessment__received_on", "pk"):
        assessment = plan.assessment
        plan.child_id = assessment.child_id
        plan.draft_sent_on = assessment.draft_served_on
        plan.issued_on = assessment.final_issued_on if plan.status == "final" else None
        if plan.status != "final" and assessment.status == "draft_sent":
            plan.status = "draft_sent"
        if plan.status != "final" and assessment.status == "withdrawn":
            plan.status = "stopped"
        if plan.status == "final" and newest_final[assessment.child_id] != plan.pk:
            plan.status = "replaced"
        plan.save(update_fields=["child", "draft_sent_on", "issued_on", "status"])
    for row in HistoricalPlan.objects.filter(child_id__isnull=True).exclude(assessment_id__isnull=True).iterator():
        row.child_id = children.get(row.assessment_id)
        row.save(update_fields=["child"])
    Assessment.objects.filter(status__in=OLD_PLAN_STAGES).update(status="decided_to_issue")


def backward(apps, schema_editor):
    Assessment = apps.get_model("assessments", "Assessment")
    Plan = apps.get_model("plans", "Plan")
    for assessment in Assessment.objects.filter(status="decided_to_issue"):
        if assessment.final_issued_on:
            assessment.status = "final_issued"
        elif assessment.draft_served_on:
            assessment.status = "draft_sent"
        else:
            assessment.status = "drafting"
        assessment.save(update_fields=["status"])
    Plan.objects.filter(status__in=("draft_sent", "stopped")).update(status="draft")
    Plan.objects.filter(status="replaced").update(status="final")


class Migration(migrations.Migration):
    dependencies = [
        ("plans", "0005_plan_own_record"),
        ("assessments", "0005_plan_own_record"),
    ]

    operations = [migrations.RunPython(forward, backward)]
