"""Git: the history in one pass (log), the operations of the contribution commands (ops) and
finding the intranet repository (repo). Imports only `plein.errors`: beside the model, not on it.
"""
