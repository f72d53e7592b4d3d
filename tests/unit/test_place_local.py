"""Local features (streets, buildings, schools, roads) placed at their container, and the
homonym and dateline fixes that came with them."""

from __future__ import annotations

from dateline.knowledge.gazetteer import haversine_km
from dateline.records import Place
from dateline.stages.place_containers import Focus
from dateline.stages.place_local import Feature, is_local_key, local_types

STAGES = "nlp,places"


def _one(analysis, text):
    hits = [p for p in analysis.places if p.text == text]
    assert len(hits) == 1, [(p.text, p.feature) for p in analysis.places]
    return hits[0]


def _local(analysis):
    return [p for p in analysis.places if p.feature == "local"]


def test_type_words_load_from_the_data_file():
    types = local_types()
    assert types.heads[("street",)].kind == "street"
    assert types.heads[("golf", "club")].inner
    assert "lake" in types.leads and "embassy" in types.leads
    assert is_local_key("Magnolia Street") and not is_local_key("Savannah")


def test_street_lies_in_the_town_named_after_it(run_text):
    a = run_text("The fire broke out in a bakery on Magnolia Street in Savannah, Georgia, "
                 "early on Sunday, officials said.", stages=STAGES)
    street = _one(a, "Magnolia Street")
    town = _one(a, "Savannah")
    assert street.feature == "local" and street.geonameid is None
    assert (street.lat, street.lon, street.country) == (town.lat, town.lon, "US")
    assert "Savannah" in (street.note or "") and street.confidence < town.confidence


def test_embassy_lies_in_the_host_city_not_the_sending_country(run_text):
    a = run_text("Hundreds of protesters gathered outside the French Embassy in Nairobi on "
                 "Tuesday, chanting slogans against the new visa rules.", stages=STAGES)
    embassy = _one(a, "French Embassy")
    assert embassy.country == "KE"
    assert not any(p.country == "FR" for p in a.places)


def test_no_container_means_no_local_feature(run_text):
    a = run_text("The ceremony took place at Sacred Heart Academy on Friday afternoon, and "
                 "the principal thanked the parents who came.", stages=STAGES)
    assert _local(a) == []


def test_feature_without_container_in_its_sentence_takes_the_last_town(run_text):
    a = run_text("Police in Accra said on Monday that the rally would go ahead. Thousands "
                 "later marched through Kwame Nkrumah Avenue, waving flags.", stages=STAGES)
    avenue = _one(a, "Kwame Nkrumah Avenue")
    assert avenue.country == "GH"
    accra = _one(a, "Accra")
    assert haversine_km(avenue.lat, avenue.lon, accra.lat, accra.lon) < 1


def test_institution_lies_in_the_town_in_its_name(run_text):
    a = run_text("The wounded officer was flown to the Denver Health Medical Center, where "
                 "he was in stable condition on Thursday night.", stages=STAGES)
    hospital = [p for p in _local(a) if "Medical Center" in p.text]
    assert len(hospital) == 1 and hospital[0].country == "US"
    assert abs(hospital[0].lat - 39.74) < 0.3
    assert not any(p.text == "Denver" for p in a.places)  # the hospital took its span


def test_british_road_numbers_need_road_context(run_text):
    a = run_text("The A38 southbound carriageway near Exeter was closed for six hours after "
                 "a lorry overturned, police said.", stages=STAGES)
    assert _one(a, "A38").country == "GB"
    b = run_text("The airline's first A380 landed in Dubai on Wednesday after a long "
                 "delivery flight.", stages=STAGES)
    assert not any(p.text == "A380" for p in b.places)


def test_surname_type_word_in_a_person_name_is_not_a_park(run_text):
    a = run_text("Alice Park told reporters in Seoul that the talks had stalled.",
                 stages=STAGES)
    assert not any(p.text == "Alice Park" for p in a.places)


def test_dateline_naming_a_military_camp_is_placed_in_its_state(run_text):
    a = run_text("CAMP LEJEUNE, N.C. (AP) - Marines returning from a six-month deployment "
                 "were greeted by their families on Saturday.", stages=STAGES)
    camp = [p for p in _local(a) if p.text.upper() == "CAMP LEJEUNE"]
    assert len(camp) == 1 and camp[0].country == "US"


