# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The "ready" email: when every part of a project is ready, the client is
told, with the link to their space and, as the workshop sets it, a photo
of the work and the final report attached."""
import io

from trytond.pool import Pool, PoolMeta
from trytond.transaction import Transaction, without_check_access

from .portal import client_space_url


def photo_attachment(photo):
    """The photo as a high-quality JPEG (every mail client shows JPEG;
    not all show WebP)."""
    from PIL import Image
    data = photo.large or photo.image
    if not data:
        return None
    with Image.open(io.BytesIO(bytes(data))) as image:
        output = io.BytesIO()
        image.convert('RGB').save(output, 'JPEG', quality=90,
            optimize=True)
    return (f'{photo.project.number}.jpg', output.getvalue(), 'image/jpeg')


class Project(metaclass=PoolMeta):
    __name__ = 'powder_coating.project'

    @property
    def portal_url(self):
        "The client's space at the workshop (absolute)."
        return client_space_url(self.company)

    def email_ready(self):
        pool = Pool()
        Email = pool.get('connector.email')
        ModelData = pool.get('ir.model.data')
        Template = pool.get('ir.email.template')
        Configuration = pool.get('powder_coating.configuration')
        ActionReport = pool.get('ir.action.report')
        address = (self.party.email or '').strip()
        if not address:
            return None
        settings = Configuration.get(self.company)
        template = Template(ModelData.get_id(
                'powder_coating', 'email_project_ready'))
        language = (self.party.lang.code if self.party.lang
            else Transaction().context.get('language') or 'fr')
        attachments = []
        with Transaction().set_context(
                language=language, company=self.company.id), \
                without_check_access():
            if settings.ready_photo:
                photos = [p for p in self.photos
                    if not p.purged and p.kind == 'after'] or [
                    p for p in self.photos if not p.purged]
                if photos:
                    attachment = photo_attachment(photos[0])
                    if attachment:
                        attachments.append(attachment)
            if settings.ready_report:
                FinalReport = pool.get('powder_coating.project.final',
                    type='report')
                action = ActionReport(ModelData.get_id(
                        'powder_coating', 'report_project_final'))
                extension, content, _, title = FinalReport.execute(
                    [self.id], {'action_id': action.id})
                attachments.append((f'{title}.{extension}', bytes(content),
                        'application/pdf'))
            return Email.queue_template(template, self,
                company=self.company, to=address, attachments=attachments,
                platform=Email.platform_needed(self.company))
