"""The model: staff files read, checked and cross-linked into one immutable `Org`.

Owns the field declarations (fields), the YAML readers (yamlio, lineyaml, quickyaml), finding
and parsing files (scan, parse), the loader (load) with its parse cache and parallel and fast
paths, the records (org), validation across files (validate), problems, photo checks and the
JSON Schemas. The bottom layer: imports nothing of Plein but `plein.errors`.
"""
