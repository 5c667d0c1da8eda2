"""Panels of the publication form that show what was read from its PDF files.

Beside each chosen file, its cover and page count; beside the cover image
field, the cover the publication gets when none is chosen (the first
file's, as ``PublicationPage.cover_or_first_page`` picks it).
"""

from wagtail.admin.panels import Panel


class DocumentFactsPanel(Panel):
    """In a file's row of the publication form: the chosen document's cover, pages and processing."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "publications/panels/document_facts.html"

        def get_context_data(self, parent_context=None):
            from publications.processing import processing_states

            context = super().get_context_data(parent_context)
            document = self.instance.document if getattr(self.instance, "document_id", None) else None
            context["document"] = document
            context["processing"] = processing_states([document]).get(document.pk, []) if document else []
            return context


class CoverFallbackPanel(Panel):
    """Beside the cover image field: which cover is used when none is chosen."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "publications/panels/cover_fallback.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            context["cover_chosen"] = bool(page.cover_image_id)
            first_file = next(
                (file for file in page.files.all() if file.document_id and file.document.cover_id), None
            )
            context["first_file"] = first_file
            context["has_files"] = any(file.document_id for file in page.files.all())
            return context
