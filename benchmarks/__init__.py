"""Reproducible measurements that print tables (not part of the test run)."""
