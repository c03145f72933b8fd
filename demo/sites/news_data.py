"""Articles of the news site "Artisanat Maroc Info" (fictional content).

``offset`` is the publication day relative to ``today`` (always negative);
bodies are Jinja snippets so that dates they mention stay relative too
(``fair('maison-objet-paris')`` gives the fair record of demo.sites.fairs_data).
``edge`` marks the edge-case pages (charsets, broken HTML; see demo/README.md). Hostile fixtures
(header injection, scripts) live in the tests (tests/spiders/hostile_site.py), never in the demo.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Article:
    slug: str
    lang: str
    category: str
    title: str
    author: str
    offset: int
    hour: int
    minute: int
    chapo: str
    body: str
    tags: tuple[str, ...] = ()
    comments: tuple[tuple[str, int, str], ...] = ()
    edge: str | None = None
    in_feed: bool = True

    @property
    def path(self) -> str:
        return f"/{self.lang}/articles/{self.slug}.html"


CATEGORIES = {
    "economie": {"fr": "Économie", "ar": "اقتصاد", "en": "Economy"},
    "metiers": {"fr": "Métiers & savoir-faire", "ar": "حرف ومهن", "en": "Crafts"},
    "salons-foires": {"fr": "Salons & foires", "ar": "معارض", "en": "Fairs"},
}

ARTICLES: list[Article] = [
    # ------------------------------------------------------------------ français
    Article(
        slug="exportations-artisanat-903-mdh-neuf-mois-2025", lang="fr", category="economie",
        title="Exportations de l'artisanat : 903 MDH sur les neuf premiers mois de 2025, en hausse de 11 %",
        author="Salma Benjelloun", offset=-2, hour=9, minute=30,
        chapo="Les ventes à l'étranger des produits de l'artisanat marocain ont atteint 903 millions "
              "de dirhams à fin septembre 2025, soit une progression de 11 % sur un an.",
        body="""
<p>Les exportations du secteur de l'artisanat ont totalisé <strong>903 millions de dirhams (MDH)</strong>
au cours des neuf premiers mois de 2025, contre environ 813 MDH un an plus tôt, selon les chiffres
publiés par le département de l'Artisanat. Une progression de <strong>11 %</strong> portée par la
poterie, les tapis et les articles en bois.</p>
<p>Les États-Unis restent le premier marché de destination, devant la France et l'Espagne.
Les pays du Golfe confirment leur percée, notamment pour le zellige et la dinanderie destinés aux
projets hôteliers haut de gamme.</p>
<p>Par filière, la poterie et la céramique représentent près d'un quart des ventes, suivies des
tapis et des produits en bois, dont le thuya d'Essaouira. Les articles en cuir – babouches, poufs,
maroquinerie – progressent plus modestement, concurrencés par des produits industriels à bas prix.</p>
<p>« Les salons internationaux ont joué un rôle déterminant : nos coopératives reviennent avec des
commandes fermes et de nouveaux contacts », explique un exportateur de Safi. La prochaine vitrine
sera {{ fair('maison-objet-paris').name }}, {{ dk.range(fair('maison-objet-paris').start, fair('maison-objet-paris').end, 'fr') }}.</p>
<p>Les professionnels restent néanmoins prudents : la hausse des coûts du transport maritime et
des matières premières pèse sur les marges des petites unités de production.</p>
""",
        tags=("exportations", "chiffres", "poterie", "tapis"),
        comments=(("Rachid K.", 0, "Bonne nouvelle pour les artisans de Safi, enfin des chiffres encourageants."),
                  ("Imane", 1, "Et les artisans eux-mêmes, combien touchent-ils sur ces 903 MDH ?")),
    ),
    Article(
        slug="tapis-cooperatives-moyen-atlas-vente-en-ligne", lang="fr", category="metiers",
        title="Tapis : les coopératives de femmes du Moyen Atlas misent sur la vente en ligne",
        author="Nadia Tazi", offset=-5, hour=11, minute=15,
        chapo="À Azrou, Timahdite et Boujad, des tisserandes apprennent à photographier, décrire et "
              "expédier elles-mêmes leurs tapis Beni Ouarain et Azilal.",
        body="""
