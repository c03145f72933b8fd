"""Ground truth of the fairs site (and of the fair mentions on the news site).

Every date is a day offset from the server's ``today``.  ``fmt`` says how the
detail page carries the information: ``jsonld`` (schema.org Event JSON-LD),
``microdata`` (schema.org Event microdata) or ``text`` (free text only, in
``lang``).  ``listed`` fairs have a detail page linked from /salons/;
``in_ical`` fairs are in /salons.ics.  Exactly one fair (Maison&Objet) is both.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Fair:
    slug: str
    name: str
    city: str
    country: str            # ISO 3166-1 alpha-2
    country_fr: str
    venue: str
    street: str
    postal: str
    organizer: str
    start: int
    end: int
    fmt: str
    lang: str
    crafts: tuple[str, ...]
    deadline: int | None = None
    website: str = ""
    listed: bool = True
    in_ical: bool = False
    text: str = ""          # body of the detail page (Jinja, in ``lang``)
    local_name: str = ""    # name as written in the page language, if different
    extra: dict = field(default_factory=dict)


FAIRS: list[Fair] = [
    Fair(
        slug="semaine-nationale-artisanat-marrakech",
        name="Semaine Nationale de l'Artisanat",
        city="Marrakech", country="MA", country_fr="Maroc",
        venue="Esplanade Bab Jdid", street="Avenue Mohammed VI", postal="40000",
        organizer="Maison de l'Artisan",
        start=25, end=33, fmt="text", lang="fr", deadline=10,
        crafts=("tapis", "poterie", "cuir", "bois / thuya", "bijoux", "dinanderie", "vannerie"),
        website="https://www.maisondelartisan.ma/",
        text="""
<p class="lead">Rendez-vous phare du secteur, la <strong>Semaine Nationale de l'Artisanat</strong>
se tiendra {{ dk.range(f.start, f.end, 'fr') }} à Marrakech, sur l'esplanade de Bab Jdid
(avenue Mohammed VI).</p>
<p>Organisée par la Maison de l'Artisan sous l'égide du ministère chargé de l'Artisanat,
cette édition réunira près de 400 exposants venus des douze régions du Royaume :
coopératives, maâlems, jeunes créateurs et entreprises exportatrices. Un espace
« Lauréats » mettra à l'honneur les artisans primés lors du Prix national de l'excellence.</p>
<p>Métiers concernés : tapis, poterie, maroquinerie et cuir, bois et thuya, bijouterie,
dinanderie et vannerie.</p>
<p><strong>Date limite d'inscription : {{ dk.date(f.deadline, 'fr') }}.</strong>
Les dossiers de candidature sont à déposer auprès des délégations régionales de
l'Artisanat ou en ligne.</p>
<p>Entrée libre, de 10 h à 21 h.</p>
""",
    ),
    Fair(
        slug="salon-national-artisanat-casablanca",
        name="Salon National de l'Artisanat",
        local_name="المعرض الوطني للصناعة التقليدية",
        city="Casablanca", country="MA", country_fr="Maroc",
        venue="Foire Internationale de Casablanca (OFEC)", street="Boulevard Sidi Mohammed Ben Abdellah",
        postal="20030",
        organizer="Ministère du Tourisme, de l'Artisanat et de l'Économie Sociale et Solidaire",
        start=40, end=49, fmt="text", lang="ar", deadline=20,
        crafts=("tapis", "poterie", "cuir", "bois / thuya", "dinanderie", "bijoux", "textile / broderie"),
        text="""
<p class="lead">تنظم وزارة السياحة والصناعة التقليدية والاقتصاد الاجتماعي والتضامني
<strong>المعرض الوطني للصناعة التقليدية</strong> {{ dk.range(f.start, f.end, 'ar') }}
بمعرض الدار البيضاء الدولي، شارع سيدي محمد بن عبد الله، الدار البيضاء.</p>
<p>ويشارك في هذه الدورة أزيد من 500 عارض من مختلف جهات المملكة، من تعاونيات وصناع
تقليديين ومقاولات، لعرض منتوجات الزربية والفخار والجلد والخشب والنحاس والحلي والطرز.</p>
<p><strong>آخر أجل للتسجيل: {{ dk.date(f.deadline, 'ar') }}.</strong>
تودع طلبات المشاركة لدى المديريات الجهوية للصناعة التقليدية.</p>
<p>الحرف المعنية: الزربية، الفخار، الجلد، الخشب، النحاس، الحلي، الطرز.</p>
<p>الدخول مجاني من الساعة العاشرة صباحا إلى التاسعة ليلا.</p>
""",
    ),
    Fair(
        slug="salon-regional-artisanat-fes-meknes",
        name="Salon Régional de l'Artisanat de Fès-Meknès",
        city="Fès", country="MA", country_fr="Maroc",
        venue="Esplanade Bab Boujloud", street="Place Bab Boujloud", postal="30110",
        organizer="Chambre d'Artisanat de la Région Fès-Meknès",
        start=55, end=61, fmt="jsonld", lang="fr", deadline=35,
        crafts=("zellige", "cuir", "dinanderie", "poterie", "textile / broderie"),
        text="""
