"""Give each event its date and place, from the time and place layers.

The decisions themselves live with the layers they read (``times.event_date`` and
``places.event_place``); this stage only applies them, so that events can be coded
before or without those layers.
"""

from __future__ import annotations

from dataclasses import replace

from dateline.pipeline.stage import Stage
from dateline.records import Analysis
from dateline.stages.places import event_place
from dateline.stages.times import event_date


class EventContextStage(Stage):
    name = "event_context"
    requires = ("doc", "events", "times", "places")
    provides = ("events",)

    def process(self, analysis: Analysis) -> Analysis:
        events = tuple(
            replace(e, date=event_date(analysis, e), place=event_place(analysis, e))
            for e in analysis.events
        )
        return analysis.with_(self.name, events=events)