<p>Dans l'atelier de la coopérative Tifawin, à une vingtaine de kilomètres d'Azrou, huit métiers à
tisser verticaux occupent la pièce principale. Un tapis Beni Ouarain de 2 × 3 mètres demande près
de deux mois de travail à deux tisserandes.</p>
<p>Depuis un an, la coopérative vend directement en ligne. « Avant, un intermédiaire nous achetait
le tapis 2 500 dirhams et le revendait 9 000 à Marrakech. Aujourd'hui nous le vendons entre 6 500
et 8 900 DH, livraison comprise », raconte sa présidente.</p>
<p>Un programme de formation au commerce électronique, soutenu par la chambre d'artisanat régionale,
accompagne une quarantaine de coopératives. Photographie, fiches produits bilingues, gestion des
retours : le numérique impose de nouveaux savoir-faire.</p>
<p>Reste la question de la logistique : l'expédition d'un tapis de 15 kg vers l'Europe coûte entre
600 et 900 DH, un montant qui pèse lourd dans le prix final.</p>
""",
        tags=("tapis", "coopératives", "e-commerce", "Beni Ouarain"),
        comments=(("Fatima Zahra", 0, "Bravo aux tisserandes ! Où peut-on trouver leur boutique ?"),),
    ),
    Article(
        slug="zellige-fes-hausse-prix-argile", lang="fr", category="economie",
        title="Zellige de Fès : la hausse du prix de l'argile pèse sur les maâlems",
        author="Youssef El Amrani", offset=-9, hour=8, minute=45,
        chapo="Le prix de la tonne d'argile a augmenté de près de 20 % en un an ; "
              "le mètre carré de zellige traditionnel se vend désormais entre 450 et 900 DH.",
        body="""
<p>Dans les ateliers du quartier Ain Nokbi, à Fès, les maâlems zelligeurs s'inquiètent.
L'argile grise extraite dans la région, matière première du zellige, a vu son prix grimper
de près de 20 % en un an, tandis que le coût du bois de chauffe des fours traditionnels
continue d'augmenter.</p>
<p>Conséquence : le mètre carré de zellige taillé à la main se négocie désormais entre
<strong>450 et 900 DH</strong> selon la complexité des motifs, contre 350 à 750 DH il y a deux ans.
Les compositions géométriques les plus fines dépassent 1 200 DH le mètre carré.</p>
<p>La demande reste pourtant soutenue, portée par les chantiers de riads, d'hôtels et par
l'export vers le Golfe et l'Amérique du Nord. « Nous refusons des commandes faute de main-d'œuvre
qualifiée », confie un maître artisan.</p>
<p>La profession plaide pour la création d'une centrale d'achat d'argile et pour un label
protégeant le zellige de Fès face aux carreaux industriels imitant son aspect.</p>
""",
        tags=("zellige", "prix", "Fès"),
        comments=(("Hamid", 2, "Le label est une urgence, les imitations envahissent le marché."),),
    ),
    Article(
        slug="artisanat-marocain-maison-objet-paris", lang="fr", category="salons-foires",
        title="Salons internationaux : l'artisanat marocain attendu en force à Maison&Objet",
        author="Salma Benjelloun", offset=-12, hour=14, minute=0,
        chapo="Une trentaine d'exposants marocains seront présents au salon parisien de la décoration.",
        body="""
<p>Le pavillon marocain de <strong>Maison&amp;Objet Paris</strong>, qui se tiendra
{{ dk.range(fair('maison-objet-paris').start, fair('maison-objet-paris').end, 'fr') }} au parc des
expositions de Paris Nord Villepinte, réunira une trentaine d'exposants : tapis, céramique,
luminaires en laiton, mobilier en cèdre et en thuya.</p>
<p>Les candidatures étaient ouvertes jusqu'au {{ dk.date(fair('maison-objet-paris').deadline, 'fr') }}.
La sélection privilégie les entreprises disposant d'une capacité d'export et d'un catalogue
en plusieurs langues.</p>
<p>Dans la foulée, plusieurs coopératives se rendront à <strong>Ambiente</strong>, à Francfort,
{{ dk.range(fair('ambiente-frankfurt').start, fair('ambiente-frankfurt').end, 'fr') }}, puis à
Domotex, à Hanovre, pour les tapis.</p>
<p>Sur le plan national, la Semaine Nationale de l'Artisanat aura lieu à Marrakech
{{ dk.range(fair('semaine-nationale-artisanat-marrakech').start, fair('semaine-nationale-artisanat-marrakech').end, 'fr') }}.</p>
""",
        tags=("salons", "Maison&Objet", "export"),
    ),
    Article(
        slug="babouches-fes-concurrence-asiatique", lang="fr", category="metiers",
        title="Babouches et maroquinerie : Fès face à la concurrence des produits importés",
        author="Karim Bennani", offset=-20, hour=10, minute=5,
        chapo="Vendue 60 DH dans certains souks, la babouche importée met sous pression les "
              "artisans qui fabriquent à la main des modèles vendus 180 à 350 DH.",
        body="""
