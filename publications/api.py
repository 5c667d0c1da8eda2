"""The documents endpoint of the API: Wagtail's, with the contract every endpoint keeps."""

from wagtail.documents.api.v2.views import DocumentsAPIViewSet as WagtailDocumentsAPIViewSet

from home.api_contract import APIContractMixin


class DocumentsAPIViewSet(APIContractMixin, WagtailDocumentsAPIViewSet):
    """``/api/v2/documents/``; ``?locale=`` is accepted as everywhere (documents are not translated)."""

    known_query_parameters = WagtailDocumentsAPIViewSet.known_query_parameters.union({"locale"})
