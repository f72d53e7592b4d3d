"""Domain errors. The library raises these; only the CLI turns them into one line and an exit code."""


class DatelineError(Exception):
    """Base class: a problem the user can act on. The message is shown as is."""

    exit_code = 1


class InputError(DatelineError):
    """A file, record or option the user gave cannot be read or used."""

    exit_code = 2


class PipelineError(DatelineError):
    """The stages asked for cannot be assembled (unknown stage, unmet requirement)."""

    exit_code = 3


class StoreError(DatelineError):
    """The database cannot be opened or is from an incompatible version."""

    exit_code = 4


class ArticleError(DatelineError):
    """One article cannot be processed (empty, not English, ...); recorded as a Failure."""
