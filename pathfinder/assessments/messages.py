"""What the assessment tells families and advisers, in plain words (found at start-up by notifications).

Only dates and a link to sign in: no names, no needs, nothing about the child (notifications.kinds).
"""

from pathfinder.notifications.kinds import MessageKind, register_message_kind

REQUEST_RECEIVED = register_message_kind(MessageKind(
    "assessments.request_received",
    email_subject="We have a request for an EHC needs assessment",
    email_body=(
        "We have a request for an education, health and care (EHC) needs assessment for your child. "
        "It counts as received on {date}.\n\n"
        "We must tell you by {decide_by} whether we will carry out the assessment.\n\n"
        "Sign in to follow what happens: {link}\n\n"
        "If you have a question, phone {council_name} on {council_phone} or email {council_email}."
    ),
    sms_body="{council_name}: we have a request for an EHC needs assessment. We must tell you by {decide_by} "
             "whether we will assess. Sign in: {link}",
    letter_body=(
        "We have a request for an education, health and care (EHC) needs assessment for your child. "
        "It counts as received on {date}.\n\n"
        "We must tell you by {decide_by} whether we will carry out the assessment.\n\n"
        "You can follow what happens online: {link}"
    ),
    values=("date", "decide_by", "link"),
))

DECIDED_TO_ASSESS = register_message_kind(MessageKind(
    "assessments.decided_to_assess",
    email_subject="We will carry out an EHC needs assessment",
    email_body=(
        "We have decided to carry out an education, health and care (EHC) needs assessment for your child.\n\n"
        "We will ask for advice from the people who know your child. We must tell you by {decide_by} whether "
        "we will make an EHC plan.\n\n"
        "Sign in to read our letter and to give your views: {link}"
    ),
    sms_body="{council_name}: we will carry out the EHC needs assessment. We must tell you by {decide_by} whether "
             "we will make an EHC plan. Sign in: {link}",
    letter_body=(
        "We have decided to carry out an education, health and care (EHC) needs assessment for your child.\n\n"
        "We will ask for advice from the people who know your child. We must tell you by {decide_by} whether "
        "we will make an EHC plan.\n\nYou can read more and give your views online: {link}"
    ),
    values=("decide_by", "link"),
))

REFUSED = register_message_kind(MessageKind(
    "assessments.refused",
    email_subject="Our decision about an EHC needs assessment",
    email_body=(
        "We have decided not to carry out an education, health and care (EHC) needs assessment for your child.\n\n"
        "Sign in to read our letter. It says why, and what you can do if you disagree: {link}\n\n"
        "You can talk to us about it. Phone {council_phone} or email {council_email}."
    ),
    sms_body="{council_name}: we have made a decision about the EHC needs assessment. Sign in to read our "
             "letter: {link}",
    letter_body=(
        "We have decided not to carry out an education, health and care (EHC) needs assessment for your child.\n\n"
        "Our letter with the reasons, and what you can do if you disagree, is online: {link}\n\n"
        "You can talk to us about it. Phone {council_phone}."
    ),
    values=("link",),
))

ADVICE_REQUESTED = register_message_kind(MessageKind(
    "assessments.advice_requested",
    email_subject="A request for advice for an EHC needs assessment",
    email_body=(
        "{council_name} has asked you for advice for an education, health and care (EHC) needs assessment.\n\n"
        "Please give your advice by {due_on}.\n\n"
        "Sign in to see the request: {link}"
    ),
    sms_body="{council_name}: you have a request for advice for an EHC needs assessment, due by {due_on}. "
             "Sign in: {link}",
    letter_body=(
        "{council_name} has asked you for advice for an education, health and care (EHC) needs assessment.\n\n"
        "Please give your advice by {due_on}. You can see the request online: {link}"
    ),
    values=("due_on", "link"),
))

# -- Advice asked of an organisation, given to a member, passed on, and arriving at the council -------------------
# To professionals, not families, but they leave the council's systems all the same: a due date, a count and a
# link, never the child or the organisation.

ADVICE_FOR_ORGANISATION = register_message_kind(MessageKind(
    "assessments.advice_for_organisation",
    email_subject="Your organisation has a new request for advice",
    email_body=(
        "Your organisation has a new request for advice. It is due by {due_on}. It is for an education, "
        "health and care (EHC) needs assessment.\n\n"
        "Sign in to see it and give it to a colleague: {link}\n\n"
        "{council_name}"
    ),
    sms_body="{council_name}: your organisation has a new request for advice. It is due by {due_on}. "
             "Sign in: {link}",
    letter_body=(
        "Your organisation has a new request for advice for an EHC needs assessment. It is due by {due_on}.\n\n"
        "You can see it online: {link}"
    ),
    values=("due_on", "link"),
))

ADVICE_GIVEN_TO_YOU = register_message_kind(MessageKind(
    "assessments.advice_given_to_you",
    email_subject="An advice request has been given to you",
    email_body=(
        "An advice request for an education, health and care (EHC) needs assessment has been given to you. "
        "It is due by {due_on}.\n\n"
        "Sign in to see it: {link}\n\n"
        "{council_name}"
    ),
    sms_body="{council_name}: an advice request has been given to you. It is due by {due_on}. Sign in: {link}",
    letter_body=(
        "An advice request for an EHC needs assessment has been given to you. It is due by {due_on}.\n\n"
        "You can see it online: {link}"
    ),
    values=("due_on", "link"),
))

