"""Scorers for each task over the gold formats in ../shared/eval (see eval/FORMAT.md), the
runner that feeds gold records through the pipeline, the report, and the floors gate."""

from dateline.eval.floors import FloorError, check_floors, load_floors
from dateline.eval.runner import TASKS, Job, discover_jobs, evaluate, job_for_file

__all__ = ["TASKS", "FloorError", "Job", "check_floors", "discover_jobs", "evaluate",
           "job_for_file", "load_floors"]
