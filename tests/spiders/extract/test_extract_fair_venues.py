"""Venues written out in the text, where the gazetteer does not know them."""
from __future__ import annotations

from datetime import date

from spiders.extract.fairs import extract_fairs


def test_a_german_venue_keeps_its_city_adjective_and_stops_at_the_verb() -> None:
    text = "Die Kasseler Keramikmesse findet vom 3. bis 7. Mai 2027 auf dem Kasseler Messegelände statt."
    (fair,) = extract_fairs(text, language="de")
    assert fair.venue == "Kasseler Messegelände"


def test_a_venue_ends_at_a_lower_case_word() -> None:
    text = "La Foire de la poterie de Nabeul se tient du 2 au 9 mai 2027 au Parc des expositions du Cap Bon situé près du port."
    (fair,) = extract_fairs(text, language="fr")
    assert fair.venue == "Parc des expositions du Cap Bon"


def test_an_italian_fairground_word() -> None:
    text = "La Fiera del Rame di Brescia si terrà dal 4 al 6 giugno 2027 al polo fieristico di Montichiari ospitando 200 artigiani."
    (fair,) = extract_fairs(text, language="it")
    assert fair.venue == "polo fieristico di Montichiari"


def test_an_arabic_space_described_is_not_a_venue() -> None:
    text = "ينظم المعرض الجهوي للزربية من 3 إلى 9 ماي 2027 ويضم فضاء مخصصا لعرض منتوجات التعاونيات النسائية."
    (fair,) = extract_fairs(text, language="ar")
    assert fair.venue is None


def test_an_arabic_venue_with_its_article() -> None:
    text = "ينظم المعرض الجهوي للزربية من 3 إلى 9 ماي 2027 بالقرية الحرفية في مدينة أزرو."
    (fair,) = extract_fairs(text, language="ar")
    assert fair.venue == "القرية الحرفية في مدينة أزرو"


def test_a_fairground_named_as_a_partner_is_not_the_venue() -> None:
    text = "Il Salone del Vetro di Murano si terrà dal 4 al 6 giugno 2027, in accordo con Fiera Milano."
    (fair,) = extract_fairs(text, language="it")
    assert fair.venue is None


def test_a_fairground_after_a_preposition_is_the_venue() -> None:
    text = "Il Salone del Vetro di Murano si terrà dal 4 al 6 giugno 2027 presso Fiera Milano."
    (fair,) = extract_fairs(text, language="it")
    assert fair.venue == "Fiera Milano"


def test_the_venue_given_with_a_later_mention_of_the_fair() -> None:
    text = (
        "La Foire de la vannerie de Safi ouvre ses portes du 2 au 9 mai 2027. Une centaine de coopératives venues de "
        "toute la région présentent paniers, nattes et chapeaux tressés, et des ateliers initient les enfants au tressage "
        "du palmier nain pendant toute la semaine.\nCette année, la Foire de la vannerie de Safi se tient au "
        "Parc des expositions Moulay Youssef."
    )
    (fair,) = extract_fairs(text, language="fr")
    assert fair.venue == "Parc des expositions Moulay Youssef"


def test_a_venue_word_needs_a_proper_name_after_it() -> None:
    text = "La Foire de la vannerie de Safi se tient du 2 au 9 mai 2027 à l'espace Bab Chaaba."
    assert extract_fairs(text, language="fr")[0].venue == "espace Bab Chaaba"
    text = "La Foire de la vannerie de Safi se tient du 2 au 9 mai 2027 avec un espace réservé aux enfants."
    assert extract_fairs(text, language="fr")[0].venue is None


def test_a_text_about_one_fair_gives_it_the_venue_it_is_held_at_however_far() -> None:
    filler = " Les visiteurs ont découvert des pièces de cuivre, de cuir et de bois venues de tout le pays." * 4
    text = ("Le Salon régional du cuivre s'ouvre le 6 mai 2027 à Fès." + filler
            + " Les stands sont installés à l'espace Bab Makina pour toute la durée de la manifestation.")
    (fair,) = extract_fairs(text, language="fr")
    assert fair.venue == "espace Bab Makina"


def test_a_far_venue_is_not_given_when_the_text_names_several_fairs() -> None:
    filler = " Les visiteurs ont découvert des pièces de cuivre, de cuir et de bois venues de tout le pays." * 4
    text = ("Le Salon régional du cuivre s'ouvre le 6 mai 2027 et le Salon du cuir le 9 juin 2027." + filler
            + " Un concert a lieu à l'espace Bab Makina.")
    fairs = extract_fairs(text, language="fr")
    assert len(fairs) == 2 and all(f.venue is None for f in fairs)


