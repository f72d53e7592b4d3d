"""Assemble stages into a pipeline, refusing an order that leaves a requirement unmet."""

from __future__ import annotations

import gc
from dataclasses import dataclass, field

from dateline import __version__
from dateline.errors import PipelineError
from dateline.pipeline.registry import load_stage_class
from dateline.pipeline.stage import Stage
from dateline.records import LAYERS
from dateline.settings import Settings


@dataclass
class Pipeline:
    stages: list[Stage]
    settings: Settings
    ready: bool = False
    seconds: dict[str, float] = field(default_factory=dict)  # time spent per stage, this process

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    @property
    def version(self) -> str:
        """Identifies what produced a result: an article is reprocessed when this changes."""
        return f"{__version__}:{'+'.join(self.names)}:{self.settings.spacy_model}"

    def setup(self) -> None:
        if not self.ready:
            for stage in self.stages:
                stage.setup()
            # the model, the gazetteer and the lexicons live as long as the process: move
            # them out of the cyclic collector's way, or every full collection walks them
            gc.freeze()
            self.ready = True


def check_order(stages: list[type[Stage]]) -> None:
    """Raise PipelineError when a stage needs a layer no earlier stage provides."""
    available = {"article"}
    for cls in stages:
        unknown = [x for x in (*cls.requires, *cls.provides) if x not in LAYERS]
        if unknown:
            raise PipelineError(f"stage {cls.name!r} declares unknown layers: {', '.join(unknown)}")
        missing = [r for r in cls.requires if r not in available]
        if missing:
            providers = ", ".join(missing)
            raise PipelineError(
                f"stage {cls.name!r} requires {providers}, which no earlier stage provides; "
                f"put a stage that provides it before {cls.name!r}"
            )
        available.update(cls.provides)


def build_pipeline(settings: Settings, names: list[str] | None = None) -> Pipeline:
    names = names if names is not None else settings.stage_names
    if not names:
        raise PipelineError("no stages given")
    dupes = {n for n in names if names.count(n) > 1}
    if dupes:
        raise PipelineError(f"stage listed twice: {', '.join(sorted(dupes))}")
    classes = [load_stage_class(n) for n in names]
    check_order(classes)
    return Pipeline([cls(settings) for cls in classes], settings)
