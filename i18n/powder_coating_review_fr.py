# French strings of the Google review requests of the powder_coating addon
# (demandes d'avis Google), by English msgid (see i18n/fill_po.py). The
# typography of powder_coating_fr.py (non-breaking spaces) is applied at the
# end.
import os
import runpy

FR = {
    # Menus, actions, models, tabs
    'Google Reviews': "Avis Google",
    'Review Requests': "Demandes d'avis",
    'Review Request': "Demande d'avis",
    'Reviews Received': "Avis reçus",
    'Google Review': "Avis Google",
    'To Send': "À envoyer",
    'Waiting for a Review': "En attente d'avis",
    'Reviewed': "Avis reçu",
    'Failed': "En échec",
    'Cancelled': "Annulée",
    'All': "Tout",
    'From a Request': "Suite à une demande",
    'Not Matched': "Sans demande",
    'Send Review Requests': "Envoyer les demandes d'avis",

    # Settings
    'Ask for Google Reviews': "Demander un avis Google",
    'Email every client a link to review the workshop on Google after the '
    'pickup or delivery of their project.':
        "Envoyer à chaque client un lien pour donner son avis sur l'atelier "
        "sur Google après le retrait ou la livraison de son projet.",
    'Review Request after (days)': "Demande d'avis après (jours)",
    'Days between the pickup or delivery and the review request (J+3 by '
    'default).':
        "Jours entre le retrait ou la livraison et la demande d'avis (J+3 "
        "par défaut).",
    'Review Reminder after (days)': "Relance d'avis après (jours)",
    'Days after the pickup or delivery to remind the clients whose review '
    'was not seen (J+7 by default).':
        "Jours après le retrait ou la livraison pour relancer les clients "
        "dont l'avis n'a pas été vu (J+7 par défaut).",
    'Google Place ID': "Identifiant Google de l'établissement (Place ID)",
    "The identifier of the workshop on Google Maps (like "
    "ChIJN1t_tDeuEmsRUsoyG83frY4), found with Google's Place ID Finder; it "
    "makes the review link.":
        "L'identifiant de l'atelier sur Google Maps (comme "
        "ChIJN1t_tDeuEmsRUsoyG83frY4), donné par l'outil Place ID Finder de "
        "Google ; il forme le lien vers le formulaire d'avis.",
    'Google Review Link': "Lien d'avis Google",
    'The link the clients receive to write their review.':
        "Le lien que reçoivent les clients pour écrire leur avis.",
    'Reviews seen on the workshop\'s Google profile, matched to a request '
    'or not.':
        "Avis vus sur la fiche Google de l'atelier, rattachés à une demande "
        "ou non.",

    # The request
    'Project': "Projet",
    'The collected or delivered project the client is asked about.':
        "Le projet retiré ou livré sur lequel le client est interrogé.",
    'Client': "Client",
    'Email': "E-mail",
    'Where the request was sent.': "L'adresse à laquelle la demande est "
        "envoyée.",
    'State': "État",
    'Planned': "Planifiée",
    'Sent': "Envoyée",
    'Reminded': "Relancée",
    'Planned: emailed on the planned date. Sent, then Reminded once if no '
    'review is seen. Reviewed: the client\'s review was seen. Failed: the '
    'email could not be sent (see why).':
        "Planifiée : envoyée à la date prévue. Envoyée, puis Relancée une "
        "fois si aucun avis n'est vu. Avis reçu : l'avis du client a été "
        "vu. En échec : l'e-mail n'a pas pu partir (voir pourquoi).",
    'Pickup Date': "Date de retrait",
    'When the client collected the parts or they were delivered.':
        "Quand le client a retiré ses pièces ou qu'elles ont été livrées.",
    'Planned Date': "Date prévue",
    'When the request is emailed.': "Quand la demande est envoyée.",
    'Sent at': "Envoyée le",
    'Reminded at': "Relancée le",
    'Review Seen at': "Avis vu le",
    "When the client's review was written on Google.":
        "Quand le client a écrit son avis sur Google.",
    'Rating': "Note",
    "The stars of the client's review (1 to 5), if known.":
        "Les étoiles de l'avis du client (1 à 5), si elles sont connues.",
    'Review': "Avis",
    'Why it Failed': "Raison de l'échec",
    'Cancel': "Annuler",
    'Plan Again': "Replanifier",
    'Company': "Société",
    "The workshop this record belongs to; other workshops never see it.":
        "L'atelier auquel appartient cet enregistrement ; les autres "
        "ateliers ne le voient jamais.",

    # The review
    'Review ID': "Identifiant de l'avis",
    'The identifier of the review on Google.':
        "L'identifiant de l'avis chez Google.",
    'Author': "Auteur",
    'The name the reviewer shows on Google (empty if anonymous).':
        "Le nom affiché par l'auteur sur Google (vide s'il est anonyme).",
    'Stars, 1 to 5.': "Étoiles, de 1 à 5.",
    'Comment': "Commentaire",
    'Written at': "Écrit le",
    'Request': "Demande",
    'The request this review answers, if it could be matched.':
        "La demande à laquelle répond cet avis, s'il a pu y être rattaché.",
    'Matched': "Rattaché",
    "The review answers one of the workshop's requests.":
        "L'avis répond à l'une des demandes de l'atelier.",

    # The project
    # 'Review Requests' above.

    # The connector setting
    # 'Google Reviews' above (the capability).

    # Messages
    '"%(place_id)s" is not a Google place id: it is a code of letters, '
    'digits, "-" and "_" (like ChIJN1t_tDeuEmsRUsoyG83frY4), given by '
    'Google\'s Place ID Finder for the workshop\'s address.':
        "« %(place_id)s » n'est pas un identifiant Google d'établissement : "
        "c'est un code de lettres, de chiffres, de « - » et de « _ » (comme "
        "ChIJN1t_tDeuEmsRUsoyG83frY4), donné par l'outil Place ID Finder de "
        "Google pour l'adresse de l'atelier.",
    'A project has one review request.':
        "Un projet n'a qu'une demande d'avis.",
    'This Google review is already recorded.':
        "Cet avis Google est déjà enregistré.",
    'The client has no email address: add one to their record, then plan '
    'the request again.':
        "Le client n'a pas d'adresse e-mail : ajoutez-en une à sa fiche, "
        "puis replanifiez la demande.",
    'The workshop has no Google place id, so there is no review link to '
    'send: set it in the powder coating settings, then plan the request '
    'again.':
        "L'atelier n'a pas d'identifiant Google d'établissement, il n'y a "
        "donc pas de lien d'avis à envoyer : renseignez-le dans les "
        "paramètres du thermolaquage, puis replanifiez la demande.",

    # The email (review_email.html)
    'Your opinion counts for %(workshop)s':
        "Votre avis compte pour %(workshop)s",
    'How did it go?': "Comment cela s'est-il passé ?",
    'Hello %(client)s,': "Bonjour %(client)s,",
    'Thank you for entrusting your project %(project)s to %(workshop)s. We '
    'hope you are happy with the finish of your parts.':
        "Merci d'avoir confié votre projet %(project)s à %(workshop)s. Nous "
        "espérons que la finition de vos pièces vous donne satisfaction.",
    'Would you take a minute to tell other clients about it on Google? '
    'Every review, good or less good, helps us improve.':
        "Prendriez-vous une minute pour en parler aux autres clients sur "
        "Google ? Chaque avis, bon ou moins bon, nous aide à progresser.",
    'Write my Google review': "Donner mon avis sur Google",
    'If the button does not work, copy this link into your browser:':
        "Si le bouton ne fonctionne pas, copiez ce lien dans votre "
        "navigateur :",
    'Thank you, the team of %(workshop)s.':
        "Merci, l'équipe de %(workshop)s.",
    'A minute for %(workshop)s?': "Une minute pour %(workshop)s ?",
    'Your review would help us': "Votre avis nous aiderait",
    'You got your project %(project)s back from %(workshop)s a few days '
    'ago. If you have not had time yet, your review on Google would mean a '
    'lot to us.':
        "Vous avez récupéré votre projet %(project)s chez %(workshop)s il y "
        "a quelques jours. Si vous n'en avez pas encore eu le temps, votre "
        "avis sur Google compterait beaucoup pour nous.",
    }

_typography = runpy.run_path(os.path.join(os.path.dirname(
            os.path.abspath(__file__)), 'powder_coating_fr.py'))['_typography']
FR = {english: _typography(french) for english, french in FR.items()}