def test_squares_promenades_and_german_halls_are_venues() -> None:
    cases = [
        ("fr", "Le Salon de l'artisanat de Tiznit se tient du 2 au 7 avril 2027 à la Place Al Mechouar.", "Place Al Mechouar"),
        ("es", "La Feria de Artesanía de Córdoba tendrá lugar del 2 al 7 de abril de 2027 en el Paseo de la Victoria.",
         "Paseo de la Victoria"),
        ("de", "Die Kunsthandwerkermesse Heidelberg findet vom 2. bis 7. April 2027 in der Stadthalle Heidelberg statt.",
         "Stadthalle Heidelberg"),
        ("it", "La Fiera dell'artigianato si svolgerà dal 2 al 7 aprile 2027 presso il Palazzo dei Congressi di Riccione.",
         "Palazzo dei Congressi di Riccione"),
        ("ar", "يحتضن قصر المؤتمرات بمراكش من 2 إلى 7 أبريل 2027 المعرض الدولي للزربية.", "قصر المؤتمرات"),  # "ب": "in" Marrakech, the city field
    ]
    for language, text, venue in cases:
        (fair,) = extract_fairs(text, language=language)
        assert fair.venue == venue, text


def test_taking_place_is_no_square() -> None:
    (fair,) = extract_fairs("Heimtextil takes place Jan 8-11, 2027 in Frankfurt.", language="en")
    assert fair.venue is None


def test_a_spanish_plaza_is_a_venue_and_no_town_square_is_medellins() -> None:
    (fair,) = extract_fairs("El Mercado Navideño de Artesanía abrirá sus puertas el 5 de diciembre de 2027 en la Plaza de "
                            "España.", language="es")
    assert fair.venue == "Plaza de España"
    (fair,) = extract_fairs("La Feria de Artesanía se celebra del 5 al 8 de diciembre de 2027 en la Plaza Mayor de Salamanca.",
                            language="es")
    assert (fair.venue, fair.city, fair.country) == ("Plaza Mayor de Salamanca", "Salamanca", "ES")
    (fair,) = extract_fairs("The New York Gift Fair opens on August 19, 2027; buyers met at the Plaza Hotel.", language="en")
    assert fair.venue != "Plaza Hotel"


def test_a_venue_does_not_end_on_a_coordinator() -> None:
    text = "La Feria de Cerámica de Talavera abre el 8 de diciembre de 2027 en el Palacio de Congresos de Toledo y cerrará el 12."
    (fair,) = extract_fairs(text, language="es")
    assert fair.venue == "Palacio de Congresos de Toledo"


def test_a_ground_named_after_its_fair_is_the_fair_when_it_is_held() -> None:
    (fair,) = extract_fairs("La Foire internationale de Casablanca se déroulera du 10 au 20 mai 2027 à l'OFEC.", language="fr")
    assert (fair.name, fair.start_date, fair.venue) == ("Foire internationale de Casablanca", date(2027, 5, 10), "OFEC")
    (hosted,) = extract_fairs("Le Salon du cuir se tiendra du 10 au 20 mai 2027 à la Foire internationale de Casablanca.",
                              language="fr")
    assert (hosted.name, hosted.venue) == ("Salon du cuir", "Foire internationale de Casablanca")


def test_arabic_common_words_are_neither_a_city_nor_a_venue() -> None:
    # "كان" (was) is also Cannes, "مقررا" (scheduled) starts like "مقر" (seat), "ليل" (night) is also Lille.
    text = ("أعلنت الوزارة عن تأجيل المعرض الوطني للصناعة التقليدية الذي كان مقررا من 5 إلى 12 مارس 2027 "
            "بالدار البيضاء، بعد ليل طويل.")
    (fair,) = extract_fairs(text, language="ar")
    assert (fair.city, fair.country, fair.venue, fair.status) == ("Casablanca", "MA", None, "postponed")


def test_maghreb_towns_in_arabic_and_a_medina_is_no_saudi_city() -> None:
    (algerian,) = extract_fairs("ينظم الصالون الوطني للفخار من 3 إلى 6 ماي 2027 بولاية سعيدة، وسط أجواء سعيدة.", language="ar")
    assert (algerian.city, algerian.country) == ("Saïda", "DZ")
    (tunisian,) = extract_fairs("تحتضن مدينة سيدي بوزيد من 3 إلى 6 ماي 2027 معرض الصناعات التقليدية.", language="ar")
    assert (tunisian.city, tunisian.country) == ("Sidi Bouzid", "TN")
    (moroccan,) = extract_fairs("Le Salon du cuir se tiendra du 3 au 6 mai 2027 dans la médina de Fès.", language="fr")
    assert (moroccan.city, moroccan.country) == ("Fès", "MA")


