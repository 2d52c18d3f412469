"""A partner's email connector, shipped as its own pip package.

It needs only pluggy and the Provider dataclass of Atelier's hub; the hook
implementation marker is pluggy's, with Atelier's project name."""
import pluggy

from trytond.modules.connector.hub import Provider

hookimpl = pluggy.HookimplMarker('atelier')

PROVIDER = Provider(
    'email', 'partner_mail', "Partner Mail (example)",
    credentials=('api_key',))
# What the partner's service received: (api_key, subject).
SENT = []


class PartnerMail:

    @hookimpl
    def atelier_providers(self):
        return [PROVIDER]

    @hookimpl
    def atelier_send_email(self, provider, credentials, message):
        if provider != PROVIDER.name:
            return None
        SENT.append((credentials.get('api_key'), str(message['Subject'])))
        return '<partner-%s@partner.example>' % len(SENT)


plugin = PartnerMail()
