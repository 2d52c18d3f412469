# French strings of the connector's accounting_sync capability (Pennylane
# and the offline outbox), by English msgid (see i18n/fill_po.py).
# Non-breaking spaces before « : ; ? ! % » and inside « » at the end.
import re

FR = {
    'Accounting outbox (offline)': "Boîte d'envoi comptable (hors ligne)",
    'Pennylane': "Pennylane",
    "%(service)s needs its API token: enter it in the workshop's connector "
    "settings (Accounting Sync).":
        "%(service)s a besoin de son jeton d'API : saisissez-le dans les "
        "connecteurs de l'atelier (Synchronisation comptable).",
    '%(service)s cannot be reached. The invoice will be sent again later; '
    'nothing was created twice.':
        "%(service)s est injoignable. La facture sera renvoyée plus tard ; "
        "rien n'a été créé en double.",
    '%(service)s is unavailable (HTTP %(status)s). The invoice will be sent '
    'again later; nothing was created twice.':
        "%(service)s est indisponible (HTTP %(status)s). La facture sera "
        "renvoyée plus tard ; rien n'a été créé en double.",
    '%(service)s still refuses requests after several waits (too many '
    'requests). The invoice will be sent again later.':
        "%(service)s refuse encore les requêtes après plusieurs attentes "
        "(trop de requêtes). La facture sera renvoyée plus tard.",
    "%(service)s refused the API token (HTTP %(status)s: %(detail)s). Check "
    "it in the workshop's connector settings.":
        "%(service)s a refusé le jeton d'API (HTTP %(status)s : %(detail)s). "
        "Vérifiez-le dans les connecteurs de l'atelier.",
    '%(service)s refused the data (HTTP %(status)s: %(detail)s).':
        "%(service)s a refusé les données (HTTP %(status)s : %(detail)s).",
    'The invoice %(number)s has a VAT rate of %(rate)s %% that the '
    'accounting software does not know.':
        "La facture %(number)s a un taux de TVA de %(rate)s %% que le "
        "logiciel comptable ne connaît pas.",
    }


def _typography(text):
    """French spacing: a non-breaking space before : ; ? ! % and inside
    « », never before a %(name)s placeholder."""
    text = re.sub(r' (?=[:;?!»]|%(?!\())', '\u00a0', text)
    return text.replace('« ', '«\u00a0')


FR = {english: _typography(french) for english, french in FR.items()}
