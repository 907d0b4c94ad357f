"""The management report\x27s message catalogues (en.yaml, fr.yaml, es.yaml): data, no code."""
