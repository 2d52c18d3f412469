# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
from trytond.exceptions import UserError
from trytond.model.exceptions import ValidationError


class ConnectorError(UserError):
    "An outside service answered, but refused or failed the request."


class ConnectorUnavailableError(UserError):
    "An outside service could not be reached; the work is retried later."


class SettingUniqueError(ValidationError):
    "A workshop has one provider per capability."


class PartyLookupError(UserError):
    "The company register lookup cannot fill a party."


class VatCheckError(UserError):
    "A party's VAT number cannot be checked."
