"""Phone numbers: validated and normalised to E.164 with `phonenumbers` (the subscriber's SMS and WhatsApp address)."""
from __future__ import annotations

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberType

DEFAULT_REGION = "MA"
# Numbers that cannot receive an SMS or a WhatsApp message.
_NOT_MOBILE = {PhoneNumberType.FIXED_LINE, PhoneNumberType.TOLL_FREE, PhoneNumberType.PREMIUM_RATE,
               PhoneNumberType.SHARED_COST, PhoneNumberType.UAN, PhoneNumberType.VOICEMAIL}


class InvalidPhone(ValueError):
    """The message says what is wrong with the number, never more than the number itself."""


def normalize_phone(raw: str, region: str = DEFAULT_REGION) -> str:
    """'06 12 34 56 78' (region MA) -> '+212612345678'; InvalidPhone for anything not a mobile number."""
    text = (raw or "").strip()
    if not text:
        raise InvalidPhone("a phone number is required")
    if len(text) > 32 or any(c in text for c in "\r\n\x00"):
        raise InvalidPhone("not a phone number")
    if text.startswith("00"):
        text = "+" + text[2:]
    try:
        number = phonenumbers.parse(text, region.upper())
    except NumberParseException:
        raise InvalidPhone(f"not a phone number: {text!r}") from None
    if not phonenumbers.is_valid_number(number):
        raise InvalidPhone(f"{text!r} is not a valid number (a Moroccan mobile is 06… or 07…, or give +country code)")
    if phonenumbers.number_type(number) in _NOT_MOBILE:
        raise InvalidPhone(f"{text!r} is not a mobile number; SMS and WhatsApp need one")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
