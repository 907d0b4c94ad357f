"""Country profiles (YAML); a package only so that installs carry them along."""
