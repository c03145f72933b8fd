"""Lines that extraction keeps inside an article body but that are page furniture.

Teasers for other articles ("Related: <link>", headlines listed after the text), calls to subscribe
or follow, newsletter pitches and appeals, section labels ("Comments", "Tags") and taxonomy lines,
reading-time notices, a wire story's credits, a standfirst shown as a sub-heading in the article's
header, the page's own address printed above the text, and the site's own copyright notice. Each rule
was kept only where the held-out part did not drop.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from urllib.parse import urlsplit

from lxml import html

from spiders.extract.body_notices import is_notice
from spiders.extract.dates import find_date_spans, month_languages
from spiders.extract.textutil import one_line, word_key

_MAX_FURNITURE_CHARS = 260
_MIN_TEASER_WORDS = 3
# "Related: <title>", "[Related: <title>]", "SEE MORE: <title>": a teaser label, then one link's text.
_LABELLED_LINK = re.compile(
    r"^\W*(?:related(?: \w+)?|see (?:more|also)|also see|more on this|don'?t miss|(?:à |a )?lire (?:aussi|également)"
    r"|voir aussi|lesen sie auch|auch lesen|zum weiterlesen|schon gelesen|mehr zum thema|lee también|lea también"
    r"|lea más|lea|le puede interesar|te puede interesar|vea también|ver también|mira|leggi anche|vedi anche)\s*[:?]\s*"
    r"(?P<rest>.+?)\]?\s*$",
    re.IGNORECASE,
)
_SECTION_LABEL = re.compile(
    r"^\W*(?:comments?|\d+\s+comments?|tags?|share(?: this(?: article| story)?)?|advertisement|don'?t miss"
    r"|explore further|you (?:may|might) also like|most read(?: in [\w\s]+)?|related (?:articles|stories|posts|content)"
    r"|see also|lire aussi|à lire aussi|a lire aussi|sur le même sujet|commentaires|partager"
    r"|lesen sie auch|mehr zum thema|kommentare|teilen|te puede interesar|lee también|comentarios|compartir"
    r"|leggi anche|commenti|condividi|اقرأ أيضا|اقرأ أيضاً|تعليقات|شارك|lire également|à lire également"
    r"|notas relacionadas|le puede interesar|lea también|vea también|temas relacionados|schon gelesen|auch lesen"
    r"|zum weiterlesen|weitere artikel zum thema|empfohlene beiträge|(?:das )?(?:thema )?könnte dich auch interessieren"
    r"|weitere beiträge(?: [\w\s]+)?|teilen sie dies mit|bewerten|kommentierte artikel"
    # advertising labels and a table of contents' title, alone on their line
    r"|anzeige|werbung|publicité|publicidad|pubblicità|sponsored|inhaltsverzeichnis|table of contents|sommaire"
    r"|beitragsbild|temas)\W*$",
    re.IGNORECASE,
)
_CALL_TO_ACTION = re.compile(
    r"^\W*(?:subscribe (?:to|for|now)|click here to (?:subscribe|sign up)|get the latest\b.*\bsubscribe"
    r"|follow (?:us|@\w+|the [\w\s.]+?) on (?:twitter|facebook|instagram|linkedin|x\b)|abonnez-vous|inscrivez-vous à (?:la|notre) newsletter"
    r"|suscríbete|abonnieren sie"
    # "If you enjoyed this article, …": the appeal that follows the text.
    r"|if you (?:enjoyed|liked|appreciated|valued) (?:reading )?(?:this|the|our) (?:article|post|story|piece|read|reporting)"
    r"|(?:ihnen|dir) hat (?:der|dieser) (?:artikel|beitrag) gefallen|hat (?:ihnen|dir) (?:der|dieser) (?:artikel|beitrag) gefallen"
    r"|si (?:cet article vous a plu|vous avez aimé cet article)|si te gustó (?:este|esta) (?:artículo|nota)"
    r"|se você gostou (?:deste|desse) (?:artigo|post|texto))",
    re.IGNORECASE,
)
# The publisher selling its own newsletter or issue: "Get the headlines delivered to your inbox by subscribing to our newsletter".
_NEWSLETTER_PITCH = re.compile(
    r"\bdelivered (?:to|through|straight to|right to) your (?:inbox|letterbox|mailbox|door)"
    r"|\b(?:to|for|subscribing to|subscribe to) our (?:free |daily |weekly )?newsletter|\bunseren (?:kostenlosen )?newsletter"
    r"|\bnotre (?:newsletter|lettre d'information)|\bnuestr[oa] (?:boletín|newsletter)"
    r"|\bdownload (?:the|our) (?:[\w-]+ ){0,3}apps? (?:for|on) (?:ios|android|iphone)|\b(?:submit|send) (?:us )?your letters? to the editor",
    re.IGNORECASE,
)
# A wire story's closing credits: "(Reporting by A; Editing by B)".
_WIRE_CREDITS = re.compile(
    r"^\W*(?:\(?\s*(?:additional )?reporting by\b.*\b(?:editing|writing) by\b|\(?\s*(?:editing|writing) by\b.*\breporting by\b)",
    re.IGNORECASE,
)
# A post's taxonomy line: "Filed under: Pottery | Fairs", "Kategorie: News", "Tags: kilns, glazes".
_TAXONOMY_LINE = re.compile(
    r"^\W*(?:filed under|posted in|categor(?:y|ies)|tagged(?: with| as)?|tags?|catégories?|classé dans|publié dans"
    r"|kategorien?|schlagwörter|etiquetas|categorías?|archivado en|categorie|argomenti|rubriek)\s*:\s*(?P<rest>.+)$",
    re.IGNORECASE,
)
_MAX_TAXONOMY_WORDS = 10
# A time alone on its line ("19:49", "3:59 PM"): the post's stamp, not its text.
_TIME_ONLY = re.compile(r"^\W*\d{1,2}[:h.]\d{2}(?:\s*(?:am|pm|a\.m\.|p\.m\.|uhr|h))?\W*$", re.IGNORECASE)
# A photo credit alone: "Getty Images", "AFP / MARCO BERTORELLO", "Foto: dpa", "(Photo: Reuters)".
_PHOTO_CREDIT = re.compile(
    r"^\W*(?:(?:photos?|fotos?|bild(?:er)?|images?|cr[ée]dits?(?: photo)?|fotograf[íi]a)\s*:\s*\S.{0,50}"
    r"|(?:[\w.-]+\s*/\s*)?(?:getty images|afp|reuters|dpa|efe|ansa|shutterstock|istock(?:photo)?|ap photo|picture alliance)"
    r"(?:\s*(?:/|via|,)\s*[\w .-]{0,40})?)\W*$",
    re.IGNORECASE,
)
_MAX_CREDIT_CHARS = 70
# A paywall's prompt where the text stops: "Pour lire la suite", "Réservé aux abonnés", "Subscribe to continue reading".
_PAYWALL = re.compile(
    r"^\W*(?:pour (?:lire|accéder à) la suite|pour accéder en illimité|réservé aux abonnés|article réservé aux abonnés"
    r"|subscribe to (?:continue|keep) reading|this (?:article|content) is (?:only )?(?:available )?(?:for|to) subscribers"
    r"|(?:jetzt )?weiterlesen mit|dieser (?:artikel|beitrag) ist (?:nur )?für abonnenten|contenido exclusivo para suscriptores"
    r"|para seguir leyendo|per continuare a leggere)",
    re.IGNORECASE,
)
# The site's copyright notice or photo credit: "copyright Example 2019 - ISSN …", "photos © Example". A wire
# service's notice ("© 2019 Associated Press. All Rights Reserved…") goes with its story and stays.
_COPYRIGHT_LINE = re.compile(
    r"©|\(c\)\s|\bcopyright(?:ed)?\b|\b(?:all rights reserved|tous droits réservés|alle rechte vorbehalten"
    r"|todos los derechos reservados|tutti i diritti riservati|todos os direitos reservados|جميع الحقوق محفوظة)",
    re.IGNORECASE,
)
_MAX_COPYRIGHT_CHARS = 160
_PITCH_WORDS = ("newsletter", "your", "lettre d", "boletín", " app")  # one of them is in every _NEWSLETTER_PITCH form
# The comment box's own words: "Tell us what YOU think", a moderation notice, "Laissez un commentaire".
_COMMENT_CALL = re.compile(
    r"^\W*(?:tell us what you think|leave a (?:comment|reply)|what do you think\?|laissez un commentaire|réagissez"
    r"|deja (?:un|tu) comentario|hinterlassen sie einen kommentar|lascia un commento|deixe (?:um|seu) comentário)\W*$",
    re.IGNORECASE,
)
# "5 min read", "Reading time: 4 minutes", "Temps de lecture : 3 min", "Lesezeit: 2 Minuten".
_READING_TIME = re.compile(
    r"^\W*(?:(?:estimated |approx\.? )?(?:reading|read) time|temps de lecture|tempo de leitura|tiempo de lectura"
    r"|tempo di lettura|lesezeit|lesedauer|leestijd)\s*:?\s*(?:ca\.?\s*|etwa\s*|~\s*)?\d+\s*(?:min\w*\.?|mn)\W*$"
    r"|^\W*\d+\s*(?:-\s*)?(?:min\w*\.?)\s*(?:read|de lecture|de leitura|de lectura|di lettura|lesezeit|lesedauer|leestijd)\W*$",
    re.IGNORECASE,
)
_COMMENT_WORD = re.compile(r"\b(?:comments?|commentaires?|comentários?|comentarios?|kommentare?|commenti|commento)\b", re.IGNORECASE)
_MODERATION_WORD = re.compile(r"\b(?:moderat\w*|modér\w*|aprovad\w*|approved|approuvés?|freigeschaltet|pubblicat\w*|publicad\w*)", re.IGNORECASE)
_MOSTLY_LINK = 0.6
_LIST_SEPARATORS = re.compile(r"\s*[,|•·]\s*")
_TEASER_SEPARATORS = re.compile(r"^[\s|•·>-]+|[\s|•·]+$")
_LIST_BULLET = re.compile(r"^[\s\-•·*]+")
_MIN_TEASER_RUN = 2
_MAX_HEADLINE_CHARS = 160
_CLOSING_SLACK_LINES = 2  # a run of teasers may be followed by an editor's note or a contact line
_BARE_URL = re.compile(r"^\s*https?://\S+\s*$")
_STANDFIRST_TAGS = ("h2", "h3", "h4", "h5", "h6")
_LEADING_LINES = 3
_MAX_TIMESTAMP_CHARS = 60
_MAX_ABBREVIATION_CHARS = 3  # "Tue.", "am", "at": beside a date, words this short are part of the stamp
_DIGIT = re.compile(r"\d")
_TIME_OF_DAY = re.compile(r"\d{1,2}[:h.]\d{2}(?::\d{2})?")
_LETTERS = re.compile(r"[^\W\d_]+")
_HEADLINE_LINES = 2


def drop_furniture(
    lines: list[str], tree: html.HtmlElement, headlines: Sequence[str] = (), descriptions: Sequence[str] = ()
) -> list[str]:
    link_texts = _LazyLinkTexts(tree)
    kept: list[str] = []
    in_teasers = False  # under a "Don't miss" / "Most read" label, the links that follow are teasers too
    for line in lines:
        if len(line) <= _MAX_FURNITURE_CHARS and _SECTION_LABEL.match(line):
            in_teasers = True
            continue
        if in_teasers and link_texts.mostly_link(_TEASER_SEPARATORS.sub("", line)):
            continue
        in_teasers = False
        if not _is_furniture(line, link_texts):
            kept.append(line)
    kept = _drop_leading_furniture(_drop_closing_teasers(kept, link_texts), tree, headlines, descriptions)
    return kept if kept else lines


class _LazyLinkTexts:
    """The page's link texts, collected only once a line looks like a teaser."""

    def __init__(self, tree: html.HtmlElement) -> None:
        self._tree = tree
        self._texts: set[str] | None = None

    def __contains__(self, text: str) -> bool:
        return text in self._all()

    def mostly_link(self, line: str) -> bool:
        """Whether the line starts with a link that makes most of it: "<a>Title</a> [VIDEO]"."""
        texts = self._all()
        parts = _LIST_SEPARATORS.split(line)
        if len(parts) > 1 and all(part in texts for part in parts):
            return True  # "kilns, glazes, fairs": a list of tag links
        return line in texts or any(
            len(t) >= _MOSTLY_LINK * len(line) and line.startswith(t) for t in texts if t[:1] == line[:1] and t
        )

    def _all(self) -> set[str]:
        if self._texts is None:
            self._texts = {one_line(a.text_content()) for a in self._tree.iter("a")}
        return self._texts


