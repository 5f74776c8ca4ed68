"""Annual reviews of EHC plans (CFA s.44, SEND Regulations 2014 regs 18 to 21)."""
