from django.db import models

from wagtail.images.models import AbstractImage, AbstractRendition, Image

from home.uploads import clean_upload, guard_upload


class CustomImage(AbstractImage):
    """Images with the credit and description that reuse on other sites requires."""

    alt_text = models.CharField(
        max_length=255,
        blank=True,
        help_text="Describe the image for people who cannot see it. Leave empty if it is decorative.",
    )
    credit = models.CharField(max_length=255, blank=True, help_text="Photographer or copyright holder.")

    admin_form_fields = (*Image.admin_form_fields, "alt_text", "credit")

    class Meta(AbstractImage.Meta):
        verbose_name = "image"
        verbose_name_plural = "images"

    def clean(self):
        super().clean()
        # Wagtail's form has read the format with Willow; this finds a page or script hidden in it.
        clean_upload(self.file)

    def save(self, *args, **kwargs):
        guard_upload(self.file, image=True)
        return super().save(*args, **kwargs)


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    # Made when an answer is first built: no answer changes with it.
    api_versions = ()

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
