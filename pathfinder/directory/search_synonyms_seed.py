"""The starting list of synonyms, abbreviations and everyday phrases the Local Offer search understands.

Seeded by migration 0006 (and put back by reference_data.ensure_reference_data if the table is emptied). The
Local Offer officer changes it on the "Search words" page; this list is only where a new council starts.
Each entry: (what people type, kind, what to look for as well (comma-separated), [(taxonomy, term code)]).
"""

from __future__ import annotations

from pathfinder.directory.constants import TAXONOMY_NEEDS as N
from pathfinder.directory.constants import TAXONOMY_SUPPORT as S

A, SAME, EVERYDAY = "abbreviation", "same_meaning", "everyday"

SYNONYMS: tuple[tuple[str, str, str, list[tuple[str, str]]], ...] = (
    # Abbreviations families and professionals use
    ("salt", A, "speech and language therapy, speech and language", [(N, "SLCN")]),
    ("slt", A, "speech and language therapy, speech and language", [(N, "SLCN")]),
    ("slcn", A, "speech language and communication", [(N, "SLCN")]),
    ("ot", A, "occupational therapy", [(S, "therapy")]),
    ("physio", A, "physiotherapy", [(N, "PD")]),
    ("camhs", A, "mental health, wellbeing, anxiety", [(S, "mental-health"), (N, "SEMH")]),
    ("asd", A, "autism, autistic", [(N, "ASD")]),
    ("asc", A, "autism, autistic", [(N, "ASD")]),
    ("adhd", A, "attention, concentration, behaviour", [(N, "SEMH")]),
    ("semh", A, "social emotional and mental health, wellbeing", [(N, "SEMH")]),
    ("send", A, "special educational needs, disabilities", []),
    ("sen", A, "special educational needs", []),
    ("senco", A, "special educational needs coordinator, sen support", [(S, "education")]),
    ("ehcp", A, "education health and care plan, ehc plan", []),
    ("sendiass", A, "information advice and support", [(S, "advice")]),
    ("iass", A, "information advice and support", [(S, "advice")]),
    ("spld", A, "specific learning difficulties, dyslexia", [(N, "SPLD")]),
    ("mld", A, "moderate learning difficulties", [(N, "MLD")]),
    ("sld", A, "severe learning difficulties", [(N, "SLD")]),
    ("pmld", A, "profound and multiple learning difficulties", [(N, "PMLD")]),
    ("hi", A, "hearing, deaf", [(N, "HI")]),
    ("vi", A, "sight, visual, blind", [(N, "VI")]),
    ("msi", A, "multi-sensory impairment, hearing and sight", [(N, "MSI")]),
    ("pfa", A, "preparing for adulthood, independence", [(S, "adulthood")]),
    ("cdc", A, "child development centre", []),
    ("ep", A, "educational psychology, educational psychologist", []),
    # Other words for the same thing
    ("respite", SAME, "short breaks, short break", [(S, "short-breaks")]),
    ("short breaks", SAME, "respite", [(S, "short-breaks")]),
    ("autistic", SAME, "autism", [(N, "ASD")]),
    ("autism", SAME, "autistic", [(N, "ASD")]),
    ("aspergers", SAME, "autism, autistic", [(N, "ASD")]),
    ("deaf", SAME, "hearing", [(N, "HI")]),
    ("blind", SAME, "sight, visual", [(N, "VI")]),
    ("visually impaired", SAME, "sight, blind", [(N, "VI")]),
    ("dyslexia", SAME, "specific learning difficulties, reading", [(N, "SPLD")]),
    ("dyspraxia", SAME, "specific learning difficulties, coordination, occupational therapy", [(N, "SPLD")]),
    ("wheelchair", SAME, "physical disability, step-free, accessible", [(N, "PD")]),
    ("speech therapy", SAME, "speech and language", [(N, "SLCN")]),
    ("speech therapist", SAME, "speech and language therapist", [(N, "SLCN")]),
    ("anxiety", SAME, "worry, wellbeing, anxious", [(S, "mental-health")]),
    ("anxious", SAME, "anxiety, worry, wellbeing", [(S, "mental-health")]),
    ("nursery", SAME, "early years, pre-school", [(S, "childcare")]),
    ("social worker", SAME, "social work, social care", [(S, "social-care")]),
    ("job", SAME, "work, employment, internship, job coach", [(S, "employment")]),
    ("siblings", SAME, "brothers and sisters", []),
    ("brother", SAME, "siblings", []),
    ("sister", SAME, "siblings", []),
    ("holiday", SAME, "holiday club, holidays", []),
    # Everyday phrases families type
    ("can't sleep", EVERYDAY, "sleep, sensory, overnight", [(S, "therapy")]),
    ("not sleeping", EVERYDAY, "sleep, sensory, overnight", [(S, "therapy")]),
    ("meltdowns", EVERYDAY, "behaviour, sensory, calm, autism", [(N, "SEMH")]),
    ("meltdown", EVERYDAY, "behaviour, sensory, calm, autism", [(N, "SEMH")]),
    ("tantrums", EVERYDAY, "behaviour, feelings, calm", [(N, "SEMH")]),
    ("help at school", EVERYDAY, "sen support, senco, nurture group, special educational needs", [(S, "education")]),
    ("help in school", EVERYDAY, "sen support, senco, nurture group, special educational needs", [(S, "education")]),
    ("support at school", EVERYDAY, "sen support, senco, nurture group", [(S, "education")]),
    ("can't talk", EVERYDAY, "speech and language, talking", [(N, "SLCN")]),
    ("not talking", EVERYDAY, "speech and language, talking", [(N, "SLCN")]),
    ("late talker", EVERYDAY, "speech and language, talking", [(N, "SLCN")]),
    ("speech delay", EVERYDAY, "speech and language, talking", [(N, "SLCN")]),
    ("can't read", EVERYDAY, "reading, dyslexia, learning support", [(N, "SPLD")]),
    ("handwriting", EVERYDAY, "occupational therapy, handwriting", [(S, "therapy")]),
    ("can't walk", EVERYDAY, "physical disability, mobility, physiotherapy", [(N, "PD")]),
    ("worried", EVERYDAY, "worry, anxiety, wellbeing", [(S, "mental-health")]),
    ("need a break", EVERYDAY, "short breaks, respite, rest", [(S, "short-breaks")]),
    ("a break", EVERYDAY, "short breaks, respite", [(S, "short-breaks")]),
    ("things to do", EVERYDAY, "activities, club, leisure", [(S, "leisure")]),
    ("after school", EVERYDAY, "youth club, club, activities", [(S, "leisure")]),
    ("getting to school", EVERYDAY, "travel, transport", [(S, "travel")]),
    ("transport", EVERYDAY, "travel, bus, train", [(S, "travel")]),
    ("bus", EVERYDAY, "travel training, travel", [(S, "travel")]),
    ("leaving school", EVERYDAY, "preparing for adulthood, supported internship, college", [(S, "adulthood")]),
    ("turning 18", EVERYDAY, "preparing for adulthood, independence", [(S, "adulthood")]),
    ("someone to talk to", EVERYDAY, "advice, support group, information", [(S, "advice")]),
    ("other parents", EVERYDAY, "parent carer, coffee morning, support group", [(S, "support-groups")]),
    ("money", EVERYDAY, "free, help with costs, personal budget", []),
)


def seed_synonyms(Synonym, Term) -> int:
    """Add any entry of the starting list that is missing (an officer's own changes are kept). Returns how many
    were added. Takes the model classes so a migration can pass its historical models."""
    from pathfinder.directory.constants import stable_uuid

    known = set(Synonym.objects.values_list("phrase", flat=True))
    added = 0
    for phrase, kind, means, terms in SYNONYMS:
        if phrase in known:
            continue
        entry = Synonym.objects.create(phrase=phrase, kind=kind, means=means)
        entry.terms.set(Term.objects.filter(pk__in=[stable_uuid(t, c) for t, c in terms]))
        added += 1
    return added
