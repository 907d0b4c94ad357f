"""The management report's message catalogues (en.yaml, fr.yaml, es.yaml, pt.yaml): data, no code."""
