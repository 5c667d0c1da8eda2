from tests.legal_aid.conftest import legal_aid_index, request_form  # noqa: F401 (fixtures)
