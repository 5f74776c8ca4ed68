"""Mediation before an appeal (SEND Regulations 2014, regs 32 to 42; spec 6.2): each step and its clock.

Why a module of its own: the mediation steps run on two kinds of clock (calendar days and weeks, and working
days), are done by three different people (the family, the mediation adviser, the council or health
commissioner) and decide the appeal deadline: the certificate that ends mediation gives the family 1 month
from its issue, if that is later than 2 months from the decision's notice (HESC Rules r.20(1)(c)). Getting a
step's date wrong can shorten a family's time to appeal, so every page asks here.

Steps of :func:`mediation_timeline` (step code: rule code, trigger):

* ``contact_adviser``: ``mediation_contact``, 2 months after the notice was sent (reg 33). The family's step.
* ``adviser_certificate``: ``mediation_certificate``, 3 working days after the family told the adviser it does
  not want mediation (reg 34).
* ``notify_health``: ``mediation_health_notice``, 3 working days after the family told the council it wants
  mediation, when health care provision is in issue (regs 35 to 37) [S, R].
* ``hold_mediation``: ``mediation_held``, 30 days after the family told the council (regs 35 to 38) [S, R].
* ``deemed_certificate``: ``mediation_deemed_certificate``, 3 working days after the council told the adviser
  it cannot arrange mediation in time [S].
* ``mediator_certificate``: ``mediator_certificate``, 3 working days after mediation concluded (reg 39) [S, R].
* ``agreement_non_appealable``: ``mediation_agreement``, 2 weeks after an agreement on matters that cannot be
  appealed (reg 42(3)). An agreement on appealable matters is done on the Tribunal order clocks (reg 42(2)):
  :func:`statutory.tribunal_orders.order_duties` from the day of the agreement.
* ``health_tells_council``: ``mediation_agreement_council_told``, 1 week after the agreement, when the council
  was not a party (reg 42(4)).

These are SEND Regulations periods, not Tribunal Rules: HESC r.12 (the August and Christmas extension) does
not move them. Working days are Monday to Friday except England's bank holidays (and any day the caller's
calendar adds). The parties may agree different times in writing (reg 42(5)): the clocks here are the law's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from statutory.appealable import Problem
from statutory.appeals import appeal_dates
from statutory.calendar import WorkingDayCalendar
from statutory.deadlines import Deadline, Deadlines, deadline
from statutory.rules import RULES, RuleBook


@dataclass(frozen=True)
class MediationFacts:
    """What has happened in one mediation: plain dates, no models. Field names are the form's field names."""

    notice_sent: date  # the written notice of the decision
    adviser_contacted: date | None = None  # family contacted the mediation adviser (reg 33)
    wants_mediation: bool | None = None
    adviser_certificate: date | None = None  # reg 34: family does not want mediation
    council_informed: date | None = None  # family told the council they want mediation (30 days start)
    health_in_issue: bool = False
    health_notified: date | None = None  # regs 35-37: council told each health commissioner
    council_cannot_arrange: date | None = None  # council told the adviser it cannot arrange in 30 days
    deemed_certificate: date | None = None
    mediation_held: date | None = None  # mediation concluded
    mediator_certificate: date | None = None
    agreement_on: date | None = None
    agreement_appealable: bool | None = None  # reg 42(2) (Tribunal order clocks) vs 42(3) (2 weeks)
    council_party: bool = True  # reg 42(4): health commissioner tells the council within 1 week
    agreement_done: date | None = None  # reg 42(3): what was agreed was done
    council_told_of_agreement: date | None = None  # reg 42(4): the health commissioner told the council


def certificate_date(facts: MediationFacts) -> date | None:
    """The certificate that counts for the appeal deadline (HESC r.20(1)(c)): the adviser's (reg 34), the
    "deemed" one, or the mediator's, whichever was issued last; None before any certificate."""
    issued = [d for d in (facts.adviser_certificate, facts.deemed_certificate, facts.mediator_certificate) if d]
    return max(issued, default=None)


def appeal_by(facts: MediationFacts, calendar: WorkingDayCalendar | None = None) -> date:
    """The family's last day to appeal: later of 2 months from the notice and 1 month from the certificate,
    moved by HESC r.12 (next working day; August and 25 December to 1 January)."""
    return appeal_dates(facts.notice_sent, certificate_issued=certificate_date(facts), calendar=calendar).appeal_by


