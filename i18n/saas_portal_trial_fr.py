# French strings of the trial sign-up's queued creation (saas_portal:
# trial.py, the trial parts of website.xml, view/trial_request_*.xml,
# templates/site/signup_status.html), by English msgid (see
# i18n/fill_po.py). The site speaks to workshop owners: "vous".
# Non-breaking spaces before « ; : ! ? % » and inside « », applied at the end.
import re

FR = {
    # Status page (ir.message)
    'Your workshop is being created…':
        "Votre atelier est en cours de création…",
    'Your email is confirmed. We are preparing the workshop "%(workshop)s": its accounts, journals and fiscal year. It takes about a minute; this page updates by itself, and an email will tell you how to sign in.':
        "Votre e-mail est confirmé. Nous préparons l'atelier « %(workshop)s » : son plan comptable, ses journaux et son exercice. Cela prend environ une minute ; cette page se met à jour toute seule, et un e-mail vous dira comment vous connecter.",
    'Creation in progress':
        "Création en cours",
    'Your workshop could not be created yet':
        "Votre atelier n'a pas encore pu être créé",
    'Something went wrong while creating the workshop "%(workshop)s". Our team is told: a person will contact you at %(email)s within one working day. You do not need to sign up again.':
        "Un problème est survenu pendant la création de l'atelier « %(workshop)s ». Notre équipe est prévenue : une personne vous contactera à l'adresse %(email)s sous un jour ouvré. Inutile de vous inscrire à nouveau.",
    'Follow the creation of your workshop':
        "Suivre la création de votre atelier",

    # Trial request (back office)
    'Failed':
        "En échec",
    'Being Created':
        "En cours de création",
    'All':
        "Toutes",
    'Requested: the confirmation email was sent. Confirmed: the link was opened, the workshop is being created. Created: the workshop exists. Failed: its creation stopped on an error (see Failure), retry it once fixed. Expired: the link was not opened within 48 hours.':
        "Demandée : l'e-mail de confirmation a été envoyé. Confirmée : le lien a été ouvert, l'atelier est en cours de création. Créée : l'atelier existe. En échec : sa création s'est arrêtée sur une erreur (voir Erreur), relancez-la une fois corrigée. Expirée : le lien n'a pas été ouvert sous 48 heures.",
    'Workshop Created at':
        "Atelier créé le",
    'When the workshop and its owner were created.':
        "Quand l'atelier et son gérant ont été créés.",
    'Failed at':
        "En échec le",
    'When the last creation attempt stopped on an error.':
        "Quand la dernière tentative de création s'est arrêtée sur une erreur.",
    'Failure':
        "Erreur",
    "The error that stopped the last creation attempt; the full trace is in the server's log.":
        "L'erreur qui a arrêté la dernière tentative de création ; la trace complète est dans le journal du serveur.",
    'Workshop':
        "Atelier",
    "The workshop created for this request (its company's party).":
        "L'atelier créé pour cette demande (le tiers de sa société).",
    'Retry Creation':
        "Relancer la création",
    'Create this workshop again? A workshop that already exists for this request is not created twice.':
        "Relancer la création de cet atelier ? Un atelier qui existe déjà pour cette demande n'est pas créé une seconde fois.",
    }


def _typography(text):
    "Non-breaking spaces before ; : ! ? % and inside « »."
    text = re.sub(r" ([;:!?%»])", "\u00a0\\1", text)
    return re.sub(r"« ", "«\u00a0", text)


FR = {english: _typography(french) for english, french in FR.items()}
