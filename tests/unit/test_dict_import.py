"""PETRARCH dictionary import: format parsing, date-bounded codes, and use by the actors stage."""

from __future__ import annotations

import datetime as dt

from click.testing import CliRunner

from dateline.cli import cli
from dateline.knowledge.actor_kb import load_kb
from dateline.knowledge.petrarch_import import import_actors, import_agents

ACTORS = """<!-- TEST ACTORS -->
# a comment line
RIVENDALE [RVD]
+RIVENDALISH  # synonym
NORTH_MARCH_
\t[NMR < 990101]
\t[NMRGOV 19990101 - 20101231]
\t[NMRREB >20101231]
PRINCE OF TYRE
\t[--- <950630]
\t[TYR]
"""

AGENTS = """!PERSON! = MAN, WOMAN
POLICE {} [~COP] # no plural
LAWMAKER [~LEG]
HARBOUR!PERSON! [~BUS]
RELIEF_AGENCY [NGO~]
"""


def test_actor_entries_synonyms_and_date_bounds(tmp_path):
    src = tmp_path / "test.actors.txt"
    src.write_text(ACTORS, encoding="utf-8")
    assert import_actors(src, tmp_path / "dicts") == 3
    kb = load_kb(tmp_path / "dicts")
    assert kb.lookup("Rivendale").code == "RVD"
    assert kb.lookup("Rivendalish").code == "RVD"
    march = kb.lookup("North March")
    assert march.code_at(dt.date(1998, 6, 1)) == "NMR"
    assert march.code_at(dt.date(2005, 6, 1)) == "NMRGOV"
    assert march.code_at(dt.date(2015, 6, 1)) == "NMRREB"
    tyre = kb.lookup("Prince of Tyre")
    assert tyre.code == "TYR"


def test_agent_plurals_macros_and_positions(tmp_path):
    src = tmp_path / "test.agents.txt"
    src.write_text(AGENTS, encoding="utf-8")
    assert import_agents(src, tmp_path / "dicts") == 5
    kb = load_kb(tmp_path / "dicts")
    assert kb.agent("lawmakers").sectors == ("LEG",)
    assert kb.agent("harbourwoman").sectors == ("BUS",)
    assert kb.agent("relief agency").prefix is True


def test_imported_dictionary_codes_reach_the_actors(tmp_path, shared_dir):
    from dateline.api import analyze
    from dateline.pipeline import build_pipeline
    from dateline.settings import Settings

    folder = shared_dir / "eval" / "events" / "petrarch2-unittests-dictionaries"
    import_actors(folder / "PETR.Validate.actors.txt", tmp_path / "dicts")
    import_agents(folder / "PETR.Validate.agents.txt", tmp_path / "dicts")
    settings = Settings(stages="nlp,actors", progress=False, dict_dir=str(tmp_path / "dicts"))
    pipe = build_pipeline(settings)
    pipe.setup()
    a = analyze("Arnor is about to restore full diplomatic ties with Gondor.", settings=settings,
                pipeline=pipe)
    codes = {x.name: x.code for x in a.actors}
    assert codes.get("Arnor") == "ARN" and codes.get("Gondor") == "GON"
    for date, code in (("2012-12-01", "HOBGOV"), ("2014-12-01", "HOBELI")):
        b = analyze("Sam Gamgee met the envoy on Friday.", date=date, settings=settings,
                    pipeline=pipe)
        assert [x.code for x in b.actors if x.name == "Sam Gamgee"] == [code]


def test_cli_imports_a_folder_by_sniffing_file_names(tmp_path, shared_dir):
    folder = shared_dir / "eval" / "events" / "petrarch2-unittests-dictionaries"
    out = tmp_path / "dicts"
    result = CliRunner().invoke(cli, ["dict", "import", str(folder / "PETR.Validate.actors.txt"),
                                      "--format", "petrarch-actors"],
                                obj=None, env={"DATELINE_DICT_DIR": str(out)})
    assert result.exit_code == 0, result.output
    assert "PETR.Validate.actors.txt" in result.output
    assert list(out.glob("actors-*.tsv"))
