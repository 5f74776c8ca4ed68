"""Ceasing an EHC plan (CFA s.45, SEND Regulations 2014 regs 29 to 31)."""
