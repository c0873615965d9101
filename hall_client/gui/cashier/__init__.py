"""Cashier screens over the core: period reports and the paper receipt stock."""
