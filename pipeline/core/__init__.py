"""Core: errors, atomic writes, safe cell writing, YAML/XLSX helpers, bilingual text types and
wording. Imports nothing of the project.
"""
