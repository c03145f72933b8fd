"""Sending the double opt-in email; a failure never loses the saved (unconfirmed) subscription."""
from __future__ import annotations

import logging

from alerts.mailers import mailer_from_settings
from alerts.subscriptions import Subscription
from web.services import Services

log = logging.getLogger(__name__)


def send_confirmation(svc: Services, sub: Subscription) -> bool:
    # Imported here, not at the top: the mail builder is developed separately and may lag behind.
    from alerts.messages import confirmation_message

    mailer = mailer_from_settings(svc.settings)
    try:
        mailer.send(confirmation_message(sub, svc.settings, svc.signer))
    except Exception:  # noqa: BLE001 - SMTP, template or disk errors all mean "not sent, tell the reader"
        log.exception("confirmation email to subscription %s not sent", sub.id)
        return False
    finally:
        mailer.close()
    return True
