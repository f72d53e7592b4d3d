"""Stage protocol, registry, builder and runner."""

from dateline.pipeline.builder import Pipeline, build_pipeline
from dateline.pipeline.registry import available_stages
from dateline.pipeline.stage import Stage

__all__ = ["Pipeline", "Stage", "available_stages", "build_pipeline"]
