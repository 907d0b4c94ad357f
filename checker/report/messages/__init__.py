"""The management report's message catalogues (en.yaml, fr.yaml, es.yaml): data, no code."""
