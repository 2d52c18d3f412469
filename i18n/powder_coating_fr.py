# French strings of the powder_coating addon (thermolaquage: RAL shades,
# powders, quotes, signature journal, clients, projects and the shop floor),
# by English msgid (see i18n/fill_po.py). A msgid used in several places
# (e.g. 'Powder', 'Part', 'Quote') gets one translation that fits all of
# them. Batch is "série" (S-00001), oven load "charge". The typography
# (non-breaking spaces) is applied at the end of this file.
import os
import re
import xml.etree.ElementTree as ET

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

# The shop floor: projects followed step by step, parts and their labels,
# batches (séries) and the oven, quality control, non-conformities, photos.
FR.update({
    # Menus, actions, models
    'Batch': "Série",
    'Batches': "Séries",
    'Recommended Batch': "Série recommandée",
    'Recommended Batches': "Séries recommandées",
    'Workflow Step': "Étape de production",
    'Workflow Steps': "Étapes de production",
    'Step Validation': "Validation d'étape",
    'Defect Type': "Type de défaut",
    'Defect Types': "Types de défaut",
    'Non-conformity': "Non-conformité",
    'Non-conformities': "Non-conformités",
    'Non-conformity Statistics': "Statistiques des non-conformités",
    'Declare a Non-conformity': "Déclarer une non-conformité",
    'Quality Control': "Contrôle qualité",
    'Quality Control Check': "Point de contrôle qualité",
    'Quality Control Checklist': "Points de contrôle qualité",
    'Quality Control Answer': "Réponse au contrôle qualité",
    'Quality Control Result': "Résultat du contrôle qualité",
    'Quality per Month': "Qualité par mois",
    'Photo': "Photo",
    'Photos': "Photos",
    'Labels': "Étiquettes",
    'Oven Loading Plan': "Plan de chargement du four",
    'Final Report': "Rapport final",
    'Workshop Mode': "Mode atelier",
    # Tabs of the lists
    'In Progress': "En cours",
    'Late': "En retard",
    'Ready': "Prêt",
    'To Cure': "À cuire",
    'Open': "En cours",
    'All': "Tout",

    # Projects
    'Drop-off Date': "Date de dépôt",
    'When the client brought the parts.':
        "Date à laquelle le client a déposé les pièces.",
    'Promised Date': "Date promise",
    'When the parts were promised to the client.':
        "Date à laquelle les pièces ont été promises au client.",
    'End Use': "Destination",
    'Indoor': "Intérieur",
    'Outdoor': "Extérieur",
    'Seaside or Pool': "Bord de mer ou piscine",
    'Industrial': "Industriel",
    'Automotive': "Automobile",
    'Furniture': "Mobilier",
    'Priority': "Priorité",
    # 'Normal' is shared with the spacing of the quote templates.
    'Low': "Basse",
    'High': "Haute",
    'Urgent': "Urgente",
    'Progress': "Avancement",
    'Ready since': "Prêt depuis le",
    'Closed on': "Date de clôture",
    'Past the promised date and not ready yet.':
        "Date promise dépassée et pièces pas encore prêtes.",
    'Delivered': "Livré",
    'Collected': "Récupéré",
    'The parts were delivered to the client?':
        "Les pièces ont-elles été livrées au client ?",
    'The client collected the parts?':
        "Le client a-t-il récupéré les pièces ?",
    'Validate Step': "Valider l'étape",
    'Dates': "Dates",

    # Parts
    'Height (mm)': "Hauteur (mm)",
    'Hanging height (or thickness) of the part.':
        "Hauteur de la pièce suspendue (ou son épaisseur).",
    'For the oven loading plan.': "Pour le plan de chargement du four.",
    "Printed on the part's label with its QR code.":
        "Imprimé sur l'étiquette de la pièce, avec son QR code.",
    'Current Step': "Étape en cours",
    'The next step to validate; empty once delivered.':
        "La prochaine étape à valider ; vide une fois la pièce livrée.",
    'Step Kind': "Type d'étape",
    'History': "Historique",
    'Parameters Used': "Paramètres appliqués",
    'Shop Floor': "Production",

    # Workflow steps and their history
    'Step': "Étape",
    'Steps': "Étapes",
    'Reception': "Réception",
    'Curing': "Cuisson",
    'Touch-up': "Retouche",
    'Delivery': "Livraison",
    'Other': "Autre",
    'Active': "Actif",
    'What the step means for the flow: a batch launch validates the coating '
    'step and its closing the curing step; the quality control step asks '
    'the checklist; "ready" emails the client; a non-conformity sends the '
    'part to touch-up.':
        "Le rôle de l'étape dans le circuit : le lancement d'une série "
        "valide l'étape de laquage et sa clôture l'étape de cuisson ; "
        "l'étape de contrôle qualité fait remplir les points de contrôle ; "
        "« Prêt » prévient le client par e-mail ; une non-conformité envoie "
        "la pièce en retouche.",
    'By': "Par",
    'Time': "Heure",
    'Validated': "Validée",
    'Sent Back': "Renvoyée",
    'Action': "Action",
    'The identifier of the workshop-mode action, so that an action sent '
    'twice is applied once.':
        "L'identifiant de l'action du mode atelier, pour qu'une action "
        "envoyée deux fois ne soit appliquée qu'une fois.",

    # Batches
    'Launched': "Lancée",
    'Closed': "Clôturée",
    'Launch': "Lancer",
    # Also the button closing the recommended batches wizard.
    'Close': "Clôturer",
    'Launched on': "Date de lancement",
    'Units': "Unités",
    'Earliest Promised Date': "Première date promise",
    'Cure (°C)': "Cuisson (°C)",
    'Cure (min)': "Cuisson (min)",
    'Create': "Créer",
    'Create the Selected Batches': "Créer les séries cochées",

    # Quality control
    'Check': "Point de contrôle",
    'Checks': "Points de contrôle",
    'Pass or Fail': "Conforme ou non conforme",
    'Measured Value': "Valeur mesurée",
    'Minimum': "Minimum",
    'Maximum': "Maximum",
    'Unit': "Unité",
    'Tolerance': "Tolérance",
    'Passed': "Conforme",
    'Measured': "Mesure",
    'The defect recorded on the non-conformity opened when this check '
    'fails.':
        "Le défaut inscrit sur la non-conformité ouverte quand ce point de "
        "contrôle n'est pas conforme.",

    # Non-conformities
    'Found at': "Détectée à",
    'Sent Back to': "Renvoyée à",
    'Send Back to': "Renvoyer à",
    'Step Sequence': "Ordre de l'étape",
    'Comment': "Commentaire",
    'Corrective Action': "Action corrective",
    'Declared by': "Déclarée par",
    'Declared on': "Déclarée le",
    'Resolved on': "Résolue le",
    'Resolved': "Résolue",
    'Delay (h)': "Retard (h)",
    'Time from the defect to its resolution.':
        "Temps écoulé entre la déclaration du défaut et sa résolution.",
    'A photo of the defect (optional).':
        "Une photo du défaut (facultatif).",
    'Declare': "Déclarer",
    'Parts Involved': "Pièces concernées",
    'Delay Caused (h)': "Retard causé (h)",
    'Year': "Année",
    'Month': "Mois",
    'Parts with Non-conformity': "Pièces avec non-conformité",
    'Non-conformity Rate': "Taux de non-conformité",

    # Photos
    'Before': "Avant",
    'After': "Après",
    'Defect': "Défaut",
    'Annotation': "Annotation",
    'JPEG, PNG or WebP up to 15 MB; the original is kept.':
        "JPEG, PNG ou WebP jusqu'à 15 Mo ; l'original est conservé.",
    'Original ID': "ID de l'original",
    'File Name': "Nom du fichier",
    'Image (WebP)': "Image (WebP)",
    'Large': "Grand format",
    'Large ID': "ID du grand format",
    'Medium': "Format moyen",
    'Medium ID': "ID du format moyen",
    'Thumbnail': "Miniature",
    'Size (bytes)': "Taille (octets)",
    "What the photo takes of the workshop's quota: the original and every "
    "version.":
        "La place que prend la photo dans le quota de l'atelier : "
        "l'original et toutes ses versions.",
    'Taken by': "Prise par",
    'Purged': "Supprimée",
    'Removed automatically to keep the workshop under its quota.':
        "Supprimée automatiquement pour que l'atelier reste dans son quota.",
    'Purged on': "Supprimée le",
    # On the workshop (company)
    'Photo Storage': "Stockage des photos",
    'Photo Quota (GB)': "Quota de photos (Go)",
    "Storage for the workshop's photos, set by the publisher.":
        "L'espace de stockage des photos de l'atelier, fixé par l'éditeur.",
    'Photo Storage Used (GB)': "Stockage photos utilisé (Go)",
    'Photo Storage Used (%)': "Stockage photos utilisé (%)",
    'Quota Warning Sent on': "Alerte de quota envoyée le",
    'Save': "Enregistrer",
    'To Resolve': "À résoudre",
    'Resolution Time (h)': "Délai de résolution (h)",

    # Settings
    'Part Sequence': "Séquence des pièces",
    "Numbers the parts' labels (P-00001 by default).":
        "Numérote les étiquettes des pièces (P-00001 par défaut).",
    'Batch Sequence': "Séquence des séries",
    'Numbers the batches (S-00001 by default).':
        "Numérote les séries (S-00001 par défaut).",
    'Label Width (mm)': "Largeur des étiquettes (mm)",
    'Label Height (mm)': "Hauteur des étiquettes (mm)",
    'Attach a Photo': "Joindre une photo",
    'The "ready" email carries the project\'s latest photo.':
        "L'e-mail « pièces prêtes » est envoyé avec la dernière photo du "
        "projet.",
    'Attach the Final Report': "Joindre le rapport final",
    'The "ready" email carries the final report (PDF).':
        "L'e-mail « pièces prêtes » est envoyé avec le rapport final (PDF).",
    'Watermark Photos': "Filigrane sur les photos",
    "Draw the workshop's logo on the photos (not on the originals).":
        "Apposer le logo de l'atelier sur les photos (pas sur les "
        "originaux).",
    'Oven': "Four",
    'Oven Length (mm)': "Longueur du four (mm)",
    'Inner dimensions of the curing oven.':
        "Dimensions intérieures du four de cuisson.",
    'Oven Width (mm)': "Largeur du four (mm)",
    'Oven Height (mm)': "Hauteur du four (mm)",
    'Hook Height (mm)': "Hauteur du crochet (mm)",
    'Height taken by the hook above each hanging part.':
        "Hauteur prise par le crochet au-dessus de chaque pièce suspendue.",
    'Safety Margin (mm)': "Marge de sécurité (mm)",
    'Minimum gap between two parts and between a part and the walls: parts '
    'must never touch.':
        "Écart minimal entre deux pièces, et entre une pièce et les parois : "
        "les pièces ne doivent jamais se toucher.",

    # Final report (PDF)
    'Drop-off': "Dépôt",
    'Promised': "Promis le",
    'Parts and Parameters Used': "Pièces et paramètres appliqués",
    'Description': "Description",
    'Primer / Varnish': "Primaire / vernis",
    'Event': "Événement",
    'Result': "Résultat",
    'Pass': "Conforme",
    'Fail': "Non conforme",
    'No check recorded.': "Aucun contrôle enregistré.",
    'Declared': "Déclarée",
    'Sent back to': "Renvoyée à",
    'Comment / Corrective action': "Commentaire / action corrective",
    'No non-conformity.': "Aucune non-conformité.",
    'h': "h",

    # Messages: batches and the oven
    'The batch %(batch)s has no part.':
        "La série %(batch)s ne contient aucune pièce.",
    'The part %(part)s does not have the number of coats of the batch '
    '%(batch)s (%(batch_powder)s).':
        "La pièce %(part)s n'a pas le même nombre de couches que la série "
        "%(batch)s (%(batch_powder)s).",
    'The part %(part)s does not cure like the batch %(batch)s '
    '(%(batch_powder)s): temperature or time too different.':
        "La pièce %(part)s ne cuit pas comme la série %(batch)s "
        "(%(batch_powder)s) : température ou durée trop différente.",
    'The part %(part)s (%(part_powder)s) cannot join the batch %(batch)s '
    '(%(batch_powder)s): a batch never mixes two powders.':
        "La pièce %(part)s (%(part_powder)s) ne peut pas entrer dans la "
        "série %(batch)s (%(batch_powder)s) : une série ne mélange jamais "
        "deux poudres.",
    'The part %(part)s does not have the primer of the batch %(batch)s '
    '(%(batch_powder)s).':
        "La pièce %(part)s n'a pas le même primaire que la série %(batch)s "
        "(%(batch_powder)s).",
    'The part %(part)s does not have the varnish of the batch %(batch)s '
    '(%(batch_powder)s).':
        "La pièce %(part)s n'a pas le même vernis que la série %(batch)s "
        "(%(batch_powder)s).",
    'Tick the batches to create.': "Cochez les séries à créer.",
    'The batch %(batch)s cannot be launched: these parts are not at the '
    'step "%(step)s": %(parts)s.':
        "La série %(batch)s ne peut pas être lancée : ces pièces ne sont "
        "pas à l'étape « %(step)s » : %(parts)s.",
    'Load %(number)s · %(units)s unit(s) · %(fill)s %% of the floor':
        "Charge %(number)s · %(units)s unité(s) · %(fill)s %% de la surface "
        "au sol",
    'earliest promise %(date)s': "première date promise : %(date)s",
    'Enter the inner dimensions of the oven in the powder coating settings '
    'to get a loading plan.':
        "Saisissez les dimensions intérieures du four dans les réglages du "
        "thermolaquage pour obtenir un plan de chargement.",
    'Not placed (dimensions missing or larger than the oven): %(parts)s.':
        "Pièces non placées (dimensions manquantes ou plus grandes que le "
        "four) : %(parts)s.",
    'Oven %(length)s × %(width)s × %(height)s mm, margin %(margin)s mm · '
    '%(units)s unit(s) in %(loads)s load(s) (at least %(bound)s).':
        "Four %(length)s × %(width)s × %(height)s mm, marge %(margin)s mm · "
        "%(units)s unité(s) en %(loads)s charge(s) (minimum possible : "
        "%(bound)s).",

    # Messages: parts, steps, quality control, non-conformities
    'Finished': "Terminée",
    'The part %(part)s is finished: no step to declare a non-conformity at.':
        "La pièce %(part)s est terminée : il n'y a plus d'étape où déclarer "
        "une non-conformité.",
    'The part %(part)s is not at the quality control step.':
        "La pièce %(part)s n'est pas à l'étape de contrôle qualité.",
    'The part %(part)s is not at the step "%(step)s" but at "%(current)s".':
        "La pièce %(part)s n'est pas à l'étape « %(step)s » mais à "
        "« %(current)s ».",
    'The part number must be unique.':
        "Le numéro de pièce doit être unique.",
    'The part %(part)s is at the quality control step: answer the checklist '
    'to validate it.':
        "La pièce %(part)s est à l'étape de contrôle qualité : répondez aux "
        "points de contrôle pour la valider.",
    'The project %(project)s is not ready.':
        "Le projet %(project)s n'est pas prêt.",
    'Answer the check "%(check)s".':
        "Répondez au point de contrôle « %(check)s ».",
    'The step "%(step)s" of the part %(part)s was already validated by '
    '%(user)s on %(date)s.':
        "L'étape « %(step)s » de la pièce %(part)s a déjà été validée par "
        "%(user)s le %(date)s.",
    'A workflow has only one step of the kind "%(kind)s".':
        "Le circuit de production n'a qu'une seule étape de type "
        "« %(kind)s ».",
    'The history of the parts cannot be changed.':
        "L'historique des pièces ne peut pas être modifié.",
    'The workflow lacks a step of kind: %(kinds)s.':
        "Il manque au circuit de production une étape de type : %(kinds)s.",
    'A non-conformity cannot be deleted: it is part of the traceability of '
    'the work.':
        "Une non-conformité ne peut pas être supprimée : elle fait partie de "
        "la traçabilité des travaux.",
    'Send the part back to the touch-up step or to a step before the one '
    'where the defect was found.':
        "Renvoyez la pièce à l'étape de retouche ou à une étape antérieure à "
        "celle où le défaut a été détecté.",

    # Messages: photos and their storage
    'The photo is empty.': "La photo est vide.",
    'The photo weighs %(size)s MB; the maximum is %(max)s MB.':
        "La photo pèse %(size)s Mo ; le maximum est de %(max)s Mo.",
    'This file is not a photo (JPEG, PNG or WebP).':
        "Ce fichier n'est pas une photo (JPEG, PNG ou WebP).",
    'Photos in %(format)s are not accepted: use JPEG, PNG or WebP.':
        "Les photos au format %(format)s ne sont pas acceptées : utilisez "
        "JPEG, PNG ou WebP.",
    'The photo has too many pixels to be processed.':
        "La photo compte trop de pixels pour être traitée.",
    'The photo is damaged and cannot be read.':
        "La photo est endommagée et ne peut pas être lue.",
    'A photo cannot be changed once taken; only its annotation can.':
        "Une photo ne peut plus être modifiée une fois prise ; seule son "
        "annotation peut l'être.",
    'Photos cannot be deleted by hand: they are the traceability of the '
    'work. The oldest are removed automatically when the storage is nearly '
    'full.':
        "Les photos ne peuvent pas être supprimées à la main : elles "
        "assurent la traçabilité des travaux. Les plus anciennes sont "
        "supprimées automatiquement quand le stockage est presque plein.",
    'Photos removed to free storage':
        "Photos supprimées pour libérer de l'espace",
    'Your photo storage reached 90 %% of its %(quota)s GB: %(count)s '
    'photo(s) of your oldest projects were removed automatically (the '
    'projects and their history are kept):\n%(projects)s':
        "Votre stockage de photos a atteint 90 %% de ses %(quota)s Go : "
        "%(count)s photo(s) de vos projets les plus anciens ont été "
        "supprimée(s) automatiquement (les projets et leur historique sont "
        "conservés) :\n%(projects)s",
    'Your photo storage changed': "Votre stockage de photos a changé",
    'Your photo storage went from %(old)s GB to %(new)s GB.':
        "Votre stockage de photos est passé de %(old)s Go à %(new)s Go.",
    'Only the publisher sets the photo storage of a workshop.':
        "Seul l'éditeur fixe le stockage de photos d'un atelier.",
    'Your photo storage is %(percent)s %% full':
        "Votre stockage de photos est plein à %(percent)s %%",
    'Your photos use %(used)s GB of your %(quota)s GB (%(percent)s %%). '
    'From 90 %%, the photos of your oldest projects are removed '
    'automatically.':
        "Vos photos occupent %(used)s Go sur vos %(quota)s Go "
        "(%(percent)s %%). À partir de 90 %%, les photos de vos projets les "
        "plus anciens sont supprimées automatiquement.",

    # Messages: workshop mode (short, read on a tablet)
    'Already recorded.': "Déjà enregistré.",
    'This action is not understood.': "Action non reconnue.",
    'Non-conformity recorded: the part %(part)s goes back to "%(step)s".':
        "Non-conformité enregistrée : la pièce %(part)s revient à "
        "« %(step)s ».",
    'Choose your workshop first.': "Choisissez d'abord votre atelier.",
    'No part %(number)s in your workshop.':
        "Aucune pièce %(number)s dans votre atelier.",
    'Photo of %(part)s recorded.': "Photo de %(part)s enregistrée.",
    'Check failed: a non-conformity is open and the part %(part)s goes to '
    '"%(step)s".':
        "Contrôle non conforme : une non-conformité est ouverte et la pièce "
        "%(part)s part en « %(step)s ».",
    'Quality control of %(part)s passed.':
        "Contrôle qualité de %(part)s conforme.",
    'Step "%(step)s" of %(part)s validated.':
        "Étape « %(step)s » de %(part)s validée.",

    # Labels
    # 'Project' and 'Batch' above; 'Promised' is followed by the date.

    # The "ready" email (project.xml)
    'Project Ready': "Projet prêt",
    'Your parts are ready – ${record.number}':
        "Vos pièces sont prêtes – ${record.number}",
    })