def test_a_listed_ground_written_with_a_space_for_its_hyphen() -> None:
    text = "Maison&Objet se tiendra du 22 au 26 janvier 2027 au Parc des expositions de Paris Nord Villepinte."
    (fair,) = extract_fairs(text, language="fr")
    assert (fair.venue, fair.city) == ("Parc des expositions de Paris Nord Villepinte", "Paris")


def test_arabic_halls_and_venues_that_stop_where_the_sentence_goes_on() -> None:
    (hall,) = extract_fairs("تحتضن قاعة المعارض بمدينة أكادير، ما بين 10 و 20 نونبر 2027، فعاليات الدورة الأولى لمعرض المنتجات المجالية.",
                            language="ar")
    assert (hall.venue, hall.city, hall.edition) == ("قاعة المعارض", "Agadir", 1)
    (square,) = extract_fairs("انطلقت أمس بساحة الحبول بمكناس فعاليات سوق التضامن للصناعة التقليدية الذي يستمر إلى 15 غشت 2027.",
                              language="ar")
    assert (square.venue, square.end_date) == ("ساحة الحبول", date(2027, 8, 15))


def test_a_listing_line_keeps_its_own_city() -> None:
    text = ("Agenda des salons 2027\n12-14 mars 2027 | Salon de l'artisanat | Casablanca\n"
            "3-6 avril 2027 | Foire du tapis | Taznakht")
    cities = {f.name: f.city for f in extract_fairs(text, language="fr")}
    assert cities == {"Salon de l'artisanat": "Casablanca", "Foire du tapis": "Taznakht"}


def test_the_exhibitors_home_town_is_not_the_fairs_city() -> None:
    (fair,) = extract_fairs("Artisans from Fez will exhibit at the Leeds Basket Fair, held 11-13 July 2027.", language="en")
    assert fair.city == "Leeds"
    (other,) = extract_fairs("Des exposants venus de Fès présenteront leurs tapis au Salon du cuir, du 3 au 6 mai 2027.", language="fr")
    assert other.city is None


def test_an_event_blocks_labelled_date_and_place_are_the_fairs() -> None:
    text = "Event name: Weavers Fair Bristol\nDate: 5th April 2027\nLocation: Bristol Harbourside"
    (fair,) = extract_fairs(text, language="en")
    assert (fair.start_date, fair.city, fair.venue) == (date(2027, 4, 5), "Bristol", "Bristol Harbourside")
    (town,) = extract_fairs("Salon du tapis de Taznakht\nDates : du 18 au 22 septembre 2027\nLieu : Taznakht", language="fr")
    assert (town.city, town.venue) == ("Taznakht", None)


def test_a_cultural_centre_or_a_hall_named_after_someone_is_the_venue() -> None:
    texts = {
        "Le Salon de la vannerie de Saumur aura lieu du 6 au 8 mai 2027 au centre culturel Pierre-Loti.":
            "centre culturel Pierre-Loti",
        "La Foire aux potiers de Bandol se tient les 5 et 6 juin 2027 à la salle des fêtes Jean-Moulin.":
            "salle des fêtes Jean-Moulin",
        "Rendez-vous du 9 au 11 avril 2027 au centre Saint-Roch pour le Salon du cuir de Millau.": "centre Saint-Roch",
    }
    for text, venue in texts.items():
        (fair,) = extract_fairs(text, language="fr")
        assert fair.venue == venue, text


def test_a_towns_centre_is_no_venue() -> None:
    text = "Le Salon régional du tapis se tiendra du 3 au 7 mars 2027 au centre de Marrakech."
    (fair,) = extract_fairs(text, language="fr")
    assert (fair.city, fair.venue) == ("Marrakech", None)


def test_a_venue_named_with_a_coordinator_and_one_cut_before_an_edition_number() -> None:
    (quilts,) = extract_fairs("The Harbour Quilt Fair runs from 4 to 8 May 2027 at the Arts and Culture Centre in Halifax.",
                              language="en")
    assert quilts.venue == "Arts and Culture Centre"
    (mostra,) = extract_fairs("Dal 3 al 6 giugno 2027 apre presso il quartiere fieristico di Forlì la 31ª edizione della "
                              "Fiera del Rame.", language="it")
    assert mostra.venue == "quartiere fieristico di Forlì"


