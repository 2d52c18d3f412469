# French strings of the 10-year archive of account_fr_export (archives
# mensuelles du FEC et des factures), by English msgid (see
# i18n/fill_po.py); non-breaking spaces before « : ; ? ! » and inside « ».
import re

FR = {
    # Models, actions, menus, buttons
    'Monthly Archive': "Archive mensuelle",
    'Archived File': "Fichier archivé",
    'Archive a Month': "Archiver un mois",
    'Archive a Month Now': "Archiver maintenant",
    'Archives': "Archives",
    'Archive': "Archiver",
    'Cancel': "Annuler",
    'Check Integrity': "Vérifier l'intégrité",
    'Integrity': "Intégrité",
    'Archive the Previous Month': "Archiver le mois précédent",
    'Archive Storage': "Stockage d'archive",
    # Fields
    'Month': "Mois",
    'Year': "Année",
    'Company': "Société",
    'Start Date': "Date de début",
    'End Date': "Date de fin",
    'Storage': "Stockage",
    'Location': "Emplacement",
    'Archived On': "Archivé le",
    'Keep Until': "Conserver jusqu'au",
    'State': "État",
    'Manifest': "Manifeste",
    'Manifest SHA-256': "SHA-256 du manifeste",
    'FEC Problems': "Anomalies du FEC",
    'Files': "Fichiers",
    'Last Check': "Dernière vérification",
    'Check Result': "Résultat de la vérification",
    'Kind': "Type",
    'Name': "Nom",
    'Key': "Clé",
    'Size (bytes)': "Taille (octets)",
    'SHA-256': "SHA-256",
    'Invoice': "Facture",
    # Selections
    'Archived': "Archivée",
    'Intact': "Intacte",
    'Altered': "Altérée",
    'FEC': "FEC",
    'January': "Janvier",
    'February': "Février",
    'March': "Mars",
    'April': "Avril",
    'May': "Mai",
    'June': "Juin",
    'July': "Juillet",
    'August': "Août",
    'September': "Septembre",
    'October': "Octobre",
    'November': "Novembre",
    'December': "Décembre",
    # Help texts
    'The archived month (year-month).': "Le mois archivé (année-mois).",
    'The archive storage the files were written to (connector settings, '
    'Archive Storage).':
        "Le stockage d'archive où les fichiers ont été écrits (connecteurs, "
        "Stockage d'archive).",
    "Where the month's files are in the archive storage.":
        "Où se trouvent les fichiers du mois dans le stockage d'archive.",
    'Ten years after the end of the fiscal year: the legal retention of '
    'accounting records and invoices.':
        "Dix ans après la clôture de l'exercice : la conservation légale "
        "des pièces comptables et des factures.",
    'Archived: never checked; Intact or Altered: the result of the last '
    'integrity check.':
        "Archivée : jamais vérifiée ; Intacte ou Altérée : le résultat de "
        "la dernière vérification d'intégrité.",
    'MANIFEST.sha256: the SHA-256 of every file of the month, checked by '
    '« sha256sum -c MANIFEST.sha256 » in its folder.':
        "MANIFEST.sha256 : le SHA-256 de chaque fichier du mois, vérifiable "
        "par « sha256sum -c MANIFEST.sha256 » dans son dossier.",
    'What the FEC validator found in the archived FEC.':
        "Ce que le contrôle du FEC a relevé dans le FEC archivé.",
    "The file name in the month's folder and in the manifest.":
        "Le nom du fichier dans le dossier du mois et dans le manifeste.",
    'Where the file is in the archive storage.':
        "Où se trouve le fichier dans le stockage d'archive.",
    'A month that is over and whose entries are all posted.':
        "Un mois terminé dont toutes les écritures sont validées.",
    "The month's FEC, the PDF of each customer invoice and their SHA-256 "
    "manifest are written to the workshop's archive storage, kept ten "
    "years, and can never be changed. The month must be over and all its "
    "entries posted.":
        "Le FEC du mois, le PDF de chaque facture client et leur manifeste "
        "SHA-256 sont écrits dans le stockage d'archive de l'atelier, "
        "conservés dix ans et ne peuvent plus jamais être modifiés. Le mois "
        "doit être terminé et toutes ses écritures validées.",
    # Messages
    'An archive is kept as it was written: nobody may change or delete it, '
    'nor its files.':
        "Une archive est conservée telle qu'elle a été écrite : personne ne "
        "peut la modifier ni la supprimer, ni ses fichiers.",
    "A workshop's month is archived once.":
        "Un mois d'un atelier n'est archivé qu'une fois.",
    '%(month)s is not over yet: a month is archived once it has ended.':
        "Le mois %(month)s n'est pas terminé : un mois s'archive une fois "
        "fini.",
    '%(month)s is already archived: an archive is never written twice. '
    'Open it in the archives to check its integrity.':
        "Le mois %(month)s est déjà archivé : une archive n'est jamais "
        "écrite deux fois. Ouvrez-la dans les archives pour vérifier son "
        "intégrité.",
    'There is no fiscal year for %(month)s: nothing to archive.':
        "Aucun exercice ne couvre le mois %(month)s : rien à archiver.",
    '%(month)s still has %(count)s unposted entries (the first one: '
    '%(move)s). Post them, then archive the month: nothing was archived.':
        "Le mois %(month)s a encore %(count)s écritures non validées (la "
        "première : %(move)s). Validez-les, puis archivez le mois : rien "
        "n'a été archivé.",
    'Choose the workshop to archive in your preferences (current company).':
        "Choisissez l'atelier à archiver dans vos préférences (société "
        "courante).",
    'The archive storage already holds "%(key)s" with another content than '
    'this month\'s file: nothing was replaced. Compare the stored file with '
    'the books before archiving the month.':
        "Le stockage d'archive contient déjà « %(key)s » avec un autre "
        "contenu que le fichier de ce mois : rien n'a été remplacé. "
        "Comparez le fichier conservé avec la comptabilité avant "
        "d'archiver le mois.",
    '%(name)s: missing from the archive storage.':
        "%(name)s : absent du stockage d'archive.",
    '%(name)s: altered (its SHA-256 is no longer the archived one).':
        "%(name)s : altéré (son SHA-256 n'est plus celui archivé).",
    '%(name)s: added to the archive storage after the archive was written.':
        "%(name)s : ajouté au stockage d'archive après l'écriture de "
        "l'archive.",
    'Intact: the %(count)s files (manifest included) read back with their '
    'archived SHA-256.':
        "Intacte : les %(count)s fichiers (manifeste compris) relus avec "
        "leur SHA-256 archivé.",
    }


def _typography(text):
    "French spacing: a non-breaking space before : ; ? ! and inside « »."
    text = re.sub(r' (?=[:;?!»])', '\u00a0', text)
    return text.replace('« ', '«\u00a0')


FR = {english: _typography(french) for english, french in FR.items()}
