"""Hall Client: the counter and supervisor program of a government service hall."""

from hall_resources import resource_path

__version__ = "0.1.0"

#: The folder of shipped data files. Kept for code written before ``resource_path``; new code
#: calls ``hall_resources.resource_path("kind", "file")`` (works in wheels too).
RESOURCES = resource_path()
