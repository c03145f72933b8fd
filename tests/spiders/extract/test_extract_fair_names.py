"""Fair names in running text: one line per name, fairgrounds are no fairs, appositions describe."""
from __future__ import annotations

from datetime import date

from spiders.extract.fairs import extract_fairs

_ARABIC_PAGE = """الرئيسية › المعارض › المعرض الوطني للصناعة التقليدية
المعرض الوطني للصناعة التقليدية
تنظم وزارة السياحة والصناعة التقليدية
المعرض الوطني للصناعة التقليدية من 8 إلى 17 يناير 2027
بمعرض الدار البيضاء الدولي، شارع سيدي محمد بن عبد الله، الدار البيضاء.
ويشارك في هذه الدورة أزيد من 500 عارض."""


def test_arabic_name_stops_at_the_line_end_and_the_fairground_is_no_fair() -> None:
    fairs = extract_fairs(_ARABIC_PAGE, "https://salons.example/salons/x/", "fr", date(2026, 11, 29))
    assert [(f.name, f.start_date, f.end_date, f.city, f.country) for f in fairs] == [
        ("المعرض الوطني للصناعة التقليدية", date(2027, 1, 8), date(2027, 1, 17), "Casablanca", "MA"),
    ]


def test_fair_named_only_with_the_locative_proclitic() -> None:
    text = "يشارك 40 عارضا من 16 ولاية، بالصالون الوطني للصناعة التقليدية الذي يحتضنه قصر الثقافة بقسنطينة من 10 إلى 17 يونيو 2021."
    (fair,) = extract_fairs(text, None, "ar", date(2021, 6, 12))
    assert fair.name == "الصالون الوطني للصناعة التقليدية"


def test_apposition_describes_the_named_fair() -> None:
    text = (
        "Intergift\nIntergift, el Salón Internacional del Regalo y la Decoración,\n"
        "se celebrará del 27 de febrero al 2 de marzo de 2027 en IFEMA MADRID (Madrid, España)."
    )
    (fair,) = extract_fairs(text, None, "es", date(2026, 11, 29))
    assert (fair.name, fair.start_date, fair.city) == ("Intergift", date(2027, 2, 27), "Madrid")


def test_elided_italian_article_continues_a_name() -> None:
    text = "Si apre il 5 maggio 2027 a Bologna la Mostra Regionale dell’Intreccio, con 80 espositori."
    (fair,) = extract_fairs(text, None, "it")
    assert (fair.name, fair.start_date) == ("Mostra Regionale dell’Intreccio", date(2027, 5, 5))


def test_lower_case_head_takes_only_a_genitive() -> None:
    text = "Ogni bottega mostra la propria arte. La foire pour rendre hommage aux potiers n'a pas de date."
    assert extract_fairs(text, None, "it") == []
    (fair,) = extract_fairs("La foire du tapis de Taznakht ouvre le 2 mars 2027.", None, "fr")
    assert fair.name == "Foire du tapis de Taznakht"


def test_accented_verb_ends_a_name_and_a_preposition_opens_none() -> None:
    (fair,) = extract_fairs("Quest'anno la Fiera del Rame è digitale, dal 3 al 5 ottobre 2027.", None, "it")
    assert fair.name == "Fiera del Rame"
    assert extract_fairs("Ten Tips Before The Trade Show", None, "en") == []


def test_one_word_expo_compound_is_a_name_and_exposicion_is_not() -> None:
    text = "Expoceramica regresa a Talavera del 8 al 12 de junio de 2027. Exposición de piezas y Expositores invitados."
    (fair,) = extract_fairs(text, None, "es")
    assert (fair.name, fair.start_date, fair.end_date) == ("Expoceramica", date(2027, 6, 8), date(2027, 6, 12))


def test_arabic_venue_stops_at_the_comma_and_the_relative_clause() -> None:
    text = "افتتح المعرض الجهوي للزربية بقصر المؤتمرات بورزازات الذي انطلق منذ يومين، من 4 إلى 9 مارس 2027."
    (fair,) = extract_fairs(text, None, "ar")
    assert (fair.venue, fair.city) == ("قصر المؤتمرات", "Ouarzazate")
    text = "ينظم المعرض الجهوي للفخار بساحة المسيرة الخضراء، بمدينة آسفي من 4 إلى 9 مارس 2027."
    (fair,) = extract_fairs(text, None, "ar")
    assert fair.venue == "ساحة المسيرة الخضراء"


def test_arabic_name_joined_with_and_and_a_sector_after_in() -> None:
    text = "تنطلق الدورة الثالثة لصالون الإبداع في الصناعات التقليدية و فنون الطبخ من 3 إلى 9 ماي 2027 بمدينة صفاقس."
    (fair,) = extract_fairs(text, language="ar")
    assert fair.name == "صالون الإبداع في الصناعات التقليدية و فنون الطبخ"


def test_arabic_name_ends_before_in_a_city() -> None:
    text = "ينظم المعرض الجهوي للزربية في الرباط من 3 إلى 9 ماي 2027."
    (fair,) = extract_fairs(text, language="ar")
    assert fair.name == "المعرض الجهوي للزربية"


def test_a_predicate_describes_the_fair_it_follows() -> None:
    text = (
        "Die Kasseler Keramikmesse ist die wichtigste Leistungsschau der Töpfer in Hessen. "
        "Sie findet seit 1961 in Kassel statt, in diesem Jahr von Mittwoch, 8. März, bis Dienstag, 14. März 2027."
    )
    fairs = extract_fairs(text, language="de")
    assert [(f.name, f.start_date, f.end_date) for f in fairs] == [
        ("Kasseler Keramikmesse", date(2027, 3, 8), date(2027, 3, 14)),
    ]


def test_a_city_s_trade_fair_is_a_description() -> None:
    text = "Visitors to Malaga's Trade Fair saw rugs and lamps; the Riverside Pottery Fair runs from 4 to 6 March 2027."
    assert [f.name for f in extract_fairs(text, language="en")] == ["Riverside Pottery Fair"]


