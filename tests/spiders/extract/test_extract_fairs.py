from __future__ import annotations

from datetime import date

from extract_fixtures import FIXTURES, expected, page
from spiders.extract.fairs import ExtractedFair, extract_fairs, parse_ical


def _as_dict(fair: ExtractedFair) -> dict[str, object]:
    return {
        "name": fair.name, "start_date": fair.start_date.isoformat() if fair.start_date else None,
        "end_date": fair.end_date.isoformat() if fair.end_date else None, "city": fair.city,
        "country": fair.country, "venue": fair.venue, "url": fair.url,
    }


def _check(found: list[ExtractedFair], wanted: list[dict[str, object]]) -> None:
    got = {f.name: f for f in found}
    for want in wanted:
        assert want["name"] in got, (want["name"], list(got))
        fair = got[str(want["name"])]
        actual = _as_dict(fair)
        for key, value in want.items():
            if key == "crafts_include":
                assert set(value) <= set(fair.crafts)  # type: ignore[arg-type]
            else:
                assert actual[key] == value, key


def test_jsonld_event_page() -> None:
    want = expected("fair_event_jsonld.html")
    fairs = extract_fairs(page("fair_event_jsonld.html"), want["url"])
    _check(fairs, want["fairs"])
    (fair,) = [f for f in fairs if f.start_date == date(2026, 3, 12)]
    assert fair.url == want["url"]


def test_french_free_text_listing() -> None:
    want = expected("fairs_listing_fr.txt")
    text = (FIXTURES / "fairs_listing_fr.txt").read_text(encoding="utf-8")
    fairs = extract_fairs(text, None, "fr")
    _check(fairs, want["fairs"])
    assert len(fairs) == len(want["fairs"])
    week = next(f for f in fairs if f.name.startswith("Semaine"))
    assert week.series == "Semaine Nationale de l'Artisanat"  # the name as written; the known fair as series
    leather = next(f for f in fairs if "cuir" in f.name)
    assert leather.registration_deadline == date(2026, 1, 31)
    assert "cuir" in leather.crafts


def test_ical() -> None:
    want = expected("fairs.ics")
    _check(parse_ical(page("fairs.ics")), want["fairs"])


def test_year_less_dates_use_page_date_only_when_given() -> None:
    text = "Le Salon national de la poterie de Safi se tiendra du 12 au 16 mars à Safi."
    (undated,) = extract_fairs(text, language="fr")
    assert undated.start_date is None and undated.city == "Safi"
    (dated,) = extract_fairs(text, language="fr", page_date=date(2026, 1, 20))
    assert (dated.start_date, dated.end_date) == (date(2026, 3, 12), date(2026, 3, 16))


def test_arabic_announcement() -> None:
    text = "تنظم دار الصانع المعرض الوطني للصناعة التقليدية بمدينة مراكش ما بين 9 و15 فبراير 2026."
    (fair,) = extract_fairs(text, language="ar")
    assert (fair.start_date, fair.end_date, fair.city, fair.country) == (date(2026, 2, 9), date(2026, 2, 15), "Marrakech", "MA")
    assert fair.name.startswith("المعرض الوطني")


def test_garbage_input() -> None:
    assert extract_fairs(b"") == []
    assert extract_fairs("nothing to see here") == []
    assert parse_ical(b"not a calendar") == []


def test_known_fairs_of_a_text_that_dates_none_are_all_kept() -> None:
    text = "Los organizadores de Ambiente y Heimtextil anunciaron nuevas fechas, que se comunicarán en las próximas semanas."
    fairs = extract_fairs(text, language="es")
    assert sorted((f.name, f.start_date) for f in fairs) == [("Ambiente", None), ("Heimtextil", None)]


def test_website_written_next_to_the_fair_or_declared_by_the_event() -> None:
    text = "La Foire de la poterie de Safi se tient du 2 au 9 mai 2027 (site officiel : www.foire-safi.ma)."
    assert extract_fairs(text, language="fr")[0].website == "https://www.foire-safi.ma"
    page = (
        '<html><head><script type="application/ld+json">{"@type": "Event", "name": "Safi Pottery Fair",'
        ' "startDate": "2027-05-02", "endDate": "2027-05-09", "url": "https://pottery-safi.example/",'
        ' "sameAs": ["https://facebook.com/safipottery"]}</script></head><body><p>Safi Pottery Fair</p></body></html>'
    )
    assert extract_fairs(page, "https://news.example/a")[0].website == "https://pottery-safi.example/"


def test_organizer_ends_before_a_partner() -> None:
    text = ("La Foire de la vannerie de Safi, organisée par la Chambre d'artisanat de Safi en partenariat avec la commune, "
            "se tient du 2 au 9 mai 2027.")
    assert extract_fairs(text, language="fr")[0].organizer == "Chambre d'artisanat de Safi"
    text = "ينظم المعرض الجهوي للزربية من 3 إلى 9 ماي 2027، المنظم من طرف غرفة الصناعة التقليدية لجهة سوس بشراكة مع الجماعة."
    assert extract_fairs(text, language="ar")[0].organizer == "غرفة الصناعة التقليدية لجهة سوس"


