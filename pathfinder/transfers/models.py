"""Plans moving with a family to or from another council (SEND Regulations 2014 reg 15)."""
