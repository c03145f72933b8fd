"""Sending the double opt-in email; a failure never loses the saved (unconfirmed) subscription."""
from __future__ import annotations

import logging

from alerts.mailers import mailer_from_settings
from alerts.subscriptions import Subscription
from web.services import Services

log = logging.getLogger(__name__)


def send_confirmation(svc: Services, sub: Subscription) -> bool:
    if not sub.email:
        return send_text_confirmation(svc, sub)
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


def send_text_confirmation(svc: Services, sub: Subscription) -> bool:
    """A subscription by phone alone is confirmed by a link sent on its own first channel."""
    from alerts.messages import links
    from alerts.notifiers import notifier_from_settings
    from alerts.short_messages import confirmation_text

    channel = sub.channels[0]
    notifier = notifier_from_settings(svc.settings)
    text = confirmation_text(sub.language, links(sub, svc.settings, svc.signer)["confirm"], channel)
    try:
        notifier.send(channel, sub.address_of(channel), text, f"confirm-{sub.id}")
    except Exception:  # noqa: BLE001 - provider, configuration or disk errors all mean "not sent, tell the reader"
        log.exception("confirmation %s to subscription %s not sent", channel, sub.id)
        return False
    finally:
        notifier.close()
    return True
