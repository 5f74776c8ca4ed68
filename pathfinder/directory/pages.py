"""Default text for the council's Local Offer information pages (SEND Regs 2014 Sch. 2 and reg 57).

Plain English, general to any English council; a council edits them to add its own contacts. Body format:
paragraphs separated by blank lines, "- " starts a list item (see models.InformationPage).
"""

from __future__ import annotations

from datetime import date

import statutory
from pathfinder.directory.constants import InformationTopic

#: Periods as the rule book states them now: the pages never write a statutory period of their own.
_P = {code: statutory.rule_in_force(code, date.max).duration_text for code in statutory.RULES.codes()}

DEFAULT_PAGES: tuple[dict, ...] = (
    {
        "slug": "ask-for-an-ehc-needs-assessment",
        "topic": InformationTopic.ASSESSMENT,
        "title": "Asking for an education, health and care (EHC) needs assessment",
        "summary": "Who can ask, how to ask, and what happens next.",
        "body": f"""An EHC needs assessment is when the council looks in detail at a child or young person's special educational needs and the help they need. It can lead to an education, health and care plan (EHC plan).

You can ask for an assessment if you are a parent, or a young person aged 16 to 25. A school, college or nursery can also ask, and should talk to you first.

You do not need a diagnosis, and you do not need a report from an educational psychologist before you ask.

To ask, write to the council's SEND team. Say why you think your child needs an assessment and what help they get now. You can use the online form or send an email or letter.

What happens next:
- The council must tell you within {_P["decision_to_assess"]} whether it will carry out an assessment.
- If it says yes, it asks for advice from you, the school or setting, an educational psychologist, health and social care.
- The council must tell you within {_P["decision_not_to_issue"]} of your request whether it will make an EHC plan.
- If a plan is made, the final plan must be issued within {_P["final_plan"]} of your request.

If the council says no at any stage, it must tell you why and explain your right to mediation and to appeal to the SEND Tribunal.

You can get free, impartial help from the SEND information, advice and support service (SENDIASS).""",
    },
    {
        "slug": "personal-budgets",
        "topic": InformationTopic.FUNDING,
        "title": "Personal budgets",
        "summary": "Money for some of the support in an EHC plan, and how it can be paid.",
        "body": """A personal budget is an amount of money the council identifies to pay for some of the support in an education, health and care (EHC) plan.

You can ask for a personal budget when a draft EHC plan is being written or when the plan is reviewed.

A personal budget can be:
- a direct payment, where money is paid to you to buy the support yourself
- managed by the council, school or college on your behalf
- paid to a third party you choose to organise the support
- a mix of these

The council must explain how it decides the amount, and what a personal budget can and cannot be used for. If it refuses a direct payment, it must tell you why in writing and you can ask it to look again.

Health services may offer a personal health budget, and social care may offer direct payments, even without an EHC plan.""",
    },
    {
        "slug": "travel-to-school-or-college",
        "topic": InformationTopic.TRAVEL,
        "title": "Travel to school or college",
        "summary": "Free travel, travel training and what to do if you are refused.",
        "body": """Some children and young people with special educational needs or disabilities can get free travel to school or college.

A child of compulsory school age can get free travel to their nearest suitable school if they cannot reasonably be expected to walk there because of their needs or disability, even if it is within walking distance.

Help can include:
- a bus or train pass
- a place on shared transport, such as a minibus or taxi
- a personal travel budget paid to parents to arrange travel
- travel training to help young people travel on their own safely

Young people aged 16 to 25 may get help under the council's post-16 transport policy. Read it each year: it is published by 31 May.

You usually need to apply, even if your child has an EHC plan. If you are refused, you can ask the council to review its decision. You have 20 working days to ask.""",
    },
    {
        "slug": "mediation-and-tribunal",
        "topic": InformationTopic.DISAGREEMENTS,
        "title": "Disagreements, mediation and the SEND Tribunal",
        "summary": "How to sort out disagreements about SEND support and your right to appeal.",
        "body": f"""Most disagreements can be sorted out by talking. Start with the school, college or the council's SEND team.

Disagreement resolution is a free, independent service to help sort out disagreements with the council, a school or a health service. It is voluntary.

Mediation is a meeting with an independent mediator to try to agree a way forward with the council. It is free.

You can appeal to the First-tier Tribunal (Special Educational Needs and Disability) if the council:
- refuses to carry out an EHC needs assessment
- refuses to make an EHC plan
- makes a plan and you disagree with the description of needs, the support or the school or college named
- refuses to change a plan after a review, or decides to stop a plan

Before you appeal, you must contact a mediation adviser and get a certificate, unless your appeal is only about the school or college named.

You must usually appeal within {_P["appeal"]} of the council's decision letter, or within {_P["appeal_after_certificate"]} of getting your mediation certificate, whichever is later.

The tribunal can also make recommendations about health and social care parts of a plan.""",
    },
    {
        "slug": "complaints",
        "topic": InformationTopic.COMPLAINTS,
        "title": "Making a complaint",
        "summary": "Who to complain to about SEND support, and what happens.",
        "body": """If you are unhappy with a service, tell the people who provide it first. Many problems can be put right quickly.

Who to complain to:
- about a school or college: use the school's or college's complaints procedure
- about the council, for example delays or how you were treated: use the council's complaints procedure
- about health services: contact the service, or the Patient Advice and Liaison Service (PALS)
- about social care: use the council's social care complaints procedure

If you are still unhappy after the council's complaints procedure, you can complain to the Local Government and Social Care Ombudsman. It is free.

Complaining does not affect your right to mediation or to appeal to the SEND Tribunal.""",
    },
    {
        "slug": "preparing-for-adulthood",
        "topic": InformationTopic.ADULTHOOD,
        "title": "Preparing for adulthood",
        "summary": "Work, living independently, friends and community, and good health, from age 14.",
        "body": """From year 9 (age 13 to 14), reviews of an EHC plan must include planning for adult life.

Preparing for adulthood covers four things:
- work and further learning, including supported internships and apprenticeships
- living as independently as possible, including where to live and managing money
- friends, relationships and being part of the community
- staying healthy, including moving from children's to adult health services

At 16, young people make many decisions for themselves. They can ask for an assessment, and can appeal, in their own name.

Social care for adults starts at 18. Ask for a transition assessment before then, so support continues.

An EHC plan can continue up to age 25 if the young person is still in education or training and needs it to achieve their outcomes.""",
    },
    {
        "slug": "get-the-local-offer-another-way",
        "topic": InformationTopic.ACCESS,
        "title": "Getting this information without the internet or in another format",
        "summary": "Phone, print, large print, easy read, other languages and help in person.",
        "body": """You can get any information from the Local Offer without using the internet.

You can:
- phone the council's SEND information line and ask for information to be posted to you
- ask at your local library or family hub, where staff can search the Local Offer with you
- ask SENDIASS, who can talk it through with you

We can give you information in another format, such as large print, easy read, braille, audio, or a language other than English. Tell us what you need and we will arrange it, free of charge.

Every service page on this website can be printed.

If something on this website does not work for you, tell us so we can fix it.""",
    },
)


def seed_information_pages(model=None) -> int:
    """Create any default page that does not exist yet (never overwrites the council's edits). Returns created."""
    if model is None:
        from pathfinder.directory.models import InformationPage as model  # noqa: N813
    created = 0
    for order, page in enumerate(DEFAULT_PAGES):
        _, made = model.objects.get_or_create(slug=page["slug"], defaults={**page, "sort_order": order, "published": True})
        created += made
    return created
