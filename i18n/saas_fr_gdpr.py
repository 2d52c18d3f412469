# French strings of the saas addon's GDPR features (consents, export of a
# party's data, erasure), by English msgid (see i18n/fill_po.py).
FR = {
    # Models, actions, menus, buttons
    'Consent Document': "Document à accepter",
    'Consent Documents': "Documents à accepter",
    'Consent': "Consentement",
    'Consents': "Consentements",
    'Party Data Export': "Export des données du tiers",
    'Export Personal Data': "Exporter les données personnelles",
    'New Version': "Nouvelle version",
    'Publish a new version: every client must accept the document again.':
        "Publier une nouvelle version : chaque client doit de nouveau "
        "accepter le document.",
    'Close': "Fermer",
    'User in companies': "Utilisateur dans les sociétés",
    # Consent documents
    'Name': "Nom",
    'Company': "Société",
    'Kind': "Type",
    'Version': "Version",
    'Effective Date': "Date d'effet",
    'Text': "Texte",
    'URL': "URL",
    'Active': "Actif",
    'Terms and Conditions': "Conditions générales",
    'Privacy Policy': "Politique de confidentialité",
    'Data Processing Agreement': "Accord de traitement des données",
    'The title the client reads, e.g. "Terms of sale".':
        "Le titre que lit le client, par ex. « Conditions générales de "
        "vente ».",
    'What the document is: the client must accept the current version of '
    'each kind the workshop publishes.':
        "La nature du document : le client doit accepter la version en "
        "vigueur de chaque type que l'atelier publie.",
    'Raise it when the text changes: every client must then accept the '
    'document again.':
        "À augmenter quand le texte change : chaque client doit alors "
        "accepter de nouveau le document.",
    'From this day the current version applies.':
        "La version en vigueur s'applique à partir de ce jour.",
    'The full text of the document, or leave empty and give its address.':
        "Le texte complet du document, ou laisser vide et donner son "
        "adresse.",
    'Where the client can read the document.':
        "Où le client peut lire le document.",
    'Uncheck when the workshop no longer asks for this document.':
        "Décocher quand l'atelier ne demande plus ce document.",
    # Consents
    'Party': "Tiers",
    'Document': "Document",
    'Date': "Date",
    'Channel': "Canal",
    'IP Address': "Adresse IP",
    'Client Portal': "Portail client",
    'Email': "E-mail",
    'Signed Paper': "Papier signé",
    'At the Counter': "Au comptoir",
    'The workshop that asked for the consent.':
        "L'atelier qui a demandé le consentement.",
    'The client who accepted the document.':
        "Le client qui a accepté le document.",
    'The document accepted.': "Le document accepté.",
    'The version of the document the client accepted.':
        "La version du document que le client a acceptée.",
    'When the client accepted.': "Quand le client a accepté.",
    'How the client gave the consent.':
        "Comment le client a donné son consentement.",
    'The address the consent came from, on the portal.':
        "L'adresse d'où vient le consentement, sur le portail.",
    # Export
    'JSON': "JSON",
    'JSON Filename': "Nom du fichier JSON",
    'CSV': "CSV",
    'CSV Filename': "Nom du fichier CSV",
    'Everything held about the party, in JSON (portability).':
        "Tout ce qui est conservé sur le tiers, en JSON (portabilité).",
    'The same data, one value a line, for a spreadsheet.':
        "Les mêmes données, une valeur par ligne, pour un tableur.",
    # Messages
    'A recorded consent is proof of what the client accepted: it can be '
    'neither changed nor deleted.':
        "Un consentement enregistré prouve ce que le client a accepté : il "
        "ne peut être ni modifié ni supprimé.",
    'The consent of "%(party)s" must be for a document of the client\'s '
    'own workshop.':
        "Le consentement de « %(party)s » doit porter sur un document de "
        "l'atelier du client.",
    'The version of "%(document)s" can only be raised: publish a new '
    'version instead of going back to an older one.':
        "La version de « %(document)s » ne peut qu'augmenter : publiez une "
        "nouvelle version au lieu de revenir à une ancienne.",
    'The party "%(party)s" cannot be erased before %(date)s: invoices and '
    'accounting entries must be kept %(years)s years (Code de commerce '
    'L123-22).':
        "Le tiers « %(party)s » ne peut pas être effacé avant le %(date)s : "
        "les factures et les écritures comptables doivent être conservées "
        "%(years)s ans (Code de commerce L123-22).",
}
