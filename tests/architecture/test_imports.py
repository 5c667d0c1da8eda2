"""The import graph of the project: contracts between the apps, and no module that imports itself back.

The contracts live in pyproject.toml ([tool.importlinter]) and are checked by ``lint-imports``
in ``make lint``; they are run here too, with the cycle check import-linter has no contract for.
Imports inside functions count: a loop held together by them is a loop all the same.
"""

import grimp
from importlinter import cli

PACKAGES = (
    "accounts",
    "api",
    "background",
    "backups",
    "cms",
    "demo",
    "home",
    "legal_aid",
    "locales",
    "newsletter",
    "plone_import",
    "programmes",
    "publications",
    "search",
    "upr",
    "users",
)


def cycles(graph):
    """Every loop of imports among the modules, as lists of module names (Tarjan's components)."""
    modules = sorted(module for module in graph.modules if ".migrations." not in module)
    index, low, on_stack, stack, found = {}, {}, set(), [], []
    counter = [0]

    def visit(module):
        index[module] = low[module] = counter[0]
        counter[0] += 1
        stack.append(module)
        on_stack.add(module)
        for imported in sorted(graph.find_modules_directly_imported_by(module)):
            if ".migrations." in imported:
                continue
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == module:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for module in modules:
        if module not in index:
            visit(module)
    return found


def test_no_module_imports_itself_back_through_others():
    graph = grimp.build_graph(*PACKAGES, cache_dir=None)
    assert cycles(graph) == []


def test_the_cycle_check_sees_a_loop(tmp_path, monkeypatch):
    package = tmp_path / "looped"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from looped import b\n")
    (package / "b.py").write_text("def f():\n    from looped import a\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert cycles(grimp.build_graph("looped", cache_dir=None)) == [["looped.a", "looped.b"]]


def test_the_contracts_between_the_apps_are_kept():
    assert cli.lint_imports(no_cache=True) == 0
