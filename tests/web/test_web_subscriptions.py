"""Salon alerts and saved searches: double opt-in by email, preferences, one-click unsubscribe, CSRF."""
from __future__ import annotations

import re
import uuid
from email import message_from_bytes, policy
from email.message import EmailMessage
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from bs4 import BeautifulSoup
from web_support import Site

from alerts.subscriptions import SubscriptionStore

pytestmark = pytest.mark.timeout(60)


def unique_email() -> str:
    return f"atelier-{uuid.uuid4().hex[:8]}@exemple.ma"


def csrf_token(http: httpx.Client, path: str = "/subscribe") -> str:
    soup = BeautifulSoup(http.get(path).text, "html.parser")
    return soup.select_one('input[name="csrf_token"]')["value"]


def mails_to(site: Site, address: str) -> list[EmailMessage]:
    if not site.outbox.exists():
        return []
    # Files are named by Message-ID, a hash: the order they were written in is their mtime's.
    files = sorted(site.outbox.glob("*.eml"), key=lambda p: (p.stat().st_mtime_ns, p.name))
    found = [message_from_bytes(p.read_bytes(), policy=policy.default) for p in files]
    return [m for m in found if m["To"] == address]  # type: ignore[misc]


def token_link(message: EmailMessage, path: str) -> str:
    text = message.get_body(preferencelist=("plain",)).get_content()  # type: ignore[union-attr]
    match = re.search(rf"https?://\S+{path}\?token=([\w.\-]+)", text)
    assert match, text
    return match.group(1)


def subscribe(http: httpx.Client, email: str, **overrides: object) -> httpx.Response:
    form: dict[str, object] = {"csrf_token": csrf_token(http), "email": email, "name": "Coopérative Tifawin",
                               "language": "fr", "crafts": ["tapis", "cuir"], "countries": ["europe", "MA"],
                               "window_min_days": "30", "window_max_days": "200", "frequency": "weekly"}
    form.update(overrides)
    return http.post("/subscribe", data=form)


def test_subscribe_confirm_preferences_unsubscribe(site: Site) -> None:
    store = SubscriptionStore(site.backend)
    email = unique_email()
    with site.client() as http:
        response = subscribe(http, email)
        assert response.status_code == 200
        [sub] = store.list(email=email)
        assert (sub.kind, sub.confirmed, sub.crafts, sub.countries) == ("salon", False, ["tapis", "cuir"], ["europe", "MA"])
        assert (sub.window_min_days, sub.window_max_days, sub.frequency) == (30, 200, "weekly")
        assert email in response.text
        [mail] = mails_to(site, email)
        token = token_link(mail, "/confirm")

        confirm_page = http.get("/confirm", params={"token": token})
        assert confirm_page.status_code == 200 and store.get(sub.id).confirmed is False  # a GET changes nothing
        soup = BeautifulSoup(confirm_page.text, "html.parser")
        form = soup.select_one('form[action^="/confirm"]')
        confirmed = http.post(form["action"], data={"csrf_token": form.select_one('[name="csrf_token"]')["value"]})
        assert confirmed.status_code == 200 and "Abonnement confirmé" in confirmed.text
        assert store.get(sub.id).confirmed is True

        prefs_href = BeautifulSoup(confirmed.text, "html.parser").select_one('a[href^="/preferences"]')["href"]
        prefs = BeautifulSoup(http.get(prefs_href).text, "html.parser")
        assert prefs.select_one("#craft-tapis").has_attr("checked") and prefs.select_one("#window_max_days")["value"] == "200"
        form = prefs.select_one("form.stacked-form")
        updated = http.post(form["action"], data={
            "csrf_token": form.select_one('[name="csrf_token"]')["value"], "name": "Tifawin", "language": "ar",
            "crafts": ["poterie"], "countries": ["DE"], "window_min_days": "10", "window_max_days": "90",
            "frequency": "daily"})
        assert updated.status_code == 200 and "تم حفظ التفضيلات" not in updated.text  # UI stays in French
        assert "Préférences enregistrées" in updated.text
        [new] = store.list(email=email)
        assert (new.crafts, new.countries, new.language, new.frequency, new.confirmed) == (["poterie"], ["DE"], "ar", "daily", True)
        assert store.get(sub.id) is None  # the old filter is replaced, not duplicated

    # RFC 8058: the mail provider posts without cookies nor CSRF token
    unsubscribe_token = site.signer.sign(new.id, "unsubscribe")
    with site.client() as provider:
        shown = provider.get("/unsubscribe", params={"token": unsubscribe_token})
        assert shown.status_code == 200 and store.get(new.id) is not None
        assert "ne recevrez plus" not in shown.text and "confirmez avec le bouton" in shown.text  # nothing done yet
        gone = provider.post("/unsubscribe", params={"token": unsubscribe_token},
                             content=b"List-Unsubscribe=One-Click",
                             headers={"Content-Type": "application/x-www-form-urlencoded"})
        assert gone.status_code == 200
        assert store.get(new.id) is None
        again = provider.post("/unsubscribe", params={"token": unsubscribe_token}, content=b"List-Unsubscribe=One-Click")
        assert again.status_code == 200  # idempotent


