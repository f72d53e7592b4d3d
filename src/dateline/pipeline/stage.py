"""The stage protocol: a stage declares its name, what it requires and what it provides."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import ClassVar

from dateline.records import Analysis
from dateline.settings import Settings


class Stage(ABC):
    """Base class for pipeline stages.

    ``__init__`` must stay cheap; heavy resources (models, gazetteers) are loaded in
    ``setup``, which the runner calls once per worker process before the first article.
    """

    name: ClassVar[str]
    requires: ClassVar[tuple[str, ...]] = ()
    provides: ClassVar[tuple[str, ...]] = ()

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def setup(self) -> None:
        """Load what the stage needs. Called once per process."""

    @abstractmethod
    def process(self, analysis: Analysis) -> Analysis:
        """Return the analysis with this stage's layers added."""

    def process_batch(self, analyses: list[Analysis]) -> list[Analysis | Exception]:
        """Process several articles; a failure is returned in place of its article."""
        out: list[Analysis | Exception] = []
        for analysis in analyses:
            try:
                out.append(self.process(analysis))
            except Exception as exc:  # noqa: BLE001 - isolated per article, reported by the runner
                out.append(exc)
        return out
