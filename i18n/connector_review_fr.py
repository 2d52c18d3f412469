# French strings of the connector's review capability (Google reviews), by
# English msgid (see i18n/fill_po.py); non-breaking spaces before « : ; ? ! »
# and inside « ».
import re

FR = {
    'Simulated reviews (offline)': "Avis simulés (hors ligne)",
    'Google Business Profile': "Google Business Profile (fiche d'établissement)",
    '%(service)s needs the credential "%(key)s": fill it in the workshop\'s '
    'connector settings (Reviews).':
        "%(service)s a besoin de l'identifiant « %(key)s » : renseignez-le "
        "dans les connecteurs de l'atelier (Avis Google).",
    '%(service)s cannot be reached. The reviews will be read again at the '
    'next run; nothing was changed.':
        "%(service)s est injoignable. Les avis seront relus au prochain "
        "passage ; rien n'a été modifié.",
    '%(service)s is unavailable (HTTP %(status)s). The reviews will be read '
    'again at the next run; nothing was changed.':
        "%(service)s est indisponible (HTTP %(status)s). Les avis seront "
        "relus au prochain passage ; rien n'a été modifié.",
    '%(service)s refused the connection (HTTP %(status)s: %(detail)s). '
    'Check the client id, client secret and refresh token in the connector '
    'settings.':
        "%(service)s a refusé la connexion (HTTP %(status)s : %(detail)s). "
        "Vérifiez l'identifiant client, le secret client et le jeton "
        "d'actualisation dans les connecteurs.",
    '%(service)s refused to list the reviews (HTTP %(status)s: %(detail)s). '
    'Check the account and location in the connector settings.':
        "%(service)s a refusé de lister les avis (HTTP %(status)s : "
        "%(detail)s). Vérifiez le compte et l'établissement dans les "
        "connecteurs.",
    }


def _typography(text):
    "French spacing: a non-breaking space before : ; ? ! and inside « »."
    text = re.sub(r' (?=[:;?!»])', '\u00a0', text)
    return text.replace('« ', '«\u00a0')


FR = {english: _typography(french) for english, french in FR.items()}