<p>Dans les ruelles de la médina de Fès, les échoppes de babouches affichent des prix qui vont
du simple au quintuple. Une paire cousue main, en cuir tanné à la chouara, se vend entre
<strong>180 et 350 DH</strong> ; une paire importée, en matière synthétique, à peine 60 DH.</p>
<p>Les artisans réclament un marquage obligatoire de l'origine et un contrôle renforcé dans les
souks touristiques. Une étiquette « Fait main au Maroc » est à l'étude.</p>
<p>Côté maroquinerie, les poufs en cuir brodé et les sacs restent recherchés par les boutiques
européennes, qui les revendent entre 80 et 150 euros.</p>
""",
        tags=("cuir", "babouches", "Fès", "concurrence"),
        comments=(("Samir", 3, "Il faut surtout former les jeunes, les maâlems vieillissent."),),
    ),
    Article(
        # The same story as "thuya-essaouira-label-ar" below, in Arabic: one story, two languages, in the
        # digest's week whatever the day (offset -7 always falls in the last full week).
        slug="thuya-essaouira-label-export", lang="fr", category="economie",
        title="Thuya d'Essaouira : 1 240 artisans labellisés et 38,6 MDH exportés",
        author="Youssef El Amrani", offset=-7, hour=10, minute=40,
        chapo="La marqueterie de thuya d'Essaouira a exporté pour 38,6 millions de dirhams sur dix mois, "
              "en hausse de 14 %, et compte désormais 1 240 artisans labellisés.",
        body="""
<p>La filière du bois de thuya d'Essaouira a réalisé <strong>38,6 millions de dirhams</strong> de ventes
à l'export entre janvier et octobre {{ dk.year(-7) }}, soit une hausse de <strong>14 %</strong> sur un an,
selon l'association des marqueteurs de la ville.</p>
<p>Le label d'origine, attribué après contrôle de la provenance du bois, couvre désormais
<strong>1 240 artisans</strong> répartis dans 62 ateliers. Les coffrets et les plateaux marquetés
partent surtout vers le Canada et l'Allemagne.</p>
<p>Les ateliers craignent toutefois la raréfaction de la loupe de thuya et demandent un plan de
replantation dans la province.</p>
""",
        tags=("bois", "thuya", "Essaouira", "export"),
    ),
    # ------------------------------------------------------------------ العربية
    Article(
        slug="saderat-sinaa-taqlidiya-903-milyun-dirham", lang="ar", category="economie",
        title="صادرات الصناعة التقليدية تبلغ 903 ملايين درهم خلال تسعة أشهر",
        author="هند العلوي", offset=-3, hour=12, minute=0,
        chapo="بلغت صادرات منتوجات الصناعة التقليدية المغربية 903 ملايين درهم عند متم شتنبر 2025، "
              "بارتفاع نسبته 11 في المائة مقارنة بالفترة نفسها من السنة الماضية.",
        body="""
<p>أفادت معطيات قطاع الصناعة التقليدية بأن صادرات القطاع بلغت <strong>903 ملايين درهم</strong>
خلال الأشهر التسعة الأولى من سنة 2025، مسجلة ارتفاعا بنسبة <strong>11 في المائة</strong>،
ويعود هذا الأداء أساسا إلى ارتفاع الطلب على الفخار والزرابي والمنتوجات الخشبية.</p>
<p>وتظل الولايات المتحدة الأمريكية السوق الأولى لمنتوجات الصناعة التقليدية المغربية، تليها فرنسا
وإسبانيا، فيما سجلت أسواق الخليج نموا ملحوظا، خاصة بالنسبة للزليج والنحاس.</p>
<p>ويرى مهنيون أن المشاركة في المعارض الدولية ساهمت في فتح منافذ جديدة أمام التعاونيات
والمقاولات الصغيرة، في انتظار المعرض الوطني للصناعة التقليدية بالدار البيضاء
{{ dk.range(fair('salon-national-artisanat-casablanca').start, fair('salon-national-artisanat-casablanca').end, 'ar-ma') }}.</p>
<p>وفي المقابل، يشتكي عدد من الحرفيين من ارتفاع كلفة المواد الأولية والنقل، مطالبين بمواكبة أكبر
في مجال التسويق الرقمي.</p>
""",
        tags=("صادرات", "أرقام"),
        comments=(("محمد", 0, "أرقام مشجعة، لكن يجب أن يستفيد منها الصانع التقليدي."),),
    ),
    Article(
        slug="thuya-essaouira-label-ar", lang="ar", category="economie",
        title="خشب العرعار بالصويرة: 1240 صانعا حاصلا على العلامة وصادرات بـ38,6 مليون درهم",
        author="هند العلوي", offset=-7, hour=13, minute=10,
        chapo="صدرت حرفة ترصيع خشب العرعار بالصويرة ما قيمته 38,6 مليون درهم خلال عشرة أشهر، "
              "بارتفاع نسبته 14 في المائة، ويبلغ عدد الصناع الحاصلين على العلامة 1240 صانعا.",
        body="""