def _drop_closing_teasers(lines: list[str], link_texts: _LazyLinkTexts) -> list[str]:
    """Headlines of other articles listed after the text, their heading lost: two lines or more near
    the end, each the whole text of one link. A list under its own "Read more:" label is the text's."""
    for last in range(len(lines) - 1, max(0, len(lines) - 2 - _CLOSING_SLACK_LINES), -1):
        shaped = last
        while shaped > 0 and _looks_like_headline(lines[shaped]):
            shaped -= 1
        if last - shaped < _MIN_TEASER_RUN:
            continue  # the page's link texts are only collected for a run of headline-like lines
        start = last
        while start > shaped and _LIST_BULLET.sub("", lines[start]) in link_texts:
            start -= 1
        if last - start >= _MIN_TEASER_RUN and not lines[start].rstrip().endswith(":"):
            return lines[: start + 1] + lines[last + 1 :]
    return lines


def _looks_like_headline(line: str) -> bool:
    text = _LIST_BULLET.sub("", line)
    return len(text) <= _MAX_HEADLINE_CHARS and len(text.split()) >= _MIN_TEASER_WORDS and not text.endswith(".")


def _is_furniture(line: str, link_texts: _LazyLinkTexts) -> bool:
    if len(line) > _MAX_FURNITURE_CHARS:
        return False
    if _SECTION_LABEL.match(line) or _CALL_TO_ACTION.match(line) or _COMMENT_CALL.match(line):
        return True
    if _READING_TIME.match(line) or _WIRE_CREDITS.match(line) or _pitches_newsletter(line):
        return True
    if _TIME_ONLY.match(line) or _PAYWALL.match(line) or (len(line) <= _MAX_CREDIT_CHARS and _PHOTO_CREDIT.match(line)):
        return True
    if is_notice(line):
        return True
    if _COMMENT_WORD.search(line) and _MODERATION_WORD.search(line):
        return True  # "ATENÇÃO: Comentários … não serão aprovados pelo moderador."
    taxonomy = _TAXONOMY_LINE.match(line)
    if taxonomy is not None:
        rest = _TEASER_SEPARATORS.sub("", taxonomy.group("rest"))
        return len(rest.split()) <= _MAX_TAXONOMY_WORDS and link_texts.mostly_link(rest)
    match = _LABELLED_LINK.match(line)
    if match is None:
        return False
    # The whole rest is the link: "see also: <a>the guide</a> we wrote" is a sentence that holds a link.
    rest = match.group("rest").strip()
    return len(rest.split()) >= _MIN_TEASER_WORDS and rest in link_texts


