"""Amending an EHC plan (SEND Regulations 2014 reg 22; spec section 3): the three dates of an amendment.

Why its own module: an amendment runs on its own clock, separate from the assessment's 20 weeks and from the
review's 12 months, and every page that shows an amendment (the caseworker's worklist, the amendment's own page,
the family's notice) must agree on it.

* After a review, the council's decision to amend is notified within 4 weeks of the review meeting (reg 20(10)),
  and that notice must come *with* the proposed amendments (reg 22(2); R (L, M, P) v Devon CC [2022] EWHC 493
  (Admin): a decision to amend served without the draft amendments is not a lawful reg 20(10) notice). So the
  amendment notice itself is due within 4 weeks of the meeting (rule ``review_decision``). An amendment not
  started by a review (a change of circumstances) has no meeting and no such deadline.
* The parent or young person has at least 15 days, beginning with the day the notice was served, to comment,
  ask for a meeting and ask for a school (reg 22(2)(c), rule ``amendment_representations_close``). The amended
  plan may not be issued inside that window.
* The council issues the amended plan, or tells the family it will not amend and why, within 8 weeks of the
  notice (reg 22(3), reg 22(4), rule ``amendment_final``). From a review, that is at most 12 weeks after the
  meeting if both steps are on time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from statutory.calendar import WorkingDayCalendar
from statutory.deadlines import Deadline, Deadlines, deadline
from statutory.rules import RULES, RuleBook

DEVON_CASE = "R (L, M, P) v Devon CC [2022] EWHC 493 (Admin)"


@dataclass(frozen=True)
class AmendmentFacts:
    """What has happened to one amendment: plain dates, no models.

    ``review_meeting`` is the review meeting the amendment came from (None if it did not come from a review);
    ``notice_served`` the day the amendment notice with the proposed amendments was served (reg 22(2));
    ``finished`` the day the amended plan was issued or the family was told it will not be amended, and
    ``amended`` which of the two it was (True: issued, False: not amended, None: not finished).
    """

    review_meeting: date | None = None
    notice_served: date | None = None
    finished: date | None = None
    amended: bool | None = None


def _fmt(day: date) -> str:
    return f"{day:%a} {day.day} {day:%B %Y}"


def amendment_earliest_final(notice_served: date, rules: RuleBook | None = None) -> date:
    """The first day the amended plan may be issued: the day after the family's time to comment ends."""
    rule = (rules or RULES).lookup("amendment_representations_close", notice_served)
    return WorkingDayCalendar.add_calendar_days(rule.due_from(notice_served), 1)


def amendment_comments_last_day(notice_served: date, rules: RuleBook | None = None) -> date:
    """The last day of the family's time to comment on the proposed amendments (reg 22(2)(c))."""
    return (rules or RULES).lookup("amendment_representations_close", notice_served).due_from(notice_served)


def amendment_timeline(
    facts: AmendmentFacts, *, today: date, rules: RuleBook | None = None,
) -> Deadlines:
    """Every deadline of one amendment as it stood on ``today``, ordered by due date.

    Steps: ``amendment_notice`` (only after a review), ``amendment_representations_close`` (once the notice is
    served) and ``amendment_final`` (once the notice is served).
    """
    book = rules or RULES
    out: list[Deadline] = []
    if facts.review_meeting is not None:
        rule = book.lookup("review_decision", facts.review_meeting)
        out.append(deadline(
            "amendment_notice", "Serve the amendment notice with the proposed amendments", rule,
            facts.review_meeting, today=today, completed_on=facts.notice_served,
            trigger_label="the review meeting",
            note=f"The decision to amend must be served with the proposed amendments ({DEVON_CASE}; reg 22(2)).",
        ))
    served = facts.notice_served
    if served is not None:
        window = book.lookup("amendment_representations_close", served)
        window_end = window.due_from(served)
        note = ""
        if facts.finished and facts.finished <= window_end:
            window_done: date | None = facts.finished
            if facts.amended:
                note = (f"The amended plan was issued on {_fmt(facts.finished)}, before the family's time to "
                        f"comment had ended.")
        elif today > window_end or facts.finished:
            window_done = window_end
        else:
            window_done = None
        out.append(deadline(
            "amendment_representations_close", "Family's time to comment on the proposed amendments ends", window,
            served, today=today, completed_on=window_done, trigger_label="the amendment notice being served",
            began_with="the amendment notice was served", note=note,
        ))
        out.append(deadline(
            "amendment_final", "Issue the amended plan, or tell the family it will not be amended",
            book.lookup("amendment_final", served), served, today=today, completed_on=facts.finished,
            trigger_label="the amendment notice being served",
        ))
    return Deadlines(today=today, deadlines=tuple(sorted(out, key=lambda d: d.due)))


def amendment_problems(facts: AmendmentFacts, *, today: date, rules: RuleBook | None = None) -> list[str]:
    """What cannot be true of an amendment, in plain English (an empty list if nothing is wrong)."""
    problems: list[str] = []
    for name, day in (("review meeting", facts.review_meeting), ("amendment notice", facts.notice_served),
                      ("amended plan or decision not to amend", facts.finished)):
        if day is not None and day > today:
            problems.append(f"The date of the {name} cannot be in the future.")
    if facts.review_meeting and facts.notice_served and facts.notice_served < facts.review_meeting:
        problems.append("The amendment notice cannot be served before the review meeting it came from.")
    if facts.finished and facts.notice_served is None:
        problems.append("The plan cannot be amended, or the amendment dropped, before the amendment notice is served "
                        "(SEND Regulations 2014, regulation 22(2)).")
    elif facts.finished and facts.notice_served and facts.finished < facts.notice_served:
        problems.append("The amended plan cannot be issued before the amendment notice was served.")
    elif facts.finished and facts.notice_served and facts.amended:
        earliest = amendment_earliest_final(facts.notice_served, rules)
        if facts.finished < earliest:
            rule = (rules or RULES).lookup("amendment_representations_close", facts.notice_served)
            problems.append(
                f"The amended plan cannot be issued before {_fmt(earliest)}: the family has {rule.duration_text} "
                f"beginning with the day the notice was served to comment ({rule.citation})."
            )
    return problems
