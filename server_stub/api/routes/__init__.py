"""One router per entity."""