<p>حققت حرفة خشب العرعار بالصويرة صادرات بقيمة <strong>38,6 مليون درهم</strong> بين يناير وأكتوبر
{{ dk.year(-7) }}، بارتفاع نسبته <strong>14 في المائة</strong> على أساس سنوي، حسب جمعية صناع الترصيع
بالمدينة.</p>
<p>وتشمل علامة المنشأ، التي تمنح بعد مراقبة مصدر الخشب، <strong>1240 صانعا</strong> موزعين على 62 ورشة،
وتوجه العلب والصواني المرصعة أساسا إلى كندا وألمانيا.</p>
<p>غير أن الورشات تخشى ندرة جذور العرعار وتطالب ببرنامج لإعادة التشجير في الإقليم.</p>
""",
        tags=("خشب", "العرعار", "الصويرة"),
    ),
    Article(
        slug="taawuniyat-nisaiya-zarabi-atlas", lang="ar", category="metiers",
        title="تعاونيات نسائية بالأطلس المتوسط تراهن على التجارة الإلكترونية لتسويق الزرابي",
        author="يوسف العمراني", offset=-7, hour=16, minute=20,
        chapo="نساجات من أزرو وتمحضيت يتعلمن تصوير الزرابي ووصفها وشحنها مباشرة إلى الزبناء.",
        body="""
<p>في ورشة تعاونية نسائية قرب أزرو، تنسج النساء زربية بني ورين بمقاس مترين في ثلاثة أمتار خلال
قرابة شهرين من العمل المتواصل.</p>
<p>وتقول رئيسة التعاونية إن الزربية كانت تباع للوسطاء بنحو 2500 درهم، في حين تبيعها التعاونية اليوم
عبر الإنترنت بما بين 6500 و8900 درهم، مع احتساب مصاريف الشحن.</p>
<p>ويستفيد نحو أربعين تعاونية من برنامج للتكوين في التجارة الإلكترونية، يشمل التصوير وإعداد
بطاقات المنتوجات بلغتين وتدبير عمليات الإرجاع.</p>
""",
        tags=("زرابي", "تعاونيات"),
    ),
    Article(
        slug="maarid-watani-sinaa-taqlidiya-dar-baida", lang="ar", category="salons-foires",
        title="الدار البيضاء تحتضن الدورة الجديدة للمعرض الوطني للصناعة التقليدية",
        author="هند العلوي", offset=-10, hour=9, minute=0,
        chapo="أزيد من 500 عارض ينتظر مشاركتهم في الموعد السنوي للصناع التقليديين.",
        body="""
<p>تحتضن مدينة الدار البيضاء الدورة الجديدة من <strong>المعرض الوطني للصناعة التقليدية</strong>،
وذلك {{ dk.range(fair('salon-national-artisanat-casablanca').start, fair('salon-national-artisanat-casablanca').end, 'ar') }}
بمعرض الدار البيضاء الدولي.</p>
<p>وحددت الجهة المنظمة آخر أجل للتسجيل في {{ dk.date(fair('salon-national-artisanat-casablanca').deadline, 'ar') }}،
ويشمل المعرض أروقة للزربية والفخار والجلد والخشب والنحاس والحلي.</p>
<p>وتسعى هذه الدورة إلى تشجيع التسويق المباشر وربط الصناع التقليديين بالمشترين المحليين والأجانب.</p>
""",
        tags=("معارض", "الدار البيضاء"),
        comments=(("سعيد", 1, "هل التسجيل مفتوح للتعاونيات الصغيرة؟"),),
    ),
    Article(
        slug="fakhar-asfi-mutalaba-dam", lang="ar", category="metiers",
        title="حرفيو الفخار بآسفي يطالبون بدعم أكبر لمواجهة ارتفاع كلفة الإنتاج",
        author="يوسف العمراني", offset=-15, hour=18, minute=40,
        chapo="ارتفاع أسعار الطين والحطب يثقل كاهل ورشات تل الفخارين.",
        body="""
