"""How governing verbs change what is coded, and the CAMEO -> PLOVER choices for force,
on sentences written for these tests."""

from dateline.knowledge.cameo import lookup


def test_a_demand_that_others_refuse_is_a_demand_not_their_rejection(code):
    events = code("Greece demanded that its European Union partners refuse to recognize Kosovo.")
    assert any(e.plover_type == "REQUEST" and e.source and e.source.code == "GRC" for e in events)
    assert not any(e.plover_type == "REJECT" for e in events)


def test_preparing_to_shell_is_a_force_posture_not_a_verbal_threat(code):
    events = code("The Turkish army prepared to resume shelling Kurdish positions in northern Iraq.")
    assert any(e.cameo == "150" and e.plover_type == "MOBILIZE" for e in events)
    assert not any(e.plover_type == "THREATEN" for e in events)


def test_being_ready_to_impose_martial_law_stays_a_threat(code):
    events = code("Iraq's government is prepared to impose martial law in Basra.")
    assert any(e.cameo == "1324" for e in events)


def test_willingness_to_send_equipment_is_an_intent_to_aid(code):
    events = code("Norway is willing to send equipment to help defend Latvia.")
    assert any(e.cameo == "033" and e.plover_type == "AGREE" for e in events)
    assert not any(e.plover_type == "SUPPORT" for e in events)  # "defend" is only the purpose


def test_pressuring_someone_to_call_off_a_strike_is_a_demand(code):
    events = code("Kenyan authorities have been pressuring teachers to call off their strike.")
    assert any(e.cameo == "1052" and e.plover_type == "REQUEST" for e in events)
    assert not any(e.plover_type in ("COERCE", "CONCEDE") for e in events)


def test_workers_stopping_work_are_on_strike(code):
    events = code("Thousands of dock workers stopped work in Antwerp on Monday over pension cuts.")
    assert any(e.cameo.startswith("143") and e.plover_type == "PROTEST" for e in events)


def test_occupying_territory_and_blockades_are_assaults_by_their_cameo_root():
    assert lookup("192").plover_type == "ASSAULT"
    assert lookup("191").plover_type == "ASSAULT"


def test_the_clause_of_a_demand_noun_is_what_is_demanded(code):
    events = code("The International Labour Organization renewed its demand that Qatar ease "
                  "restrictions on migrant workers.")
    assert any(e.cameo == "1051" and e.plover_type == "REQUEST" for e in events)
    assert not any(e.plover_type == "CONCEDE" for e in events)  # Qatar has not eased anything


def test_an_infinitive_attached_as_an_adverbial_is_still_governed(code):
    events = code("Ethnic Albanian rebels have sworn to fight until they gain control of villages "
                  "near the border.")
    assert any(e.cameo.startswith("13") and e.plover_type == "THREATEN" for e in events)


def test_a_resignation_announced_for_the_future_is_a_resignation(code):
    events = code("The Peruvian prime minister will resign on Friday, his office said.")
    assert any(e.cameo == "0831" and e.plover_type == "RETREAT" for e in events)


def test_a_promise_to_resign_is_an_intent(code):
    events = code("Peru's prime minister promised to resign if the fraud charges were upheld.")
    assert not any(e.cameo == "0831" for e in events)


def test_allowing_a_rally_eases_a_restriction_on_those_allowed(code):
    events = code("Police allowed opposition supporters to hold a rally in Lahore on Friday.")
    eased = [e for e in events if e.cameo == "0811"]
    assert eased and eased[0].plover_type == "CONCEDE"
    assert eased[0].target is not None and "supporters" in eased[0].target.text
    assert not any(e.plover_type == "PROTEST" for e in events)


def test_allowing_a_visit_leaves_the_visit_to_the_visitors(code):
    events = code("Iran allowed UN inspectors to visit the Natanz site on Monday.")
    visits = [e for e in events if e.cameo.startswith("04")]
    assert all(e.source is None or e.source.code != "IRN" for e in visits)


def test_mobilizing_lobby_groups_rallies_support_not_troops(code):
    events = code("Qatar has mobilized lobby groups in Washington to win support for its bid.")
    assert any(e.cameo == "053" for e in events)
    assert not any(e.plover_type == "MOBILIZE" for e in events)


def test_a_news_blackout_is_censorship(code):
    events = code("The army imposed a news blackout on the fighting in the north.")
    assert any(e.cameo == "1721" for e in events)
