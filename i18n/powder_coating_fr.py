# French strings of the powder_coating addon (thermolaquage: RAL shades,
# powders, quotes, signature journal, projects), by English msgid (see
# i18n/fill_po.py). A msgid used in several places (e.g. 'Powder', 'Part',
# 'Quote') gets one translation that fits all of them.
FR = {
    # Menus and actions
    'Powder Coating': "Thermolaquage",
    'Quotes': "Devis",
    'Powders': "Poudres",
    'RAL Shades': "Teintes RAL",
    'Signature Journal': "Journal des signatures",
    'Projects': "Projets",
    'Settings': "Réglages",
    'Quote Settings': "Réglages des devis",
    'Sign the Quote': "Signer le devis",
    'Expire Quotes': "Faire expirer les devis",

    # Models
    'Powder Coating Settings': "Réglages du thermolaquage",
    'Powder': "Poudre",
    'Powder Format': "Conditionnement de poudre",
    'Project': "Projet",
    'Project Part': "Pièce du projet",
    'Quote': "Devis",
    'Quote Part': "Pièce du devis",
    'Sign Quote': "Signer le devis",
    'Quote Signature': "Signature de devis",
    'RAL Shade': "Teinte RAL",
    'User in companies': "Utilisateur dans les sociétés",

    # Common fields
    'Company': "Société",
    'Name': "Nom",
    'Code': "Code",
    'Number': "Numéro",
    'State': "État",
    'Date': "Date",
    'Currency': "Devise",
    'Client': "Client",
    'Part': "Pièce",
    'Parts': "Pièces",
    'Quantity': "Quantité",
    'Coats': "Couches",
    'Total': "Total",
    'Surface': "Surface",
    'Signature': "Signature",
    'Signed by': "Signé par",
    'Reference': "Référence",
    'Type': "Type",
    'The workshop this record belongs to; other workshops never see it.':
        "L'atelier auquel appartient cet enregistrement ; les autres "
        "ateliers ne le voient jamais.",

    # Quote settings
    'Consumables and Energy per m²': "Consommables et énergie par m²",
    'Fixed Fee': "Forfait",
    'Hourly Rate': "Taux horaire",
    'Labour Margin (%)': "Marge sur la main-d'œuvre (%)",
    'Masking per Part': "Masquage par pièce",
    'Powder Margin (%)': "Marge sur la poudre (%)",
    'Quote Sequence': "Séquence des devis",
    'Quote Validity (days)': "Validité des devis (jours)",
    'First Reminder (days)': "Première relance (jours)",
    'Second Reminder (days)': "Deuxième relance (jours)",
    'Sandblasting per m²': "Sablage par m²",
    'VAT Rate (%)': "Taux de TVA (%)",
    'Prices': "Prix",
    'Per square metre and per coat: gas, electricity, hooks.':
        "Par mètre carré et par couche : gaz, électricité, crochets.",
    'Added once to every quote (handling, file).':
        "Ajouté une fois à chaque devis (manutention, frais de dossier).",
    'The cost of one hour of labour, excluding VAT.':
        "Le coût d'une heure de main-d'œuvre, hors TVA.",
    'Added to the cost of labour.':
        "Ajoutée au coût de la main-d'œuvre.",
    'Added to the cost of the powder used.':
        "Ajoutée au coût de la poudre utilisée.",
    "Numbers the workshop's quotes (DEV-2026-0001 by default).":
        "Numérote les devis de l'atelier (DEV-2026-0001 par défaut).",
    'A sent quote not signed within this delay expires.':
        "Un devis envoyé qui n'est pas signé dans ce délai expire.",
    'Days after sending to remind the client of an unsigned quote.':
        "Nombre de jours après l'envoi avant de relancer le client pour un "
        "devis non signé.",

    # Powders
    'Brand': "Marque",
    'Computed Coverage (m²/kg)': "Couverture calculée (m²/kg)",
    'Coverage Used (m²/kg)': "Couverture retenue (m²/kg)",
    'Coverage (m²/kg)': "Couverture (m²/kg)",
    'Cure Time (min)': "Durée de cuisson (min)",
    'Cure Temperature (°C)': "Température de cuisson (°C)",
    'Transfer Efficiency (%)': "Rendement de transfert (%)",
    'Finish': "Finition",
    'Formats': "Conditionnements",
    'Price per kg': "Prix au kg",
    'Swatch': "Aperçu",
    'Specific Gravity': "Densité",
    'Recommended Thickness (µm)': "Épaisseur conseillée (µm)",
    'Supplier Page': "Page du fournisseur",
    'Box Tare (kg)': "Tare du carton (kg)",
    'Net Weight (kg)': "Poids net (kg)",
    'Application': "Application",
    'Purchase': "Achats",
    'Import from the Catalogue': "Importer depuis le catalogue",
    'Leave empty to use the coverage computed from gravity, thickness and '
    'efficiency; fill to use your own measure.':
        "Laissez vide pour utiliser la couverture calculée à partir de la "
        "densité, de l'épaisseur et du rendement ; renseignez-la pour "
        "utiliser votre propre mesure.",
    'Share of the sprayed powder that stays on the part.':
        "Part de la poudre projetée qui reste sur la pièce.",
    'The boxes the powder comes in, with their tare (used when weighing '
    'the stock).':
        "Les cartons dans lesquels la poudre est livrée, avec leur tare "
        "(utilisée pour la pesée du stock).",
    'Purchase price excluding VAT.': "Prix d'achat hors TVA.",
    'The supplier\'s reference: for Thermopoudre, typing it and clicking '
    '"Import" fills the powder from the catalogue.':
        "La référence du fournisseur : pour Thermopoudre, saisissez-la et "
        "cliquez sur « Importer » pour remplir la poudre depuis le "
        "catalogue.",
    'Density of the powder (g/cm³), from its data sheet.':
        "Densité de la poudre (g/cm³), d'après sa fiche technique.",
    'The weight of the empty box, taken off when weighing.':
        "Le poids du carton vide, déduit lors de la pesée.",
    # Finishes
    'Gloss': "Brillant",
    'Hammered': "Martelé",
    'Matt': "Mat",
    'Metallic': "Métallisé",
    'Sanded': "Sablé",
    'Satin': "Satiné",
    'Textured': "Texturé",
    # Powder types
    'Acrylic': "Acrylique",
    'Clear Varnish': "Vernis incolore",
    'Epoxy': "Époxy",
    'Epoxy-Polyester': "Époxy-polyester",
    'Polyester': "Polyester",
    'Polyurethane': "Polyuréthane",
    'Primer': "Primaire",

    # RAL shades
    'Colour': "Couleur",
    'English Name': "Nom anglais",
    'French Name': "Nom français",
    'An sRGB approximation: the printed RAL card is the reference.':
        "Une approximation sRGB : le nuancier RAL imprimé fait référence.",

    # Quotes
    'Notes': "Notes",
    'Client Reference': "Référence client",
    'Sent at': "Envoyé le",
    'VAT': "TVA",
    'Untaxed': "Hors taxe",
    'Valid Until': "Valable jusqu'au",
    'Signature and Project': "Signature et projet",
    'Reset to Draft': "Remettre en brouillon",
    'Refuse': "Refuser",
    'Send': "Envoyer",
    'Sign': "Signer",
    'Draft': "Brouillon",
    'Sent': "Envoyé",
    'Accepted': "Accepté",
    'Refused': "Refusé",
    'Expired': "Expiré",
    'Shown on the quote under the parts (delays, conditions).':
        "Affichées sur le devis sous les pièces (délais, conditions).",
    "Given when the quote is sent, from the workshop's sequence.":
        "Attribué à l'envoi du devis, d'après la séquence de l'atelier.",

    # Quote parts
    'Consumables': "Consommables",
    'Faces': "Faces",
    'Labour per Part (min)': "Main-d'œuvre par pièce (min)",
    'Labour': "Main-d'œuvre",
    'Length (mm)': "Longueur (mm)",
    'Width (mm)': "Largeur (mm)",
    'Masking': "Masquage",
    'Powder (kg)': "Poudre (kg)",
    'Preparation': "Préparation",
    'Sandblasting': "Sablage",
    'Surface per Part (m²)': "Surface par pièce (m²)",
    'Total Surface (m²)': "Surface totale (m²)",
    'Unit Price': "Prix unitaire",
    'Varnish': "Vernis",
    'From Dimensions': "D'après les dimensions",
    'Surface Typed': "Surface saisie",
    'Coating': "Laquage",
    'Preparation and Labour': "Préparation et main-d'œuvre",
    'Price Breakdown': "Détail du prix",
    'Coats of the powder: 1, 2 or 3.':
        "Nombre de couches de poudre : 1, 2 ou 3.",
    'From the powder; change it for a heavy part.':
        "Reprise de la poudre ; modifiez-la pour une pièce massive.",
    'What is coated: "Gate 2 m × 1 m", "Set of 4 rims"...':
        "Ce qui est laqué : « Portail 2 m × 1 m », « Jeu de 4 jantes »...",
    'Sides coated: 2 for a sheet painted on both sides.':
        "Faces laquées : 2 pour une tôle peinte des deux côtés.",
    'Sandblasting and masking.': "Sablage et masquage.",

    # Signature
    'Signature or Signed Scan': "Signature ou scan signé",
    'Channel': "Canal",
    'Signed Document': "Document signé",
    'Document ID': "ID du document",
    'Document Name': "Nom du document",
    'SHA-256 of the Document': "SHA-256 du document",
    'Image ID': "ID de l'image",
    'IP Address': "Adresse IP",
    'Signed at': "Signé le",
    'Recorded by': "Enregistré par",
    'Client Portal': "Portail client",
    'Signed Scan (Back Office)': "Scan signé (back-office)",
    'Sign and Accept': "Signer et accepter",
    'Cancel': "Annuler",
    'A PNG, JPEG or WebP image of the signature (2 MB at most).':
        "Une image PNG, JPEG ou WebP de la signature (2 Mo au maximum).",
    'The person who signed the quote for the client.':
        "La personne qui a signé le devis pour le client.",
    'Any change to the signed PDF changes this fingerprint.':
        "Toute modification du PDF signé change cette empreinte.",

    # Projects
    'Waiting for Parts': "En attente des pièces",

    # Messages
    'A workshop has one set of quote settings.':
        "Un atelier n'a qu'un seul jeu de réglages des devis.",
    'The part "%(line)s" takes 1, 2 or 3 coats.':
        "La pièce « %(line)s » reçoit 1, 2 ou 3 couches.",
    'The length, width and number of faces of the part "%(line)s" must be '
    'greater than zero.':
        "La longueur, la largeur et le nombre de faces de la pièce "
        "« %(line)s » doivent être supérieurs à zéro.",
    'The labour time of the part "%(line)s" cannot be negative.':
        "Le temps de main-d'œuvre de la pièce « %(line)s » ne peut pas être "
        "négatif.",
    'The part "%(line)s" cannot be priced: %(error)s':
        "La pièce « %(line)s » ne peut pas être chiffrée : %(error)s",
    'The powders of the part "%(line)s" must come from the workshop\'s own '
    'catalogue.':
        "Les poudres de la pièce « %(line)s » doivent provenir du catalogue "
        "de l'atelier.",
    'The quantity of the part "%(line)s" must be at least 1.':
        "La quantité de la pièce « %(line)s » doit être d'au moins 1.",
    'The surface of the part "%(line)s" must be greater than zero.':
        "La surface de la pièce « %(line)s » doit être supérieure à zéro.",
    'The catalogue refused the import of "%(reference)s": %(error)s':
        "Le catalogue a refusé l'import de « %(reference)s » : %(error)s",
    'The catalogue could not be reached to import "%(reference)s": '
    '%(error)s Nothing was changed; try again later.':
        "Le catalogue n'a pas pu être joint pour importer « %(reference)s » : "
        "%(error)s Rien n'a été modifié ; réessayez plus tard.",
    'The reference "%(reference)s" is not in the catalogue: check it, or '
    'fill the powder by hand.':
        "La référence « %(reference)s » ne figure pas dans le catalogue : "
        "vérifiez-la, ou renseignez la poudre à la main.",
    'The workshop already has a powder of this brand with this reference.':
        "L'atelier a déjà une poudre de cette marque avec cette référence.",
    'The quote "%(quote)s" cannot be accepted without the client\'s '
    'signature.':
        "Le devis « %(quote)s » ne peut pas être accepté sans la signature "
        "du client.",
    'The quote "%(quote)s" has been sent: it cannot be deleted, refuse it '
    'instead.':
        "Le devis « %(quote)s » a été envoyé : il ne peut pas être supprimé, "
        "refusez-le plutôt.",
    'Draft quote #%(id)s': "Devis brouillon n° %(id)s",
    'The quote "%(quote)s" has no part: add at least one before sending it.':
        "Le devis « %(quote)s » ne comporte aucune pièce : ajoutez-en au "
        "moins une avant de l'envoyer.",
    'The client of the quote "%(quote)s" must be a client of the same '
    'workshop.':
        "Le client du devis « %(quote)s » doit être un client du même "
        "atelier.",
    'This RAL code is already in the table.':
        "Ce code RAL figure déjà dans la table.",
    'The signature must be a PNG, JPEG or WebP image.':
        "La signature doit être une image PNG, JPEG ou WebP.",
    'The quote "%(quote)s" can be signed only once sent and not yet '
    'accepted.':
        "Le devis « %(quote)s » ne peut être signé qu'une fois envoyé, et "
        "tant qu'il n'a pas été accepté.",
    'The signature journal cannot be changed: its entries are evidence.':
        "Le journal des signatures ne peut pas être modifié : ses entrées "
        "font foi.",
    'Enter the name of the person who signed.':
        "Saisissez le nom de la personne qui a signé.",
    'The signature image is too large: %(size)s MB at most.':
        "L'image de la signature est trop lourde : %(size)s Mo au maximum.",

    # Quote report (PDF)
    'QUOTE': "DEVIS",
    'Date:': "Date :",
    'Valid until:': "Valable jusqu'au :",
    'Your reference:': "Votre référence :",
    'Your contact': "Votre contact",
    'SIRET': "SIRET",
    'Qty': "Qté",
    'Unit price': "Prix unitaire",
    'Total excl. VAT': "Total HT",
    'Total incl. VAT': "Total TTC",
    'coat(s)': "couche(s)",
    '· primer': "· primaire",
    '· varnish': "· vernis",
    'Cure': "Cuisson",
    '°C ·': "°C ·",
    'min': "min",
    'm²': "m²",
    '· sandblasting': "· sablage",
    '· masking': "· masquage",
    'kg:': "kg :",
    '· Labour:': "· Main-d'œuvre :",
    '· Consumables and energy:': "· Consommables et énergie :",
    '· Preparation:': "· Préparation :",
    'Handling fee': "Frais de dossier et de manutention",
    'Agreement': "Bon pour accord",
    'Quote to return signed, with the words "good for agreement", before '
    'the work starts.':
        "Devis à retourner signé, avec la mention « bon pour accord », avant "
        "le début des travaux.",
    'Client signature': "Signature du client",
    # The report's stamp is written in French in the template.
    'Signé électroniquement par': "Signé électroniquement par",
    'le': "le",
    'IP': "IP",
    'Prices in euros. Quote valid until the date shown. Powder coating to '
    'the shades and finishes stated; surfaces are measured per part as '
    'described.':
        "Prix en euros. Devis valable jusqu'à la date indiquée. "
        "Thermolaquage dans les teintes et finitions indiquées ; les "
        "surfaces sont mesurées par pièce, telles que décrites.",
}

