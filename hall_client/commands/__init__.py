"""Sub-commands of ``hall-client``; each module exposes ``register(subparsers)``."""
