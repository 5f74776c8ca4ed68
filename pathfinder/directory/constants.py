"""Fixed vocabularies of the Local Offer: provider types (SEND Regs 2014 Sch. 2), statuses, days, Sch. 2 para 5."""

from __future__ import annotations

import uuid

from django.db import models

# uuid5 namespace for seeded taxonomy ids: the same code gives the same id on every install.
TAXONOMY_NAMESPACE = uuid.UUID("6f1c7c3e-5a3b-4c8e-9d55-2b6f0f0b8a11")


def stable_uuid(*parts: str) -> uuid.UUID:
    """A uuid5 that is the same on every install, e.g. stable_uuid("need", "ASD")."""
    return uuid.uuid5(TAXONOMY_NAMESPACE, ":".join(parts))


class OrganisationKind(models.TextChoices):
    """Who provides: the provider types of SEND Regs 2014 Schedule 2 paras 1-3, plus other local providers."""

    EARLY_YEARS = "early_years", "Early years provider (nursery, pre-school, childminder)"
    MAINTAINED_SCHOOL = "maintained_school", "Maintained school"
    ACADEMY = "academy", "Academy or free school"
    SPECIAL_SCHOOL = "special_school", "Special school"
    NON_MAINTAINED_SPECIAL = "non_maintained_special", "Non-maintained special school"
    POST_16 = "post_16", "College or other post-16 provider"
    SECTION_41 = "section_41", "Independent specialist provider approved under section 41"
    INDEPENDENT = "independent", "Independent school"
    ALTERNATIVE_PROVISION = "alternative_provision", "Alternative provision or pupil referral unit"
    COMMISSIONED = "commissioned", "Provider commissioned by the council"
    CHARITY = "charity", "Charity, voluntary or community group"
    NHS = "nhs", "NHS or health service"
    COUNCIL = "council", "Council service"
    BUSINESS = "business", "Business or private provider"
    OTHER = "other", "Other"


# Provider types that must answer the Schedule 2 paragraph 5 questions.
EDUCATION_KINDS = frozenset(
    {
        OrganisationKind.EARLY_YEARS,
        OrganisationKind.MAINTAINED_SCHOOL,
        OrganisationKind.ACADEMY,
        OrganisationKind.SPECIAL_SCHOOL,
        OrganisationKind.NON_MAINTAINED_SPECIAL,
        OrganisationKind.POST_16,
        OrganisationKind.SECTION_41,
        OrganisationKind.INDEPENDENT,
        OrganisationKind.ALTERNATIVE_PROVISION,
    }
)


class ServiceStatus(models.TextChoices):
    """Open Referral UK service status values (exact spellings are part of the standard)."""

    ACTIVE = "active", "Open"
    TEMPORARILY_CLOSED = "temporarily closed", "Temporarily closed"
    INACTIVE = "inactive", "Not running at the moment"
    DEFUNCT = "defunct", "Closed for good"


class ReferralRoute(models.TextChoices):
    SELF = "self", "Families can contact the service themselves"
    PROFESSIONAL = "professional", "A professional must refer"
    BOTH = "both", "Families can contact the service, or a professional can refer"


class Delivery(models.TextChoices):
    """How a service is given. A service may have several."""

    IN_PERSON = "in_person", "In person"
    ONLINE = "online", "Online"
    PHONE = "phone", "By phone"


class RevisionStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Waiting for approval"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Changes needed"


class Day(models.TextChoices):
    """iCalendar BYDAY codes, as Open Referral schedules use them."""

    MO = "MO", "Monday"
    TU = "TU", "Tuesday"
    WE = "WE", "Wednesday"
    TH = "TH", "Thursday"
    FR = "FR", "Friday"
    SA = "SA", "Saturday"
    SU = "SU", "Sunday"


DAY_CODES = tuple(Day.values)


class LocationType(models.TextChoices):
    PHYSICAL = "physical", "A place people can visit"
    VIRTUAL = "virtual", "Online only"
    POSTAL = "postal", "Postal address only"


class InformationTopic(models.TextChoices):
    """The Schedule 2 subjects the council's own information pages cover."""

    ASSESSMENT = "assessment", "Asking for an EHC needs assessment"
    FUNDING = "funding", "Funding and personal budgets"
    TRAVEL = "travel", "Travel to school or college"
    DISAGREEMENTS = "disagreements", "Disagreements, mediation and tribunal"
    COMPLAINTS = "complaints", "Complaints"
    ADULTHOOD = "adulthood", "Preparing for adulthood"
    ACCESS = "access", "Getting this information in another way"
    OTHER = "other", "Other information"


