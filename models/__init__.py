"""claimx's rule files, installed as the package data ``claimx.models`` (see README.md here)."""
