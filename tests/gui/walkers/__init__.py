"""Walkers: DESIGN §9 checked on every window and dialog of every role."""