# The quote emails (quote_email.xml): subjects, names, and the MJML bodies,
# translated phrase by phrase so the markup stays the one of the source.
FR.update({
    'Reminders Sent': "Relances envoyées",
    'Quote with Portal Invitation': "Devis avec invitation au portail",
    'Quote Reminder': "Relance de devis",
    'Quote in the Client Area': "Devis dans l'espace client",
    'Your quote ${record.number} from ${record.company.rec_name}':
        "Votre devis ${record.number} de ${record.company.rec_name}",
    'Reminder: your quote ${record.number} awaits your signature':
        "Rappel : votre devis ${record.number} attend votre signature",
    'Your quote ${record.number} is in your client area':
        "Votre devis ${record.number} est dans votre espace client",
    'Quote %(number)s (%(state)s)': "Devis %(number)s (%(state)s)",
    'Remind Unsigned Quotes': "Relancer les devis non signés",
    })
FR.update({
    'Client Invitation to the Portal': "Invitation d'un client au portail",
    '${record.company.rec_name} opens your client area':
        "${record.company.rec_name} vous ouvre votre espace client",
    })
EMAIL_PHRASES = [
    ("Your client area is ready", "Votre espace client est prêt"),
    ("Your workshop ${record.company.rec_name} uses a new management and "
        "invoicing system. From now on you will find there your quotes to "
        "sign, the progress of your parts and your invoices.",
        "Votre atelier ${record.company.rec_name} utilise un nouveau "
        "système de gestion et de facturation. Vous y trouverez désormais "
        "vos devis à signer, l'avancement de vos pièces et vos factures."),
    ("Your login is your email, ${record.email}. Choose your password to "
        "open your client area:",
        "Votre identifiant est votre e-mail, ${record.email}. Choisissez "
        "votre mot de passe pour ouvrir votre espace client :"),
    (" Thank you for your trust, the team of ${record.company.rec_name}.",
        " Merci de votre confiance, l'équipe de "
        "${record.company.rec_name}."),
    ("Your quote awaits your signature",
        "Votre devis attend votre signature"),
    ("Your quote ${record.number}", "Votre devis ${record.number}"),
    ("Hello ${record.party.rec_name},", "Bonjour ${record.party.rec_name},"),
    ("Please find attached our quote ${record.number} of ",
        "Veuillez trouver ci-joint notre devis ${record.number} de "),
    (" incl. VAT, valid until ", " TTC, valable jusqu'au "),
    (" incl. VAT is valid until ", " TTC est valable jusqu'au "),
    (" uses a new management and invoicing system: your client area lets "
        "you sign the quote online, follow your parts and download your "
        "documents. Choose your password to open it:",
        " utilise un nouveau système de gestion et de facturation : votre "
        "espace client vous permet de signer le devis en ligne, de suivre "
        "vos pièces et de télécharger vos documents. Choisissez votre mot "
        "de passe pour l'ouvrir :"),
    ("Open my client area", "Ouvrir mon espace client"),
    ("The link can be used once and expires in 24 hours; you can ask for a "
        "new one from the sign-in page.",
        "Le lien ne sert qu'une fois et expire dans 24 heures ; vous pouvez "
        "en demander un nouveau depuis la page de connexion."),
    (" incl. VAT is in your client area and attached to this email. It is "
        "valid until ",
        " TTC est dans votre espace client et joint à cet e-mail. Il est "
        "valable jusqu'au "),
    ("See my quote", "Voir mon devis"),
    ("Any question? Reply to this email.",
        "Une question ? Répondez simplement à cet e-mail."),
    ("Our quote ${record.number} of ", "Notre devis ${record.number} de "),
    (". Sign it so that we can plan your parts.",
        ". Signez-le pour que nous puissions planifier vos pièces."),
    ("Already signed, or not interested any more? Just ignore this email.",
        "Déjà signé, ou plus intéressé ? Ignorez simplement cet e-mail."),
    ]


