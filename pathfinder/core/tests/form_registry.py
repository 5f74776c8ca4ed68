"""Every form class in Pathfinder, found by walking the code, and how a test can build each one.

The class tests (`test_form_round_trip`, `test_form_messages`) read this registry. A new form that is not in
`FORMS` fails them with a message saying what to add, so no form escapes the round trip or the message check.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.test import RequestFactory

import pathfinder


@dataclass(frozen=True)
class FormCase:
    """How to build a form for the tests, and whether it edits an existing record.

    `kwargs` gives the keyword arguments the form's `__init__` needs (besides data). `edit` names the round-trip
    case in `round_trips.ROUND_TRIPS` for a form that edits a record; `not_edit` says why a form has none.
    """

    kwargs: Callable[[], dict[str, Any]] = dict
    args: Callable[[], tuple[Any, ...]] = tuple
    edit: str | None = None
    not_edit: str | None = None
    base_class: bool = False
    admin: bool = False  # a Django admin form: the admin's own pages and wording, not a GOV.UK page


def _sign_in_args() -> tuple[Any, ...]:
    request = RequestFactory().post("/accounts/sign-in/")
    return (request,)


def _organisations() -> dict[str, Any]:
    from pathfinder.directory.models import Organisation

    return {"organisations": Organisation.objects.all()}


def _service_kwargs() -> dict[str, Any]:
    from pathfinder.directory.content import ServiceContent

    return {"content": ServiceContent(), "need_choices": [("n1", "Autism"), ("n2", "Hearing")],
            "kind_choices": [("k1", "Therapy"), ("k2", "Clubs")], "education": True}


def _views_kwargs() -> dict[str, Any]:
    from pathfinder.plans.child_views import Question

    return {"questions": [Question("important", "What is important to you?"), Question("hard", "What is hard?")],
            "with_how": True}


BUDGET_LINES = [(1, "Social care: short breaks (£2,220.00 a year)"), (2, "Health: hydrotherapy (£900.00 a year)")]
ADVICE_KINDS = [("a", "Advice from the parent or young person"), ("b", "Educational advice")]

def _appeal_kwargs() -> dict[str, Any]:
    from types import SimpleNamespace

    return {"decisions": [SimpleNamespace(pk=1)]}


def _order_exception_kwargs() -> dict[str, Any]:
    return {"codes": [("T1", "Exceptional personal circumstances"), ("T2", "Away for 2 weeks")],
            "duties": [("draft_plan", "Issue a draft EHC plan")]}


FORMS: dict[str, FormCase] = {
    # core and shared bases: they have no fields of their own beyond a hidden version
    "pathfinder.core.forms.GOVUKForm": FormCase(base_class=True, not_edit="the base of every form"),
    "pathfinder.plans.forms.PlainForm": FormCase(base_class=True, not_edit="a base class"),
    "pathfinder.ceasing.forms.CeaseForm": FormCase(base_class=True, not_edit="a base class"),
    "pathfinder.ceasing.forms.CessationVersionedForm": FormCase(base_class=True, not_edit="a base class"),
    "pathfinder.plans.forms.VersionedForm": FormCase(base_class=True, not_edit="a base class"),
    # accounts
    "pathfinder.accounts.forms.SignInForm": FormCase(args=_sign_in_args, not_edit="signing in"),
    "pathfinder.accounts.forms.VerifyForm": FormCase(not_edit="a one-time security code"),
    "pathfinder.accounts.setup_forms.SetUpForm": FormCase(not_edit="setting up an authenticator, once"),
    "pathfinder.accounts.setup_forms.RoleDecisionForm": FormCase(not_edit="a one-shot decision"),
    "pathfinder.accounts.admin.RoleChangeRequestForm": FormCase(admin=True, not_edit="asks for a change once"),
    # assessments: each records a new fact or decision once
    "pathfinder.assessments.forms.RequestForm": FormCase(not_edit="records a new request"),
    "pathfinder.assessments.forms.DecisionForm": FormCase(
        kwargs=lambda: {"question": "Will the council carry out an assessment?"}, not_edit="a one-shot decision"),
    "pathfinder.assessments.forms.WithdrawForm": FormCase(not_edit="a one-shot action"),
    "pathfinder.assessments.reassessment_forms.ReassessmentRequestForm": FormCase(not_edit="records a new request"),
    "pathfinder.assessments.reassessment_forms.ReassessmentDecisionForm": FormCase(not_edit="a one-shot decision"),
    "pathfinder.assessments.forms.AdviceRequestForm": FormCase(kwargs=lambda: {"kinds": ADVICE_KINDS},
                                                               not_edit="records a new request for advice"),
    "pathfinder.assessments.forms.AdviceReuseForm": FormCase(kwargs=lambda: {"kinds": ADVICE_KINDS},
                                                             not_edit="records reused advice once"),
    "pathfinder.assessments.forms._DocumentForm": FormCase(base_class=True, not_edit="a base class"),
    "pathfinder.assessments.forms.AdviceReceivedForm": FormCase(not_edit="records advice received once"),
    "pathfinder.assessments.forms.AdviceCorrectionForm": FormCase(not_edit="records a correction once"),
    "pathfinder.assessments.forms.AdviceExceptionForm": FormCase(not_edit="records a new exception"),
    "pathfinder.assessments.forms.ExceptionForm": FormCase(not_edit="records a new exception"),
    "pathfinder.assessments.structured_forms.AdviceNeedForm": FormCase(not_edit="a row of advice, sent once"),
    "pathfinder.assessments.structured_forms.AdviceOutcomeForm": FormCase(not_edit="a row of advice, sent once"),
    "pathfinder.assessments.structured_forms.AdviceProvisionForm": FormCase(not_edit="a row of advice, sent once"),
    "pathfinder.assessments.queue_forms.AdviceAssignForm": FormCase(kwargs=lambda: {"members": []},
                                                                    not_edit="a one-shot action"),
    # organisations
    "pathfinder.organisations.admin.MembershipAdminForm": FormCase(admin=True, not_edit="adds a member once"),
    "pathfinder.organisations.forms.MemberAddForm": FormCase(not_edit="adds a colleague once"),
    "pathfinder.organisations.forms.MemberRemoveForm": FormCase(kwargs=lambda: {"colleagues": []},
                                                                not_edit="a one-shot action"),
    # people
    "pathfinder.people.forms.ChildForm": FormCase(edit="child"),
    "pathfinder.notifications.forms.ContactPreferenceForm": FormCase(edit="contact_preference"),
    "pathfinder.people.forms.FamilyMemberForm": FormCase(not_edit="adds a family member; there is no edit page"),
    # the family portal
    "pathfinder.family.forms.AcceptInvitationForm": FormCase(not_edit="makes an account once, with a link"),
    "pathfinder.family.forms.AccountRequestForm": FormCase(not_edit="sends a new request"),
    "pathfinder.family.forms.OnlineRequestForm": FormCase(not_edit="sends a new request"),
    "pathfinder.family.forms.InviteForm": FormCase(not_edit="makes a new link"),
    "pathfinder.family.forms.RefuseForm": FormCase(not_edit="a one-shot decision"),
    "pathfinder.family.forms.MatchForm": FormCase(
        kwargs=lambda: {"children": [], "allow_new": True}, not_edit="a one-shot decision"),
    "pathfinder.family.forms.ConsentRecordForm": FormCase(not_edit="records consent once"),
    # plans
    "pathfinder.plans.forms.SectionTextForm": FormCase(kwargs=lambda: {"section": "A"}, edit="plan_section"),
    "pathfinder.plans.forms.NeedForm": FormCase(edit="plan_need"),
    "pathfinder.plans.forms.OutcomeForm": FormCase(kwargs=lambda: {"needs": []}, edit="plan_outcome"),
    "pathfinder.plans.forms.ProvisionForm": FormCase(kwargs=lambda: {"section": "G", "needs": [], "outcomes": []},
                                                     edit="plan_provision"),
    "pathfinder.plans.forms.SendDraftForm": FormCase(not_edit="a one-shot action"),
    "pathfinder.plans.forms.PlacementRequestForm": FormCase(not_edit="records a new request"),
    "pathfinder.plans.forms.ConsultationForm": FormCase(not_edit="records a new consultation"),
    "pathfinder.plans.forms.ConsultationReplyForm": FormCase(not_edit="records a reply once"),
    "pathfinder.plans.forms.RepresentationForm": FormCase(not_edit="the family's comments, sent once"),
    "pathfinder.plans.forms.FinalIssueForm": FormCase(not_edit="a one-shot action"),
    "pathfinder.plans.forms.ProvisionFromAdviceForm": FormCase(kwargs=lambda: {"needs": []},
                                                               not_edit="adds provision from advice once"),
    "pathfinder.plans.forms.ChildViewsForm": FormCase(kwargs=_views_kwargs, edit="child_views"),
    # ceasing: each form is one step of reg 31, recorded once (the consultation may be recorded again, as a move)
    # personal budgets: direct payment money (budgets.money_forms)
    "pathfinder.budgets.money_forms.ScheduleForm": FormCase(not_edit="sets up a new schedule of payments"),
    "pathfinder.budgets.money_forms.PaidForm": FormCase(not_edit="a workflow move recording a payment once"),
    "pathfinder.budgets.money_forms.SpendForm": FormCase(kwargs=lambda: {"lines": BUDGET_LINES},
                                                         not_edit="records new spending"),
    "pathfinder.budgets.money_forms.MatchForm": FormCase(kwargs=lambda: {"lines": BUDGET_LINES},
                                                         not_edit="a one-shot match of a row of spending"),
    "pathfinder.budgets.money_forms.StatementUploadForm": FormCase(not_edit="uploads a statement to check"),
    "pathfinder.budgets.money_forms.StatementImportForm": FormCase(not_edit="imports a checked statement once"),
    "pathfinder.budgets.money_forms.RecoveryForm": FormCase(not_edit="records new money taken back"),
    "pathfinder.ceasing.forms.ProposeForm": FormCase(not_edit="starts a new proposal to cease"),
    "pathfinder.ceasing.forms.ConsultationForm": FormCase(not_edit="a workflow move recording the consultation"),
    "pathfinder.ceasing.forms.DecideForm": FormCase(not_edit="a one-shot action: sends the notice"),
    "pathfinder.ceasing.forms.AppealForm": FormCase(not_edit="a workflow move recording the appeal"),
    "pathfinder.ceasing.forms.WithdrawForm": FormCase(not_edit="a one-shot action: keeps the plan"),
    "pathfinder.ceasing.forms.MediationCertificateForm": FormCase(not_edit="a workflow move recording a date once"),
    # disagreements: each mediation form is one step of regs 33 to 42, recorded once as a workflow move
    "pathfinder.disagreements.forms.DisagreementForm": FormCase(base_class=True, not_edit="a base class"),
    "pathfinder.disagreements.forms.MediationStartForm": FormCase(not_edit="starts a new mediation"),
    "pathfinder.disagreements.forms.MediationStepForm": FormCase(not_edit="a workflow move recording a date once"),
    "pathfinder.disagreements.forms.MediationInformedForm": FormCase(not_edit="a workflow move recording a date once"),
    "pathfinder.disagreements.forms.MediationArrangeForm": FormCase(not_edit="a workflow move recording a date once"),
    "pathfinder.disagreements.forms.MediationAgreementForm": FormCase(not_edit="a workflow move recording the agreement"),
    "pathfinder.disagreements.forms.ComplaintForm": FormCase(not_edit="records a new complaint"),
    "pathfinder.disagreements.forms.FindingForm": FormCase(not_edit="a workflow move recording the decision once"),
    "pathfinder.disagreements.forms.RemedyForm": FormCase(not_edit="adds a new remedy"),
    "pathfinder.disagreements.forms.RemedyDoneForm": FormCase(not_edit="records a remedy done, once"),
    "pathfinder.plans.forms.SectionCommentForm": FormCase(kwargs=lambda: {"section_title": "F: Provision"},
                                                          not_edit="the family's comment, sent once"),
    "pathfinder.plans.forms.MeetingRequestForm": FormCase(not_edit="a request, sent once"),
    "pathfinder.plans.forms.FamilySchoolForm": FormCase(not_edit="records a new request"),
    "pathfinder.plans.forms.AnswerForm": FormCase(edit="comment_answer"),
    # reviews: each form records one act of the review (its workflow), none edits a record in place
    "pathfinder.reviews.forms._Versioned": FormCase(base_class=True, not_edit="a base class"),
    "pathfinder.reviews.forms.ReviewStartForm": FormCase(not_edit="starts a new review"),
    "pathfinder.reviews.forms.ArrangeForm": FormCase(not_edit="a step of the review, recorded once"),
    "pathfinder.reviews.forms.AdviceForm": FormCase(not_edit="records new advice"),
    "pathfinder.reviews.forms.MeetingForm": FormCase(kwargs=lambda: {"invitees": [], "outcomes": []},
                                                     not_edit="a step of the review, recorded once"),
    "pathfinder.reviews.forms.ReportForm": FormCase(not_edit="a step of the review, recorded once"),
    "pathfinder.reviews.forms.DecideForm": FormCase(not_edit="a one-shot decision"),
    "pathfinder.reviews.forms.ReasonForm": FormCase(not_edit="a one-shot act with its reason"),
    "pathfinder.reviews.forms.CeaseProposeForm": FormCase(not_edit="starts a cessation from the review"),
    "pathfinder.plans.amendment_forms.AmendmentStartForm": FormCase(not_edit="proposes a new amendment"),
    "pathfinder.plans.amendment_forms.NotAmendForm": FormCase(not_edit="a one-shot decision"),
    "pathfinder.plans.amendment_forms.CompareForm": FormCase(kwargs=lambda: {"versions": [(1, "First plan")]},
                                                             not_edit="chooses what to read; saves nothing"),
    # personal budgets: asking and answering (one-shot acts and workflow moves), lines and direct payments
    "pathfinder.budgets.request_forms.VersionedForm": FormCase(base_class=True, not_edit="a base class"),
    "pathfinder.budgets.request_forms.FamilyRequestForm": FormCase(not_edit="sends a new request"),
    "pathfinder.budgets.request_forms.CaseworkerRequestForm": FormCase(not_edit="records a new request"),
    "pathfinder.budgets.family_views.FamilyAskForm": FormCase(kwargs=lambda: {"plans": []},
                                                              not_edit="sends a new request"),
    "pathfinder.budgets.request_forms.RefuseForm": FormCase(not_edit="a one-shot decision with its reasons"),
    "pathfinder.budgets.request_forms.ReconsiderForm": FormCase(not_edit="a one-shot decision"),
    "pathfinder.budgets.request_forms.WithdrawForm": FormCase(not_edit="a one-shot action"),
    "pathfinder.budgets.request_forms.NoticeForm": FormCase(not_edit="sends the notice once"),
    "pathfinder.budgets.line_forms.LineForm": FormCase(kwargs=lambda: {"provisions": [], "organisations": []},
                                                       edit="budget_line"),
    "pathfinder.budgets.line_forms.ShareAgreementForm": FormCase(not_edit="records an agreement once"),
    "pathfinder.budgets.line_forms.IcbAgreeForm": FormCase(not_edit="records an agreement once"),
    "pathfinder.budgets.line_forms.AgreeForm": FormCase(not_edit="a workflow move"),
    "pathfinder.budgets.direct_payment_forms.ProposeForm": FormCase(not_edit="proposes a new direct payment"),
    "pathfinder.budgets.direct_payment_forms.DetailsForm": FormCase(edit="direct_payment_details"),
    "pathfinder.budgets.direct_payment_forms.SendForm": FormCase(not_edit="a workflow move"),
    "pathfinder.budgets.direct_payment_forms.SignForm": FormCase(not_edit="a workflow move"),
    "pathfinder.budgets.direct_payment_forms.AgreementDocumentForm": FormCase(
        not_edit="uploads a new copy of the signed agreement"),
    "pathfinder.budgets.direct_payment_forms.ReviewForm": FormCase(not_edit="a workflow move"),
    "pathfinder.budgets.direct_payment_forms.RefuseForm": FormCase(not_edit="a one-shot decision with its reasons"),
    "pathfinder.budgets.direct_payment_forms.StopForm": FormCase(not_edit="a one-shot decision with its reasons"),
    # transfers (moving to another council)
    "pathfinder.transfers.forms.TransferOutForm": FormCase(not_edit="records a new move"),
    "pathfinder.transfers.forms.TransferSendForm": FormCase(not_edit="a one-shot action"),
    "pathfinder.transfers.forms.TransferWithdrawForm": FormCase(not_edit="a one-shot action"),
    "pathfinder.transfers.forms.TransferImportForm": FormCase(not_edit="imports a bundle once"),
    "pathfinder.transfers.forms.TransferNoticeForm": FormCase(not_edit="sends the notice once"),
    # caseload (a council's caseload in and out)
    "pathfinder.caseload.forms.CaseloadUploadForm": FormCase(not_edit="an upload"),
    # feedback
    "pathfinder.feedback.forms.CommentForm": FormCase(not_edit="a new comment from the public"),
    "pathfinder.feedback.forms.ModerateForm": FormCase(not_edit="a one-shot decision"),
    "pathfinder.feedback.forms.RespondForm": FormCase(not_edit="a one-shot response"),
    "pathfinder.feedback.forms.YearForm": FormCase(kwargs=lambda: {"years": [2025, 2026]}, not_edit="a filter"),
    # disclosure
    "pathfinder.disclosure.forms.SampleForm": FormCase(not_edit="a choice of sample, sent by GET"),
    "pathfinder.disclosure.forms.RequestReceivedForm": FormCase(not_edit="a date to work out a deadline, sent by GET"),
    "pathfinder.disclosure.forms.SubjectAccessRequestForm": FormCase(not_edit="records a new request"),
    "pathfinder.disclosure.forms.SubjectAccessExtendForm": FormCase(not_edit="a one-shot action"),
    "pathfinder.disclosure.forms.SubjectAccessAnswerForm": FormCase(not_edit="a one-shot action"),
    # insights
    "pathfinder.insights.forms.PeriodForm": FormCase(not_edit="a filter"),
    # sen2
    "pathfinder.sen2.forms.CensusForm": FormCase(not_edit="a filter: the census day to build the return for"),
    # directory
    "pathfinder.directory.web.forms.SearchForm": FormCase(edit="search"),
    "pathfinder.directory.web.forms.OutOfDateForm": FormCase(not_edit="a new report from the public"),
    "pathfinder.directory.web.forms.ResolveReportForm": FormCase(not_edit="a one-shot action"),
    "pathfinder.directory.web.forms.RejectForm": FormCase(not_edit="a one-shot decision"),
    "pathfinder.directory.web.forms.InformationPageForm": FormCase(edit="information_page"),
    "pathfinder.directory.web.synonym_forms.SearchSynonymForm": FormCase(
        kwargs=lambda: {"term_choices": [("t1", "Needs: Autism"), ("t2", "Kinds of support: Therapies")]},
        edit="search_synonym"),
    "pathfinder.directory.web.forms.ImportForm": FormCase(not_edit="an upload"),
    "pathfinder.directory.harvest.forms.FeedSubscriptionForm": FormCase(not_edit="subscribes to a feed once"),
    "pathfinder.directory.web.forms.ServiceForm": FormCase(kwargs=_service_kwargs, edit="service"),
    "pathfinder.directory.web.forms.NewServiceForm": FormCase(kwargs=_organisations, not_edit="starts a new service"),
    # personal budgets: the RAS, the rate card, indicative budgets and costing
    "pathfinder.budgets.ras_forms._Versioned": FormCase(base_class=True, not_edit="a base class"),
    "pathfinder.budgets.ras_forms.RasDetailsForm": FormCase(edit="ras_details"),
    "pathfinder.budgets.ras_forms.RasQuestionForm": FormCase(edit="ras_question"),
    "pathfinder.budgets.ras_forms.RasBandsForm": FormCase(edit="ras_bands"),
    "pathfinder.budgets.ras_forms.RasPublishForm": FormCase(not_edit="a one-shot action: publishes the version"),
    "pathfinder.budgets.ras_forms.RateCardForm": FormCase(not_edit="a new price is a new row; earlier ones are kept"),
    "pathfinder.budgets.ras_forms.IndicativeForm": FormCase(
        kwargs=lambda: {"questions": [("1", "How much help with personal care?", "Section D",
                                       [("1", "None (0 points)"), ("2", "Some (4 points)")])]},
        not_edit="a workflow move: works the budget out again from the answers"),
    "pathfinder.budgets.ras_forms.ProvisionPriceForm": FormCase(
        kwargs=lambda: {"cost_options": [("a", "Swimming: per session £5")], "rates": [("1", "TA hour: £18.50")]},
        edit="provision_price"),
    # tribunal: each form records one act on an appeal or an order, once (tribunal.appeals / orders)
    "pathfinder.tribunal.forms.TribunalForm": FormCase(base_class=True, not_edit="a base class"),
    "pathfinder.tribunal.forms.VersionedForm": FormCase(base_class=True, not_edit="a base class"),
    "pathfinder.tribunal.forms.AppealForm": FormCase(kwargs=_appeal_kwargs, not_edit="records a new appeal"),
    "pathfinder.tribunal.forms.ResponseForm": FormCase(not_edit="a workflow move recording the response once"),
    "pathfinder.tribunal.forms.HearingForm": FormCase(not_edit="records the hearing date the Tribunal set"),
    "pathfinder.tribunal.forms.NotOpposeForm": FormCase(not_edit="a one-shot act: starts the reg 45 duties"),
    "pathfinder.tribunal.forms.DecideForm": FormCase(not_edit="a workflow move recording the decision once"),
    "pathfinder.tribunal.forms.WithdrawForm": FormCase(not_edit="a workflow move recording the withdrawal once"),
    "pathfinder.tribunal.forms.OrderForm": FormCase(not_edit="records a new order"),
    "pathfinder.tribunal.forms.DutyDoneForm": FormCase(not_edit="records the day a duty was done, once"),
    "pathfinder.tribunal.forms.AssessmentDecisionForm": FormCase(not_edit="a one-shot decision after an assessment"),
    "pathfinder.tribunal.forms.OrderExceptionForm": FormCase(kwargs=_order_exception_kwargs,
                                                             not_edit="claims a new exception"),
    "pathfinder.tribunal.forms.DeliveredForm": FormCase(not_edit="records delivery of ordered provision once"),
    "pathfinder.tribunal.forms.RecommendationForm": FormCase(not_edit="records a new recommendation"),
    "pathfinder.tribunal.forms.RecommendationResponseForm": FormCase(not_edit="records the response once"),
}


def _import_every_module() -> None:
    """Import every forms module of the project (`forms.py`, `*_forms.py`, a `forms/` package), so every form
    class is defined; the house rule puts forms there, and views are loaded by the URL configuration anyway."""
    for module in pkgutil.walk_packages(pathfinder.__path__, "pathfinder."):
        name = module.name
        if ".tests" in name or ".migrations" in name or "form" not in name.rsplit(".", 1)[-1]:
            continue
        importlib.import_module(name)
    import config.urls  # noqa: F401  (forms defined next to views are found too)


def project_form_classes() -> list[type[forms.BaseForm]]:
    """Every Form or ModelForm class defined under pathfinder/, however deep its base classes go."""
    _import_every_module()
    found: set[type[forms.BaseForm]] = set()
    todo = list(forms.BaseForm.__subclasses__())
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if cls.__module__.startswith("pathfinder.") and ".tests" not in cls.__module__:
            found.add(cls)
    return sorted(found, key=dotted)


def dotted(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def build(cls: type[forms.BaseForm], data: Any = None, files: Any = None) -> forms.BaseForm:
    """An instance of the form, bound to `data` if given, with the arguments its registry entry names."""
    case = FORMS[dotted(cls)]
    return cls(*case.args(), data=data, files=files, **case.kwargs())
