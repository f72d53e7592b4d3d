"""The README cannot drift: every setting and every command is documented there."""

from pathlib import Path

from dateline.cli import cli
from dateline.settings import SETTINGS, Settings

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_the_two_commands():
    quickstart = README.split("## Quickstart", 1)[1][:400]
    assert "make run" in quickstart and "make test" in quickstart


def test_every_setting_is_in_the_readme_table_with_its_default():
    table = README.split("<!-- settings-table -->", 1)[1].split("<!-- /settings-table -->", 1)[0]
    for setting in SETTINGS:
        row = next((line for line in table.splitlines() if f"`{setting.name}`" in line), None)
        assert row is not None, f"setting {setting.name} missing from README"
        default = setting.default
        shown = "none" if default is None else str(default).lower()
        assert shown in row.lower(), f"README default for {setting.name} is not {shown}"


def test_settings_dataclass_and_declarations_agree():
    assert {s.name: s.default for s in SETTINGS} == vars(Settings())


def test_every_command_is_in_the_readme():
    for name in cli.commands:
        assert f"dateline {name}" in README, f"command {name} missing from README"