def test_arabic_name_with_a_city_after_the_head() -> None:
    text = "تنطلق فعاليات مهرجان صفاقس للفخار والخزف من 3 إلى 9 ماي 2027 بمشاركة 120 حرفيا."
    (fair,) = extract_fairs(text, language="ar")
    assert (fair.name, fair.city) == ("مهرجان صفاقس للفخار والخزف", "Sfax")


def test_quotes_after_a_head_word_end_the_name_whatever_its_case() -> None:
    text = "El 4 de marzo de 2027 se inaugurará en Toledo la II Feria ‘Barro y oficio’, con 30 alfareros."
    (fair,) = extract_fairs(text, None, "es")
    assert (fair.name, fair.start_date, fair.city) == ("Feria ‘Barro y oficio’", date(2027, 3, 4), "Toledo")


def test_a_quoted_arabic_name_that_opens_with_its_head() -> None:
    text = "افتتح يوم 12 مارس 2027 “مهرجان نسيج” للحرف اليدوية بمدينة فاس بمشاركة 50 حرفيا."
    (fair,) = extract_fairs(text, None, "ar")
    assert (fair.name, fair.start_date) == ("مهرجان نسيج", date(2027, 3, 12))


def test_arabic_days_name_a_fair() -> None:
    text = "تنطلق الأيام التجارية للفخار بمدينة آسفي من 3 إلى 9 أبريل 2027 بمشاركة 40 حرفيا."
    (fair,) = extract_fairs(text, None, "ar")
    assert (fair.name, fair.start_date, fair.end_date) == ("الأيام التجارية للفخار", date(2027, 4, 3), date(2027, 4, 9))


def test_a_quoted_name_after_a_naming_word() -> None:
    text = "Du 3 au 6 juin 2027, la coopérative organise à Safi un salon baptisé « Terre et Feu » avec 20 potiers."
    (fair,) = extract_fairs(text, None, "fr")
    assert (fair.name, fair.start_date) == ("Terre et Feu", date(2027, 6, 3))


def test_a_quoted_arabic_name_after_ism() -> None:
    text = "نظمت جمعية الحرفيين معرضا للصناعة التقليدية اختارت له اسم «بيت الصانعة» أيام 3 و4 و5 يونيو 2027 بمدينة آسفي."
    (fair,) = extract_fairs(text, None, "ar")
    assert (fair.name, fair.start_date) == ("بيت الصانعة", date(2027, 6, 3))


def test_an_arabic_name_written_twice_after_its_head_is_a_name() -> None:
    text = ("مهرجان صيف الجبل\n\nدعا مدير مهرجان صيف الجبل الحرفيين إلى المشاركة في الدورة التي تنطلق يوم 3 يونيو 2027.")
    (fair,) = extract_fairs(text, None, "ar")
    assert (fair.name, fair.start_date) == ("مهرجان صيف الجبل", date(2027, 6, 3))


def test_an_arabic_head_before_a_verb_names_nothing() -> None:
    assert extract_fairs("المعرض يمثل فرصة للحرفيين. المعرض يمثل واجهة.", None, "ar") == []


def test_a_name_with_its_acronym_or_short_name_in_brackets_is_one_fair() -> None:
    from spiders.extract.fair_names import find_fair_names

    (siel,) = find_fair_names("Le Salon international de l'édition et du livre (SIEL) ouvre le 3 mai 2027.")
    assert siel.acronym == "SIEL"
    text = "El Salón Internacional del Regalo y Decoración (Intergift) reunirá del 10 al 13 de septiembre de 2027 en Ifema Madrid."
    assert [f.name for f in extract_fairs(text, language="es")] == ["Intergift"]


def test_names_followed_by_their_dates_in_brackets() -> None:
    from spiders.extract.fair_names import find_fair_names

    text = "Le duo Tapisart/Cuirexpo (3 au 6 mai 2027) précède la Grande Braderie (10 juin 2027)."
    assert [m.name for m in find_fair_names(text)] == ["Tapisart", "Cuirexpo", "Grande Braderie"]
    assert find_fair_names("Registration Deadline (May 1, 2027)") == []
    (fair,) = extract_fairs("Kurz vor der Leitmesse Keramikwelt (4. bis 7. März 2027) melden sich 300 Aussteller an.", None, "de")
    assert (fair.name, fair.start_date.isoformat()) == ("Keramikwelt", "2027-03-04")


def test_a_quoted_capitalised_name_ending_in_week_is_a_fair() -> None:
    from spiders.extract.fair_names import find_fair_names

    text = "The cultural village presents the ‘Atlas Pottery Week’ from 2 to 9 May 2027."
    assert [m.name for m in find_fair_names(text)] == ["Atlas Pottery Week"]


def test_a_lower_case_head_with_only_an_adjective_is_no_name_unless_numbered() -> None:
    from spiders.extract.fair_names import find_fair_names

    assert find_fair_names("ubicar las artesanías en el mercado nacional y en el exterior") == []
    assert [m.name for m in find_fair_names("La XXVIII feria nacional se realizará en el centro.")] == ["XXVIII feria nacional"]


def test_a_name_right_after_a_verb_of_being_held() -> None:
    (fair,) = extract_fairs("Du 12 au 15 octobre 2027 se tiendront les Rencontres potières de Safi, place du marché.", None, "fr")
    assert (fair.name, fair.start_date.isoformat()) == ("Rencontres potières de Safi", "2027-10-12")


def test_the_edition_of_a_lower_case_fair_names_it() -> None:
    from spiders.extract.fair_names import find_fair_names

    text = "The 5th edition of the regional pottery and copper exhibition opened on 3 May 2027 in Safi."
    assert [m.name for m in find_fair_names(text)] == ["regional pottery and copper exhibition"]


