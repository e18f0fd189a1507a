"""contact-options on crawls built in the test (no browser): the YAML case table plus details and stability."""

from __future__ import annotations

from pathlib import Path

import pytest

import checks.contact_options as check
from auditor.model import Artifacts
from auditor.runner import run_check
from tests.artifact_factory import CaseTable, artifacts, check_expectation, html_page, page, saved_artifacts
from tests.artifact_factory import page as make_page

TABLE = CaseTable(Path(__file__).parent / "cases" / "contact_options.yaml")
RULES = {"no-direct-channel", "premium-rate-phone", "no-opening-hours", "contact-only-deep", "contact-not-sitewide"}


@pytest.mark.parametrize("name", TABLE.names())
def test_case_table(name):
    arts, options = TABLE.build(name)
    res = run_check(check, arts, options)
    assert res.status != "error", res.error
    assert check_expectation(res, TABLE.expect(name)) == []


def test_case_table_covers_every_rule_firing_and_not_firing():
    fired = {r for n in TABLE.names() for r in TABLE.expect(n).get("rules", [])}
    assert fired == RULES
    assert TABLE.check == check.ID
    passing = [n for n in TABLE.names() if TABLE.expect(n).get("status") == "pass"]
    assert len(passing) > 10


FOOTER = "Infolinia +48 22 123 45 67 (pon.-pt. 8:00-16:00) · sklep@example.pl"


SKLEP = "https://sklep.example.pl/"


def store(*, reverse=False, premium=True, home_channel=True):
    footer = FOOTER + (" · Zamówienia: +48 701 234 567" if premium else "")

    def page(url, *args, **kwargs):
        return make_page(url, *args, base=SKLEP, **kwargs)

    pages = [
        page("/", "home", depth=0, lang="pl", footer=footer if home_channel else "", title="Sklep"),
        page("/kategoria/sukienki", "category", path="Home › Sukienki", lang="pl", footer=footer),
        page("/produkt/lniana", "product", path="Home › Sukienki › Lniana sukienka", lang="pl", footer=footer,
             scripts=["https://code.tidio.co/abc.js"]),
        page("/koszyk", "cart", path="Home › Koszyk", lang="pl"),
        page("/o-nas", "other", path="Home › O nas", lang="pl"),
        page("/o-nas/pomoc", "other", path="Home › O nas › Pomoc", lang="pl"),
        page("/kontakt", "contact", path="Home › O nas › Pomoc › Kontakt", lang="pl", footer=footer,
             tel=["+48221234567"], mailto=["sklep@example.pl"],
             forms=[{"text": "Imię E-mail Wiadomość Wyślij", "fields": ["text", "email", "textarea"]}]),
    ]
    return artifacts(*(reversed(pages) if reverse else pages), start_url=SKLEP)


def test_details_for_the_report():
    res = run_check(check, store())
    details = res.details
    assert set(details["channels"]) == {"phone", "email", "chat", "messaging", "contact_form", "callback_form"}
    assert {k for k, v in details["channels"].items() if v["present"]} == {"phone", "email", "chat", "contact_form"}
    phones = {v["e164"]: v for v in details["channels"]["phone"]["values"]}
    assert phones["+48221234567"]["type"] == "fixed-line" and phones["+48221234567"]["pages"] == 4
    assert phones["+48221234567"]["sources"] == ["link", "text"]
    assert phones["+48701234567"]["type"] == "premium-rate"
    assert details["channels"]["chat"]["providers"] == [
        {"name": "Tidio", "pages": 1, "urls": ["https://sklep.example.pl/produkt/lniana"]}]
    assert details["channels"]["contact_form"]["urls"] == ["https://sklep.example.pl/kontakt"]
    matrix = {row["url"]: row for row in details["matrix"]}
    assert len(matrix) == 7
    assert matrix["https://sklep.example.pl/produkt/lniana"]["channels"] == ["phone", "email", "chat"]
    assert matrix["https://sklep.example.pl/kontakt"]["channels"] == ["phone", "email", "contact_form"]
    assert matrix["https://sklep.example.pl/koszyk"]["channels"] == []
    assert details["sitewide_share"] == round(4 / 7, 3)
    assert details["pages_with_direct_channel"] == 4
    assert details["hours"][0]["text"].startswith("Infolinia +48 22 123 45 67 (pon.-pt. 8:00-16:00)")
    assert details["home_channels"] == ["phone", "email"]
    assert details["contact_page"]["click_path"] == "Home › O nas › Pomoc › Kontakt"
    assert details["regions"] == {"option": "", "tld": "PL"}


