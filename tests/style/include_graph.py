#!/usr/bin/env python3
"""include_graph.py SOURCE_DIR: fails when Morgue's own #include graph has a
cycle, or a layer reaches up: lib/ includes nothing of indexer/ or
searcher/, and neither binary's code includes the other's.  Prints each
fault as one line."""
import os
import re
import sys

LAYERS = {"lib": set(), "indexer": {"lib"}, "searcher": {"lib"}}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def headers(root):
    """Every file of the three layers, by its include name, with its layer."""
    found = {}
    for layer in LAYERS:
        base = os.path.join(root, layer)
        for dirpath, _, names in os.walk(base):
            for name in names:
                if name.endswith((".hpp", ".cpp")):
                    path = os.path.join(dirpath, name)
                    # lib/morgue/x.hpp is included as "morgue/x.hpp"; the
                    # binaries' own headers by their bare names.
                    key = os.path.relpath(path, base)
                    found[(layer, key)] = path
    return found


def resolve(layer, name, files):
    for candidate in [layer] + sorted(LAYERS[layer]) + [l for l in LAYERS if l != layer]:
        if (candidate, name) in files:
            return (candidate, name)
    return None


def main():
    root = sys.argv[1]
    files = headers(root)
    graph, faults = {}, []
    for node, path in files.items():
        text = open(path, encoding="utf-8").read()
        edges = []
        for name in INCLUDE.findall(text):
            target = resolve(node[0], name, files)
            if target is None:
                continue  # generated or system-like
            if target[0] != node[0] and target[0] not in LAYERS[node[0]]:
                faults.append(f"{path}: includes {target[0]}/{target[1]}: {node[0]} may use only "
                              f"{', '.join(sorted(LAYERS[node[0]])) or 'itself'}")
            edges.append(target)
        graph[node] = edges
    # Cycles among headers (a .cpp is never included).
    state = {}

    def visit(node, stack):
        state[node] = "open"
        stack.append(node)
        for nxt in graph.get(node, []):
            if state.get(nxt) == "open":
                cycle = stack[stack.index(nxt):] + [nxt]
                faults.append("include cycle: " + " -> ".join(f"{l}/{n}" for l, n in cycle))
            elif nxt not in state:
                visit(nxt, stack)
        stack.pop()
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [])
    for f in faults:
        print(f)
    return 1 if faults else 0


if __name__ == "__main__":
    sys.exit(main())
