"""Shared fixtures. The spaCy pipeline is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.api import analyze
from dateline.pipeline import build_pipeline
from dateline.settings import Settings

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

_pipelines: dict[str, object] = {}


def pipeline_for(stages: str):
    """A set-up pipeline for the given stages, built once per session."""
    if stages not in _pipelines:
        settings = Settings(stages=stages, progress=False)
        pipe = build_pipeline(settings)
        pipe.setup()
        _pipelines[stages] = pipe
    return _pipelines[stages]


@pytest.fixture(scope="session")
def run_text():
    """run_text(text, date=None, stages=None) -> Analysis through the (default) pipeline."""

    def _run(text: str, date: str | None = None, stages: str | None = None, **meta):
        stages = stages or Settings().stages
        pipe = pipeline_for(stages)
        return analyze(text, date=date, settings=pipe.settings, pipeline=pipe, **meta)

    return _run


@pytest.fixture(scope="session")
def code(run_text):
    """code(text) -> the events of a text dated 2016-11-15, through nlp, actors, quotes, events."""

    def _run(text: str):
        return run_text(text, date="2016-11-15", stages="nlp,actors,quotes,events").events

    return _run


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.exists():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def seed_record(shared_dir):
    import json

    return json.loads((shared_dir / "corpus" / "seed.jsonl").read_text(encoding="utf-8"))
