import pytest

from dateline.errors import PipelineError
from dateline.pipeline.builder import build_pipeline, check_order
from dateline.pipeline.stage import Stage
from dateline.settings import Settings


class NeedsActors(Stage):
    name = "needs_actors"
    requires = ("doc", "actors")
    provides = ("events",)


class ProvidesDoc(Stage):
    name = "provides_doc"
    requires = ("article",)
    provides = ("doc", "sentences", "entities")


class ProvidesActors(Stage):
    name = "provides_actors"
    requires = ("doc",)
    provides = ("actors",)


def test_order_with_unmet_requirement_is_refused():
    with pytest.raises(PipelineError, match="requires actors"):
        check_order([ProvidesDoc, NeedsActors])


def test_order_that_meets_every_requirement_is_accepted():
    check_order([ProvidesDoc, ProvidesActors, NeedsActors])


def test_stage_before_its_provider_is_refused():
    with pytest.raises(PipelineError, match="needs_actors"):
        check_order([ProvidesDoc, NeedsActors, ProvidesActors])


def test_unknown_stage_name_is_refused_with_the_available_ones():
    with pytest.raises(PipelineError, match="unknown stage 'parse'.*nlp"):
        build_pipeline(Settings(stages="parse"))


def test_stage_listed_twice_is_refused():
    with pytest.raises(PipelineError, match="twice"):
        build_pipeline(Settings(stages="nlp,nlp"))


def test_unknown_layer_is_refused():
    class Bad(Stage):
        name = "bad"
        provides = ("sentiment",)

    with pytest.raises(PipelineError, match="unknown layers: sentiment"):
        check_order([Bad])


class Sentiment(Stage):
    name = "sentiment"
    requires = ("doc",)
    provides = ()

    def process(self, analysis):
        return analysis.with_(self.name)


def test_third_party_stage_from_an_entry_point_is_available(monkeypatch):
    from importlib.metadata import EntryPoint

    from dateline.pipeline import registry

    ep = EntryPoint(name="sentiment", value=f"{__name__}:Sentiment", group="dateline.stages")
    monkeypatch.setattr(registry, "entry_points", lambda group: [ep] if group == ep.group else [])
    assert registry.available_stages()["sentiment"] == f"{__name__}:Sentiment"
    assert registry.load_stage_class("sentiment") is Sentiment


def test_entry_point_that_is_not_a_stage_is_refused(monkeypatch):
    from importlib.metadata import EntryPoint

    from dateline.pipeline import registry

    ep = EntryPoint(name="oops", value="json:dumps", group="dateline.stages")
    monkeypatch.setattr(registry, "entry_points", lambda group: [ep])
    with pytest.raises(PipelineError, match="not a dateline Stage"):
        registry.load_stage_class("oops")
