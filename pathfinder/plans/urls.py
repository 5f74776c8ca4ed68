"""A plan's pages live under its child: /children/<child>/plans/<plan>/... (a plan outlives its assessment).

Starting a plan is the one page reached from the assessment. Addresses from before the plan had its own (under
/plans/children/<child>/assessments/<assessment>/) redirect to the new ones, so bookmarks and links in emails work.
"""

from django.urls import path

from pathfinder.plans import family_views
from pathfinder.plans.views import amending, comments, drafting, issuing, legacy, provision, voice

app_name = "plans"
base = "children/<int:child_id>/plans/<int:plan_id>/"
from_assessment = "children/<int:child_id>/assessments/<int:assessment_id>/plan/"
urlpatterns = [
    path("children/<int:child_id>/views/", voice.views_list, name="views"),
    path("children/<int:child_id>/views/<str:whose>/", voice.views_edit, name="views-edit"),
    path(from_assessment, drafting.for_assessment, name="for-assessment"),
    path(from_assessment + "start/", drafting.start, name="start"),
    path("children/<int:child_id>/plans/versions/", amending.versions, name="versions"),
    path("children/<int:child_id>/plans/versions/compare/", amending.compare, name="compare"),
    path(base, drafting.overview, name="overview"),
    path(base + "amend/", amending.amend, name="amend"),
    path(base + "not-amend/", amending.not_amend, name="not-amend"),
    path(base + "changes/", amending.changes, name="changes"),
    path(base + "sections/<str:section>/", drafting.section, name="section"),
    path(base + "needs/", drafting.needs, name="needs"),
    path(base + "needs/<int:need_id>/", drafting.need_edit, name="need-edit"),
    path(base + "needs/<int:need_id>/remove/", drafting.need_remove, name="need-remove"),
    path(base + "outcomes/", drafting.outcomes, name="outcomes"),
    path(base + "outcomes/<int:outcome_id>/", drafting.outcome_edit, name="outcome-edit"),
    path(base + "outcomes/<int:outcome_id>/remove/", drafting.outcome_remove, name="outcome-remove"),
    path(base + "provision/from-advice/<int:advice_provision_id>/", provision.provision_from_advice,
         name="provision-from-advice"),
    path(base + "provision/<str:section>/", provision.provision, name="provision"),
    path(base + "provision/<str:section>/<int:provision_id>/", provision.provision_edit, name="provision-edit"),
    path(base + "provision/<str:section>/<int:provision_id>/remove/", provision.provision_remove,
         name="provision-remove"),
    path(base + "check/", provision.check, name="check"),
    path(base + "placements/", issuing.placements, name="placements"),
    path(base + "placements/request/", issuing.placement_request_new, name="placement-request-new"),
    path(base + "consultations/new/", issuing.consultation_new, name="consultation-new"),
    path(base + "consultations/<int:consultation_id>/reply/", issuing.consultation_reply, name="consultation-reply"),
    path(base + "comments/", family_views.comment, name="comment"),
    path(base + "comments/section/<str:section>/", family_views.section_comment, name="comment-section"),
    path(base + "comments/<int:comment_id>/answer/", comments.answer, name="comment-answer"),
    path(base + "meeting/", family_views.meeting_request, name="meeting-request"),
    path(base + "school/", family_views.school_request, name="family-school"),
    path(base + "final/", issuing.final_issue, name="final"),
    path(base + "plan/", issuing.document, name="document"),
    path(base + "plan.pdf", issuing.pdf, name="pdf"),
    path(base + "plan.pdf/again/", issuing.pdf_again, name="pdf-again"),
    # Before plans had their own addresses.
    path("plans/children/<int:child_id>/assessments/<int:assessment_id>/", legacy.old_address, name="old-address"),
    path("plans/children/<int:child_id>/assessments/<int:assessment_id>/<path:rest>", legacy.old_address,
         name="old-address-page"),
]
