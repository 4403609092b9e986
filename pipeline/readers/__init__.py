"""Readers: every file format and encoding in, importers of XLSForms and SPSS dictionaries,
Kobo/ODK exports. Imports core and model.
"""