# SEND Regulations 2014, Schedule 2 paragraph 5: what schools, colleges and early years settings must say.
SCHEDULE_2_QUESTIONS: dict[str, str] = {
    "a": "How do you teach children and young people with special educational needs?",
    "b": "How do you adapt the curriculum and the learning environment?",
    "c": "What extra learning support is available?",
    "d": "How do you check and review progress, and how are children, young people and parents involved?",
    "e": "How do you check that your special educational provision works, and how are families involved?",
    "f": "How can children and young people use your buildings and facilities?",
    "g": "What activities outside lessons are there, including physical activities?",
    "h": "What other support is available?",
    "i": "How do you make sure staff have the right skills and knowledge?",
    "j": "How do you support emotional, mental and social development?",
}
SCHEDULE_2_KEYS = tuple(SCHEDULE_2_QUESTIONS)

# Taxonomy codes (the `code` of Taxonomy rows seeded by migration 0002).
TAXONOMY_NEEDS = "send-needs"
TAXONOMY_SUPPORT = "support-kinds"
TAXONOMY_PROVIDERS = "provider-types"

# How a service is given, as a taxonomy so the Open Referral API can say it with attributes (HSDS 3 has no
# service field for it). Seeded by migration; (taxonomy code, name, description, ((term code, name, description))).
DELIVERY_TAXONOMY = (
    "service-delivery", "How a service is given", "Whether a service is given in person, online or by phone.",
    (
        ("in_person", "In person", "Given face to face, at a place or at home."),
        ("online", "Online", "Given over the internet, for example by video call."),
        ("phone", "By phone", "Given over the telephone."),
    ),
)

# Plain-words SEN2 primary need codes (DfE SEN2 return), as seeded terms of the needs taxonomy.
NEED_TERMS: tuple[tuple[str, str, str], ...] = (
    ("SPLD", "Specific learning difficulties", "For example dyslexia, dyspraxia or dyscalculia."),
    ("MLD", "Moderate learning difficulties", "Finding learning harder than most children of the same age."),
    ("SLD", "Severe learning difficulties", "Needing a lot of help with learning and everyday life."),
    ("PMLD", "Profound and multiple learning difficulties", "Complex learning needs with other disabilities."),
    ("SEMH", "Social, emotional and mental health", "Feelings, behaviour, anxiety, attention and wellbeing."),
    ("SLCN", "Speech, language and communication", "Talking, understanding others and being understood."),
    ("HI", "Hearing", "Deafness or hearing loss."),
    ("VI", "Sight", "Blindness or sight loss."),
    ("MSI", "Hearing and sight", "Both hearing and sight loss (multi-sensory impairment)."),
    ("PD", "Physical disability", "Moving around, using hands, or a medical condition affecting the body."),
    ("ASD", "Autism", "Autistic children and young people, with or without a diagnosis."),
    ("OTH", "Other needs or disabilities", "Needs not listed elsewhere."),
)

SUPPORT_TERMS: tuple[tuple[str, str, str], ...] = (
    ("education", "Education", "Schools, colleges, nurseries and learning support."),
    ("health", "Health", "NHS and other health services, therapies and equipment."),
    ("social-care", "Social care", "Help from social care for disabled children and their families."),
    ("short-breaks", "Short breaks", "Time away for disabled children and a break for their carers."),
    ("leisure", "Leisure and activities", "Clubs, sport, play and things to do."),
    ("childcare", "Childcare", "Childminders, nurseries, holiday and after-school care."),
    ("travel", "Travel", "Getting to school, college or activities."),
    ("adulthood", "Preparing for adulthood", "Work, training, living independently, friendships and health."),
    ("advice", "Information and advice", "Impartial information, advice and support (SENDIASS and others)."),
    ("support-groups", "Support groups", "Parent carer forums and groups for families and young people."),
)

# Children of a support term: (parent code, code, name, description).
SUPPORT_CHILD_TERMS: tuple[tuple[str, str, str, str], ...] = (
    ("health", "therapy", "Therapies", "Speech and language, occupational and physiotherapy."),
    ("health", "mental-health", "Mental health", "Support for emotional wellbeing and mental health."),
    ("education", "specialist-teaching", "Specialist teaching", "Specialist teachers and advisory services."),
    ("adulthood", "employment", "Work and training", "Supported internships, apprenticeships and jobs."),
    ("adulthood", "independent-living", "Independent living", "Housing, money and looking after yourself."),
)
