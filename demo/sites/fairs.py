"""Trade-fair calendar "Salons & Foires Artisanat": paginated listing, detail
pages (JSON-LD / microdata / free text in fr, en, ar, de, es), an iCal feed
and an endless month calendar (crawler trap)."""
from __future__ import annotations

import calendar
import html
import json
import re

from markupsafe import Markup

from demo.dates import FR_MONTHS
from demo.httpcore import Response
from demo.sites.base import Ctx, Site
from demo.sites.fairs_data import FAIRS, FAIRS_BY_SLUG, LISTED, PER_PAGE, Fair

UI = {
    "fr": dict(tagline="L'agenda des salons pour les artisans et exportateurs", login="Connexion",
               exhibitor_area="Espace exposants", home="Accueil", fairs="Salons", calendar="Calendrier",
               exhibit="Exposer", contact="Contact", next_fairs="Prochains salons", newsletter="Alerte salons",
               newsletter_text="Recevez les nouveaux salons et les dates limites d'inscription.",
               ical="Ajouter à mon agenda (iCal)", legal="Mentions légales",
               disclaimer="Informations données à titre indicatif : vérifiez auprès des organisateurs.",
               cookie="Ce site utilise des cookies.", home_title="Salons & foires de l'artisanat marocain",
               dates="Dates", venue="Lieu", organizer="Organisateur", deadline="Date limite d'inscription",
               crafts="Métiers concernés", website="Site officiel du salon", back="Retour à la liste",
               others="Autres salons"),
    "en": dict(tagline="Trade fair calendar for artisans and exporters", login="Log in",
               exhibitor_area="Exhibitor area", home="Home", fairs="Fairs", calendar="Calendar",
               exhibit="Exhibit", contact="Contact", next_fairs="Upcoming fairs", newsletter="Fair alerts",
               newsletter_text="Get new fairs and application deadlines by email.",
               ical="Add to my calendar (iCal)", legal="Legal notice",
               disclaimer="Information provided for guidance only: check with the organisers.",
               cookie="This site uses cookies.", home_title="Moroccan crafts trade fairs", dates="Dates",
               venue="Venue", organizer="Organizer", deadline="Application deadline", crafts="Crafts",
               website="Official website", back="Back to the list", others="Other fairs"),
    "ar": dict(tagline="أجندة المعارض للصناع التقليديين والمصدرين", login="دخول", exhibitor_area="فضاء العارضين",
               home="الرئيسية", fairs="المعارض", calendar="التقويم", exhibit="شارك كعارض", contact="اتصل بنا",
               next_fairs="المعارض المقبلة", newsletter="تنبيهات المعارض",
               newsletter_text="توصل بالمعارض الجديدة وآجال التسجيل.", ical="أضف إلى أجندتي (iCal)",
               legal="إشعار قانوني", disclaimer="معلومات على سبيل الإشارة فقط.", cookie="يستعمل هذا الموقع ملفات تعريف الارتباط.",
               home_title="معارض الصناعة التقليدية", dates="التواريخ", venue="المكان", organizer="المنظم",
               deadline="آخر أجل للتسجيل", crafts="الحرف المعنية", website="الموقع الرسمي",
               back="العودة إلى اللائحة", others="معارض أخرى"),
    "de": dict(tagline="Messekalender für Kunsthandwerker und Exporteure", login="Anmelden",
               exhibitor_area="Ausstellerbereich", home="Startseite", fairs="Messen", calendar="Kalender",
               exhibit="Ausstellen", contact="Kontakt", next_fairs="Nächste Messen", newsletter="Messe-Alarm",
               newsletter_text="Neue Messen und Anmeldefristen per E-Mail.", ical="In meinen Kalender (iCal)",
               legal="Impressum", disclaimer="Alle Angaben ohne Gewähr.", cookie="Diese Website verwendet Cookies.",
               home_title="Messen für marokkanisches Kunsthandwerk", dates="Termin", venue="Ort",
               organizer="Veranstalter", deadline="Anmeldeschluss", crafts="Gewerke", website="Offizielle Website",
               back="Zurück zur Liste", others="Weitere Messen"),
    "es": dict(tagline="Calendario de ferias para artesanos y exportadores", login="Acceder",
               exhibitor_area="Área de expositores", home="Inicio", fairs="Ferias", calendar="Calendario",
               exhibit="Exponer", contact="Contacto", next_fairs="Próximas ferias", newsletter="Alertas",
               newsletter_text="Reciba las nuevas ferias y plazos de inscripción.", ical="Añadir a mi calendario (iCal)",
               legal="Aviso legal", disclaimer="Información orientativa.", cookie="Este sitio utiliza cookies.",
               home_title="Ferias de artesanía marroquí", dates="Fechas", venue="Lugar", organizer="Organizador",
               deadline="Fecha límite de inscripción", crafts="Oficios", website="Web oficial",
               back="Volver a la lista", others="Otras ferias"),
}

