"""Image pipeline for document pages. Imports nothing else of ours and never Qt."""