# Added after the first pass over the shop floor.
FR.update({
    'The workshop of the project (labels are numbered per workshop).':
        "L'atelier du projet (les étiquettes sont numérotées par atelier).",
    # The client's documents in the portal.
    'Final report of the project %(number)s':
        "Rapport final du projet %(number)s",
    })
EMAIL_PHRASES += [
    ("Your parts are ready", "Vos pièces sont prêtes"),
    ("The parts of your project ${record.number} are coated, checked and "
        "ready to be collected.",
        "Les pièces de votre projet ${record.number} sont laquées, "
        "contrôlées et prêtes à être récupérées."),
    ("Your client area holds the photos and the final report with the full "
        "traceability of the work.",
        "Votre espace client contient les photos et le rapport final, avec "
        "la traçabilité complète des travaux."),
    ("See my project", "Voir mon projet"),
    ]


def _typography(text):
    """French spacing: a non-breaking space before : ; ? ! % and inside
    « », never before a %(name)s placeholder."""
    text = re.sub(r' (?=[:;?!»]|%(?!\())', '\u00a0', text)
    return text.replace('« ', '«\u00a0')


def _email_bodies():
    "The MJML bodies of the addon's email templates, with their file."
    folder = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..',
        'addons', 'powder_coating')
    for name in sorted(os.listdir(folder)):
        if not name.endswith('.xml'):
            continue
        for record in ET.parse(os.path.join(folder, name)).iter('record'):
            if record.get('model') != 'ir.email.template':
                continue
            for field in record.iter('field'):
                if field.get('name') == 'body':
                    yield name, field.text


FR = {english: _typography(french) for english, french in FR.items()}
for _name, _body in _email_bodies():
    _french = _body
    for _english, _translation in EMAIL_PHRASES:
        _french = _french.replace(_english, _typography(_translation))
    assert _french != _body, f'{_name}: add its email phrases to EMAIL_PHRASES'
    FR[_body] = _french
