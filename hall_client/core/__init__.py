"""Domain services (catalog, cases, cashier, audit, auth, deadlines). Never imports Qt."""
