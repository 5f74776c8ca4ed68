"""Realistic EHC plan wording for the demo: needs (section B), outcomes (E) and provision (F, G, H).

Used by pathfinder.plans.demo; the areas of need are pathfinder.assessments.demo.AREA_FOR_NEED.

Written the way good plans are (SEND Code of Practice 9.61-9.69): provision is specific and quantified (what,
how much, how often, by whom), outcomes are SMART and say what the child will be able to do. `{name}` is the
child's first name. All of it is fictional.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ProvisionText:
    description: str
    amount: str
    frequency: str
    provided_by: str


NEEDS: dict[str, tuple[str, ...]] = {
    "ASD": (
        "{name} has a diagnosis of autism (Wealdmoor Child Development Centre). {name} finds unstructured times "
        "such as break and lunch very hard and can become overwhelmed by noise in the dining hall, leaving the room "
        "or covering their ears. Changes to routine without warning lead to distress that can last an hour.",
        "{name} understands spoken instructions best when they are short and supported by a visual timetable. "
        "Social communication is an area of difficulty: {name} finds it hard to take turns in conversation and to "
        "read other people's feelings, which leads to falling out with classmates several times a week.",
    ),
    "SLCN": (
        "{name}'s receptive language is well below what is expected for their age (CELF-5 core language standard "
        "score 72). {name} often misses parts of whole-class instructions and relies on copying other children.",
        "{name} has a speech sound disorder: speech is understood by unfamiliar adults about half of the time. "
        "{name} becomes frustrated when not understood and may stop talking.",
    ),
    "SEMH": (
        "{name} experiences high levels of anxiety, particularly on Monday mornings and after holidays. Attendance "
        "this year is 78%. When anxious {name} may refuse to enter the classroom or leave lessons without asking.",
        "{name} finds it hard to manage strong feelings. There have been 14 recorded incidents this term, mostly "
        "at lunchtime, where {name} has shouted at or pushed other pupils.",
    ),
    "MLD": (
        "{name} is working about three years below age-related expectations in reading and maths. {name} needs "
        "new learning broken into small steps and repeated often, and finds it hard to remember multi-step tasks.",
        "{name}'s working memory and processing speed are significantly below average (educational psychology "
        "assessment). {name} tires quickly in lessons that rely on reading and writing.",
    ),
    "SLD": (
        "{name} has severe learning difficulties and is learning at an early developmental level. {name} "
        "communicates with single words, Makaton signs and objects of reference.",
        "{name} needs an adult nearby to stay safe, including on stairs and near roads, and is learning to use "
        "the toilet independently.",
    ),
    "PMLD": (
        "{name} has profound and multiple learning difficulties, with complex health needs including epilepsy. "
        "{name} communicates through facial expression, vocalising and eye pointing.",
    ),
    "SPLD": (
        "{name} has dyslexia (specialist teacher assessment). Single-word reading is at the 5th centile and "
        "spelling at the 3rd centile; {name} avoids writing tasks and produces far less than their verbal ability "
        "suggests.",
    ),
    "HI": (
        "{name} has a moderate to severe bilateral sensorineural hearing loss and wears two hearing aids. In a "
        "noisy classroom {name} misses much of what is said, particularly in group work.",
    ),
    "VI": (
        "{name} has a vision impairment (nystagmus and reduced acuity, 6/36 in the better eye). {name} needs "
        "print enlarged to N24 and is slower at reading and copying from the board.",
    ),
    "MSI": (
        "{name} has combined hearing and vision loss and relies on touch and routine to understand what is "
        "happening. New places and people cause {name} great anxiety.",
    ),
    "PD": (
        "{name} has cerebral palsy (spastic diplegia) and uses a walking frame indoors and a wheelchair for longer "
        "distances. Fine motor skills are affected: handwriting is slow and tiring.",
        "{name} has a physical disability that affects balance and stamina; {name} needs help with personal care "
        "and moving safely around the school site.",
    ),
    "DS": (
        "{name} has Down syndrome. {name} learns well visually, has a mild hearing loss and needs extra time to "
        "process spoken language.",
    ),
    "OTH": (
        "{name} has a long-term medical condition that affects attendance and concentration; {name} misses about "
        "one day a fortnight for hospital appointments.",
    ),
}

OUTCOMES: dict[str, tuple[str, ...]] = {
    "Communication and interaction": (
        "By the end of Key Stage 2, {name} will follow a two-step instruction given to the whole class without an "
        "adult repeating it, in 4 out of 5 lessons.",
        "By next July, {name} will use a calm-down plan to ask for a break, rather than leaving the room, on at "
        "least 8 out of 10 occasions.",
        "Within 12 months, {name} will take part in a structured group activity with two other pupils for 15 "
        "minutes, taking turns with little adult help.",
    ),
    "Cognition and learning": (
        "By the end of the school year, {name} will read and understand a short text at book band 8 and answer "
        "three questions about it.",
        "Within 12 months, {name} will use number bonds to 20 and a number line to solve two-step money problems "
        "independently.",
        "By the end of Year 11, {name} will achieve Entry Level 3 in English and maths, to move on to a college "
        "course of their choice.",
    ),
    "Social, emotional and mental health": (
        "By next July, {name}'s attendance will be at least 92%, with a plan agreed for Monday mornings.",
        "Within 6 months, {name} will name three strategies that help when anxious and use one without prompting "
        "in school.",
        "By the end of the year, the number of recorded incidents will fall by half, with {name} repairing "
        "friendships with adult support.",
    ),
    "Sensory and/or physical": (
        "By the end of Key Stage 3, {name} will move between lessons independently and safely using the agreed "
        "route and lift.",
        "Within 12 months, {name} will touch-type at 20 words a minute, to record written work at the same pace "
        "as classmates.",
        "By next July, {name} will check their own hearing aids each morning and tell an adult if they are not "
        "working.",
    ),
}

PFA_OUTCOMES = (
    "By the time {name} leaves school, {name} will travel independently on the bus to college, having practised "
    "the route with travel training.",
    "By the age of 19, {name} will have completed a supported internship and know what job they would like.",
    "Within two years, {name} will make a simple meal and manage a weekly budget with occasional support.",
)

PROVISION_F: dict[str, tuple[ProvisionText, ...]] = {
    "Communication and interaction": (
        ProvisionText("Individual speech and language therapy targeting understanding of instructions and "
                      "vocabulary, with a programme left for staff", "6 sessions of 45 minutes per term",
                      "termly block", "Speech and language therapist (HCPC registered)"),
        ProvisionText("Daily language group using the programme set by the therapist", "20 minutes",
                      "daily", "Teaching assistant trained by the speech and language therapist"),
        ProvisionText("Visual timetable, now-and-next board and advance warning of changes to routine",
                      "throughout the day", "daily", "Class teacher and all staff"),
        ProvisionText("Structured social skills group (Lego-based therapy or similar)", "30 minutes",
                      "twice a week", "Teaching assistant with autism training, overseen by the SENCO"),
        ProvisionText("A quiet, low-stimulus space to use at break and lunch and when overwhelmed",
                      "as needed", "daily", "School, arranged by the SENCO"),
    ),
    "Cognition and learning": (
        ProvisionText("Small-group teaching in English and maths, with pre-teaching of key vocabulary",
                      "groups of no more than 6", "daily", "Qualified teacher"),
        ProvisionText("Systematic synthetic phonics intervention", "20 minutes", "4 times a week",
                      "Teaching assistant trained in the school's phonics programme"),
        ProvisionText("Precision teaching of high-frequency words and number facts", "10 minutes",
                      "daily", "Teaching assistant"),
        ProvisionText("Specialist teacher advice and review of targets", "2 visits of 1 hour",
                      "per term", "Wealdmoor Learning Support Service specialist teacher"),
        ProvisionText("Access arrangements: 25% extra time and a reader in tests and examinations",
                      "every test", "as needed", "SENCO and exams officer"),
    ),
    "Social, emotional and mental health": (
        ProvisionText("Key adult check-in at the start of the day and after lunch", "10 minutes",
                      "twice daily", "Named key adult (learning mentor)"),
        ProvisionText("Emotional literacy support sessions (ELSA)", "30 minutes", "once a week for 12 weeks, "
                      "then reviewed", "Trained ELSA, supervised by an educational psychologist"),
        ProvisionText("Individual risk assessment and positive behaviour support plan, reviewed with the family",
                      "1 meeting", "every half term", "SENCO with the family"),
        ProvisionText("Time-out card and agreed safe space", "as needed", "daily", "All staff"),
    ),
    "Sensory and/or physical": (
        ProvisionText("Support to move safely around the site, including at changeover and in emergencies",
                      "5 minutes before each lesson change", "daily", "Teaching assistant with moving and "
                      "handling training"),
        ProvisionText("Teacher of the Deaf advice, hearing aid checks and staff training", "1 visit of 1 hour",
                      "every half term", "Qualified Teacher of the Deaf (Wealdmoor Sensory Support Service)"),
        ProvisionText("Radio aid used in all teaching sessions", "all lessons", "daily", "Class teacher, checked "
                      "each morning by the teaching assistant"),
        ProvisionText("Laptop with touch-typing programme for recording work", "15 minutes practice",
                      "3 times a week", "Teaching assistant"),
        ProvisionText("Modified and enlarged resources (N24 print) prepared in advance", "all lessons",
                      "daily", "Teaching assistant under direction of the Qualified Teacher of Vision Impairment"),
    ),
}

PROVISION_G = (
    ProvisionText("Occupational therapy review of seating, equipment and sensory needs, with a programme for "
                  "school", "1 review of 1 hour", "every 6 months", "Children's occupational therapist, "
                  "Wealdmoor Community Health NHS Trust"),
    ProvisionText("Physiotherapy programme to maintain range of movement", "20 minutes",
                  "daily, delivered in school", "Teaching assistant trained by the paediatric physiotherapist"),
    ProvisionText("Community paediatrician review of medication and health needs", "1 appointment",
                  "every 6 months", "Community paediatrician"),
    ProvisionText("Individual health care plan for epilepsy, with rescue medication trained staff",
                  "2 trained staff on site", "at all times", "School nurse, Wealdmoor Community Health NHS Trust"),
    ProvisionText("Child and adolescent mental health service (CAMHS) sessions", "8 sessions of 50 minutes",
                  "weekly, then reviewed", "CAMHS practitioner"),
)

PROVISION_H = (
    ("H1", ProvisionText("Short breaks at a local residential unit to support the family",
                         "2 nights", "per month", "Wealdmoor Children's Disability Team")),
    ("H2", ProvisionText("Direct payment for a personal assistant to support community activities",
                         "6 hours", "per week", "Personal assistant employed by the family")),
    ("H2", ProvisionText("Youth club inclusion support", "3 hours", "per week in term time",
                         "Wealdmoor Youth Service")),
)

SECTION_A = (
    "{name} loves dinosaurs, swimming and drawing comics. {name} wants to be a vet. {name}'s family say {name} "
    "is kind, funny and very good with animals, and would like {name} to have friends at school.",
    "{name} enjoys music, especially drumming, and going to the park with their brother. {name} says school is "
    "too loud and would like a quiet place to go. {name}'s parents want {name} to be happy and to learn to read.",
    "{name} likes football, gaming and cooking with their grandmother. {name} would like to work with cars when "
    "they leave school and wants to go to college with their friends.",
    "{name} is curious and enjoys sensory play, water and being outdoors. {name}'s family want {name} to be able "
    "to tell people what they need and to be as independent as possible.",
)

SECTION_C = (
    "{name} is seen by the community paediatrician every 6 months. Sleep is poor (waking 2 to 3 times a night).",
    "{name} has asthma, managed with an inhaler kept in school.",
    "No health needs related to {name}'s special educational needs have been identified.",
)

SECTION_D = (
    "{name}'s family receive support from the Children's Disability Team, including short breaks.",
    "No social care needs related to {name}'s special educational needs have been identified.",
    "The family have asked for a carer's assessment, which is under way.",
)
