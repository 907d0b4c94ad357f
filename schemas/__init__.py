"""Data, not code: the vocabulary, representation table, columns and rules (YAML).

A package only so that a non-editable install carries these files along."""
