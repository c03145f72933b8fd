"""Pure extractors: page bytes or text in, typed frozen records out (no crawling knowledge).

Public entry points:
    news.extract_article(html, url) -> ExtractedArticle
    offers.extract_offer(html, url) -> ExtractedOffer
    fairs.extract_fairs(html_or_text, url, language, page_date) -> list[ExtractedFair]
    fairs.parse_ical(data) -> list[ExtractedFair]
    feeds.parse_feed(data, url) -> list[FeedEntry];  feeds.parse_feed_date(text)
    prices.parse_price(text, currency_hint, decimal_separator) -> ParsedPrice
    currency.to_iso(symbol), currency.find_currency(text)
    dates.parse_date_range(text, languages, base), dates.find_date_spans(text, languages),
    dates.parse_date_string(text, languages, base)
    language.detect_language(text, hint)
"""
