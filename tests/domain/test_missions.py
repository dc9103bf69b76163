"""The built-in mission suggestions are data (resources/missions.json): every record must load and validate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.domain.localized import LocalizedText
from planner.domain.missions import read_suggestions, suggested_contacts
from planner.paths import MISSIONS


def test_every_shipped_mission_loads_validated_and_marked_to_be_verified() -> None:
    records = json.loads(MISSIONS.read_text(encoding="utf-8"))["missions"]
    suggestions = read_suggestions()
    assert len(suggestions) == len(records) >= 2
    for suggestion in suggestions:
        assert suggestion.contact == suggestion.contact.validated()
        assert suggestion.contact.to_verify and suggestion.contact.phone
        assert suggestion.contact.name.de and suggestion.contact.name.zh and suggestion.contact.name.en
        assert len(suggestion.visitors) == len(suggestion.country) == 2 and suggestion.cities


def test_a_city_of_the_district_in_any_language_finds_its_mission() -> None:
    by_chinese_name = suggested_contacts("de", "cn", LocalizedText(zh="深圳"))
    by_english_name = suggested_contacts("DE", "CN", LocalizedText(en=" Shenzhen "))
    assert by_chinese_name == by_english_name
    assert [c.name.en for c in by_chinese_name] == ["Consulate General of the Federal Republic of Germany Guangzhou"]
    assert suggested_contacts("CN", "DE", LocalizedText(de="München")) == ()


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"phone": "call the consulate"}, "mission 1 is not valid"),
        ({"name": {}}, "mission 1 is not valid"),
        ({"visitors": "Germany"}, "mission 1 is not valid"),
        ({"cities": [" "]}, "mission 1 lacks"),
    ],
)
def test_a_broken_record_in_the_file_fails_naming_the_record(tmp_path: Path, change: dict[str, object], problem: str) -> None:
    document = json.loads(MISSIONS.read_text(encoding="utf-8"))
    document["missions"][0].update(change)
    broken = tmp_path / "missions.json"
    broken.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ValueError, match=problem):
        read_suggestions(broken)