def test_an_arabic_venue_ends_where_its_town_follows() -> None:
    text = "افتتح يوم 4 ماي 2027 المعرض الجهوي للزربية الذي يحتضنه فضاء النخيل بالحي الحسني بالدار البيضاء إلى غاية 9 ماي 2027."
    (fair,) = extract_fairs(text, language="ar")
    assert (fair.city, fair.venue) == ("Casablanca", "فضاء النخيل بالحي الحسني")


def test_a_venue_word_inside_another_events_name_is_no_venue() -> None:
    text = ("La XII Feria de Alfarería abre el viernes 2 de julio de 2027 en Almagro, coincidiendo con el Festival "
            "Internacional de Teatro Clásico.")
    (fair,) = extract_fairs(text, language="es")
    assert (fair.series, fair.edition, fair.venue) == ("Feria de Alfarería", 12, None)


def test_an_article_is_no_proper_name_before_a_venue_word_and_a_market_place_is_no_fair() -> None:
    (fair,) = extract_fairs("Salon du cuir de Safi : Un espace pour les jeunes artisans\nOrganisé du 3 au 9 mai 2027, le "
                            "Salon du cuir de Safi réunit 80 artisans.", language="fr")
    assert fair.venue is None
    assert extract_fairs("Stalls fill the Kingsbridge Market Place on 4 June 2027.", language="en") == []


def test_towns_that_name_a_region_give_way_to_the_fairs_own_town() -> None:
    (rugs,) = extract_fairs("تنظم غرفة الصناعة التقليدية لجهة فاس مكناس المعرض الجهوي للزربية من 3 إلى 9 ماي 2027 "
                            "بساحة باب بوجلود بفاس.", language="ar")
    assert (rugs.city, rugs.venue) == ("Fès", "ساحة باب بوجلود")
    # Named by its region only, a fair is placed in the region's seat, the town named first.
    (cloth,) = extract_fairs("تنظم غرفة الصناعة التقليدية لجهة الدار البيضاء سطات المعرض الجهوي للنسيج من 3 إلى 9 ماي 2027.",
                             language="ar")
    assert cloth.city == "Casablanca"
    (leather,) = extract_fairs("La Chambre de la région Fès-Meknès organise le Salon du cuir du 3 au 9 mai 2027 à Meknès.",
                               language="fr")
    assert leather.city == "Meknès"


def test_more_kinds_of_venue_written_out() -> None:
    (fair,) = extract_fairs("The Kilim Show returns September 14-16, 2027, at the Harbourside Exposition Center in Secaucus, NJ.",
                            language="en")
    assert (fair.venue, fair.city, fair.country) == ("Harbourside Exposition Center", "Secaucus", "US")
    (fair,) = extract_fairs("Der Weihnachtsmarkt der Töpfer öffnet am 16. November 2027 auf dem Neuen Platz in Klagenfurt.",
                            language="de")
    assert fair.venue == "Neuen Platz"


def test_a_landmark_seen_is_not_a_venue() -> None:
    (fair,) = extract_fairs("The Harbour Gift Fair opens on August 19, 2027 in New York. From the bridge we could see the "
                            "Liberty Trade Center lit up.", language="en")
    assert fair.venue is None


def test_an_arabic_venue_keeps_the_name_it_bears_in_brackets() -> None:
    (fair,) = extract_fairs("افتتح المعرض الوطني للفخار بدار الثقافة (محمد ديب) بتلمسان من 3 إلى 9 ماي 2027.", language="ar")
    assert fair.venue == "دار الثقافة (محمد ديب)"


def test_the_town_right_after_the_name_beats_a_town_named_later() -> None:
    text = ("Este ano há Feira de Cerâmica em Vila do Conde, de 24 de julho a 8 de agosto de 2027."
            " O tema foi inspirado numa conferência em Lisboa.")
    (fair,) = extract_fairs(text, language="pt")
    assert (fair.city, fair.country) == ("Vila do Conde", "PT")


def test_a_town_of_several_words_ends_the_name_and_a_venue_stops_before_the_next_fair() -> None:
    (fair,) = extract_fairs("A Feira de Cerâmica de Vila do Conde decorre de 24 de julho a 8 de agosto de 2027.", language="pt")
    assert fair.city == "Vila do Conde"
    text = ("Se inauguró en la Plaza de la Constitución de Santiago la II Feria Nacional de Artesanías, "
            "del 1 al 5 de diciembre de 2027.")
    (feria,) = extract_fairs(text, language="es")
    assert feria.venue == "Plaza de la Constitución de Santiago"
