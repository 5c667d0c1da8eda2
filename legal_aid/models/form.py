"""The page with the request form, built and translated by editors like any Wagtail form page."""

from django.db import models
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField, FormSubmission
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.models import BasePage
from legal_aid.forms import LegalAidRequestPageForm, RequestFormBuilder

from .choices import CORE_FIELDS


class LegalAidFormField(TranslatableMixin, AbstractFormField):
    """A field of the request form. Its key (``clean_name``) is the same in every language; its texts translate."""

    page = ParentalKey("legal_aid.LegalAidRequestPage", on_delete=models.CASCADE, related_name="form_fields")

    panels = [
        FieldPanel(
            "clean_name",
            heading=_("key"),
            help_text=_(
                "The name requests keep the answer under, the same in every language. "
                "Leave empty on a new field to derive it from the label; it cannot change once saved."
            ),
        ),
        *AbstractFormField.panels,
    ]

    translatable_fields = [
        TranslatableField("label"),
        TranslatableField("help_text"),
        TranslatableField("choices"),
        SynchronizedField("clean_name"),
        SynchronizedField("field_type"),
        SynchronizedField("required"),
        SynchronizedField("default_value"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("form field")
        verbose_name_plural = _("form fields")


class LegalAidRequestPage(AbstractForm, BasePage):
    """Where a journalist asks for legal help. Read and submitted through /api/v2/legal-aid/forms/<id>/ only.

    Requests never go to Wagtail's FormSubmission table (clear JSON, listed in
    the "Forms" menu): they are encrypted into a LegalAidRequest.
    """

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("What happens to a request, and whom to call in an emergency instead."),
    )
    thank_you_text = models.TextField(
        _("confirmation text"),
        blank=True,
        help_text=_("Shown after a request was sent, next to its reference and secret."),
    )

    base_form_class = LegalAidRequestPageForm
    form_builder = RequestFormBuilder
    # Headless: there is no page to preview, the front end renders the form from its schema.
    preview_modes = []

    max_count_per_parent = 1
    parent_page_types = ["legal_aid.LegalAidIndexPage"]
    subpage_types = []

    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("intro"),
        TranslatableField("thank_you_text"),
        TranslatableField("form_fields"),
    ]

    api_fields = [
        *BasePage.api_fields,
        APIField("intro"),
        APIField("form_schema_url"),
    ]

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        InlinePanel(
            "form_fields",
            heading=_("Form fields"),
            label=_("Form field"),
            help_text=_(
                "The core fields (name, contact, country, problem, date, description, urgency, language, "
                "consent) must stay; you may relabel them, change their help text and add fields."
            ),
        ),
        FieldPanel("thank_you_text"),
    ]

    class Meta:
        verbose_name = _("legal assistance request form")
        verbose_name_plural = _("legal assistance request forms")

    def save(self, *args, **kwargs):
        if self.pk is None and not self.form_fields.all():
            self.form_fields = [
                LegalAidFormField(
                    clean_name=core.key,
                    label=str(core.label),
                    help_text=str(core.help_text),
                    field_type=core.field_type,
                    required=core.required,
                    sort_order=position,
                )
                for position, core in enumerate(CORE_FIELDS)
            ]
        return super().save(*args, **kwargs)

    @property
    def form_schema_url(self) -> str:
        """Where a front end reads the fields of this form (and sends requests to)."""
        return reverse("wagtailapi:legal-aid:form", args=[self.pk])

    # Nothing of a request is ever stored in clear: no FormSubmission, ever.
    def get_submissions(self):
        return FormSubmission.objects.none()

    def process_form_submission(self, form):
        """A valid form, however it came (Wagtail's own form handling included): the request is kept
        encrypted through the same service as the API's submissions, never as a FormSubmission."""
        from legal_aid.services import submit_request

        return submit_request(self, self.locale.language_code, form.cleaned_data, [])

    def serve(self, request, *args, **kwargs):
        # Headless: the form is read and sent through the API, never posted to the page.
        raise Http404