def test_a_publisher_and_its_date_opening_a_line_is_no_fair() -> None:
    from spiders.extract.fair_names import find_fair_names

    assert find_fair_names("Safi Info (May 4, 2027) — The potters gathered.") == []


def test_the_trades_own_fair_is_no_name() -> None:
    text = ("La Fiera della Ceramica di Riva apre il 3 marzo 2027: è la fiera internazionale del settore"
            " più attesa, dal 3 al 6 marzo 2027.")
    assert [f.name for f in extract_fairs(text, language="it")] == ["Fiera della Ceramica di Riva"]


def test_exhibition_words_of_spain_italy_and_portugal_head_a_name() -> None:
    for language, text, name in (
            ("es", "La Muestra de Artesanía de Cuenca se celebra del 3 al 7 de mayo de 2027.", "Muestra de Artesanía de Cuenca"),
            ("it", "La Rassegna dell'artigianato di Assisi si tiene dal 3 al 7 maggio 2027.", "Rassegna dell'artigianato di Assisi"),
            ("es", "La Exposición de Cerámica de Talavera abre del 3 al 7 de mayo de 2027.", "Exposición de Cerámica de Talavera")):
        assert [f.name for f in extract_fairs(text, language=language)] == [name]


def test_an_undated_fair_the_text_opens_with_is_its_subject_when_another_is_named_as_often() -> None:
    text = (
        "« Salon du Tapis de Midelt » réunit chaque année les tisserandes du Moyen Atlas. Les coopératives "
        "y vendent des tapis de laine et des couvertures. Plusieurs acheteurs étrangers ont visité cette année "
        "encore les stands, avant de se rendre à la Foire Artisanale d'Azrou, organisée par la commune."
    )
    fairs = extract_fairs(text, None, "fr", date(2026, 11, 29))
    assert [(f.name, f.start_date) for f in fairs] == [("Salon du Tapis de Midelt", None)]
    opening = ("Dans les villages du Moyen Atlas, la laine est lavée, cardée et filée à la main pendant tout l'hiver, "
               "puis teinte avec des plantes que les femmes ramassent au printemps sur les pentes autour des douars. ")
    later = opening + text[text.index("Les coopératives"):] + " « Salon du Tapis de Midelt » les accueille aussi."
    assert [f.name for f in extract_fairs(later, None, "fr", date(2026, 11, 29))] == []


def test_a_purpose_after_the_head_word_is_not_part_of_the_name() -> None:
    from spiders.extract.fair_names import find_fair_names
    names = [m.name for m in find_fair_names("Des acheteurs ont visité le Salon pour découvrir les tapis exposés.")]
    assert "Salon pour découvrir" not in names
    names = [m.name for m in find_fair_names("Le Salon pour l'Habitat de Tanger ouvre ses portes.")]
    assert "Salon pour l'Habitat de Tanger" in names


def test_a_name_in_apposition_to_a_fair_noun() -> None:
    from spiders.extract.fair_names import find_fair_names
    text = "Buyers from 40 countries came to the region's largest rug and textile fair, Atlas Weave, in March."
    assert "Atlas Weave" in [m.name for m in find_fair_names(text)]
    listed = "Tendence Fair, Nordstil, Heim Expo, and many more"
    assert "Nordstil" not in [m.name for m in find_fair_names(listed)]


def test_a_brands_edition_abroad_is_its_own_fair_with_its_own_country() -> None:
    text = ("Design shows this season\nINDEX Dubai 31 May – 2 June 2027 | INDEX Saudi Arabia 28 Feb – 2 Mar 2027\n"
            "Both shows gather interior designers, furniture makers and suppliers of decorative textiles.")
    fairs = extract_fairs(text, None, "en", date(2026, 11, 29))
    assert [(f.name, f.start_date, f.city, f.country) for f in fairs] == [
        ("INDEX Dubai", date(2027, 5, 31), "Dubai", "AE"),
        ("INDEX Saudi Arabia", date(2027, 2, 28), None, "SA"),
    ]


def test_each_fair_of_a_sentence_keeps_its_own_status_and_a_short_reference_gives_its_dates() -> None:
    text = ("Trade shows after the Omicron wave\nThe Leather Goods Show (due at the end of January) has been cancelled "
            "this year, while Atlas Weave Expo, which was due this month, has been postponed. The Atlas show will now "
            "happen 27-29 March 2027 at Glasgow’s SEC.")
    fairs = {f.name: f for f in extract_fairs(text, None, "en", date(2026, 11, 29))}
    weave = fairs["Atlas Weave Expo"]
    assert (weave.start_date, weave.status, weave.venue, weave.city, weave.country) == (
        date(2027, 3, 27), "postponed", "SEC", "Glasgow", "GB")


def test_a_city_in_the_fairs_own_name_beats_a_fairground_of_another_city() -> None:
    text = ("La Foire de Paris ouvrira du 29 avril au 10 mai 2027 au Paris Expo Porte de Versailles. "
            "Enfin, le Salon régional de la vannerie d'Essaouira aura lieu du 18 au 21 mai 2027.")
    fairs = {f.name: f for f in extract_fairs(text, None, "fr", date(2026, 11, 29))}
    essaouira = fairs["Salon régional de la vannerie d'Essaouira"]
    assert (essaouira.city, essaouira.venue) == ("Essaouira", None)


def test_a_german_compound_takes_the_town_written_after_it() -> None:
    fairs = extract_fairs("Die Frühjahrsmesse Dresden öffnet am 12. März 2027 ihre Tore.", None, "de", date(2026, 11, 29))
    assert [(f.name, f.start_date) for f in fairs] == [("Frühjahrsmesse Dresden", date(2027, 3, 12))]
    fairs = extract_fairs("Der Töpfermarkt Diessen lädt vom 14. bis 16. Mai 2027 an den Ammersee.", None, "de",
                          date(2026, 11, 29))
    assert [f.name for f in fairs] == ["Töpfermarkt Diessen"]
    assert extract_fairs("Die Frühjahrsmesse lockte vom 3. bis 5. Mai 2027 Besucher an.", None, "de", date(2026, 11, 29)) == []