COUNTRY = {
    "fr": {"MA": "Maroc", "FR": "France", "DE": "Allemagne", "ES": "Espagne", "IT": "Italie", "US": "États-Unis", "SE": "Suède"},
    "en": {"MA": "Morocco", "FR": "France", "DE": "Germany", "ES": "Spain", "IT": "Italy", "US": "United States", "SE": "Sweden"},
}

CRAFTS_EN = {"tapis": "rugs", "poterie": "pottery", "céramique": "ceramics", "zellige": "zellige", "cuir": "leather",
             "bois / thuya": "thuya woodwork", "textile / broderie": "textiles / embroidery", "bijoux": "jewellery",
             "dinanderie": "brassware", "vannerie": "basketry", "tadelakt": "tadelakt",
             "cosmétique argan": "argan cosmetics", "décoration": "home decor", "luminaires": "lighting"}

ICAL_HOST = "salons-foires-artisanat.example"


def _ics_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", r"\;").replace(",", r"\,").replace("\n", r"\n")


def _ics_fold(line: str) -> str:
    """RFC 5545 §3.1: lines longer than 75 octets are folded (CRLF + space)."""
    out, cur = [], b""
    for ch in line:
        enc = ch.encode()
        if len(cur) + len(enc) > (75 if not out else 74):
            out.append(cur)
            cur = b""
        cur += enc
    out.append(cur)
    return "\r\n ".join(part.decode() for part in out)


