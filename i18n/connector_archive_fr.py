# French strings of the connector's archive storage capability (the 10-year
# archive of the FEC and invoices), by English msgid (see i18n/fill_po.py);
# non-breaking spaces before « : ; ? ! » and inside « ».
import re

FR = {
    'Directory on the server (offline)':
        "Répertoire sur le serveur (hors ligne)",
    'S3-compatible object storage': "Stockage objet compatible S3",
    '"%(key)s" is not a valid archive file name: it is made of names of '
    'letters, digits, ".", "_" and "-", separated by "/".':
        "« %(key)s » n'est pas un nom de fichier d'archive valable : il est "
        "fait de noms en lettres, chiffres, « . », « _ » et « - », séparés "
        "par « / ».",
    'The archive already holds "%(key)s": an archived file is never '
    'replaced.':
        "L'archive contient déjà « %(key)s » : un fichier archivé n'est "
        "jamais remplacé.",
    'The archive holds no file "%(key)s".':
        "L'archive ne contient aucun fichier « %(key)s ».",
    'The archive directory "%(root)s" cannot be used (%(error)s). Check its '
    'path in the workshop\'s connector settings (Archive Storage) and that '
    'the server may write there.':
        "Le répertoire d'archive « %(root)s » est inutilisable (%(error)s). "
        "Vérifiez son chemin dans les connecteurs de l'atelier (Stockage "
        "d'archive) et que le serveur peut y écrire.",
    'The S3 archive storage needs the credential "%(key)s": fill it in the '
    'workshop\'s connector settings (Archive Storage).':
        "Le stockage d'archive S3 a besoin de l'identifiant « %(key)s » : "
        "renseignez-le dans les connecteurs de l'atelier (Stockage "
        "d'archive).",
    'The S3 archive storage cannot be reached right now (%(error)s). '
    'Nothing was archived; it will be tried again at the next run.':
        "Le stockage d'archive S3 est injoignable pour le moment "
        "(%(error)s). Rien n'a été archivé ; ce sera retenté au prochain "
        "passage.",
    'The S3 archive storage refused the request (%(code)s: %(detail)s). '
    'Check the bucket, the keys and the region in the workshop\'s connector '
    'settings (Archive Storage).':
        "Le stockage d'archive S3 a refusé la demande (%(code)s : "
        "%(detail)s). Vérifiez le bucket, les clés et la région dans les "
        "connecteurs de l'atelier (Stockage d'archive).",
    'The S3 archive storage kept "%(key)s" with another SHA-256 than the '
    'file sent: it was damaged on the way. Check the storage before '
    'archiving again.':
        "Le stockage d'archive S3 a conservé « %(key)s » avec un autre "
        "SHA-256 que celui du fichier envoyé : il a été abîmé en route. "
        "Vérifiez le stockage avant d'archiver à nouveau.",
    'The archive directory "%(root)s" is outside the server\'s archive area '
    '"%(base)s": choose a directory inside it (the server\'s [connector] '
    'archive_base setting).':
        "Le répertoire d'archives « %(root)s » est en dehors de la zone "
        "d'archives du serveur « %(base)s » : choisissez un répertoire à "
        "l'intérieur (réglage [connector] archive_base du serveur).",
    }


def _typography(text):
    "French spacing: a non-breaking space before : ; ? ! and inside « »."
    text = re.sub(r' (?=[:;?!»])', '\u00a0', text)
    return text.replace('« ', '«\u00a0')


FR = {english: _typography(french) for english, french in FR.items()}
