"""CAMEO code table: Goldstein values, QuadClass and PLOVER mapping, including the codes
GDELT's own lookup lacks or garbles."""

from dateline.knowledge.cameo import PLOVER_TYPES, cameo_codes, goldstein, lookup, quad_class


def test_table_has_all_318_codes_with_20_roots():
    codes = cameo_codes()
    assert len(codes) == 318
    assert sum(1 for c in codes if len(c) == 2) == 20


def test_quad_class_follows_gdelt_convention_not_the_often_quoted_one():
    assert quad_class("057") == 1  # 01-05 verbal cooperation
    assert quad_class("090") == 2  # 06-09 material cooperation (not 3)
    assert quad_class("140") == 3  # 10-14 verbal conflict (not 4)
    assert quad_class("150") == 4  # 15-20 material conflict


def test_goldstein_values_and_gdelt_ones_where_sources_differ():
    assert goldstein("043") == 2.8
    assert goldstein("195") == -10.0
    assert goldstein("016") == -2.0  # GDELT -2.0, ICEWS -5.0
    assert goldstein("164") == -7.0


def test_code_106_fused_in_gdelt_lookup_is_present_with_its_own_meaning():
    c = lookup("106")
    assert c is not None and c.name.startswith("Demand meeting")
    assert c.goldstein == -5.0 and c.plover_type == "REQUEST"


def test_codes_without_any_goldstein_value_give_none():
    for code in ("155", "176", "1834", "1951", "1952", "1214"):
        assert lookup(code) is not None, code
        assert goldstein(code) is None, code
    assert goldstein("1213") == -4.0  # ICEWS value where GDELT has none


def test_statements_and_appeals_stay_cameo_only_in_plover():
    assert lookup("010").plover_type is None
    assert lookup("0214").plover_type is None
    assert lookup("0311").plover_type == "AGREE" and lookup("0311").plover_context == "economic"
    assert lookup("042").plover_mode == "visit"


def test_every_plover_type_is_reached_by_some_code():
    reached = {c.plover_type for c in cameo_codes().values()}
    assert set(PLOVER_TYPES) <= reached


def test_unknown_sub_code_falls_back_to_parent():
    assert lookup("0431").code == "043"
    assert lookup("212") is None
