import wagtail_factories

from publications.models import ReportDocument


class ReportDocumentFactory(wagtail_factories.DocumentFactory):
    language = "en"

    class Meta:
        model = ReportDocument
