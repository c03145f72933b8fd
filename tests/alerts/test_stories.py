"""Story clustering on small invented articles: one story told in three languages, and near-misses."""
from __future__ import annotations

from alerts import story_facts as facts
from alerts.stories import average_linkage, cluster_articles
from alerts.story_names import arabic_skeletons, latin_skeleton
from alerts.story_profile import Article

FR = Article("fr", language="fr", published="2026-07-14", title="Poterie de Safi : les exportations bondissent",
             text="Les exportations de poterie de Safi ont atteint 412,7 millions de dirhams à fin juin 2026, "
                  "en hausse de 13,5 % sur un an, selon l'Office des changes. Les ateliers de Safi expédient "
                  "surtout vers la France et l'Espagne. Le salon des potiers ouvrira le 21 septembre 2026.")
AR = Article("ar", language="ar", published=None, title=None,
             text=" date 2026-07-15 بلغت صادرات الفخار بآسفي ٤١٢٫٧ مليون درهم عند متم يونيو 2026، بارتفاع نسبته "
                  "13,5 في المائة على أساس سنوي، حسب مكتب الصرف. ويفتتح معرض الخزافين يوم 21 شتنبر 2026.")
EN = Article("en", language="en", published="2026-07-15T08:30:00+01:00", title="Safi pottery exports rise",
             text="Pottery exports from Safi reached 412.7 million dirhams at the end of June 2026, up 13.5% "
                  "year on year, the Foreign Exchange Office said. The potters' fair opens on September 21, 2026.")
# Same topic, same source, another period and other figures: another story.
EARLIER = Article("fr-mars", language="fr", published="2026-04-16", title="Poterie de Safi : un premier trimestre solide",
                  text="Les exportations de poterie de Safi ont atteint 198,4 millions de dirhams à fin mars 2026, "
                       "en hausse de 6,2 % sur un an, selon l'Office des changes. Les ateliers de Safi expédient "
                       "surtout vers la France.")
OTHER = Article("other", language="fr", published="2026-07-14", title="Un nouveau terminal au port d'Agadir",
                text="Le port d'Agadir a inauguré un terminal de 38 hectares pour les conteneurs frigorifiques, "
                     "un investissement de 1,2 milliard de dirhams.")


def test_one_story_in_three_languages_and_the_other_period_apart() -> None:
    ids = cluster_articles([FR, EARLIER, AR, OTHER, EN])
    assert ids[0] == ids[2] == ids[4] == "fr"  # the story is named after its first article
    assert len({ids[0], ids[1], ids[3]}) == 3


def test_figures_meet_across_scripts_units_and_decimal_marks() -> None:
    fr = facts.figures(facts.prepare(FR.text))
    ar = facts.figures(facts.prepare(AR.text))
    en = facts.figures(facts.prepare(EN.text))
    assert {"4127", "135%"} <= fr & ar & en
    assert "2026" not in fr  # years are dates, not figures
    assert facts.figures(facts.prepare("1 500 millions, soit 1,5 milliard")) == {"15"}


def test_dates_in_four_languages_and_the_page_dateline() -> None:
    for text in ("le 4 octobre 2024", "el 4 de octubre de 2024", "يوم 4 أكتوبر 2024", "on October 4, 2024"):
        assert "10-04" in facts.mentioned_days(facts.prepare(text)), text
    assert facts.mentioned_days(facts.prepare("du 18 au 23 avril")) == {"04-18", "04-23"}
    assert facts.publication(None, AR.text, None) == (facts.date(2026, 7, 15), 1)
    assert facts.publication(None, "x", "https://n.example.ma/2024/10/04/article") == (facts.date(2024, 10, 4), 1)
    assert facts.publication("2026-07", "x", None) == (facts.date(2026, 7, 15), 16)
    assert facts.day_gap(facts.parse_published("2026-07"), facts.parse_published("2026-07-30")) == 0


def test_names_meet_across_scripts_by_their_consonants() -> None:
    assert latin_skeleton("Macron") in arabic_skeletons("ماكرون")
    assert latin_skeleton("Trump") in arabic_skeletons("وترامب")


def test_average_linkage_does_not_chain_two_stories_through_one_link() -> None:
    # 0-1 and 2-3 are tight pairs; one strong 1-2 link alone must not merge the two groups.
    scores = {(0, 1): 0.95, (2, 3): 0.95, (1, 2): 0.9}
    assert average_linkage(4, scores, 0.5) == [0, 0, 2, 2] or len(set(average_linkage(4, scores, 0.5))) == 2


def test_the_announcement_of_an_event_is_another_story_than_the_event() -> None:
    before = Article("before", language="fr", published="2026-10-02", title=None,
                     text="Le Salon national du tapis se tiendra du 12 au 16 octobre 2026 à Marrakech, annonce la "
                          "Chambre d'artisanat. Quelque 140 tisserandes de Taznakht et d'Azilal y exposeront.")
    opening = Article("opening", language="fr", published="2026-10-12", title=None,
                      text="Le Salon national du tapis a ouvert ses portes ce lundi 12 octobre 2026 à Marrakech. "
                           "Quelque 140 tisserandes de Taznakht et d'Azilal exposent jusqu'au 16 octobre.")
    same_day = Article("same-day", language="en", published="2026-10-12", title="Marrakech rug fair opens",
                       text="The National Rug Fair opened on Monday, October 12, 2026 in Marrakech, with some 140 "
                            "weavers from Taznakht and Azilal exhibiting until October 16.")
    assert facts.is_preview(None, before.text) and not facts.is_preview(None, opening.text)
    ids = cluster_articles([before, opening, same_day])
    assert ids[1] == ids[2] != ids[0]
