"""Country profiles; only examples are bundled (schemas/profiles/examples/)."""
