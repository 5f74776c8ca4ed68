from __future__ import annotations

from datetime import time

import pytest

from pathfinder.directory.geo import PostcodeError, load_demo_postcodes, normalise_postcode, postcode_point
from pathfinder.directory.models import PostcodeCentroid
from pathfinder.directory.search import service_search
from pathfinder.directory.tests.factories import (
    LocationFactory,
    ScheduleFactory,
    ServiceAtLocationFactory,
    ServiceFactory,
    link,
    term,
)

pytestmark = pytest.mark.django_db


def names(result):
    return [s.name for s in result.items]


def test_words_rank_name_matches_first_and_stem():
    desc_match = ServiceFactory(name="Holiday club", description="Activities for autistic children in the holidays")
    name_match = ServiceFactory(name="Autism family support", description="Groups and advice")
    ServiceFactory(name="Swimming", description="Pool sessions")
    result = service_search(text="autism")
    assert names(result)[0] == name_match.name
    assert desc_match.name not in names(result) or names(result).index(desc_match.name) > 0
    assert "Swimming" not in names(result)
    # porter stemming: "swim" finds "Swimming"; prefix on the last word
    assert names(service_search(text="swim")) == ["Swimming"]
    # every word must match; when nothing matches them all, services matching some are shown, and said so
    assert names(service_search(text="autism pool", understood=False)) == []
    relaxed = service_search(text="autism pool")
    assert relaxed.relaxed and "Swimming" in names(relaxed) and names(relaxed)[0] == name_match.name
    assert not service_search(text="autism").relaxed


def test_words_search_organisation_and_terms():
    service = link(ServiceFactory(name="Tuesday group", description="Drop in"), term("send-needs", "HI"))
    assert names(service_search(text="hearing")) == [service.name]


def test_hostile_text_is_safe():
    ServiceFactory(name="Speech therapy")
    for text in ['"', "NEAR(", "speech*)", "' OR 1=1 --", "AND OR NOT", "<script>"]:
        service_search(text=text)  # no exception
    assert names(service_search(text='speech"')) == ["Speech therapy"]


def test_filters_compose():
    autism_young = link(ServiceFactory(name="A", minimum_age=0, maximum_age=5), term("send-needs", "ASD"))
    autism_old = link(ServiceFactory(name="B", minimum_age=16, maximum_age=25), term("send-needs", "ASD"))
    hearing_young = link(ServiceFactory(name="C", minimum_age=0, maximum_age=5), term("send-needs", "HI"))
    link(autism_young, term("support-kinds", "short-breaks"))
    assert names(service_search(need_codes=["ASD"])) == ["A", "B"]
    assert names(service_search(need_codes=["ASD", "HI"], age=3)) == ["A", "C"]
    assert names(service_search(need_codes=["ASD"], age=3)) == ["A"]
    assert names(service_search(kinds=["short-breaks"])) == ["A"]
    assert names(service_search(age=20)) == ["B"]
    hearing_young.is_free = False
    hearing_young.save()
    assert names(service_search(free_only=True, age=3)) == ["A"]
    assert autism_old  # used above


def test_child_kind_matches_parent_filter():
    therapy = link(ServiceFactory(name="Therapy"), term("support-kinds", "therapy"))
    assert names(service_search(kinds=["health"])) == [therapy.name]


def test_day_time_and_delivery():
    morning = ScheduleFactory(service__name="Morning", byday="MO", opens_at=time(9), closes_at=time(12)).service
    ScheduleFactory(service__name="Evening", byday="MO,TU", opens_at=time(17), closes_at=time(19))
    assert names(service_search(day="MO")) == ["Evening", "Morning"]
    assert names(service_search(day="TU")) == ["Evening"]
    assert names(service_search(day="MO", open_at_time=time(10))) == ["Morning"]
    morning.online = True
    morning.save()
    assert names(service_search(delivery=["online"])) == ["Morning"]
    with pytest.raises(ValueError):
        service_search(day="XX")


def test_distance_orders_and_limits():
    load_demo_postcodes(per_district=3)
    near_pc = PostcodeCentroid.objects.filter(outcode="WM1").first()
    centre = postcode_point(near_pc.postcode)
    near = ServiceAtLocationFactory(
        service__name="Near", location=LocationFactory(latitude=centre.latitude + 0.001, longitude=centre.longitude)
    ).service
    far = ServiceAtLocationFactory(
        service__name="Far", location=LocationFactory(latitude=centre.latitude + 0.5, longitude=centre.longitude)
    ).service
    ServiceFactory(name="Nowhere")  # online only, no venue
    result = service_search(postcode=near_pc.postcode.lower().replace(" ", ""))
    assert names(result)[:2] == ["Near", "Far"]
    assert result.items[0].distance_km < 1 and 50 < result.items[1].distance_km < 60
    assert names(service_search(postcode=near_pc.postcode, within_km=10)) == ["Near"]
    # an outcode alone works
    assert names(service_search(postcode="WM1", within_km=10)) == ["Near"]
    assert far and near


@pytest.mark.parametrize("raw", ["", "hello", "SW1A", "12345", "WM1 1A"])
def test_bad_postcodes_raise_plain_errors(raw):
    with pytest.raises(PostcodeError) as info:
        postcode_point(raw) if raw != "SW1A" else postcode_point(raw)
    assert info.value.message


def test_normalise_postcode():
    assert normalise_postcode(" wm1 1aa ") == "WM1 1AA"
    assert normalise_postcode("sw1a1aa") == "SW1A 1AA"
    with pytest.raises(PostcodeError):
        normalise_postcode("WM1 1CI")  # C and I never appear in the inward code


def test_hidden_and_unpublished_not_found():
    ServiceFactory(name="Draft only", is_published=False)
    ServiceFactory(name="Closed", status="defunct")
    assert service_search(text="draft").total == 0
    assert service_search(text="closed").total == 0


def test_paging():
    for i in range(25):
        ServiceFactory(name=f"Club {i:02d}")
    result = service_search(text="club", page=2, per_page=10)
    assert result.total == 25 and result.total_pages == 3 and len(result.items) == 10
