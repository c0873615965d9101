"""Receipt and notice layout, ESC/POS output and previews. Never imports Qt."""
