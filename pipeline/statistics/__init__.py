"""The statistics: the survey object (data + design), estimators, tables, tests, calibration,
allocation. numpy/scipy/pandas only, no file I/O; imports core only.
"""