def test_capitalised_market_and_days_head_a_name_after_an_article() -> None:
    names = [f.name for f in extract_fairs("Le Marché de Noël des artisans se tiendra du 1er au 24 décembre 2027 à "
                                           "Strasbourg.", None, "fr", date(2026, 11, 29))]
    assert names == ["Marché de Noël des artisans"]
    names = [f.name for f in extract_fairs("Les Journées européennes des métiers d'art auront lieu du 2 au 7 avril 2027.",
                                           None, "fr", date(2026, 11, 29))]
    assert names == ["Journées européennes des métiers d'art"]
    assert extract_fairs("Le marché de l'emploi a progressé du 2 au 7 avril 2027.", None, "fr", date(2026, 11, 29)) == []


def test_two_fair_words_make_one_head() -> None:
    fairs = extract_fairs("Dal 3 al 5 maggio 2027 torna a Cagliari la Mostra mercato dell'artigianato sardo.", None, "it",
                          date(2026, 11, 29))
    assert [f.name for f in fairs] == ["Mostra mercato dell'artigianato"]


def test_an_arabic_city_glued_to_its_preposition() -> None:
    fairs = extract_fairs("تنظم غرفة الصناعة التقليدية الدورة الخامسة لمعرض الزربية بأكادير من 1 إلى 7 يوليوز 2027.",
                          None, "ar", date(2026, 11, 29))
    assert [(f.city, f.country, f.edition) for f in fairs] == [("Agadir", "MA", 5)]
    from spiders.extract.fair_vocab import find_cities
    assert [m.entry.name for m in find_cities("زار وجدة ثم بفاس")] == ["Oujda", "Fès"]


def test_a_french_town_fair_is_a_fair_but_a_town_fairground_is_not() -> None:
    fairs = extract_fairs("La Foire de Meknès se tient du 2 au 7 avril 2027.", None, "fr", date(2026, 11, 29))
    assert [(f.name, f.city) for f in fairs] == [("Foire de Meknès", "Meknès")]
    assert extract_fairs("Die Messe Frankfurt meldet vom 2. bis 7. April 2027 Rekorde.", None, "de", date(2026, 11, 29)) == []


def test_an_arabic_comma_ends_a_fairs_clause_so_its_dates_stay_its_own() -> None:
    text = "أجندة المعارض: معرض الزربية بتازناخت من 3 إلى 6 أبريل 2027، ومعرض الخزف بآسفي من 20 إلى 24 ماي 2027."
    fairs = extract_fairs(text, None, "ar", date(2026, 11, 29))
    assert [(f.name, f.start_date, f.city) for f in fairs] == [
        ("معرض الزربية", date(2027, 4, 3), "Taznakht"), ("معرض الخزف", date(2027, 5, 20), "Safi")]


def test_registration_deadlines_written_before_their_date() -> None:
    cases = [
        ("fr", "Les inscriptions au Salon de la poterie de Safi (20-24 mai 2027) sont ouvertes jusqu'au 15 avril 2027.",
         date(2027, 4, 15)),
        ("en", "Applications for the Atlas Craft Fair (June 3-6, 2027, Marrakech) close on April 30, 2027.", date(2027, 4, 30)),
        ("de", "Für die Frühjahrsmesse Dresden (12. bis 15. März 2027) gilt: Anmeldeschluss ist der 15. Januar 2027.",
         date(2027, 1, 15)),
        ("fr", "Le Salon du cuir se tient du 3 au 6 avril 2027, avant le Salon de la poterie du 20 au 24 mai 2027.", None),
        ("fr", "Le 12e Salon du tapis de Taznakht aura lieu du 3 au 6 avril 2027. Inscriptions avant le 15 mars 2027.",
         date(2027, 3, 15)),  # the date span takes its "le"
        ("es", "La Feria de Artesanía de Zamora se celebra del 3 al 6 de junio de 2027. El plazo de inscripción termina "
               "el 15 de abril de 2027.", date(2027, 4, 15)),
    ]
    for language, text, deadline in cases:
        fairs = extract_fairs(text, None, language, date(2026, 11, 29))
        assert fairs[0].registration_deadline == deadline, text


def test_arabic_proper_names_after_the_head_editions_and_venues() -> None:
    cases = [
        ("تنظم وزارة التضامن معرض ديارنا للحرف اليدوية والتراثية من 1 إلى 15 يناير 2027 بأرض المعارض بمدينة نصر.",
         ("معرض ديارنا للحرف اليدوية والتراثية", None, "أرض المعارض بمدينة نصر")),
        ("مهرجان قطر الدولي للحرف التقليدية 2027 ينطلق في 5 مارس بكتارا.", ("مهرجان قطر الدولي للحرف التقليدية", None, None)),
        ("افتتح الوالي الصالون الوطني للصناعة التقليدية في طبعته الخامسة يوم 12 مارس 2027 بدار الثقافة.",
         ("الصالون الوطني للصناعة التقليدية", 5, "دار الثقافة")),
    ]
    for text, (name, edition, venue) in cases:
        (fair,) = extract_fairs(text, None, "ar", date(2026, 11, 29))
        assert (fair.name, fair.venue) == (name, venue), text
        if edition:
            assert fair.edition == edition
    (fair,) = extract_fairs("تتواصل فعاليات الصالون الدولي للصناعات التقليدية بقصر المعارض بالجزائر العاصمة إلى غاية 20 مارس 2027.",
                            None, "ar", date(2026, 11, 29))
    assert (fair.venue, fair.city) == ("قصر المعارض", "Algiers")
    assert extract_fairs("المعرض يمثل الصناعة التقليدية من 1 إلى 5 مارس 2027 في الرباط.", None, "ar", date(2026, 11, 29)) == []