def test_two_places_joined_in_a_press_release_dateline(run_text):
    a = run_text("NAIROBI & KAMPALA, APRIL 3, 2019 -- Two regional lenders said on Tuesday "
                 "that they would merge their mobile banking services.", stages=STAGES)
    assert _one(a, "NAIROBI").country == "KE"
    assert _one(a, "KAMPALA").country == "UG"


def test_qualifying_state_wins_over_a_namesake_municipality(run_text):
    a = run_text("Students from Parkland, Florida, spoke at the rally on Saturday.",
                 stages=STAGES)
    town = _one(a, "Parkland")
    assert town.country == "US" and town.admin1 == "Florida"


def test_state_national_guard_is_the_us_state(run_text):
    a = run_text("Soldiers of the Georgia National Guard were sent to help after the "
                 "storm, the governor said.", stages=STAGES)
    assert _one(a, "Georgia").country == "US"


def test_macro_region_beats_a_small_namesake_town(run_text):
    a = run_text("Senators in Washington and Ohio debated arms sales to the Middle East "
                 "on Tuesday.", stages=STAGES)
    assert _one(a, "Middle East").feature == "region"


def test_acronym_after_at_is_not_a_town(run_text):
    a = run_text("Ministers met at the OAS in Washington on Friday to discuss the crisis.",
                 stages=STAGES)
    oas = [p for p in a.places if p.text == "OAS"]
    assert all(p.feature == "local" and p.country == "US" for p in oas)


def test_saints_name_before_a_church_is_not_its_container(run_text):
    a = run_text("ROME (Reuters) - Pope Francis celebrated Mass in St. Peter's Basilica on "
                 "Sunday before tens of thousands of pilgrims.", stages=STAGES)
    basilica = [p for p in a.places if p.text.startswith("St. Peter")]
    assert len(basilica) == 1 and basilica[0].feature in ("local", "landmark")
    assert basilica[0].country in ("IT", "VA")


def test_region_name_split_by_the_ner_is_joined(run_text):
    a = run_text("Repairs to the sewage plant in Baja California will start next month, "
                 "the state water agency said.", stages=STAGES)
    assert _one(a, "Baja California").country == "MX"


def test_lower_case_street_word_after_a_name_is_a_street(run_text):
    a = run_text("Traffic was diverted from Kenyatta and Moi avenues in Nairobi after a water "
                 "main burst on Monday.", stages=STAGES)
    names = sorted(p.text for p in _local(a))
    assert names == ["Kenyatta", "Moi avenues"]  # one feature per street
    assert {p.country for p in _local(a)} == {"KE"}


def test_lower_case_building_word_needs_a_site_phrase(run_text):
    a = run_text("The dinner will be held at Lantern restaurant in Leeds on Friday.",
                 stages=STAGES)
    assert _one(a, "Lantern restaurant").country == "GB"
    b = run_text("Officials in Leeds said the Anglican church would review its rules.",
                 stages=STAGES)
    assert not any("church" in p.text for p in b.places)


def test_town_before_a_lower_case_type_word_stays_a_town(run_text):
    a = run_text("Two nurses at a Gainesville hospital tested positive, officials said.",
                 stages=STAGES)
    assert not any("hospital" in p.text for p in a.places)


def test_center_is_a_place_only_at_a_site(run_text):
    a = run_text("Police in Brooklyn said a brawl broke out at Halvorsen Center after the "
                 "boxing weigh-in on Thursday.", stages=STAGES)
    assert _one(a, "Halvorsen Center").country == "US"
    b = run_text("Police in Brooklyn said the Halvorsen Center published a report on crime "
                 "trends on Thursday.", stages=STAGES)
    assert not any(p.text == "Halvorsen Center" for p in b.places)


def test_camel_case_name_with_a_type_word_is_a_feature(run_text):
    a = run_text("The victim was taken to CityCare Medical Center in Cleveland, Ohio, where "
                 "she died.", stages=STAGES)
    assert _one(a, "CityCare Medical Center").country == "US"