<p class="lead">Le Salon Régional de l'Artisanat de Fès-Meknès revient à Bab Boujloud
avec plus de 150 artisans de la région : zelligeurs, tanneurs, dinandiers, potiers et brodeuses.</p>
<p>Des démonstrations de taille de zellige et de broderie « terz fassi » sont programmées chaque
après-midi, ainsi qu'une journée B2B avec des acheteurs nationaux.</p>
""",
    ),
    Fair(
        slug="heimtextil-frankfurt",
        name="Heimtextil",
        city="Frankfurt am Main", country="DE", country_fr="Allemagne",
        venue="Messe Frankfurt", street="Ludwig-Erhard-Anlage 1", postal="60327",
        organizer="Messe Frankfurt GmbH",
        start=60, end=63, fmt="microdata", lang="en",
        crafts=("textile / broderie", "tapis"),
        website="https://heimtextil.messefrankfurt.com/",
        text="""
<p class="lead">Heimtextil is the international trade fair for home and contract textiles.
Moroccan weavers and embroiderers exhibit in the "Handmade" area, alongside Berber rugs
from the Middle Atlas.</p>
<p>The Moroccan pavilion is coordinated by Maison de l'Artisan and gathers about twenty
cooperatives and exporters.</p>
""",
    ),
    Fair(
        slug="maison-objet-paris",
        name="Maison&Objet Paris",
        city="Paris", country="FR", country_fr="France",
        venue="Paris Nord Villepinte", street="ZAC Paris Nord 2", postal="95970",
        organizer="SAFI",
        start=75, end=79, fmt="jsonld", lang="fr", deadline=45,
        crafts=("décoration", "céramique", "tapis", "luminaires", "dinanderie"),
        website="https://www.maison-objet.com/",
        in_ical=True,
        text="""
<p class="lead">Salon de référence de la décoration, de l'art de vivre et du design,
Maison&amp;Objet accueille chaque édition un pavillon marocain consacré aux tapis,
à la céramique et aux luminaires en laiton.</p>
<p>Les exposants marocains sont regroupés dans le hall « Craft », à proximité des espaces
« Ateliers d'art de France ».</p>
""",
    ),
    Fair(
        slug="intergift-madrid",
        name="Intergift",
        city="Madrid", country="ES", country_fr="Espagne",
        venue="IFEMA MADRID", street="Avenida del Partenón 5", postal="28042",
        organizer="IFEMA MADRID",
        start=90, end=93, fmt="text", lang="es", deadline=55,
        crafts=("céramique", "tapis", "cuir", "luminaires"),
        website="https://www.ifema.es/intergift",
        text="""
<p class="lead"><strong>Intergift</strong>, el Salón Internacional del Regalo y la Decoración,
se celebrará {{ dk.range(f.start, f.end, 'es') }} en IFEMA MADRID (Avenida del Partenón 5,
Madrid, España).</p>
<p>Organiza: IFEMA MADRID. Más de 500 expositores presentan las novedades en decoración,
iluminación y regalo, con un espacio dedicado a la artesanía del Mediterráneo y de Marruecos.</p>
<p>Oficios: cerámica, alfombras, marroquinería y cuero, lámparas de latón.</p>
<p><strong>Fecha límite de inscripción: {{ dk.date(f.deadline, 'es') }}.</strong></p>
""",
    ),
    Fair(
        slug="ambiente-frankfurt",
        name="Ambiente",
        city="Frankfurt am Main", country="DE", country_fr="Allemagne",
        venue="Messe Frankfurt", street="Ludwig-Erhard-Anlage 1", postal="60327",
        organizer="Messe Frankfurt GmbH",
        start=100, end=104, fmt="text", lang="de", deadline=60,
        crafts=("céramique", "poterie", "tapis", "dinanderie", "vannerie"),
        website="https://ambiente.messefrankfurt.com/",
        text="""
<p class="lead">Die <strong>Ambiente</strong> ist die internationale Leitmesse für
Konsumgüter rund um Tisch, Küche, Wohnen, Dekorieren und Schenken.</p>
<p><strong>Termin:</strong> {{ dk.range(f.start, f.end, 'de') }}<br>
<strong>Ort:</strong> Messe Frankfurt, Ludwig-Erhard-Anlage 1, 60327 Frankfurt am Main, Deutschland<br>
<strong>Veranstalter:</strong> Messe Frankfurt GmbH</p>
<p>Marokkanische Aussteller zeigen traditionell Keramik aus Safi, Teppiche aus dem
Mittleren Atlas, Messinglaternen und Korbwaren aus Zwergpalme.</p>
<p><strong>Anmeldeschluss</strong> für den marokkanischen Gemeinschaftsstand:
{{ dk.date(f.deadline, 'de') }}.</p>
""",
    ),
    Fair(
        slug="domotex-hannover",
        name="Domotex",
        city="Hannover", country="DE", country_fr="Allemagne",
        venue="Messegelände Hannover", street="Messegelände", postal="30521",
        organizer="Deutsche Messe AG",
        start=130, end=133, fmt="jsonld", lang="en",
        crafts=("tapis",),
        website="https://www.domotex.de/",
        text="""