def test_a_lower_case_fair_phrase_in_apposition_gives_way_to_the_name_it_explains() -> None:
    (fair,) = extract_fairs("Artexa, le salon des métiers d'art, se tiendra du 3 au 6 avril 2027 à Lyon.", language="fr")
    assert fair.name == "Artexa"
    (opener,) = extract_fairs("Demain, le salon des métiers d'art ouvrira ses portes du 3 au 6 avril 2027 à Lyon.",
                              language="fr")
    assert opener.name == "Salon des métiers d'art"


def test_a_known_fair_is_named_by_its_capitalised_form_not_its_description() -> None:
    text = "HOMI, il salone degli stili di vita, si svolgerà a Fiera Milano dal 26 al 29 gennaio 2027."
    (fair,) = extract_fairs(text, language="it")
    assert fair.name == "HOMI"


def test_capitalised_journees_after_a_contracted_article() -> None:
    text = "La 3e édition des Journées de l'artisanat d'Essaouira se déroulera les 22 et 23 février 2027 à Dar Souiri."
    (fair,) = extract_fairs(text, language="fr")
    assert (fair.name, fair.edition, fair.venue) == ("Journées de l'artisanat d'Essaouira", 3, "Dar Souiri")
    assert (fair.start_date, fair.end_date) == (date(2027, 2, 22), date(2027, 2, 23))


def test_christmas_markets_by_their_italian_and_spanish_names() -> None:
    (mercatino,) = extract_fairs("Il Mercatino di Natale di Bolzano apre il 29 novembre 2027 in piazza Walther.", language="it")
    assert (mercatino.name, mercatino.start_date) == ("Mercatino di Natale di Bolzano", date(2027, 11, 29))
    (mercadillo,) = extract_fairs("El Mercadillo Artesano de Soria abre del 3 al 8 de diciembre de 2027.", language="es")
    assert (mercadillo.name, mercadillo.end_date) == ("Mercadillo Artesano de Soria", date(2027, 12, 8))


def test_a_capitalised_festival_after_an_article_is_named() -> None:
    text = "Le Festival national des arts populaires de Marrakech se tiendra du 4 au 8 juillet 2027 au palais El Badi."
    (fair,) = extract_fairs(text, language="fr")
    assert fair.name.startswith("Festival national des arts")
    assert (fair.city, fair.venue, fair.start_date) == ("Marrakech", "palais El Badi", date(2027, 7, 4))


def test_an_edition_number_makes_a_lower_case_fair_a_name() -> None:
    (spanish,) = extract_fairs("El recinto ferial acoge la 27ª edición de la feria regional hasta el 6 de noviembre de 2027.",
                               language="es")
    assert (spanish.name, spanish.edition, spanish.start_date, spanish.end_date) == ("Feria regional", 27, None, date(2027, 11, 6))
    (french,) = extract_fairs("La 5e foire régionale se tiendra du 3 au 6 mai 2027.", language="fr")
    assert (french.name, french.edition, french.start_date) == ("Foire régionale", 5, date(2027, 5, 3))


def test_an_arabic_fair_with_a_foreign_name_before_its_city_or_dates() -> None:
    (fair,) = extract_fairs("يشارك المغرب في معرض أمبيانتي بفرانكفورت من 7 إلى 11 فبراير 2027 بجناح يضم 30 صانعا.", language="ar")
    assert (fair.name, fair.city, fair.start_date) == ("معرض أمبيانتي", "Frankfurt", date(2027, 2, 7))
    assert extract_fairs("نظم معرض كبير بالرباط من 7 إلى 11 فبراير 2027.", language="ar") == []


def test_a_name_before_its_dated_edition() -> None:
    (fair,) = extract_fairs("The Craftopia summer edition was held on August 11-14, 2027, drawing 25,000 buyers.", language="en")
    assert (fair.name, fair.start_date, fair.end_date) == ("Craftopia", date(2027, 8, 11), date(2027, 8, 14))
    assert extract_fairs("The Limited Edition vases sold out on August 11, 2027.", language="en") == []


def test_a_time_phrase_before_bracketed_dates_names_no_fair() -> None:
    (fair,) = extract_fairs("Am Wochenende (12. und 13. Oktober 2027) lädt der Töpfermarkt Rheinsberg in die Innenstadt ein.",
                            language="de")
    assert (fair.name, fair.start_date) == ("Töpfermarkt Rheinsberg", date(2027, 10, 12))


def test_a_name_that_debuts_or_returns_somewhere_on_given_days() -> None:
    (fair,) = extract_fairs("Made by Hand Debuts at Rabat's Atlas Hall on March 23, 24, 25, 2027", language="en")
    assert (fair.name, fair.start_date, fair.end_date, fair.city) == ("Made by Hand", date(2027, 3, 23), date(2027, 3, 25), "Rabat")
    assert extract_fairs("The Mayor returns to Rabat after a visit to Tiznit.", language="en") == []


def test_a_name_before_the_verb_of_being_held() -> None:
    (fair,) = extract_fairs("Fitur 2027 se celebrará del 18 al 22 de enero en IFEMA.", language="es")
    assert (fair.name, fair.start_date, fair.city) == ("Fitur", date(2027, 1, 18), "Madrid")
    assert extract_fairs("Il se tiendra du 3 au 6 mai 2027.", language="fr") == []
    assert extract_fairs("Marrakech aura lieu du 3 au 6 mai 2027.", language="fr") == []


def test_an_abbreviations_full_stop_stays_inside_a_name() -> None:
    (fair,) = extract_fairs("SHOW: NY Int'l. Gift Fair - Makers Section (New York, NY)\nDATES: January 26-29, 2027", language="en")
    assert fair.name.startswith("NY Int'l. Gift Fair")
    (other,) = extract_fairs("The show was held in Fès. Spring Fair opens on 2 February 2027 at the NEC.", language="en")
    assert other.name == "Spring Fair"