ADVICE_PASSED_TO_YOU = register_message_kind(MessageKind(
    "assessments.advice_passed_to_you",
    email_subject="Work has been passed to you",
    email_body=(
        "A colleague has left your organisation in Pathfinder. You have been given {passed_requests} "
        "that they were doing. The first is due by {due_on}.\n\n"
        "Sign in to see them: {link}\n\n"
        "{council_name}"
    ),
    sms_body="{council_name}: you have been given {passed_requests} from a colleague who has left. "
             "The first is due by {due_on}. Sign in: {link}",
    letter_body=(
        "A colleague has left your organisation. You have been given {passed_requests} that they were doing. "
        "The first is due by {due_on}.\n\nYou can see them online: {link}"
    ),
    values=("passed_requests", "due_on", "link"),
))

ADVICE_ARRIVED = register_message_kind(MessageKind(
    "assessments.advice_arrived",
    email_subject="New advice has arrived for one of your cases",
    email_body=(
        "New advice has arrived for one of your cases.\n\n"
        "Sign in to read it: {link}"
    ),
    sms_body="{council_name}: new advice has arrived for one of your cases. Sign in to read it: {link}",
    letter_body="New advice has arrived for one of your cases. Sign in to read it: {link}",
    values=("link",),
))

ADVICE_ARRIVED_CHECKING = register_message_kind(MessageKind(
    "assessments.advice_arrived_checking",
    email_subject="New advice has arrived for one of your cases",
    email_body=(
        "New advice has arrived for one of your cases. Its document is being checked for viruses. You can open "
        "it once the check is done.\n\n"
        "Sign in to read it: {link}"
    ),
    sms_body="{council_name}: new advice has arrived for one of your cases. Its document is being checked for viruses. "
             "Sign in to read it: {link}",
    letter_body="New advice has arrived for one of your cases. Its document is being checked for viruses. "
                "Sign in to read it: {link}",
    values=("link",),
))

# -- Re-assessment of a child who already has a plan (SEND Regulations 2014 regs 24-27) -------------------------

REASSESSMENT_REQUEST_RECEIVED = register_message_kind(MessageKind(
    "assessments.reassessment_request_received",
    email_subject="We have a request to look again at your child's needs",
    email_body=(
        "We have a request for a new EHC needs assessment (a re-assessment) for your child. "
        "It counts as received on {date}.\n\n"
        "We must tell you by {decide_by} whether we will do it. Your child's plan stays in place meanwhile.\n\n"
        "Sign in to follow what happens: {link}"
    ),
    sms_body="{council_name}: we have a request for a re-assessment. We must tell you by {decide_by} whether we "
             "will do it. Sign in: {link}",
    letter_body=(
        "We have a request for a new EHC needs assessment (a re-assessment) for your child. "
        "It counts as received on {date}.\n\n"
        "We must tell you by {decide_by} whether we will do it. Your child's plan stays in place meanwhile.\n\n"
        "You can follow what happens online: {link}"
    ),
    values=("date", "decide_by", "link"),
))

DECIDED_TO_REASSESS = register_message_kind(MessageKind(
    "assessments.decided_to_reassess",
    email_subject="We will look again at your child's needs",
    email_body=(
        "We have decided to carry out a new EHC needs assessment (a re-assessment) for your child.\n\n"
        "We will ask for advice from the people who know your child. The new plan must be ready by {due_on}. "
        "Your child's plan stays in place until then.\n\n"
        "Sign in to read more and to give your views: {link}"
    ),
    sms_body="{council_name}: we will re-assess your child's needs. The new plan must be ready by {due_on}. "
             "Sign in: {link}",
    letter_body=(
        "We have decided to carry out a new EHC needs assessment (a re-assessment) for your child.\n\n"
        "We will ask for advice from the people who know your child. The new plan must be ready by {due_on}. "
        "Your child's plan stays in place until then.\n\nYou can read more and give your views online: {link}"
    ),
    values=("due_on", "link"),
))

REASSESSMENT_REFUSED = register_message_kind(MessageKind(
    "assessments.reassessment_refused",
    email_subject="Our decision about a re-assessment",
    email_body=(
        "We have decided not to carry out a new EHC needs assessment for your child. "
        "Your child's plan stays in place.\n\n"
        "Sign in to read our letter. It says why, and what you can do if you disagree: {link}\n\n"
        "You can talk to us about it. Phone {council_phone} or email {council_email}."
    ),
    sms_body="{council_name}: we have made a decision about the re-assessment. Sign in to read our letter: {link}",
    letter_body=(
        "We have decided not to carry out a new EHC needs assessment for your child. "
        "Your child's plan stays in place.\n\n"
        "Our letter with the reasons, and what you can do if you disagree, is online: {link}\n\n"
        "You can talk to us about it. Phone {council_phone}."
    ),
    values=("link",),
))