def _email_bodies():
    import os
    import xml.etree.ElementTree as ET
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..',
        'addons', 'powder_coating', 'quote_email.xml')
    for field in ET.parse(path).iter('field'):
        if field.get('name') == 'body':
            yield field.text


for _body in _email_bodies():
    _french = _body
    for _english, _translation in EMAIL_PHRASES:
        _french = _french.replace(_english, _translation)
    assert _french != _body
    FR[_body] = _french

# Clients: type, journal, duplicates, CSV imports.
FR.update({
    'Client Type': "Type de client",
    'Interactions': "Échanges",
    'Suspected Duplicates': "Doublons possibles",
    'Same Email': "Même e-mail",
    'Same Name': "Même nom",
    'Same Phone': "Même téléphone",
    'Lines': "Lignes",
    'Summary': "Résumé",
    'Record': "Enregistrement",
    'Line': "Ligne",
    'Details': "Détails",
    'Status': "Statut",
    'CSV File': "Fichier CSV",
    'Invite to the Portal': "Inviter au portail",
    'Kind': "Type",
    'Author': "Auteur",
    'Clients of the workshop with the same email, phone or name (the '
    'criteria are set in the quote settings).':
        "Clients de l'atelier ayant le même e-mail, téléphone ou nom (les "
        "critères se règlent dans les réglages des devis).",
    'Two clients with the same email are suspected duplicates.':
        "Deux clients ayant le même e-mail sont des doublons possibles.",
    'Two clients with the same last and first name are suspected '
    'duplicates.':
        "Deux clients ayant les mêmes nom et prénom sont des doublons "
        "possibles.",
    'Two clients with the same phone (in any notation) are suspected '
    'duplicates.':
        "Deux clients ayant le même téléphone (quelle que soit l'écriture) "
        "sont des doublons possibles.",
    'Comma or semicolon separated, with a header line.':
        "Séparé par des virgules ou des points-virgules, avec une ligne "
        "d'en-tête.",
    'Email each imported client with an email address the link to their '
    'client area.':
        "Envoyer à chaque client importé ayant un e-mail le lien vers son "
        "espace client.",
    'Client Interactions': "Journal des échanges",
    'Import Clients (CSV)': "Importer des clients (CSV)",
    'Import Powders (CSV)': "Importer des poudres (CSV)",
    'The value "%(value)s" of the column "%(field)s" is not known.':
        "La valeur « %(value)s » de la colonne « %(field)s » est inconnue.",
    'The email "%(email)s" is not valid.':
        "L'e-mail « %(email)s » n'est pas valide.",
    'The type "%(kind)s" is neither professional nor private.':
        "Le type « %(kind)s » n'est ni professionnel ni particulier.",
    'The value "%(value)s" of the column "%(field)s" must be a positive '
    'number.':
        "La valeur « %(value)s » de la colonne « %(field)s » doit être un "
        "nombre positif.",
    'The RAL shade "%(value)s" does not exist.':
        "La teinte RAL « %(value)s » n'existe pas.",
    'Looks like %(parties)s: not imported.':
        "Ressemble à %(parties)s : non importé.",
    'The same email is already on line %(line)s.':
        "Le même e-mail figure déjà à la ligne %(line)s.",
    'The column "%(field)s" is empty.':
        "La colonne « %(field)s » est vide.",
    'The name is missing.': "Le nom manque.",
    'Choose the workshop to import into first.':
        "Choisissez d'abord l'atelier dans lequel importer.",
    'The workshop already has this powder: not imported.':
        "L'atelier a déjà cette poudre : non importée.",
    '%(new)s line(s) to import, %(duplicate)s already there, %(error)s with '
    'errors (not imported).':
        "%(new)s ligne(s) à importer, %(duplicate)s déjà présente(s), "
        "%(error)s en erreur (non importée(s)).",
    '"%(party)s" looks like a client the workshop already has: '
    '%(duplicates)s. Save anyway?':
        "« %(party)s » ressemble à un client que l'atelier a déjà : "
        "%(duplicates)s. Enregistrer quand même ?",
    'CSV Import Preview': "Aperçu de l'import CSV",
    'CSV Import Line': "Ligne d'import CSV",
    'CSV Import': "Import CSV",
    'Client Interaction': "Échange avec un client",
    'Private': "Particulier",
    'Professional': "Professionnel",
    'Already There': "Déjà présent",
    'Error': "Erreur",
    'To Import': "À importer",
    'Call': "Appel",
    'Email': "E-mail",
    'Meeting': "Rendez-vous",
    'Note': "Note",
    'Workshop': "Atelier",
    'Duplicate Clients': "Doublons de clients",
    'Import': "Importer",
    'Preview': "Aperçu",
    })