def test_premium_finding_evidence_why_and_fix():
    res = run_check(check, store())
    assert [f.rule for f in res.findings] == ["premium-rate-phone"]
    premium = res.findings[0]
    assert premium.severity == "high" and res.status == "fail"
    assert premium.evidence["number"] == "+48 701 234 567"
    assert premium.evidence["type"] == "premium-rate"
    assert len(premium.evidence["seen_on"]) == 4
    assert "2011/83/EU" in premium.why and "art. 21" in premium.why
    assert "toll-free" in premium.recommendation


def test_contact_only_deep_evidence_has_the_click_path():
    res = run_check(check, store(premium=False, home_channel=False))
    deep = next(f for f in res.findings if f.rule == "contact-only-deep")
    assert deep.evidence["click_path"] == "Home › O nas › Pomoc › Kontakt"
    assert deep.evidence["contact_page"]["depth"] == 3
    assert "2000/31/EC" in deep.why and deep.recommendation
    assert {f.rule for f in res.findings} == {"contact-only-deep", "contact-not-sitewide"}


def test_every_finding_explains_itself():
    cases = [n for n in TABLE.names() if TABLE.expect(n).get("rules")]
    for name in cases:
        arts, options = TABLE.build(name)
        for f in run_check(check, arts, options).findings:
            assert f.why and f.recommendation and f.message and f.evidence, (name, f.rule)


def test_same_defects_same_ids_across_runs_with_reordered_pages():
    first = run_check(check, store(home_channel=False))
    second = run_check(check, store(home_channel=False, reverse=True))
    assert {f.rule for f in first.findings} == {"premium-rate-phone", "contact-only-deep", "contact-not-sitewide"}
    assert sorted(f.id for f in first.findings) == sorted(f.id for f in second.findings)
    assert first.details["channels"] == second.details["channels"]
    assert first.details["sitewide_share"] == second.details["sitewide_share"]


def test_premium_finding_id_follows_the_number_not_the_pages():
    one = run_check(check, store())
    fewer = store()
    fewer.pages = fewer.pages[:2]
    two = run_check(check, fewer)
    pick = lambda res: next(f.id for f in res.findings if f.rule == "premium-rate-phone")  # noqa: E731
    assert pick(one) == pick(two)


def test_no_direct_channel_suppresses_the_rules_that_presuppose_one():
    arts = artifacts(
        page("/", "home", depth=0, text="Witamy"),
        page("/a", "other", path="Home › A"), page("/a/b", "other", path="Home › A › B"),
        page("/kontakt", "contact", path="Home › A › B › Kontakt",
             forms=[{"text": "Wiadomość", "fields": ["textarea"]}, {"text": "Oddzwonimy", "fields": ["tel"]}]),
    )
    res = run_check(check, arts)
    assert [f.rule for f in res.findings] == ["no-direct-channel"]
    assert res.findings[0].evidence["forms"] == {"contact_form": ["https://shop.example/kontakt"],
                                                 "callback_form": ["https://shop.example/kontakt"]}
    assert "2011/83/EU" in res.findings[0].why
    assert "the only way to reach the store is a contact form and a callback form" in res.findings[0].message