def _pitches_newsletter(line: str) -> bool:
    # The unanchored pattern costs ~7 µs a line; a substring test first keeps it off ordinary prose.
    lowered = line.lower()
    return any(word in lowered for word in _PITCH_WORDS) and _NEWSLETTER_PITCH.search(line) is not None


def _drop_leading_furniture(
    lines: list[str], tree: html.HtmlElement, headlines: Sequence[str], descriptions: Sequence[str]
) -> list[str]:
    """The page's address, the headline again and a standfirst, above the first paragraph."""
    headline_keys = {word_key(h) for h in headlines if h}
    headline_keys.discard("")
    standfirst = _standfirst_test(tree, descriptions)
    start = 0
    while start < min(_LEADING_LINES, len(lines) - 1):
        line = lines[start]
        headline = start < _HEADLINE_LINES and word_key(line) in headline_keys
        if not (_BARE_URL.match(line) or headline or standfirst(line) or _is_timestamp(line)):
            break
        start += 1
    return lines[start:]


def _is_timestamp(line: str) -> bool:
    """ "Published 18 November 2019", "UPDATED: Tue., Nov. 19, 2019": the dateline, not the text."""
    if len(line) > _MAX_TIMESTAMP_CHARS or not _DIGIT.search(line):
        return False
    # Any language the date table knows: the page's own language is not known yet here.
    spans = find_date_spans(line, month_languages())
    if len(spans) != 1:
        return False
    rest = _TIME_OF_DAY.sub(" ", line[: spans[0].begin] + " " + line[spans[0].finish:])
    label = [w for w in _LETTERS.findall(rest) if len(w) > _MAX_ABBREVIATION_CHARS]
    return len(label) <= 1