def test_confirmation_mail_offers_one_click_links(site: Site) -> None:
    email = unique_email()
    with site.client() as http:
        subscribe(http, email, language="en")
    [mail] = mails_to(site, email)
    token = token_link(mail, "/confirm")
    [sub] = SubscriptionStore(site.backend).list(email=email)
    assert site.signer.verify(token, "confirm") == sub.id


@pytest.mark.parametrize("overrides, field, message", [
    ({"email": ""}, "email", "Indiquez votre adresse e-mail"),
    ({"email": "pas-une-adresse"}, "email", "n'est pas valide"),
    ({"email": "a@b.ma\r\nBcc: victim@x.ma"}, "email", "n'est pas valide"),
    ({"window_min_days": "300", "window_max_days": "30"}, "window_max_days", "plus petit"),
    ({"window_min_days": "-3"}, "window_min_days", "nombre entier entre 0 et 730"),
    ({"crafts": ["plastique"]}, "crafts", "Choisissez une valeur"),
    ({"countries": ["Atlantis"]}, "countries", "Choisissez une valeur"),
    ({"frequency": "hourly"}, "frequency", "Choisissez une valeur"),
    ({"name": "x" * 300}, "name", "120 caractères au maximum"),
])
def test_invalid_form_is_rerendered_with_field_messages(site: Site, overrides: dict[str, object], field: str,
                                                        message: str) -> None:
    fields = dict(overrides)
    email = str(fields.pop("email", unique_email()))
    with site.client() as http:
        response = subscribe(http, email, **fields)
    assert response.status_code == 400
    soup = BeautifulSoup(response.text, "html.parser")
    error = soup.select_one(f"#{field}-error")
    assert error is not None and message in error.get_text()
    assert soup.select_one('[role="alert"]') is not None
    if "email" not in overrides:
        assert soup.select_one("#email")["value"] == email  # what the reader typed is kept
        assert SubscriptionStore(site.backend).list(email=email) == []


def test_post_without_csrf_token_is_refused(site: Site) -> None:
    email = unique_email()
    with site.client() as http:
        response = http.post("/subscribe", data={"email": email})
        assert response.status_code == 403 and "Formulaire expiré" in response.text
        token = csrf_token(http)
        forged = http.post("/subscribe", data={"csrf_token": token, "email": email},
                           headers={"Origin": "https://evil.example"})
        assert forged.status_code == 403
        wrong = http.post("/subscribe", data={"csrf_token": "x" * 43, "email": email})
        assert wrong.status_code == 403
    assert SubscriptionStore(site.backend).list(email=email) == []


@pytest.mark.parametrize("path", ["/confirm", "/unsubscribe", "/preferences"])
def test_forged_or_misused_tokens_are_rejected(site: Site, path: str) -> None:
    other_purpose = site.signer.sign("sub-0000000000000000", "confirm" if path != "/confirm" else "unsubscribe")
    with site.client() as http:
        for token in ("", "forged.token", "x" * 1000, other_purpose):
            response = http.get(path, params={"token": token})
            assert response.status_code == 400 and "Lien non valide" in response.text
        assert http.post("/unsubscribe", params={"token": "forged"}).status_code == 400


def test_valid_token_of_a_removed_subscription(site: Site) -> None:
    token = site.signer.sign("sub-ffffffffffffffff", "preferences")
    with site.client() as http:
        response = http.get("/preferences", params={"token": token})
    assert response.status_code == 404 and "Abonnement introuvable" in response.text


def test_saving_a_search_creates_an_unconfirmed_alert(site: Site) -> None:
    email = unique_email()
    store = SubscriptionStore(site.backend)
    with site.client() as http:
        soup = BeautifulSoup(http.get("/search", params={"q": "pouf", "kind": "offer", "language": "en"}).text,
                             "html.parser")
        form = soup.select_one('form[action="/saved-searches"]')
        assert form is not None
        query = form.select_one('[name="query"]')["value"]
        response = http.post("/saved-searches", data={
            "csrf_token": form.select_one('[name="csrf_token"]')["value"], "query": query,
            "name": "Poufs en cuir", "email": email, "frequency": "weekly"})
        assert response.status_code == 200
        [sub] = store.list(email=email)
        assert (sub.kind, sub.title, sub.frequency, sub.confirmed) == ("search", "Poufs en cuir", "weekly", False)
        assert sub.query == {"q": "pouf", "kind": ["offer"], "lang": ["en"]}
        run = BeautifulSoup(response.text, "html.parser").select_one('a[href^="/search?"]')["href"]
        assert parse_qs(urlsplit(run).query) == {"q": ["pouf"], "kind": ["offer"], "language": ["en"]}
        assert len(mails_to(site, email)) == 1


def test_saving_a_search_validates_name_and_query(site: Site) -> None:
    email = unique_email()
    with site.client() as http:
        token = csrf_token(http, "/search?q=tapis")
        response = http.post("/saved-searches", data={"csrf_token": token, "query": "q=tapis&page=abc&craft=plastique",
                                                      "name": "", "email": email})
    assert response.status_code == 400
    soup = BeautifulSoup(response.text, "html.parser")
    assert "obligatoire" in soup.select_one("#name-error").get_text()
    assert "Métier inconnu « plastique »" in soup.select_one('[role="alert"]').get_text()
    assert SubscriptionStore(site.backend).list(email=email) == []