class FairsSite(Site):
    name = "fairs"
    title = "Salons & Foires Artisanat"

    def setup_routes(self):
        self.add(r"/", self.home)
        self.add(r"/salons/(?:page/(\d+)/)?", self.listing)
        self.add(r"/salons/([\w-]+)/", self.detail)
        self.add(r"/salons\.ics", self.ical)
        self.add(r"/calendar", self.calendar)
        self.add(r"/sitemap\.xml", self.sitemap)
        self.add(r"/(exposer|contact|mentions-legales|connexion)/", self.static)

    def chrome(self, lang: str) -> dict:
        return dict(t=UI[lang], lang=lang, upcoming=LISTED[:4])

    def not_found_page(self, ctx: Ctx) -> bytes:
        return self.render("page.html", ctx, page_title="Page introuvable", heading="Page introuvable (404)",
                           paragraphs=["Ce salon n'est plus référencé."], **self.chrome("fr")).encode()

    # -- pages -----------------------------------------------------------------
    def home(self, ctx, m, q):
        return self.page("home.html", ctx, featured=LISTED[:4], **self.chrome("fr"))

    def listing(self, ctx, m, q):
        page = int(m.group(1) or 1)
        chunk, pages = self.paginate(LISTED, page, PER_PAGE)
        if chunk is None:
            return None
        return self.page("listing.html", ctx, items=chunk, page=page, pages=pages, total=len(LISTED),
                         page_url=lambda p: "/salons/" if p == 1 else f"/salons/page/{p}/", **self.chrome("fr"))

    def detail(self, ctx, m, q):
        f = FAIRS_BY_SLUG.get(m.group(1))
        if f is None or not f.listed:
            return None
        lang = f.lang
        body = Markup(self.render_string(f.text, ctx, f=f))
        date_text = ctx.dk.range(f.start, f.end, lang)
        crafts = f.crafts if lang == "fr" else tuple(CRAFTS_EN.get(c, c) for c in f.crafts)
        others = [o for o in LISTED if o is not f][:4]
        return self.page("fair.html", ctx, modified=-7, f=f, body=body, date_text=date_text,
                         crafts_text=", ".join(crafts), display_name=f.local_name or f.name,
                         country_name=COUNTRY.get(lang, COUNTRY["en"])[f.country], others=others,
                         jsonld=self.jsonld(f, ctx) if f.fmt == "jsonld" else "", **self.chrome(lang))

    def jsonld(self, f: Fair, ctx: Ctx) -> Markup:
        # Fès-Meknès: datetimes + @graph; the others: plain dates, single object.
        with_time = f.slug == "salon-regional-artisanat-fes-meknes"
        event = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": f.name,
            "startDate": ctx.dk.iso_dt(f.start, 10, 0) if with_time else ctx.dk.iso(f.start),
            "endDate": ctx.dk.iso_dt(f.end, 19, 0) if with_time else ctx.dk.iso(f.end),
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "location": {
                "@type": "Place",
                "name": f.venue,
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": f.street,
                    "postalCode": f.postal,
                    "addressLocality": f.city,
                    "addressCountry": f.country,
                },
            },
            "organizer": {"@type": "Organization", "name": f.organizer, **({"url": f.website} if f.website else {})},
            "image": ctx.abs(f"/static/img/logo-{f.slug[:20]}.svg"),
            "url": ctx.abs(f"/salons/{f.slug}/"),
            "description": html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", self.render_string(f.text, ctx, f=f)))).strip(),
        }
        if with_time:
            del event["@context"]
            data = {"@context": "https://schema.org", "@graph": [
                {"@type": "BreadcrumbList", "itemListElement": [
                    {"@type": "ListItem", "position": 1, "name": "Accueil", "item": ctx.abs("/")},
                    {"@type": "ListItem", "position": 2, "name": "Salons", "item": ctx.abs("/salons/")},
                    {"@type": "ListItem", "position": 3, "name": f.name}]},
                event]}
        else:
            data = event
        # "</" must not appear inside a <script> element
        return Markup(json.dumps(data, ensure_ascii=False, indent=2).replace("</", "<\\/"))

    def ical(self, ctx, m, q):
        stamp = ctx.dk.day(0).strftime("%Y%m%dT060000Z")
        lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Salons & Foires Artisanat//Agenda 2.3//FR",
                 "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:Salons & Foires Artisanat",
                 "X-WR-TIMEZONE:Africa/Casablanca"]
        for f in sorted((f for f in FAIRS if f.in_ical), key=lambda f: f.start):
            country = COUNTRY["fr"][f.country]
            lines += [
                "BEGIN:VEVENT",
                f"UID:{f.slug}-{ctx.dk.year(f.start)}@{ICAL_HOST}",
                f"DTSTAMP:{stamp}",
                f"DTSTART;VALUE=DATE:{ctx.dk.ical(f.start)}",
                f"DTEND;VALUE=DATE:{ctx.dk.ical(f.end + 1)}",          # exclusive end
                f"SUMMARY:{_ics_escape(f.name)}",
                f"LOCATION:{_ics_escape(f'{f.venue}, {f.street}, {f.postal} {f.city}, {country}')}",
                f"DESCRIPTION:{_ics_escape(f'{f.name} – {f.city} ({country}). Métiers : ' + ', '.join(f.crafts) + '.')}",
                f'ORGANIZER;CN="{f.organizer}":mailto:contact@{f.slug[:20]}.example',
                f"CATEGORIES:{','.join(_ics_escape(c) for c in f.crafts)}",
                f"URL:{ctx.abs('/salons/' + f.slug + '/') if f.listed else ctx.abs('/salons/')}",
                "STATUS:CONFIRMED",
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
        lines.append("END:VCALENDAR")
        body = "\r\n".join(_ics_fold(line) for line in lines) + "\r\n"
        return Response(200, body.encode(), "text/calendar; charset=utf-8", last_modified=ctx.dk.dt(-7, 6),
                        headers={"Content-Disposition": 'inline; filename="salons.ics"'})

    def calendar(self, ctx, m, q):
        raw = (q.get("month") or [ctx.today.strftime("%Y-%m")])[0]
        mm = re.fullmatch(r"(\d{4})-(\d{2})", raw)
        if not mm or not 1 <= int(mm.group(2)) <= 12:
            return None
        year, month = int(mm.group(1)), int(mm.group(2))
        prev_y, prev_m = (year, month - 1) if month > 1 else (year - 1, 12)
        next_y, next_m = (year, month + 1) if month < 12 else (year + 1, 1)   # forever: a crawler trap
        fairs = [f for f in LISTED if (ctx.dk.day(f.start).year, ctx.dk.day(f.start).month) == (year, month)]
        by_day: dict[int, list] = {}
        for f in fairs:
            by_day.setdefault(ctx.dk.day(f.start).day, []).append(f)
        weeks = calendar.monthcalendar(year, month) if 1 <= year <= 9999 else []
        label = f"{FR_MONTHS[month - 1]} {year}"
        return self.page("calendar.html", ctx, month_label=label, prev_month=f"{prev_y:04d}-{prev_m:02d}",
                         next_month=f"{next_y:04d}-{next_m:02d}", weeks=weeks, by_day=by_day, fairs=fairs,
                         **self.chrome("fr"))

    def sitemap(self, ctx, m, q):
        urls = [("/", ctx.dk.iso(0)), ("/salons/", ctx.dk.iso(0)), ("/salons/page/2/", ctx.dk.iso(0))]
        urls += [(f"/salons/{f.slug}/", ctx.dk.iso(-7)) for f in LISTED]
        xml = self.render("sitemap.xml", ctx, urls=urls)
        return Response(200, xml.encode(), "application/xml; charset=utf-8", last_modified=ctx.dk.dt(0, 6))

    def static(self, ctx, m, q):
        texts = {
            "exposer": ("Exposer dans un salon", [
                "Préparez votre dossier six mois à l'avance : catalogue, tarifs export, échantillons.",
                "Les délégations régionales de l'Artisanat et la Maison de l'Artisan accompagnent les coopératives."]),
            "contact": ("Contact", ["contact@salons-foires-artisanat.example – Rabat, Maroc"]),
            "mentions-legales": ("Mentions légales", ["Site de démonstration ; données fictives."]),
            "connexion": ("Connexion", ["Espace réservé aux exposants inscrits."]),
        }
        title, paras = texts[m.group(1)]
        return self.page("page.html", ctx, modified=-60, page_title=title, heading=title, paragraphs=paras,
                         **self.chrome("fr"))
