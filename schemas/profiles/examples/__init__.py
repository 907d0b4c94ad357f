"""Example country profiles (YAML), applied only when named: a package so that installs carry them."""