def test_saved_search_preferences_keep_the_query(site: Site) -> None:
    from alerts.subscriptions import make_subscription
    store = SubscriptionStore(site.backend)
    sub = store.save(make_subscription(kind="search", email=unique_email(), title="Zellige à Fès",
                                       query={"q": "zellige", "country": ["MA"]}, confirmed=True))
    token = site.signer.sign(sub.id, "preferences")
    with site.client() as http:
        soup = BeautifulSoup(http.get("/preferences", params={"token": token}).text, "html.parser")
        assert soup.select_one("#name")["value"] == "Zellige à Fès"
        assert parse_qs(urlsplit(soup.select_one('a[href^="/search?"]')["href"]).query) == {"q": ["zellige"], "country": ["MA"]}
        form = soup.select_one("form.stacked-form")
        response = http.post(form["action"], data={"csrf_token": form.select_one('[name="csrf_token"]')["value"],
                                                   "name": "Zellige", "language": "en", "frequency": "weekly"})
    assert response.status_code == 200
    updated = store.get(sub.id)  # same filter, same id
    assert (updated.title, updated.language, updated.frequency, updated.query, updated.confirmed) == (
        "Zellige", "en", "weekly", {"q": "zellige", "country": ["MA"]}, True)


def texts_to(site: Site, phone: str) -> list[dict[str, object]]:
    import json
    folder = site.outbox / "channels"
    found = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))] if folder.exists() else []
    return [m for m in found if m["to"] == phone]


def test_subscribe_by_phone_alone_is_confirmed_by_sms(site: Site) -> None:
    store = SubscriptionStore(site.backend)
    phone = f"+21266{uuid.uuid4().int % 10**7:07d}"  # 066… numbers are all valid mobiles
    national = "0" + phone[4:]
    with site.client() as http:
        page = BeautifulSoup(http.get("/subscribe", params={"lang": "ar"}).text, "html.parser")
        assert page.select_one('label[for="phone"]').get_text() == "الهاتف المحمول"
        assert page.select_one("#channel-email").has_attr("checked") and page.select_one("#channel-whatsapp")
        response = subscribe(http, "", phone=national, channels=["sms", "whatsapp"])
        assert response.status_code == 200, response.text
        assert phone in response.text and "أكّد على هاتفك" in response.text  # the page kept the Arabic UI
    [sub] = [s for s in store.list(kind="salon") if s.phone == phone]
    assert (sub.email, sub.channels, sub.confirmed) == ("", ["sms", "whatsapp"], False)
    [text] = texts_to(site, phone)
    assert text["channel"] == "sms" and "/confirm?token=" in str(text["text"]) and text["segments"] >= 1
    assert not mails_to(site, "")


@pytest.mark.parametrize("overrides, field, message", [
    ({"phone": "0522 12 34 56", "channels": ["sms"]}, "phone", "n'est pas un mobile valide"),
    ({"phone": "", "channels": ["whatsapp"]}, "phone", "Indiquez un téléphone mobile"),
    ({"phone": "0661234567", "channels": ["pigeon"]}, "channels", "Choisissez une valeur"),
    ({"phone": "0661234567", "channels": ["email"]}, "email", "Indiquez votre adresse e-mail"),
])
def test_bad_phone_or_channels_are_rerendered_with_field_messages(site: Site, overrides: dict[str, object],
                                                                  field: str, message: str) -> None:
    with site.client() as http:
        response = subscribe(http, "", **overrides)
    assert response.status_code == 400
    error = BeautifulSoup(response.text, "html.parser").select_one(f"#{field}-error")
    assert error is not None and message in error.get_text()


def test_the_public_form_never_rewrites_a_confirmed_alert(site: Site) -> None:
    """Anyone may know an address: posting the form again mails its owner the preferences link, and changes nothing."""
    store = SubscriptionStore(site.backend)
    email = unique_email()
    with site.client() as http:
        assert subscribe(http, email).status_code == 200
        [sub] = [s for s in store.list(email=email)]
        store.confirm(sub.id)
        before = store.get(sub.id)
        hijack = subscribe(http, email, name="Intrus", phone="0661234567", channels=["sms"], language="en")
    assert hijack.status_code == 200 and "Intrus" not in hijack.text.replace('value="Intrus"', "")
    after = store.get(sub.id)
    assert after == before and after.phone == "" and after.channels == ["email"]
    mails = mails_to(site, email)
    # The first mail asked to confirm; the form posted again sends only the preferences link, no second request.
    assert sorted(m["Subject"] for m in mails) == ["Confirmez votre abonnement aux alertes salons", "Votre alerte existe déjà"]
    [manage] = [m for m in mails if m["Subject"] == "Votre alerte existe déjà"]
    assert token_link(manage, "/preferences") and "/confirm?token=" not in manage.get_body(preferencelist=("plain",)).get_content()
