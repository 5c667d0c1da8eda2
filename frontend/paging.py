"""Pages of results and the links between them, kept with the reader's other choices (filters, query)."""


def page_number(request):
    """The page asked for (``?page=``), 1 when it is missing or not a whole number."""
    try:
        return max(int(request.GET.get("page", 1)), 1)
    except ValueError:
        return 1


def link(request, **changes):
    """The query string of this address with ``changes`` (a value of None or "" removes the parameter)."""
    query = request.GET.copy()
    for key, value in changes.items():
        query.pop(key, None)
        if value not in (None, ""):
            query[key] = value
    return "?" + query.urlencode()


def paging(request, total, number, per_page):
    """What the paging template draws: the page, their number, the previous and next links."""
    pages = max((total + per_page - 1) // per_page, 1)
    return {
        "number": number,
        "pages": pages,
        "total": total,
        "previous": link(request, page=number - 1) if number > 1 else None,
        "next": link(request, page=number + 1) if number < pages else None,
    }