def mediation_timeline(
    facts: MediationFacts, *, today: date, calendar: WorkingDayCalendar | None = None,
    rules: RuleBook | None = None,
) -> Deadlines:
    """Every mediation step that has started, as it stood on ``today``, ordered by due date (see the module)."""
    book = rules or RULES
    out: list[Deadline] = []

    def add(step: str, label: str, code: str, trigger: date, trigger_label: str, done: date | None,
            **kwargs: object) -> None:
        out.append(deadline(step, label, book.lookup(code, trigger), trigger, today=today, completed_on=done,
                            trigger_label=trigger_label, calendar=calendar, **kwargs))  # type: ignore[arg-type]

    add("contact_adviser", "Family contacts the mediation adviser", "mediation_contact", facts.notice_sent,
        "the notice of the decision being sent", facts.adviser_contacted,
        note="This is the family's step: after it, appealing needs a mediation certificate (unless only about "
             "the school or college named).")
    if facts.adviser_contacted and facts.wants_mediation is False:
        add("adviser_certificate", "Mediation adviser issues the certificate", "mediation_certificate",
            facts.adviser_contacted, "the family telling the adviser they do not want mediation",
            facts.adviser_certificate)
    informed = facts.council_informed
    if informed is not None:
        if facts.health_in_issue:
            add("notify_health", "Council tells each health commissioner about the mediation",
                "mediation_health_notice", informed, "the family telling the council they want mediation",
                facts.health_notified)
        cannot = facts.council_cannot_arrange is not None and facts.mediation_held is None
        add("hold_mediation", "Mediation takes place", "mediation_held", informed,
            "the family telling the council they want mediation", facts.mediation_held, applicable=not cannot,
            why_not="The council told the mediation adviser it could not arrange mediation in time.")
    if facts.council_cannot_arrange is not None:
        add("deemed_certificate", "Mediation adviser issues a certificate (mediation could not be arranged)",
            "mediation_deemed_certificate", facts.council_cannot_arrange,
            "the council telling the adviser it could not arrange mediation", facts.deemed_certificate)
    if facts.mediation_held is not None:
        add("mediator_certificate", "Mediator issues the mediation certificate", "mediator_certificate",
            facts.mediation_held, "the mediation ending", facts.mediator_certificate)
    if facts.agreement_on is not None:
        if facts.agreement_appealable is False:
            add("agreement_non_appealable", "Do what was agreed in mediation", "mediation_agreement",
                facts.agreement_on, "the mediation agreement", facts.agreement_done)
        if not facts.council_party:
            add("health_tells_council", "Health commissioner tells the council of the agreement",
                "mediation_agreement_council_told", facts.agreement_on, "the mediation agreement",
                facts.council_told_of_agreement)
    return Deadlines(today=today, deadlines=tuple(sorted(out, key=lambda d: d.due)))


def _d(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _order(problems: list[Problem], field: str, later: date | None, earlier: date | None, message: str) -> None:
    if later is not None and earlier is not None and later < earlier:
        problems.append(Problem(field, f"{message} ({_d(later)} is before {_d(earlier)})."))


def mediation_problems(facts: MediationFacts) -> list[Problem]:
    """What cannot be true of a mediation, in plain English, each naming its field (empty if nothing is)."""
    f = facts
    p: list[Problem] = []
    for name, day in (("adviser_contacted", f.adviser_contacted), ("council_informed", f.council_informed)):
        _order(p, name, day, f.notice_sent, "This cannot be before the notice of the decision was sent")
    if f.adviser_certificate and f.adviser_contacted is None:
        p.append(Problem("adviser_certificate", "Enter the day the family contacted the mediation adviser: the "
                                                "adviser's certificate comes after that contact."))
    _order(p, "adviser_certificate", f.adviser_certificate, f.adviser_contacted,
           "The adviser's certificate cannot be issued before the family contacted the adviser")
    if f.adviser_certificate and f.wants_mediation:
        p.append(Problem("adviser_certificate", "The adviser's certificate is for a family who does not want "
                                                "mediation, but this family wants it."))
    if f.wants_mediation is False and (f.council_informed or f.mediation_held):
        p.append(Problem("wants_mediation", "The family said they do not want mediation, but dates of mediation "
                                            "are recorded: check whether they changed their mind."))
    _order(p, "council_informed", f.council_informed, f.adviser_contacted,
           "The family tells the council they want mediation after contacting the mediation adviser")
    if f.health_notified and not f.health_in_issue:
        p.append(Problem("health_notified", "Health commissioners are told only when health care provision is "
                                            "part of the mediation: tick that it is, or remove this date."))
    for name, day, what in (("health_notified", f.health_notified, "The health commissioners cannot be told"),
                            ("council_cannot_arrange", f.council_cannot_arrange,
                             "The council cannot say it is unable to arrange mediation"),
                            ("mediation_held", f.mediation_held, "Mediation cannot be held")):
        if day and f.council_informed is None:
            p.append(Problem(name, f"{what} before the family has told the council they want mediation: enter "
                                   f"the day the council was told."))
        _order(p, name, day, f.council_informed, f"{what} before the family told the council they want mediation")
    if f.deemed_certificate and f.council_cannot_arrange is None:
        p.append(Problem("deemed_certificate", "A certificate for mediation that could not be arranged needs the "
                                               "day the council told the adviser it could not arrange it."))
    _order(p, "deemed_certificate", f.deemed_certificate, f.council_cannot_arrange,
           "This certificate cannot be issued before the council told the adviser it could not arrange mediation")
    if f.mediator_certificate and f.mediation_held is None:
        p.append(Problem("mediator_certificate", "The mediator's certificate comes after mediation: enter the "
                                                 "day mediation ended."))
    _order(p, "mediator_certificate", f.mediator_certificate, f.mediation_held,
           "The mediator's certificate cannot be issued before mediation ended")
    if f.agreement_on and f.mediation_held is None:
        p.append(Problem("agreement_on", "A mediation agreement comes out of mediation: enter the day mediation "
                                         "ended."))
    _order(p, "agreement_on", f.agreement_on, f.mediation_held, "The agreement cannot be made before mediation")
    for name, day in (("agreement_done", f.agreement_done), ("council_told_of_agreement",
                                                              f.council_told_of_agreement)):
        if day and f.agreement_on is None:
            p.append(Problem(name, "Enter the day of the mediation agreement first."))
        _order(p, name, day, f.agreement_on, "This cannot be before the mediation agreement")
    if f.agreement_on and f.agreement_appealable is None:
        p.append(Problem("agreement_appealable", "Say whether the agreement is about matters that could be "
                                                 "appealed to the Tribunal: it decides which time limits apply."))
    return p
