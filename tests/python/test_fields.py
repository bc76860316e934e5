"""The report's fields are defined once, in the engine's registry
(ReportFields in include/plainlang/report.h): the Python types, the feature
names and openapi.yaml must say the same."""

from __future__ import annotations

import math
import typing

import pytest
import yaml

import plainlang
from plainlang._report import REPORT_FIELDS

from conftest import REPO

TYPES = {"number": float, "integer": int, "bool": bool}
GROUPS: dict[str, typing.Any] = {
    "readability": plainlang.Readability,
    "jargon": plainlang.Jargon,
    "counts": plainlang.Counts,
    "verdict": plainlang.Verdict,
}


def fields_of(group: str) -> list[dict[str, typing.Any]]:
    return [f for f in REPORT_FIELDS if f["group"] == group]


def test_registry_has_the_groups() -> None:
    assert {f["group"] for f in REPORT_FIELDS} == {*GROUPS, "communication", "checklist"}
    assert len({f["column"] for f in REPORT_FIELDS}) == len(REPORT_FIELDS)
    assert all(f["doc"] for f in REPORT_FIELDS)


@pytest.mark.parametrize("group", sorted(GROUPS))
def test_named_tuples_match_the_registry(group: str) -> None:
    cls = GROUPS[group]
    fields = fields_of(group)
    assert cls._fields == tuple(f["name"] for f in fields)
    hints = typing.get_type_hints(cls)
    # A bool field is null where there is nothing to judge.
    expected = [TYPES[f["type"]] | None if f["type"] == "bool" else TYPES[f["type"]] for f in fields]
    assert [hints[f["name"]] for f in fields] == expected


def test_feature_names_are_the_registrys_feature_columns() -> None:
    assert plainlang.FEATURE_NAMES == tuple(f["column"] for f in REPORT_FIELDS if f["feature"])


def openapi_report() -> dict[str, typing.Any]:
    with open(REPO / "openapi.yaml", encoding="utf-8") as file:
        schema: dict[str, typing.Any] = yaml.safe_load(file)["components"]["schemas"]["Report"]
    return schema


def test_openapi_report_matches_the_registry() -> None:
    report = openapi_report()
    openapi_types = {"number": "number", "integer": "integer", "bool": "boolean"}
    for group in GROUPS:
        schema = report["properties"][group]
        fields = fields_of(group)
        assert list(schema["properties"]) == [f["name"] for f in fields], group
        assert schema["required"] == [f["name"] for f in fields], group
        for f in fields:
            prop = schema["properties"][f["name"]]
            assert prop["type"] == openapi_types[f["type"]], f["name"]
            if f["type"] == "bool":
                assert prop.get("nullable") is True, f["name"]
                continue
            # Bounds are stated where the registry has them, and only there.
            assert prop.get("minimum", -math.inf) == f["low"], f["name"]
            assert prop.get("maximum", math.inf) == f["high"], f["name"]


def test_openapi_report_has_the_error_field() -> None:
    report = openapi_report()
    assert "error" in report["required"]
    assert report["properties"]["error"]["type"] == "string"
    assert report["properties"]["error"]["nullable"] is True


def test_checklist_fields_are_the_communication_items() -> None:
    names = [f["name"] for f in REPORT_FIELDS if f["group"] == "checklist"]
    assert not any(f["in_json"] for f in REPORT_FIELDS if f["group"] == "checklist")
    report = plainlang.analyze("Your test was normal. Call us at 555-0134.")
    assert list(report.communication.items) == names
    assert plainlang.Communication._fields == ("score", "items")
    schema = openapi_report()["properties"]["communication"]
    assert schema["required"] == ["score", "items"]


def test_each_field_reads_what_the_json_prints(analyzer: plainlang.Analyzer) -> None:
    report = analyzer.analyze("Your BP is fine. Take the pills PO BID with food.")
    data = report.to_dict()
    for f in REPORT_FIELDS:
        if f["group"] == "checklist":
            item = report.communication.items[f["name"]]
            printed_item = data["communication"]["items"][f["name"]]
            assert (item.applies, item.meets) == (printed_item["applies"], printed_item["meets"])
            continue
        if f["group"] == "communication":
            assert math.isclose(report.communication.score, data["communication"]["score"],
                                abs_tol=0.05)
            continue
        value: typing.Any = getattr(getattr(report, f["group"]), f["name"])
        printed = data[f["group"]][f["name"]]
        if f["type"] == "number" and f["decimals"] >= 0:
            assert round(value, f["decimals"]) == printed, f["column"]
        else:
            assert value == printed, f["column"]
        assert type(value) is TYPES[f["type"]], f["column"]