<p>يشتكي حرفيو الفخار بحي تل الفخارين في آسفي من ارتفاع أسعار الطين والحطب ومواد التلوين،
ما ينعكس على أسعار الطواجين والأواني المزخرفة.</p>
<p>ويباع الطاجين المزخرف اليدوي حاليا بما بين 150 و350 درهما حسب الحجم، مقابل 100 إلى 250 درهما
قبل سنتين.</p>
<p>ويطالب المهنيون بإحداث أفران جماعية تعمل بالغاز للحد من التلوث وتخفيض التكاليف، وبمواكبة
في مجال التصدير.</p>
""",
        tags=("فخار", "آسفي"),
    ),
    # ------------------------------------------------------------------ English
    Article(
        slug="moroccan-handicraft-exports-903-million-dirhams", lang="en", category="economie",
        title="Moroccan handicraft exports reach MAD 903 million in the first nine months of 2025",
        author="Omar Kettani", offset=-1, hour=10, minute=0,
        chapo="Exports of Moroccan crafts rose 11% year on year to MAD 903 million at the end of "
              "September 2025, driven by pottery, rugs and woodwork.",
        body="""
<p>Morocco's handicraft exports totalled <strong>MAD 903 million</strong> (about EUR 84 million) in the
first nine months of 2025, up <strong>11%</strong> from the same period of 2024, according to figures
released by the crafts department.</p>
<p>The United States remained the leading market, ahead of France and Spain. Gulf countries recorded
strong growth for zellige tiles and brassware used in luxury hospitality projects.</p>
<p>Pottery and ceramics account for nearly a quarter of sales, followed by rugs and woodwork,
including thuya wood from Essaouira. Leather goods grew more slowly amid competition from cheap
imports.</p>
<p>Exporters expect more orders from the upcoming trade fairs, starting with Heimtextil in Frankfurt,
{{ dk.range(fair('heimtextil-frankfurt').start, fair('heimtextil-frankfurt').end, 'en') }}.</p>
""",
        tags=("exports", "figures"),
        comments=(("J. Miller", 0, "Interesting numbers. Any breakdown by region?"),),
    ),
    Article(
        slug="zellige-fez-price-square-metre", lang="en", category="metiers",
        title="Zellige tiles: how Fez craftsmen price a square metre",
        author="Leila Mansouri", offset=-6, hour=15, minute=30,
        chapo="Hand-cut zellige now sells for MAD 450 to 900 per square metre as clay and firewood costs climb.",
        body="""
<p>A square metre of hand-cut zellige takes a team of craftsmen several days: shaping and firing the
tiles, glazing them, then chiselling each piece (the <em>furmah</em>) before assembling the pattern
face down.</p>
<p>Prices now range from <strong>MAD 450 to 900 per square metre</strong> depending on the pattern,
and exceed MAD 1,200 for the finest geometric compositions. Export prices to the Gulf and North
America are often quoted in dollars or euros, from about EUR 90 per square metre.</p>
<p>Master craftsmen say demand outstrips supply, and call for a protected label to distinguish
genuine Fez zellige from industrial imitations.</p>
""",
        tags=("zellige", "prices", "Fez"),
    ),
    Article(
        slug="argan-oil-cooperatives-volatile-prices", lang="en", category="economie",
        title="Argan oil cooperatives grapple with volatile prices",
        author="Omar Kettani", offset=-14, hour=8, minute=15,
        chapo="After two dry years, the price of argan kernels has swung sharply, squeezing women's "
              "cooperatives in the Souss.",
        body="""
<p>Women's cooperatives in the Souss-Massa region, which produce most of Morocco's cosmetic argan oil,
are struggling with volatile kernel prices after two consecutive dry years.</p>
<p>A litre of certified organic cosmetic argan oil sells for MAD 350 to 500 at the cooperative gate,
while retail prices in Europe reach EUR 25 to 40 for a 100 ml bottle.</p>
<p>Cooperative leaders are calling for a minimum purchase price and better traceability, and will
showcase their products at the Souss-Massa regional crafts fair in Agadir
({{ dk.range(fair('salon-regional-artisanat-souss-massa').start, fair('salon-regional-artisanat-souss-massa').end, 'en') }}).</p>
""",
        tags=("argan", "cooperatives", "cosmetics"),
        comments=(("Amina", 1, "Traceability is key, too much diluted oil on the market."),),
    ),
    # ------------------------------------------------------------------ edge cases
    Article(
        slug="vannerie-palmier-doum-filiere", lang="fr", category="metiers", edge="latin1", in_feed=False,
        title="Vannerie : le palmier doum, une filière à structurer",
        author="Nadia Tazi", offset=-13, hour=9, minute=10,
        chapo="Paniers, chapeaux et nattes : la vannerie en doum fait vivre des milliers de femmes "
              "rurales, mais reste très peu organisée.",
        body="""