<p class="lead">DOMOTEX is the leading trade fair for carpets and floor coverings.
Hand-knotted Moroccan rugs (Beni Ouarain, Azilal, Boucherouite) are shown in the
"Carpets &amp; Rugs" halls.</p>
<p>Buyers from Europe, North America and the Gulf attend the fair to source
handmade rugs directly from producers.</p>
""",
    ),
    Fair(
        slug="ny-now-new-york",
        name="NY NOW",
        city="New York", country="US", country_fr="États-Unis",
        venue="Javits Center", street="429 11th Avenue", postal="NY 10001",
        organizer="NY NOW",
        start=150, end=153, fmt="text", lang="en", deadline=110,
        crafts=("décoration", "tapis", "céramique", "cosmétique argan"),
        website="https://nynow.com/",
        text="""
<p class="lead"><strong>NY NOW</strong>, the market for home, lifestyle and gift, returns to the
Javits Center (429 11th Avenue, New York) {{ dk.range(f.start, f.end, 'en') }}.</p>
<p>Organizer: NY NOW. The "Handmade Global Design" section welcomes artisan enterprises from
Morocco with rugs, ceramics, home decor and argan-based beauty products.</p>
<p><strong>Application deadline:</strong> {{ dk.date(f.deadline, 'en') }}.</p>
""",
    ),
    Fair(
        slug="foire-de-paris",
        name="Foire de Paris",
        city="Paris", country="FR", country_fr="France",
        venue="Paris Expo Porte de Versailles", street="1 place de la Porte de Versailles",
        postal="75015",
        organizer="Comexposium",
        start=170, end=181, fmt="microdata", lang="fr",
        crafts=("tapis", "poterie", "cuir", "bijoux", "cosmétique argan"),
        website="https://www.foiredeparis.fr/",
        text="""
<p class="lead">Grand rendez-vous grand public du printemps, la Foire de Paris accueille
un vaste espace « Artisans du monde » où le Maroc est traditionnellement très représenté :
tapis, poteries, babouches, bijoux berbères et huile d'argan.</p>
""",
    ),
    Fair(
        slug="artigiano-in-fiera-milano",
        name="Artigiano in Fiera",
        city="Milano", country="IT", country_fr="Italie",
        venue="Fiera Milano Rho-Pero", street="Strada Statale del Sempione 28", postal="20017 Rho",
        organizer="Ge.Fi. S.p.A.",
        start=200, end=208, fmt="text", lang="fr", deadline=150,
        crafts=("tapis", "cuir", "poterie", "bijoux", "textile / broderie"),
        website="https://artigianoinfiera.it/",
        text="""
<p class="lead"><strong>Artigiano in Fiera</strong> – Milan (Fiera Milano Rho-Pero) –
{{ dk.range(f.start, f.end, 'num') }}</p>
<p>La plus grande foire-exposition de l'artisanat d'Europe réunit des artisans de plus de
cent pays. Le pavillon du Maroc y présente tapis, maroquinerie, poterie, bijoux et broderie.</p>
<p>Organisateur : Ge.Fi. S.p.A. – Lieu : Fiera Milano, Strada Statale del Sempione 28, Rho (Milan), Italie.</p>
<p>Date limite d'inscription : {{ dk.date(f.deadline, 'num') }}</p>
""",
    ),
    # -- only in the iCal feed ---------------------------------------------------------
    Fair(
        slug="salon-regional-artisanat-souss-massa",
        name="Salon Régional de l'Artisanat Souss-Massa",
        city="Agadir", country="MA", country_fr="Maroc",
        venue="Place Al Amal", street="Boulevard Hassan II", postal="80000",
        organizer="Chambre d'Artisanat de la Région Souss-Massa",
        start=35, end=41, fmt="ical", lang="fr",
        crafts=("cosmétique argan", "bijoux", "vannerie", "poterie"),
        listed=False, in_ical=True,
    ),
    Fair(
        slug="formex-stockholm",
        name="Formex",
        city="Stockholm", country="SE", country_fr="Suède",
        venue="Stockholmsmässan", street="Mässvägen 1", postal="125 80 Älvsjö",
        organizer="Stockholmsmässan",
        start=140, end=143, fmt="ical", lang="en",
        crafts=("décoration", "céramique", "textile / broderie"),
        listed=False, in_ical=True,
    ),
]

FAIRS_BY_SLUG = {f.slug: f for f in FAIRS}
LISTED = sorted((f for f in FAIRS if f.listed), key=lambda f: (f.start, f.slug))
PER_PAGE = 6
