# French strings of the connector addon, by English msgid (see i18n/fill_po.py).
FR = {
    'Company': "Société",
    'Name': "Nom",
    'Value': "Valeur",
    'Setting': "Paramétrage",
    'Attempts': "Tentatives",
    'Body': "Texte",
    'Last Error': "Dernière erreur",
    'Message': "Message",
    'Message-ID': "Message-ID",
    'Next Attempt': "Prochaine tentative",
    'Provider': "Fournisseur",
    'Sent at': "Envoyé le",
    'State': "État",
    'Subject': "Objet",
    'To': "Destinataires",
    'Capability': "Service",
    'Credentials': "Identifiants",
    'Email': "E-mail",
    'Company Register': "Registre des entreprises",
    'VAT Number Check': "Vérification du numéro de TVA",
    'Queued': "En attente",
    'Sent': "Envoyé",
    'Failed': "Échec",
    'Connectors': "Connecteurs",
    'Connector Settings': "Paramétrage des connecteurs",
    'Connector Setting': "Paramétrage de connecteur",
    'Connector Credential': "Identifiant de connecteur",
    'Connector Email': "E-mail du connecteur",
    'Outbox': "Boîte d'envoi",
    'Retry Queued Emails': "Réessayer les e-mails en attente",
    'Send Test Email': "Envoyer un e-mail de test",
    'Retry': "Réessayer",
    'User in companies': "Utilisateur dans les sociétés",
    'The workshop this record belongs to; other workshops never see it.':
        "L'atelier auquel appartient cet enregistrement ; "
        "les autres ateliers ne le voient jamais.",
    'What the provider calls this value.':
        "Le nom que le fournisseur donne à cette valeur.",
    'Kept for this workshop only; shown masked.':
        "Conservé pour cet atelier seulement ; affiché masqué.",
    'How many times sending failed.':
        "Nombre d'échecs d'envoi.",
    'The text of the email.': "Le texte de l'e-mail.",
    'Why the last attempt failed.':
        "Pourquoi la dernière tentative a échoué.",
    'The whole email as sent, attachments included.':
        "L'e-mail complet tel qu'envoyé, pièces jointes comprises.",
    'The identifier of the email, to find it in the mail server.':
        "L'identifiant de l'e-mail, pour le retrouver sur le serveur "
        "de messagerie.",
    'When the email will be tried again.':
        "Quand l'envoi de l'e-mail sera retenté.",
    'The provider that sent the email.':
        "Le fournisseur qui a envoyé l'e-mail.",
    'Queued: waiting to be sent or retried. Sent: the provider accepted '
    'it. Failed: refused, it will not be retried.':
        "En attente : attend d'être envoyé ou réessayé. Envoyé : le "
        "fournisseur l'a accepté. Échec : refusé, il ne sera pas réessayé.",
    'The recipients.': "Les destinataires.",
    'The outside service this setting is for.':
        "Le service extérieur concerné par ce paramétrage.",
    'What the provider needs to connect: server, login, key...':
        "Ce dont le fournisseur a besoin pour se connecter : serveur, "
        "identifiant, clé...",
    'Who does the work: the offline provider keeps everything inside '
    'Atelier, the others talk to a real service.':
        "Qui fait le travail : le fournisseur hors ligne garde tout dans "
        "Atelier, les autres parlent à un vrai service.",
    'The mail server "%(service)s" refused the email (%(error)s). Check '
    'the recipients and the login in the connector settings.':
        "Le serveur de messagerie « %(service)s » a refusé l'e-mail "
        "(%(error)s). Vérifiez les destinataires et l'identifiant dans le "
        "paramétrage des connecteurs.",
    'The service "%(service)s" cannot be reached (%(error)s). Atelier '
    'will try again later; check the connector settings if it lasts.':
        "Le service « %(service)s » est injoignable (%(error)s). Atelier "
        "réessaiera plus tard ; vérifiez le paramétrage des connecteurs si "
        "cela dure.",
    'This workshop already has a provider for this capability: change '
    'that setting instead.':
        "Cet atelier a déjà un fournisseur pour ce service : modifiez ce "
        "paramétrage.",
    'This email was sent by Atelier with the provider "%(provider)s": '
    'the email connector works.':
        "Cet e-mail a été envoyé par Atelier avec le fournisseur "
        "« %(provider)s » : le connecteur e-mail fonctionne.",
    'Atelier test email': "E-mail de test Atelier",
    'Your user has no email address: add one in your preferences to '
    'receive the test email.':
        "Votre utilisateur n'a pas d'adresse e-mail : ajoutez-en une dans "
        "vos préférences pour recevoir l'e-mail de test.",
}