def test_organizer_named_sentences_away_from_the_dates() -> None:
    text = ("Le Salon régional de la poterie ouvre le 4 mai 2027 à Safi.\n"
            "Soixante potiers y exposent leurs pièces.\nCette édition est organisée par la Chambre d'artisanat de Safi.")
    assert extract_fairs(text, language="fr")[0].organizer == "Chambre d'artisanat de Safi"


def test_arabic_organizer_after_a_leading_verb() -> None:
    text = "تنظم غرفة الصناعة التقليدية لجهة فاس مكناس المعرض الجهوي للزربية من 3 إلى 9 ماي 2027 بمدينة فاس."
    assert extract_fairs(text, language="ar")[0].organizer == "غرفة الصناعة التقليدية لجهة فاس مكناس"


def test_edition_number_named_away_from_the_dates() -> None:
    text = ("Le Salon national du tapis ouvre le 4 mai 2027 à Rabat.\n"
            "Cent tisserandes y exposent.\nCette 12e édition met à l'honneur les tapis de l'Atlas.")
    assert extract_fairs(text, language="fr")[0].edition == 12


def test_listing_cards_keep_each_lines_place_and_a_headings_year_is_the_editions() -> None:
    page = ("<html><body><h1>Agenda</h1>"
            "<div><h3>Salon des potiers</h3><p>Du 3 au 6 avril 2027</p><p>Lyon, France</p></div>"
            "<div><h3>Foire de la faïence</h3><p>Du 10 au 12 mai 2027</p><p>Vallauris, France</p></div>"
            "<div><h3>Artexpo</h3><p>Du 20 au 22 juin 2027</p><p>Nantes, France</p></div></body></html>")
    assert [(f.name, f.city) for f in extract_fairs(page.encode())] == [
        ("Salon des potiers", "Lyon"), ("Foire de la faïence", "Vallauris"), ("Artexpo", "Nantes")]
    single = ("<html><body><h1>Atlas Rug Show 2027</h1><dl><dt>Dates</dt><dd>12-15 June 2027</dd>"
              "<dt>Venue</dt><dd>Olympia London</dd></dl><p>The Atlas Rug Show gathers weavers.</p></body></html>")
    (fair,) = extract_fairs(single.encode())
    assert (fair.name, fair.start_date, fair.venue) == ("Atlas Rug Show", date(2027, 6, 12), "Olympia London")


def test_a_date_under_a_line_that_is_only_the_fairs_name_is_the_fairs() -> None:
    (fair,) = extract_fairs("Yorkshire Weavers Fair\nMay 10, 2027\nHarrogate", language="en")
    assert fair.start_date == date(2027, 5, 10)


def test_markup_declares_status_organiser_and_an_address_written_out() -> None:
    page = ('<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"ExhibitionEvent",'
            '"name":"Salon du Cuir 2027","startDate":"2027-03-12","endDate":"2027-03-14",'
            '"eventStatus":"https://schema.org/EventPostponed","location":{"@type":"Place","name":"Palais des Congrès",'
            '"address":{"@type":"PostalAddress","addressLocality":"Marrakech","addressCountry":"MA"}},'
            '"organizer":{"@type":"Organization","name":"Maison de l\'Artisan"}}</script></head>'
            '<body><h1>Salon du Cuir 2027</h1></body></html>')
    (fair,) = extract_fairs(page.encode())
    assert (fair.name, fair.status, fair.organizer, fair.city) == ("Salon du Cuir", "postponed", "Maison de l'Artisan", "Marrakech")
    graph = ('<html><head><script type="application/ld+json">{"@context":"https://schema.org","@graph":['
             '{"@type":"Event","name":"Pottery Days","startDate":"2027-05-01","location":{"@type":"Place",'
             '"name":"Town Hall","address":"12 High St, Bath, UK"}},'
             '{"@type":"Event","name":"Weavers Market","startDate":"2027-06-10","location":"Leeds"}]}</script></head></html>')
    assert [(f.city, f.country, f.venue) for f in extract_fairs(graph.encode())] == [
        ("Bath", "GB", "Town Hall"), ("Leeds", "GB", None)]


def test_a_directory_whose_date_lines_head_each_fair() -> None:
    page = ("<html><body><h1>Fairs</h1><table>"
            "<tr><td>07 Feb - 11 Feb 2027</td><td><a href='/a'>Potterama Fair</a><br><small>Leeds, United Kingdom</small></td></tr>"
            "<tr><td>16 Jan - 20 Jan 2027</td><td><a href='/b'>Maison&amp;Objet</a><br><small>Paris, France</small></td></tr>"
            "<tr><td>12 Mar - 15 Mar 2027</td><td><a href='/c'>Deco Atlas Expo</a><br><small>Casablanca, Morocco</small></td></tr>"
            "</table></body></html>")
    dated = {f.city: f.start_date for f in extract_fairs(page.encode())}
    assert dated == {"Leeds": date(2027, 2, 7), "Paris": date(2027, 1, 16), "Casablanca": date(2027, 3, 12)}
