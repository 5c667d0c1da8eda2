import wagtail_factories

from home.models import CustomImage, HomePage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Home"
    intro = "We help civil society use the Universal Periodic Review."

    class Meta:
        model = HomePage


class CustomImageFactory(wagtail_factories.ImageFactory):
    alt_text = "A workshop on the Universal Periodic Review"
    credit = "Photo: the organisation"

    class Meta:
        model = CustomImage