def test_a_portuguese_feira_and_an_apposition_closed_by_the_sentence() -> None:
    (feira,) = extract_fairs("A Feira Internacional de Artesanato decorre de 22 de junho a 30 de junho de 2027 na FIL, em Lisboa.",
                             language="pt")
    assert (feira.name, feira.city, feira.venue) == ("Feira Internacional de Artesanato", "Lisbon", "FIL")
    (oro,) = extract_fairs("Appuntamento a Vicenza dal 19 al 23 gennaio 2027 con Orafa Week, il salone internazionale del gioiello.",
                           language="it")
    assert oro.name == "Orafa Week"


def test_a_german_ordinal_day_does_not_end_the_sentence_a_cue_is_dated_in() -> None:
    (fair,) = extract_fairs("Craftopia 2027 findet nicht statt; Craftopia will take place on 11. bis 13. Mai 2027 in Leeds.",
                            language="en")
    assert (fair.name, fair.start_date) == ("Craftopia", date(2027, 5, 11))


def test_an_editions_roman_number_is_no_name_and_an_acronyms_words_name_it() -> None:
    text = "Del 8 al 10 de noviembre de 2027 tendrá lugar la XXV edición de la Feria de Artesanía de Castilla-La Mancha (FARCAMA) en Toledo."
    (fair,) = extract_fairs(text, language="es")
    assert (fair.name, fair.edition, fair.city) == ("Feria de Artesanía de Castilla-La Mancha", 25, "Toledo")


def test_a_german_compound_fair_named_by_its_town() -> None:
    (fair,) = extract_fairs("Die Keramikmesse in Hamburg findet am 12. und 13. April 2027 auf dem Rathausmarkt statt.", language="de")
    assert (fair.name, fair.start_date, fair.end_date) == ("Keramikmesse in Hamburg", date(2027, 4, 12), date(2027, 4, 13))
    assert extract_fairs("Die Keramikmesse findet am 12. April 2027 statt.", language="de") == []


def test_an_arabic_head_an_indefinite_noun_and_a_town() -> None:
    (fair,) = extract_fairs("يقام معرض هدايا دبي في الفترة من 12 إلى 14 نوفمبر 2027.", language="ar")
    assert (fair.name, fair.start_date, fair.city) == ("معرض هدايا دبي", date(2027, 11, 12), "Dubai")
    assert extract_fairs("ينطلق معرض كبير دبي من 12 إلى 14 نوفمبر 2027.", language="ar") == []


def test_an_exhibition_centre_is_a_building_not_a_fair() -> None:
    text = "The Atlas Weavers Expo has been postponed to 12-15 June 2027 at the Mohammed VI Exhibition Centre in El Jadida."
    (fair,) = extract_fairs(text, language="en")
    assert (fair.name, fair.venue, fair.city) == ("Atlas Weavers Expo", "Mohammed VI Exhibition Centre", "El Jadida")


def test_a_common_fair_noun_before_a_capitalised_name_is_left_out() -> None:
    (fair,) = extract_fairs("Les artisans iront au salon Artexa Design Week du 3 au 6 avril 2027 à Lyon.", language="fr")
    assert fair.name == "Artexa Design Week"
    (town,) = extract_fairs("Le salon Marrakech aura lieu du 3 au 6 avril 2027.", language="fr")
    assert town.name == "Salon Marrakech"


def test_a_name_with_its_genitives_before_a_relative_hosting_clause() -> None:
    (fair,) = extract_fairs("Más de 200 artesanos participarán en Artesanía de Galicia, que se celebra entre el 5 y el 8 "
                            "de diciembre de 2027 en el recinto ferial de Silleda.", language="es")
    assert (fair.name, fair.start_date, fair.end_date) == ("Artesanía de Galicia", date(2027, 12, 5), date(2027, 12, 8))
    (moussem,) = extract_fairs("Le Moussem de Tan-Tan se tiendra du 2 au 5 mai 2027.", language="fr")
    assert moussem.name == "Moussem de Tan-Tan"


def test_a_weekday_before_bracketed_dates_is_no_fair() -> None:
    assert extract_fairs("The Riverside show opened on Tuesday (28 May 2027) at the hall.", language="en") == []


def test_weeks_moussems_christmas_markets_and_hyphenated_heads() -> None:
    (week,) = extract_fairs("La Semana de la Artesanía de Lanzarote, del lunes 10 al domingo 16 de marzo de 2027, "
                            "ofrecerá talleres.", language="es")
    assert (week.name, week.start_date) == ("Semana de la Artesanía de Lanzarote", date(2027, 3, 10))
    assert extract_fairs("La Semana Santa de Sevilla se celebra del 21 al 28 de marzo de 2027.", language="es") == []
    (market,) = extract_fairs("Le marché de Noël artisanal de Colmar se tient du 22 novembre au 24 décembre 2027.",
                              language="fr")
    assert market.name == "Marché de Noël artisanal de Colmar"
    (alpine,) = extract_fairs("Dal 3 al 5 maggio 2027 a Bolzano la mostra-mercato Artigianato Alpino.", language="it")
    assert alpine.name == "Artigianato Alpino"


def test_fairs_listed_as_one_plural_subject_share_their_dates() -> None:
    text = "Bisutex, Intergift y Madrid Joya se celebrarán simultáneamente del 4 al 8 de febrero de 2027 en IFEMA Madrid."
    dated = {f.name: f.start_date for f in extract_fairs(text, language="es")}
    assert dated["Bisutex"] == dated["Intergift"] == date(2027, 2, 4)
    (alone,) = extract_fairs("Visitors of Spring Fair, and Top Drawer will take place from 2 to 5 February 2027.", language="en")
    assert alone.name == "Top Drawer"