def _standfirst_test(tree: html.HtmlElement, descriptions: Sequence[str]) -> Callable[[str], bool]:
    """The page summary set as a sub-heading in the article's <header> is a standfirst, not its text.

    The same summary in a paragraph, or as a sub-heading among the text, stays.
    """
    keys = {word_key(d) for d in descriptions if d}
    keys.discard("")

    def test(line: str) -> bool:
        key = word_key(line)
        if key not in keys:
            return False
        size = len(line)
        shown = [
            e for e in tree.iter(*_STANDFIRST_TAGS, "p")
            if abs(len(text := one_line(e.text_content())) - size) <= size // 4 and word_key(text) == key
        ]
        return bool(shown) and all(e.tag in _STANDFIRST_TAGS and _in_header(e) for e in shown)

    return test


def _in_header(element: html.HtmlElement) -> bool:
    return any(a.tag == "header" for a in element.iterancestors())


_BLURB_VERB = re.compile(
    r"^\W*(?:[^\W\d_][\w&.\-]*\s+){0,3}?(?:is|are|was|est|ist|es|è|é|has\s+been|was\s+founded)\s+(?:a|an|the|un|une|le|la|ein|eine|der|die|el|una|il|uno)?\s*"
    r"|^\W*(?:[^\W\d_][\w&.\-]*\s+){0,3}?(?:is\s+headquartered|is\s+based|a\s+son\s+siège|has\s+its\s+headquarters)",
    re.IGNORECASE,
)
_MAX_BLURB_LINES = 3
_MIN_LINES_BEFORE_BLURB = 4


