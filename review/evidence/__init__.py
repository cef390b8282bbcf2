"""Evidence documents (test reports, licences, certificates): field extraction, validation, cross-checks."""