<p>Dans la région de Chefchaouen et autour d'Essaouira, la vannerie en palmier doum est une activité
d'appoint essentielle pour des milliers de femmes. Un panier tressé à la main se vend entre 60 et
190 DH au souk ; il est revendu 25 à 45 € dans les boutiques européennes.</p>
<p>Les artisanes déplorent l'absence d'œuvre collective : pas de coopérative structurée, pas de
traçabilité, et une ressource sauvage qui s'épuise. « On coupe trop, et trop tôt », regrette une
tresseuse de Tétouan.</p>
<p>Un programme pilote prévoit la replantation du doum et la création de trois coopératives
spécialisées d'ici à la fin de l'année.</p>
""",
        tags=("vannerie", "doum"),
    ),
    Article(
        slug="dinanderie-fes-flambee-cuivre", lang="fr", category="economie", edge="charset-lie", in_feed=False,
        title="Dinanderie : les ateliers de Fès face à la flambée du cuivre",
        author="Karim Bennani", offset=-16, hour=13, minute=25,
        chapo="Le prix du cuivre a bondi de 25 % en un an ; plateaux, lanternes et théières en laiton "
              "coûtent plus cher à produire.",
        body="""
<p>Place Seffarine, au cœur de la médina de Fès, le martèlement des dinandiers ne faiblit pas, mais
les marges, elles, fondent. Le cuivre et le laiton ont vu leurs cours s'envoler.</p>
<p>Une lanterne ciselée de taille moyenne, vendue 1 250 DH il y a un an, est désormais proposée
autour de 1 450 DH. Les plateaux gravés suivent la même tendance.</p>
<p>Les artisans se tournent vers le recyclage de métal et vers des pièces plus petites, plus faciles
à exporter (bougeoirs, photophores) vendues 15 à 40 € en Europe.</p>
""",
        tags=("dinanderie", "cuivre", "prix"),
    ),
    Article(
        slug="zellige-fassi-hirfa-ajyal", lang="ar", category="metiers", edge="no-charset", in_feed=False,
        title="الزليج الفاسي: حرفة تتوارثها الأجيال",
        author="هند العلوي", offset=-8, hour=11, minute=0,
        chapo="في ورشات عين النقبي، يتعلم الشباب تقطيع الزليج على يد المعلمين.",
        body="""
<p>في ورشات حي عين النقبي بفاس، ما زال المعلمون ينقلون أسرار تقطيع الزليج وتركيبه إلى الأجيال الجديدة.</p>
<p>ويتراوح ثمن المتر المربع من الزليج التقليدي بين 450 و900 درهم حسب تعقيد الزخارف.</p>
<p>ويطالب الحرفيون بعلامة جودة تحمي الزليج الفاسي من المنتوجات الصناعية المقلدة.</p>
""",
        tags=("زليج", "فاس"),
    ),
    Article(
        slug="tadelakt-marrakech-plaster-buyers-abroad", lang="en", category="metiers", edge="broken-html",
        in_feed=False,
        title="Tadelakt: Marrakech's waterproof plaster finds new buyers abroad",
        author="Leila Mansouri", offset=-11, hour=17, minute=5,
        chapo="Architects in Europe and the Gulf are ordering tadelakt finishes for bathrooms and spas.",
        body="""
<p>Tadelakt, the polished lime plaster of Marrakech, is enjoying a revival abroad. Craftsmen apply
the lime in several coats, then polish it with a stone and black soap until it becomes waterproof.
<p>A square metre of tadelakt costs MAD 300 to 600 in Morocco; European applicators charge
EUR 150 to 300 per square metre.
<div class="inset"><p>Key figures<ul><li>3 coats<li>7 days of curing<li>MAD 300-600 per m²</ul>
<p>Several Marrakech workshops now train foreign applicators in week-long courses.
""",
        tags=("tadelakt", "Marrakech"),
    ),
]

BY_PATH = {a.path: a for a in ARTICLES}
