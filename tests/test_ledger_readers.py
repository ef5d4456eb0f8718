"""The ledger readers (issue 9): the newsroom's CSV and JSONL, SEC companyfacts and OpenDART responses,
read from the hand-made files under fixtures/ledger/ into filed figures named like claims."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimcheck import ledger as LG
from claimcheck import vocab as L
from claimcheck.filed import Filed, Record
from claimcheck.ledger.common import amount, name_span

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "ledger"
LEX = L.default()


def figures(*names: str, lex: L.Lexicon = LEX) -> LG.Ledger:
    return LG.load([FIX / n for n in names], lex)


def one(lg: LG.Ledger, entity: str, metric: str, period: str, cadence: str | None, unit: str = "USD",
        through: str | None = None, segment: str | None = None):
    return lg.get((entity, segment, metric, period, cadence, None, unit, through))


# ---------------------------------------------------------------------------------------------- newsroom table

def test_csv_rows_are_records_with_segments_and_the_period_s_cadence():
    lg = figures("amazon_segments.csv")
    (aws,) = one(lg, "AWS", "operating_income", "2024", "annual")
    assert (aws.value, aws.as_of.isoformat(), aws.source.kind, aws.source.document, aws.source.concept) == \
        (39834000000, "2025-02-07", "newsroom", "Amazon 10-K 2024", "segment information")
    (na,) = one(lg, "Amazon", "revenue", "2024", "annual", segment="retail_north_america")
    assert na.value == 387497000000 and not na.derived and not na.restated


def test_csv_names_are_made_canonical_and_a_first_half_is_the_year_to_date(tmp_path: Path):
    (tmp_path / "l.csv").write_text(
        "entity,segment,metric,period,value,unit\n"
        "아마존,,revenue,2024H1,291290000000,USD\n"
        "Samsung Electronics DS,,operating_income,2024,15100000000000,KRW\n"
        "AMZN,,operating_margin,2024,10.75,%\n", encoding="utf-8")
    lg = LG.load([tmp_path / "l.csv"], LEX)
    assert one(lg, "Amazon", "revenue", "2024", "ytd", through="2024Q2")[0].value == 291290000000
    assert one(lg, "Samsung Electronics", "operating_income", "2024", "annual", "KRW", segment="DS")
    assert one(lg, "Amazon", "operating_margin", "2024", None, "%")  # a ratio has no cadence, as on a claim


@pytest.mark.parametrize("body,needle", [
    ("entity,metric,period,value,unit\nAWS,revenue,2024,lots,USD\n", "l.csv:2: 'value' is not a number"),
    ("entity,metric,period,value,unit\nAWS,revenue,2024,1,USD\nAWS,sales,2024,1,USD\n", "l.csv:3: unknown metric 'sales'"),
    ("entity,metric,period,value,unit\nAmazn,revenue,2024,1,USD\n", "l.csv:2: unknown entity 'Amazn'"),
    ("entity,metric,period,value,unit\nAWS,revenue,24Q3,1,USD\n", "l.csv:2: period '24Q3'"),
    ("entity,metric,period,value,unit\nAWS,revenue,2024,1,dollars\n", "l.csv:2: unit 'dollars'"),
    ("entity,metric,period,value,unit,as_of\nAWS,revenue,2024,1,USD,07/02/2025\n", "l.csv:2: as_of '07/02/2025' is not a date"),
    ("entity,metric,period,value,unit,colour\nAWS,revenue,2024,1,USD,red\n", "l.csv: unknown column 'colour'"),
    ("entity,metric,period,unit\nAWS,revenue,2024,USD\n", "l.csv: no 'value' column"),
    ("entity,metric,period,value,unit,cadence\nAWS,revenue,2024,1,USD,ytd\n", "names the quarter it runs through"),
    ("entity,metric,period,value,unit\nAWS,revenue,2024,1,USD,x\n", "l.csv:2: 6 cells, but the header names 5 columns"),
    ("entity,metric,period,value,unit\nAWS,revenue,2024,1,USD\n\nAWS,revenue\n", "l.csv:4: 'period' is empty"),
])
def test_a_bad_csv_row_is_an_error_naming_the_file_and_line(tmp_path: Path, body: str, needle: str):
    (tmp_path / "l.csv").write_text(body, encoding="utf-8")
    with pytest.raises(LG.LedgerError) as e:
        LG.load([tmp_path / "l.csv"], LEX)
    assert needle in str(e.value) and "\n" not in str(e.value)


def test_jsonl_records_with_a_schema_line_and_nested_source(tmp_path: Path):
    rows = [{"schema": "claimcheck/ledger@1"},
            {"entity": "AWS", "metric": "revenue", "period": "2024", "value": 107556000000, "unit": "USD",
             "as_of": "2025-02-07", "source": {"kind": "sec", "document": "0001018724-25-000004", "form": "10-K"}}]
    (tmp_path / "l.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    (f,) = one(LG.load([tmp_path / "l.jsonl"], LEX), "AWS", "revenue", "2024", "annual")
    assert (f.source.kind, f.source.form) == ("sec", "10-K")
    (tmp_path / "l.jsonl").write_text('{"schema": "claimcheck/ledger@2"}\n', encoding="utf-8")
    with pytest.raises(LG.LedgerError, match=r"l\.jsonl:1: schema 'claimcheck/ledger@2'"):
        LG.load([tmp_path / "l.jsonl"], LEX)
    (tmp_path / "l.jsonl").write_text(json.dumps(rows[1]) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(LG.LedgerError, match=r"l\.jsonl:2: not valid JSON"):
        LG.load([tmp_path / "l.jsonl"], LEX)


# ---------------------------------------------------------------------------------------------- SEC companyfacts

def test_sec_periods_are_named_from_dates_on_the_fiscal_calendar_not_from_fy_fp_or_frame():
    lg = figures("apple_companyfacts.json")
    # the 10-K for fiscal 2024 repeats fiscal 2023 under fy=2024, fp=FY: the dates say FY2023
    (fy23,) = one(lg, "Apple", "revenue", "FY2023", "annual")
    assert fy23.value == 383285000000 and fy23.as_of.isoformat() == "2023-11-03"  # the comparative is no new version
    # the quarter to June 29, 2024 carries frame CY2024Q2: it is Apple's third fiscal quarter
    assert one(lg, "Apple", "revenue", "FY2024Q3", "quarterly")[0].value == 85777000000
    assert one(lg, "Apple", "revenue", "FY2024", "ytd", through="FY2024Q3")[0].value == 296105000000
    assert not one(lg, "Apple", "revenue", "2024Q2", "quarterly")


def test_sec_keeps_every_filed_version_the_latest_current_the_older_restated():
    versions = one(figures("apple_companyfacts.json"), "Apple", "revenue", "FY2024Q1", "quarterly")
    assert [(v.value, v.as_of.isoformat(), v.restated) for v in versions] == \
        [(119575000000, "2024-02-02", True), (118900000000, "2025-01-31", False)]
    assert versions[0].source.document == "0000320193-24-000006"


def test_sec_derives_the_fourth_quarter_from_the_year_and_nine_months():
    lg = figures("apple_companyfacts.json", "amazon_companyfacts.json")
    (q4,) = one(lg, "Apple", "revenue", "FY2024Q4", "quarterly")
    assert q4.derived and q4.value == 391035000000 - 296105000000 and q4.as_of.isoformat() == "2024-11-01"
    assert "annual − nine months" in q4.source.concept
    (amzn,) = one(lg, "Amazon", "operating_income", "2024Q4", "quarterly")
    assert amzn.derived and amzn.value == 68593000000 - 47390000000
    assert not any(f.derived for f in one(lg, "Amazon", "operating_income", "2024Q3", "quarterly"))


def test_sec_concepts_in_priority_order_and_only_money():
    lg = figures("amazon_companyfacts.json")
    (capex,) = one(lg, "Amazon", "capex", "2024", "annual")
    assert capex.source.concept == "PaymentsToAcquireProductiveAssets" and capex.value == 83004000000
    assert len(one(lg, "Amazon", "revenue", "2024Q3", "quarterly")) == 1  # filed twice alike: one version
    assert not [f for f in lg if f.metric == "eps"]  # USD/shares is no amount of money


def test_sec_takes_for_each_span_the_first_concept_of_the_list_that_files_it(tmp_path: Path):
    def entry(start: str, end: str, val: float) -> dict:
        return {"start": start, "end": end, "val": val, "accn": "a-1", "fy": 2024, "fp": "FY", "form": "10-K", "filed": "2025-02-07"}
    facts = {"cik": 1018724, "entityName": "AMAZON.COM, INC.", "facts": {"us-gaap": {
        "Revenues": {"units": {"USD": [entry("2024-01-01", "2024-12-31", 640e9)]}},
        "RevenueFromContractWithCustomerExcludingAssessedTax": {"units": {"USD": [
            entry("2024-01-01", "2024-12-31", 637.959e9), entry("2023-01-01", "2023-12-31", 574.785e9)]}}}}}
    (tmp_path / "f.json").write_text(json.dumps(facts), encoding="utf-8")
    lg = LG.load([tmp_path / "f.json"], LEX)
    assert [f.value for f in one(lg, "Amazon", "revenue", "2024", "annual")] == [640e9]  # Revenues comes first
    assert [f.source.concept for f in one(lg, "Amazon", "revenue", "2023", "annual")] == \
        ["RevenueFromContractWithCustomerExcludingAssessedTax"]  # the next concept fills a span the first lacks


def test_sec_learns_an_unlisted_company_s_year_end_and_refuses_an_unknown_one(tmp_path: Path):
    facts = {"cik": 999, "entityName": "CONTOSO LTD", "facts": {"us-gaap": {"Revenues": {"units": {"USD": [
        {"start": "2023-07-01", "end": "2024-06-30", "val": 245e9, "accn": "a-1", "fy": 2024, "fp": "FY", "form": "10-K", "filed": "2024-07-30"},
        {"start": "2024-07-01", "end": "2024-09-30", "val": 65e9, "accn": "a-2", "fy": 2025, "fp": "Q1", "form": "10-Q", "filed": "2024-10-30"}]}}}}}
    (tmp_path / "c.json").write_text(json.dumps(facts), encoding="utf-8")
    with pytest.raises(LG.LedgerError, match=r"c\.json: CIK 999 \(CONTOSO LTD\) is no entity claimcheck knows"):
        LG.load([tmp_path / "c.json"], LEX)
    lex = L.build({"Contoso": ["CONTOSO LTD"]})
    lg = LG.load([tmp_path / "c.json"], lex)
    assert one(lg, "Contoso", "revenue", "FY2024", "annual") and one(lg, "Contoso", "revenue", "FY2025Q1", "quarterly")


def test_spans_are_named_by_length_and_end():
    import datetime as dt

    d = dt.date.fromisoformat
    assert name_span(d("2024-07-01"), d("2024-09-30"), 12) == ("2024Q3", "quarterly", None)
    assert name_span(d("2024-01-01"), d("2024-06-30"), 12) == ("2024", "ytd", "2024Q2")
    assert name_span(d("2024-01-29"), d("2025-01-26"), 1) == ("FY2025", "annual", None)  # Nvidia's 52-week year
    assert name_span(d("2023-10-30"), d("2024-11-03"), 10) == ("FY2024", "annual", None)  # a 53-week year ending in November
    assert name_span(d("2024-08-15"), d("2024-09-30"), 12) is None  # a stub after an acquisition


# ---------------------------------------------------------------------------------------------- OpenDART

def test_dart_reports_give_the_quarter_the_year_to_date_and_the_year():
    lg = figures("samsung_2024_q3.json", "samsung_2024_annual.json")
    s = "Samsung Electronics"
    (q3,) = one(lg, s, "revenue", "2024Q3", "quarterly", "KRW")
    assert q3.value == 79_098_734_000_000 and q3.as_of.isoformat() == "2024-11-14" and q3.source.document == "20241114002642"
    assert one(lg, s, "revenue", "2024", "ytd", "KRW", "2024Q3")[0].value == 225_082_643_000_000
    (year,) = one(lg, s, "revenue", "2024", "annual", "KRW")
    assert year.value == 300_870_903_000_000 and year.source.concept == "매출액 (CFS)"  # not the parent's 209조
    (q4,) = one(lg, s, "operating_income", "2024Q4", "quarterly", "KRW")
    assert q4.derived and q4.value == 32_725_961_000_000 - 26_233_379_000_000


def test_dart_amounts_missing_negative_and_spent():
    lg = figures("samsung_2024_q3.json")
    assert not [f for f in lg if f.metric == "operating_cash_flow"]  # "-" is missing, not zero
    (capex,) = one(lg, "Samsung Electronics", "capex", "2024", "ytd", "KRW", "2024Q3")
    assert capex.value == 38_432_100_000_000  # filed as an outflow, "-38,432,100,000,000"
    assert (amount("-1,234"), amount("-"), amount(""), amount(None)) == (-1234.0, None, None, None)


def test_dart_prefers_consolidated_across_files(tmp_path: Path):
    data = json.loads((FIX / "samsung_2024_annual.json").read_text(encoding="utf-8"))
    ofs = {**data, "list": [r for r in data["list"] if r["fs_div"] == "OFS"]}
    cfs = {**data, "list": [r for r in data["list"] if r["fs_div"] == "CFS"]}
    for name, d in (("a_OFS.json", ofs), ("b.json", cfs)):
        (tmp_path / name).write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    assert [f.value for f in one(LG.load([tmp_path], LEX), "Samsung Electronics", "revenue", "2024", "annual", "KRW")] \
        == [300_870_903_000_000]
    (tmp_path / "b.json").unlink()  # the parent's own figures stand when they are all there is
    assert one(LG.load([tmp_path], LEX), "Samsung Electronics", "revenue", "2024", "annual", "KRW")[0].value == 209_052_241_000_000


@pytest.mark.parametrize("doc,needle", [
    ({"status": "013", "message": "조회된 데이타가 없습니다."}, "d.json: DART status 013: 조회된 데이타가 없습니다."),
    ({"status": "000", "message": "정상", "list": [{"corp_code": "00126380", "reprt_code": "11011", "bsns_year": "2024",
      "account_id": "ifrs-full_Revenue", "thstrm_amount": "300조"}]}, "d.json: list[0]: thstrm_amount '300조' is not an amount"),
    ({"status": "000", "message": "정상", "list": [{"corp_code": "00999999", "reprt_code": "11011", "bsns_year": "2024",
      "account_id": "ifrs-full_Revenue", "thstrm_amount": "1"}]}, "corp_code '00999999' is no entity claimcheck knows"),
    ({"status": "000", "message": "정상", "list": [{"corp_code": "00126380", "reprt_code": "11099", "bsns_year": "2024",
      "account_id": "ifrs-full_Revenue", "thstrm_amount": "1"}]}, "reprt_code '11099'"),
])
def test_a_bad_dart_response_is_an_error_naming_the_file(tmp_path: Path, doc: dict, needle: str):
    (tmp_path / "d.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(LG.LedgerError) as e:
        LG.load([tmp_path / "d.json"], LEX)
    assert needle in str(e.value)


# ---------------------------------------------------------------------------------------------- loading

def test_a_folder_reads_every_ledger_file_in_it_and_equal_figures_once(tmp_path: Path):
    lg = figures(".")
    assert {f.entity for f in lg} == {"AWS", "Amazon", "Apple", "Samsung Electronics"}
    (tmp_path / "a.csv").write_text((FIX / "amazon_segments.csv").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "b.csv").write_text((FIX / "amazon_segments.csv").read_text(encoding="utf-8"), encoding="utf-8")
    assert len(one(LG.load([tmp_path], LEX), "AWS", "revenue", "2024", "annual")) == 1


@pytest.mark.parametrize("name,body,needle", [
    ("x.json", "{\"facts\": ", "x.json: not valid JSON"),
    ("x.json", "[1, 2]", "x.json: neither SEC companyfacts"),
    ("x.json", "{\"facts\": {}}", "x.json: no facts -> us-gaap"),
    ("x.txt", "entity", "x.txt: not a ledger file"),
])
def test_malformed_files_name_themselves(tmp_path: Path, name: str, body: str, needle: str):
    (tmp_path / name).write_text(body, encoding="utf-8")
    with pytest.raises(LG.LedgerError, match=needle.replace(".", r"\.").replace("(", r"\(")):
        LG.load([tmp_path / name], LEX)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(LG.LedgerError, match="no ledger file in this folder"):
        LG.load([empty], LEX)


def test_a_record_holds_the_fields_of_a_filed_figure_in_its_order():
    # the ledger keeps rows as Records and makes a Filed of one only when its key is asked for
    assert Record._fields == tuple(Filed.model_fields)
    lg = LG.load([FIX / "amazon_segments.csv"], LEX)
    assert all(isinstance(f, Filed) for f in lg) and lg.count() == len(list(lg))
