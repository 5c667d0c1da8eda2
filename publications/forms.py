from wagtail.documents.forms import BaseDocumentForm

from publications.validators import looks_like_pdf, validate_report_pdf


class ReportDocumentForm(BaseDocumentForm):
    """Wagtail's document form, refusing a "PDF" that is not one and a PDF over the size limit."""

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file and hasattr(file, "read"):
            name = getattr(file, "name", "") or ""
            if name.lower().endswith(".pdf") or looks_like_pdf(file):
                validate_report_pdf(file, name)
        return file
