"""The package's layers: every import (also those inside functions) points down, never up or
sideways into a part above, and no module imports itself through others (no cycle).

A part may import the parts listed before it in LAYERS; `plein.errors` is beneath them all.
"""
import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "plugins" / "plein"
LAYERS = ["model", "config", "git", "policy", "insights", "site", "search", "editor", "serve", "contrib",
          "digest", "review", "forge", "hr", "commands", "plugin", "cli"]
BENEATH_ALL = {"plein", "plein.errors"}
ENTRY_POINTS = {"plein.plugin", "plein.cli"}  # neither imports the other


def modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = ("plein", *path.relative_to(PACKAGE).with_suffix("").parts)
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def imports(name: str, path: Path, known) -> set[str]:
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(up + ([node.module] if node.module else []))
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names]
        else:
            continue
        out.update(t for t in targets if t in known and t != name)
    return out


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports(name, path, known) for name, path in known.items()}


def layer(module: str) -> int | None:
    if module in BENEATH_ALL:
        return None
    return LAYERS.index(module.split(".")[1])


def test_every_module_is_in_a_layer():
    assert not [m for m in graph() if m not in BENEATH_ALL and m.split(".")[1] not in LAYERS]


def test_imports_point_down():
    upward = []
    for module, targets in graph().items():
        for target in targets:
            if target in BENEATH_ALL:
                continue
            if layer(module) is None or layer(target) > layer(module) or \
                    (module in ENTRY_POINTS and target in ENTRY_POINTS):
                upward.append(f"{module} imports {target}")
    assert not upward, "imports that go upward:\n" + "\n".join(sorted(upward))


def test_no_import_cycles():
    edges = graph()
    cycles = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(node, path):
        state[node] = 1
        for target in sorted(edges[node]):
            if state.get(target) == 1:
                cycles.append(" -> ".join(path[path.index(target):] + [target]))
            elif target not in state:
                visit(target, path + [target])
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node, [node])
    assert not cycles, "import cycles:\n" + "\n".join(cycles)


def test_the_test_sees_imports_inside_functions(tmp_path):
    """The cycles this guards against were imports inside functions."""
    known = {"plein.model.a": None, "plein.model.b": None}
    source = tmp_path / "a.py"
    source.write_text("def f():\n    from .b import thing\n    from . import b\n")
    assert imports("plein.model.a", source, known) == {"plein.model.b"}