def drop_publisher_blurb(lines: list[str], url: str | None) -> list[str]:
    """A press release's closing "About us" paragraphs ("Ascom is a global solutions provider…", "X is
    headquartered in…"): the publisher describing itself, named as its site is, after the news itself."""
    name = _publisher_name(url)
    if not name:
        return lines
    lines = [line for line in lines if not _publisher_copyright(line, name)]
    if len(lines) < _MIN_LINES_BEFORE_BLURB + 1:
        return lines
    end = len(lines)
    while end > len(lines) - _MAX_BLURB_LINES and end > _MIN_LINES_BEFORE_BLURB:
        line = lines[end - 1].strip()
        if not line:
            end -= 1
            continue
        words = [re.sub(r"[\W_]+", "", w.lower()) for w in line.split()[:3]]
        named = any("".join(words[:n]) == name for n in range(1, len(words) + 1))
        if not named or not _BLURB_VERB.match(line):
            break
        end -= 1
    return lines[:end]


def _publisher_copyright(line: str, name: str) -> bool:
    if len(line) > _MAX_COPYRIGHT_CHARS or _COPYRIGHT_LINE.search(line) is None:
        return False
    return name in re.sub(r"[\W_]+", "", line.lower())


def _publisher_name(url: str | None) -> str | None:
    host = (urlsplit(url).hostname or "") if url else ""
    labels = [label for label in host.lower().split(".") if label not in ("www", "news", "blog", "press", "media")]
    return labels[0].replace("-", "") if len(labels) >= 2 and len(labels[0]) >= 3 else None