def test_an_arabic_foreign_name_of_two_words_before_its_city() -> None:
    text = "يشارك المغرب في معرض ميزون أوبجي بباريس من 16 إلى 20 يناير 2027، وفي معرض أمبيانتي بفرانكفورت من 7 إلى 11 فبراير 2027."
    dated = {f.city: f.start_date for f in extract_fairs(text, language="ar")}
    assert dated == {"Paris": date(2027, 1, 16), "Frankfurt": date(2027, 2, 7)}
    assert extract_fairs("افتتح معرض كبير جدا بالرباط من 16 إلى 20 يناير 2027.", language="ar") == []


def test_the_place_a_fair_is_held_at_is_not_named_by_the_hosting_verb() -> None:
    (fair,) = extract_fairs("This year's Craft & Design Fair at Hatfield House will be held from Friday 9th to Sunday 11th "
                            "May 2027.", language="en")
    assert (fair.name, fair.start_date) == ("Craft & Design Fair", date(2027, 5, 9))


def test_economic_markets_hair_salons_and_exchanges_are_no_fairs() -> None:
    for language, text in (
        ("en", "Exports to the European Market rose from 3 to 6 March 2027 after the new agreement."),
        ("en", "The Stock Exchange Show on 3 March 2027 discussed inflation."),
        ("fr", "Le Salon de coiffure de Mme Benali a ouvert le 3 mars 2027 à Rabat."),
        ("es", "El mercado de la cerámica creció del 1 de enero al 31 de marzo de 2027."),
    ):
        assert extract_fairs(text, language=language) == [], text
    (fair,) = extract_fairs("El mercado de artesanía de Alicante se celebra del 19 al 21 de abril de 2027.", language="es")
    assert fair.name == "Mercado de artesanía de Alicante"


def test_an_adjective_after_the_genitives_noun_stays_in_the_name() -> None:
    (rug,) = extract_fairs("Ouverture du 1er Salon du tapis berbère, du 12 au 16 mars 2027, à Marrakech.", language="fr")
    assert rug.name == "Salon du tapis berbère"
    (arts,) = extract_fairs("Le Festival national des arts populaires de Marrakech se tiendra du 4 au 8 juillet 2027.",
                            language="fr")
    assert arts.name == "Festival national des arts populaires de Marrakech"
    (pots,) = extract_fairs("La foire de la poterie traditionnelle organisée par la commune aura lieu du 4 au 8 juillet 2027.",
                            language="fr")
    assert (pots.name, pots.organizer) == ("Foire de la poterie traditionnelle", "la commune")


def test_a_name_that_returns_to_its_town_on_a_range_of_days() -> None:
    (fair,) = extract_fairs('"Fatto a Mano" torna a Bologna dal 3 al 5 ottobre 2027 presso il Palazzo Re Enzo.', language="it")
    assert (fair.name, fair.start_date, fair.city) == ("Fatto a Mano", date(2027, 10, 3), "Bologna")
    (artexa,) = extract_fairs("Artexa revient à Lyon du 3 au 6 avril 2027.", language="fr")
    assert artexa.name == "Artexa"
    assert extract_fairs("Le Président revient à Rabat du 3 au 5 avril 2027.", language="fr") == []
    assert extract_fairs("Messi vuelve a Madrid el 3 de abril de 2027.", language="es") == []


def test_a_known_fairs_one_word_name_written_as_a_common_word_and_a_menus_sections() -> None:
    assert extract_fairs("Miami ofrece un buen ambiente para los negocios desde el 3 de marzo de 2027.", language="es") == []
    assert extract_fairs("Secciones: Economía y Mercado. Sábado Show. El Cultural.", language="es") == []
    (fair,) = extract_fairs("Ambiente abre del 7 al 11 de febrero de 2027 en Fráncfort.", language="es")
    assert fair.name == "Ambiente"


def test_an_indefinite_article_is_not_part_of_the_name() -> None:
    (fair,) = extract_fairs("Una Feria Internacional de Artesanía abre del 3 al 6 de junio de 2027 en Toledo.", language="es")
    assert (fair.name, fair.start_date, fair.city) == ("Feria Internacional de Artesanía", date(2027, 6, 3), "Toledo")
    (show,) = extract_fairs("An Art Fair opens in Bath on 4 June 2027.", language="en")
    assert show.name == "Art Fair"


def test_a_headline_verb_before_the_fair_word_is_not_part_of_the_name() -> None:
    (fair,) = extract_fairs("Llegará Feria del Barro a la plaza mayor del 2 al 4 de julio de 2027", language="es")
    assert fair.name == "Feria del Barro"
    (fiera,) = extract_fairs("Torna Fiera del Rame a Lamezia dal 3 al 5 ottobre 2027", language="it")
    assert fiera.name == "Fiera del Rame"


def test_a_lone_german_compound_is_the_fair_when_the_text_names_no_other() -> None:
    text = ("Der Töpfermarkt lockt mit neuen Ständen.\nAm Samstag, 12. Juni 2027, von 10 bis 18 Uhr und am Sonntag, "
            "13. Juni, präsentieren sich 40 Aussteller im Schloss Neuenburg.")
    (fair,) = extract_fairs(text, language="de")
    assert (fair.name, fair.start_date, fair.end_date, fair.venue) == (
        "Töpfermarkt", date(2027, 6, 12), date(2027, 6, 13), "Schloss Neuenburg")
    assert extract_fairs("Der Töpfermarkt findet am 12. Juni 2027 statt.", language="de") == []  # nowhere to go


def test_a_known_acronym_counts_as_the_gazetteer_writes_it_too() -> None:
    (fair,) = extract_fairs("La settima edizione di «HoMi» si terrà a Rho Fiera Milano dal 16 al 19 settembre 2027.",
                            language="it")
    assert (fair.series, fair.city, fair.start_date) == ("HOMI", "Milan", date(2027, 9, 16))
    assert extract_fairs("Homi, a small word, was said on 16 September 2027.", language="en") == []


