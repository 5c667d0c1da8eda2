"""What each import run did, and which Wagtail object each Plone item became (so a second run updates)."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class PloneImportRun(models.Model):
    class Status(models.TextChoices):
        SUCCEEDED = "succeeded", _("Succeeded")
        FAILED = "failed", _("Failed")
        DRY_RUN = "dry_run", _("Dry run")

    source = models.CharField(_("source"), max_length=500)
    export_format = models.CharField(_("format"), max_length=32)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices)
    started_at = models.DateTimeField(_("started at"))
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    items_read = models.PositiveIntegerField(_("items read"), default=0)
    report = models.JSONField(_("report"), default=dict, blank=True)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("Plone import")
        verbose_name_plural = _("Plone imports")
        ordering = ["-started_at"]

    def __str__(self):
        return f"{self.source} ({self.get_status_display()}, {self.started_at:%Y-%m-%d %H:%M})"


class PloneItem(models.Model):
    """A Plone content item (by its UID) and the page, document, image or redirect it was imported as."""

    uid = models.CharField(_("Plone UID"), max_length=64, unique=True)
    portal_type = models.CharField(_("Plone type"), max_length=100)
    plone_path = models.CharField(_("Plone path"), max_length=1000)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    # A digest of what the export said about the item: an unchanged item is left alone.
    checksum = models.CharField(max_length=64, blank=True)
    last_run = models.ForeignKey(
        PloneImportRun, null=True, blank=True, on_delete=models.SET_NULL, related_name="items"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("imported Plone item")
        verbose_name_plural = _("imported Plone items")
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.portal_type} {self.plone_path} ({self.uid})"
