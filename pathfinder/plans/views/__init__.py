"""The EHC plan pages, by page group: drafting, provision, issuing; shared helpers in common."""