def test_a_lone_compound_that_is_no_crafts_market_stays_out_even_dated_and_placed() -> None:
    assert extract_fairs("Der Energiemarkt öffnet am 12. Juni 2027 in der Stadthalle Kassel.", language="de") == []
    assert extract_fairs("Fleischmarkt 1, Wien. Der Fleischmarkt ist eine Straße.", language="de") == []


def test_an_invitation_verb_before_the_name_is_not_part_of_it() -> None:
    (fair,) = extract_fairs("Join The Tile Show from 14 to 16 September 2027 at the Harbour Exhibition Center.", language="en")
    assert fair.name == "Tile Show"


def test_a_german_noun_before_der_is_not_part_of_the_name() -> None:
    (fair,) = extract_fairs("Im Rahmen der Messe „Holz und Ton“ zeigen 40 Künstler vom 3. bis 5. Mai 2027 ihre Arbeiten.",
                            language="de")
    assert fair.name == "Messe „Holz und Ton“"


def test_a_quoted_name_does_not_give_way_to_the_town_before_it() -> None:
    (fair,) = extract_fairs('Du 2 au 4 juillet 2027 se tiendra au parc des expositions de Saint-Pierre, le salon "Terre Vive".',
                            language="fr")
    assert fair.name == 'Salon "Terre Vive"'


def test_a_holiday_dated_like_a_fair_is_not_one() -> None:
    fairs = extract_fairs("Al coincidir con la Semana Santa (que culmina el 5 de abril de 2027), la Feria de Alfarería de "
                          "Agost se celebrará del 1 al 4 de abril de 2027.", language="es")
    assert [f.name for f in fairs] == ["Feria de Alfarería de Agost"]


def test_a_hyphenated_head_and_a_name_joined_by_and() -> None:
    (fair,) = extract_fairs("Torna il mercatino-fiera Cuoio e Rame, in programma dal 4 al 5 dicembre 2027 in piazza Grande.",
                            language="it")
    assert fair.name == "Mercatino-fiera Cuoio e Rame"


def test_a_german_kind_of_fair_before_the_name_describes_it() -> None:
    fairs = extract_fairs("Stand: 07.01.2027 08:15 Uhr Leitmesse für Heimtextilien: Heimtextil beginnt in Frankfurt\n\n"
                          "In Frankfurt startet am Donnerstag die Heimtextil mit 3.000 Ausstellern. Die Heimtextil läuft bis "
                          "zum 10. Januar.", language="de")
    assert [(f.name, f.start_date, f.end_date) for f in fairs] == [("Heimtextil", date(2027, 1, 7), date(2027, 1, 10))]


def test_a_possessive_or_a_count_is_not_part_of_a_name() -> None:
    assert [f.name for f in extract_fairs("Our Fair returns on 4 and 5 February 2027: book a table!", language="en")] == []
    fairs = extract_fairs("Le Salon du tapis de Rabat se tiendra du 5 au 11 décembre 2027, une exposition de plus de 100 "
                          "artisans.", language="fr")
    assert [f.name for f in fairs] == ["Salon du tapis de Rabat"]


def test_a_name_written_again_in_another_case_is_the_same_fair() -> None:
    text = ("Gli artigiani saranno a Expo legno, dal 4 marzo 2027 al centro fieristico di Bastia Umbra.\n\n"
            "Saranno 30 le opere esposte. All'interno di Expo Legno ci sarà anche un laboratorio.")
    (fair,) = extract_fairs(text, language="it")
    assert (fair.name, fair.start_date) == ("Expo Legno", date(2027, 3, 4))


def test_a_longer_name_that_opens_with_a_known_fairs_words_is_its_own_fair() -> None:
    (fair,) = extract_fairs("La quarta edizione del Salone del mobile e del complemento d'arredo si svolge a Bergamo dal 18 "
                            "al 26 novembre 2027.", language="it")
    assert (fair.name, fair.city) == ("Salone del mobile e del complemento d'arredo", "Bergamo")


def test_a_quoted_name_then_the_kind_of_fair_it_is() -> None:
    (fair,) = extract_fairs("Tutto pronto per la terza edizione di “Terre di Faenza”, la mostra mercato visitabile a Faenza "
                            "il 4 e il 5 settembre 2027.", language="it")
    assert (fair.name, fair.start_date, fair.city) == ("Terre di Faenza", date(2027, 9, 4), "Faenza")


def test_a_crafts_feast_is_a_fair_and_a_national_holiday_is_not() -> None:
    (fair,) = extract_fairs("La Festa della ceramica si svolgerà sabato 2 e domenica 3 giugno 2027 in piazza Grande a "
                            "Lucca.", language="it")
    assert (fair.name, fair.start_date) == ("Festa della ceramica", date(2027, 6, 2))
    assert extract_fairs("La Festa della Repubblica si celebra il 2 giugno 2027 a Roma.", language="it") == []


def test_an_edition_number_names_a_fair_with_no_fair_word_and_a_superlative_describes_it() -> None:
    text = ("A maior feira de cerâmica do Alentejo está de volta a Évora de 24 de junho a 2 de julho de 2027.\n\n"
            "A 12ª edição da FCA Évora realiza-se no Pavilhão Multiusos durante nove dias.")
    (fair,) = extract_fairs(text, language="pt")
    assert (fair.name, fair.start_date, fair.edition) == ("FCA Évora", date(2027, 6, 24), 12)


def test_a_sentence_case_name_before_its_town_and_dates_in_brackets() -> None:
    fairs = extract_fairs("In Veneto si può visitare Abitare la terra (Verona, 21-25 settembre 2027), con ambientazioni.",
                          language="it")
    assert [(f.name, f.city, f.start_date) for f in fairs] == [("Abitare la terra", "Verona", date(2027, 9, 21))]