@pytest.mark.parametrize("text", [
    "Zamówienie nr 123456789", "EAN 5901234123457", "NIP 525-000-00-00", "REGON 012345678",
    "Konto: 61 1090 1014 0000 0712 1981 2874", "Data 12.05.2024", "Cena 1 299,00 zł", "Rozmiar 38-40",
])
def test_numbers_that_are_not_phones(text):
    assert check.text_phones(text, ("PL",)) == []
    assert check.text_phones(text, check.FALLBACK_REGIONS) == []


def test_phone_label_must_be_right_before_the_number():
    text = "tel. +48 22 123 45 67, zamówienie 123456789"
    assert [p.e164 for p in check.text_phones(text, ("PL",))] == ["+48221234567"]


@pytest.mark.parametrize("region", ["de", "DE", " de "])
def test_default_region_is_case_insensitive(region):
    arts = artifacts(page("/", "home", depth=0, text="Hotline 0800 123 4567, Mo-Fr 8-18 Uhr"))
    res = run_check(check, arts, {"default_region": region})
    assert res.details["channels"]["phone"]["values"][0]["type"] == "toll-free"


def test_bad_default_region_is_reported_not_guessed():
    res = run_check(check, artifacts(page("/", "home", depth=0)), {"default_region": "XX"})
    assert res.status == "error" and "default_region" in res.error


def test_never_raises_on_empty_artifacts():
    res = check.run(Artifacts(start_url="https://shop.example/"), dict(check.DEFAULT_OPTIONS))
    assert res.status == "not-applicable" and res.findings == []
    res = run_check(check, Artifacts(start_url="not a url"))
    assert res.status == "not-applicable"


def test_pages_without_home_or_depth_still_give_a_result():
    arts = artifacts(page("/lookbook", "other", text="Napisz: a@b.pl"), page("/x", "other"))
    res = run_check(check, arts)
    assert res.status == "pass" and res.details["home_channels"] is None
    assert res.details["sitewide_share"] == 0.5


def test_module_contract():
    assert check.ID == "contact-options" and check.CATEGORY == "contact"
    assert check.DEFAULT_OPTIONS == {"min_sitewide_share": 0.5, "max_contact_depth": 2, "default_region": ""}
    for rule in RULES:
        assert rule in check.__doc__
    assert set(check.SEVERITIES) == {"high", "medium", "low"}


def test_premium_finding_marks_the_phone_link_when_it_is_that_number(tmp_path):
    box = {"x": 204.0, "y": 252.0, "width": 130.0, "height": 18.0}

    first = {"x": 204.0, "y": 200.0, "width": 130.0, "height": 18.0}

    def premium(tmp, tel, unrendered=()):
        links = "".join(f"<p><a href='tel:{t}'>{t}</a></p>" for t in tel)
        html = f"<html lang='pl'><body><main><h1>Kontakt</h1>{links}</main></body></html>"
        # the first tel: link is at ``first``, the second at ``box``
        marked = dict(zip(("(//a)[1]", "(//a)[2]"), (first, box) if len(tel) == 2 else (box,)))
        contact = html_page(tmp, "/kontakt", html, "contact", path="Home › Kontakt", tel=tel,
                            text="Infolinia: " + " ".join(tel), marked=marked, unrendered=unrendered)
        arts = saved_artifacts(tmp, page("/", "home", depth=0, lang="pl", title="Sklep", mailto=["sklep@example.pl"]),
                               contact, start_url="https://shop.example/")
        found = [f for f in run_check(check, arts).findings if f.rule == "premium-rate-phone"]
        assert len(found) == 1 and found[0].url == "https://shop.example/kontakt"
        return found[0].evidence

    assert premium(tmp_path / "a", ["+48701234567"])["box"] == box
    # another number first on the page: the box is the link of the premium number, not the first tel: link
    assert premium(tmp_path / "b", ["+48221234567", "+48701234567"])["box"] == box
    # the premium number's link not rendered (a hidden duplicate): no box rather than another element's
    assert "box" not in premium(tmp_path / "c", ["+48221234567", "+48701234567"], unrendered=["(//a)[2]"])
