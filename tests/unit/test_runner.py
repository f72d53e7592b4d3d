"""The runner isolates failures per article and keeps input order."""

from dateline.pipeline.builder import Pipeline
from dateline.pipeline.runner import run
from dateline.pipeline.stage import Stage
from dateline.records import Analysis, Article, Failure, Sentence
from dateline.settings import Settings


class SplitSentences(Stage):
    name = "split"
    requires = ("article",)
    provides = ("sentences",)

    def process(self, analysis: Analysis) -> Analysis:
        text = analysis.article.text
        if "CRASH" in text:
            raise ValueError("cannot split this one")
        return analysis.with_(self.name, sentences=(Sentence(0, 0, len(text)),))


def _articles():
    yield Article(id="a", text="First story.", origin="in.jsonl:1")
    yield Failure(origin="in.jsonl:2", reason="not valid JSON")
    yield Article(id="c", text="This one will CRASH the stage.", origin="in.jsonl:3")
    yield Article(id="d", text="Last story.", origin="in.jsonl:4")


def test_a_failing_article_is_recorded_and_the_others_go_on():
    settings = Settings(progress=False, batch_size=3)
    pipeline = Pipeline([SplitSentences(settings)], settings)
    results = list(run(_articles(), settings, pipeline))
    assert [type(r).__name__ for r in results] == ["Analysis", "Failure", "Failure", "Analysis"]
    crashed = results[2]
    assert crashed.article_id == "c" and crashed.stage == "split"
    assert crashed.origin == "in.jsonl:3" and "cannot split this one" in crashed.reason
    assert results[3].article.id == "d" and results[3].sentences[0].end == len("Last story.")
    assert results[0].doc is None  # docs are dropped unless asked for


def test_known_names_override_the_ner_label(run_text):
    an = run_text("Fighters of Daesh attacked a checkpoint near Kirkuk on Sunday, police said.",
                  stages="nlp")
    daesh = [m for m in an.entities if m.text == "Daesh"]
    assert daesh and daesh[0].label == "ORG"
