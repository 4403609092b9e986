"""Stages: each reads files, calls the statistics and writes files (instruments, clean, weight,
tabulate, compare, export, report).
"""