def test_court_lies_in_the_town_of_its_name_not_a_namesake_region(run_text):
    a = run_text("SEOUL (Reuters) - The tycoon appeared in the Seoul Central District Court on "
                 "Friday, prosecutors in Seoul said.", stages=STAGES)
    court = _one(a, "Seoul Central District Court")
    assert court.feature == "local" and court.country == "KR"


def test_namesake_town_of_another_country_in_an_earlier_sentence_is_no_container(run_text):
    a = run_text("The new homes in Gainesville, Virginia, sell fast, and Fairfax is a short "
                 "drive away. Buyers like the Kendal model most, and the Kendal has four "
                 "bedrooms. Bull Run Golf Club is open to the public.", stages=STAGES)
    club = _one(a, "Bull Run Golf Club")
    assert club.country == "US"


def _town(text, name, country, feature="city"):
    s = text.index(name)
    return Place(start=s, end=s + len(name), text=name, name=name, geonameid=1, lat=1.0,
                 lon=1.0, country=country, admin1=None, feature=feature, confidence=0.9)


def test_town_the_ner_calls_a_person_is_no_container():
    text = "The show comes to Clacton. Paul sings. It is at the Regent Theatre."
    clacton, paul = _town(text, "Clacton", "GB"), _town(text, "Paul", "US")
    s = text.index("Regent Theatre")
    feature = Feature(s, s + 14, "Regent Theatre", "theatre", True)
    persons = {(paul.start, paul.end)}
    sents = [0, text.index("Paul"), text.index("It is")]
    assert Focus([clacton, paul], text, persons, sents).preceding_town(feature) is clacton
    assert Focus([clacton, paul], text, set(), sents).preceding_town(feature) is paul


def test_two_typed_names_joined_by_and_are_two_features(run_text):
    a = run_text("Police closed the junction of Yonge Street and Sheppard Avenue in Toronto "
                 "after the crash.", stages=STAGES)
    assert sorted(p.text for p in _local(a)) == ["Sheppard Avenue", "Yonge Street"]


def test_organisation_at_a_site_before_a_date_and_a_town(run_text):
    a = run_text("Chef Maria Lopez demonstrates a recipe at Harvest Market on Tuesday, "
                 "March 3, 2020, in Boise, Idaho.", stages=STAGES)
    assert _one(a, "Harvest Market").country == "US"


def test_town_name_before_a_lower_case_type_word_with_its_own_town_after(run_text):
    a = run_text("The couple met at the Paramount cinema in Huddersfield in 1962.", stages=STAGES)
    cinema = _one(a, "Paramount cinema")
    assert cinema.feature == "local" and cinema.country == "GB"


def test_river_the_gazetteer_lacks_lies_at_the_town_named_with_it(run_text):
    a = run_text("Volunteers will clear litter from the banks of the Mokelumne River in "
                 "Lodi, California, on Saturday.", stages=STAGES)
    river = [p for p in a.places if p.text == "Mokelumne River"]
    assert len(river) == 1 and river[0].country == "US" and river[0].feature == "local"


def test_name_of_a_lower_case_typed_feature_stands_for_it_alone(run_text):
    a = run_text("Traffic queued from the Five Ways roundabout in Birmingham on Monday. "
                 "Drivers said the trip from the Five Ways to the ring road took an hour.",
                 stages=STAGES)
    feats = sorted(p.text for p in _local(a))
    assert feats == ["Five Ways", "Five Ways roundabout"]
    assert {p.country for p in _local(a)} == {"GB"}


def test_feature_in_a_later_paragraph_takes_the_last_town_before_it(run_text):
    a = run_text("Fans who cannot fly to Las Vegas can see the next best thing when the "
                 "tribute show comes to Clacton this weekend.\n\nThe singer struts around "
                 "the stage and belts out the hits. The show is at the Regent Theatre on "
                 "Friday at 7.30pm.", stages=STAGES)
    assert _one(a, "Regent Theatre").country == "GB"


def test_feature_named_twice_is_placed_where_the_text_says_best(run_text):
    a = run_text("The horses were stabled at Centennial Park in Sydney, officials said. Vets "
                 "later checked every horse that had left Centennial Park in August.",
                 stages=STAGES)
    parks = [p for p in a.places if p.text == "Centennial Park"]
    assert len(parks) == 2 and {p.country for p in parks} == {"AU"}
    assert parks[0].lat == parks[1].lat
