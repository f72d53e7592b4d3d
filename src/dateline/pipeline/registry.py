"""Built-in stages, by name, plus third-party stages registered under the
``dateline.stages`` entry-point group. Imports happen only when a stage is asked for."""

from __future__ import annotations

import importlib
from importlib.metadata import entry_points

from dateline.errors import PipelineError
from dateline.pipeline.stage import Stage

BUILTIN: dict[str, str] = {
    "nlp": "dateline.stages.nlp:NlpStage",
    "actors": "dateline.stages.actors:ActorStage",
    "times": "dateline.stages.times:TimeStage",
    "places": "dateline.stages.places:PlaceStage",
    "quotes": "dateline.stages.quotes:QuoteStage",
    "events": "dateline.stages.events:EventStage",
    "event_context": "dateline.stages.event_context:EventContextStage",
}


def available_stages() -> dict[str, str]:
    """Stage name -> "module:Class", built-ins first, then entry points."""
    stages = dict(BUILTIN)
    for ep in entry_points(group="dateline.stages"):
        stages.setdefault(ep.name, ep.value)
    return stages


def load_stage_class(name: str) -> type[Stage]:
    stages = available_stages()
    if name not in stages:
        raise PipelineError(f"unknown stage {name!r}; available: {', '.join(stages)}")
    module_name, _, class_name = stages[name].partition(":")
    try:
        cls = getattr(importlib.import_module(module_name), class_name)
    except (ImportError, AttributeError) as exc:
        raise PipelineError(f"stage {name!r} cannot be loaded from {stages[name]}: {exc}") from exc
    if not (isinstance(cls, type) and issubclass(cls, Stage)):
        raise PipelineError(f"stage {name!r} ({stages[name]}) is not a dateline Stage")
    return cls
