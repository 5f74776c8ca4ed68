"""SEN2 code lists used on the child's record (DfE SEN2 person-level return; shared/spec/sen2)."""

from django.db import models


class Sex(models.TextChoices):
    MALE = "M", "Male"
    FEMALE = "F", "Female"
    UNKNOWN = "U", "Not known or not recorded"


class NeedType(models.TextChoices):
    SPLD = "SPLD", "Specific learning difficulty"
    MLD = "MLD", "Moderate learning difficulty"
    SLD = "SLD", "Severe learning difficulty"
    PMLD = "PMLD", "Profound and multiple learning difficulty"
    SEMH = "SEMH", "Social, emotional and mental health"
    SLCN = "SLCN", "Speech, language and communication needs"
    HI = "HI", "Hearing impairment"
    VI = "VI", "Vision impairment"
    MSI = "MSI", "Multi-sensory impairment"
    PD = "PD", "Physical disability"
    ASD = "ASD", "Autistic spectrum disorder"
    DS = "DS", "Down syndrome"
    OTH = "OTH", "Other difficulty or disability"


class SettingCode(models.TextChoices):
    """SEN2 SENSetting: only where the child has no school URN or provider UKPRN."""

    OLA = "OLA", "Education arranged by the council (EOTAS, s.61)"
    OPA = "OPA", "Education arranged by parents (not elective home education)"
    EHE = "EHE", "Elective home education"
    EYP = "EYP", "Early years provider without a URN"
    OTH = "OTH", "Other arrangement"
    NEET = "NEET", "Not in education, employment or training (16 to 25)"
    NIEC = "NIEC", "Not in education: cease notice issued"
    NIEO = "NIEO", "Not in education: other"


class SettingPhase(models.TextChoices):
    """The phase of the child's current school (SEND Regulations 2014, reg 2(1)): it decides whether moving up a
    year next September is a phase transfer (statutory.phase_transfer), for example year 2 to 3 only from an
    infant school. Empty when not known: the common points (reception, year 7, year 12) are assumed."""

    EARLY_YEARS = "early_years", "Early years setting or nursery"
    INFANT = "infant", "Infant school (reception to year 2)"
    FIRST = "first", "First school (to year 4 or 5)"
    PRIMARY = "primary", "Primary school (reception to year 6)"
    JUNIOR = "junior", "Junior school (years 3 to 6)"
    MIDDLE = "middle", "Middle school"
    SECONDARY = "secondary", "Secondary school (to year 11)"
    ALL_THROUGH = "all_through", "All-through or special school (to year 11 or beyond)"
    POST_16 = "post_16", "Sixth form, college or other post-16 provider"


class ContactPreference(models.TextChoices):
    EMAIL = "email", "Email"
    POST = "post", "Post"
    PHONE = "phone", "Phone"
    TEXT = "text", "Text message"


class InvolvementCapacity(models.TextChoices):
    """In what capacity someone is involved with a child (people.models.Involvement).

    School and health organisations are declared now, before anything records them, so that the domains that
    add them later add rows, not choices (and no migration of this list).
    """

    TEAM = "team", "Caseworkers' team (the allocated team)"
    ADVISER = "adviser", "Adviser asked for advice"
    PARENT = "parent", "Parent or carer with parental responsibility"
    YOUNG_PERSON = "young_person", "The young person"
    SCHOOL = "school", "School, college or other setting"
    HEALTH = "health", "Health organisation"
